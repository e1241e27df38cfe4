// Keeps the configuration file's JSON schema in step with the rules: its `rules` properties are the
// `ogiReport.rules` properties of package.json (a test checks both against the rule registry).
// Run: node scripts/sync-schema.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const path = 'schemas/ogi-report.config.schema.json';
const schema = JSON.parse(readFileSync(path, 'utf8'));
const rules = pkg.contributes.configuration.properties['ogiReport.rules'].properties;
const template = Object.values(schema.properties.rules.properties)[0];
schema.properties.rules.properties = Object.fromEntries(Object.keys(rules).map((id) => [id, schema.properties.rules.properties[id] ?? template]));
writeFileSync(path, JSON.stringify(schema, null, 2) + '\n');
console.log(`${Object.keys(rules).length} rules in ${path}`);
