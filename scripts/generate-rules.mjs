// Writes the files generated from the rule records: server/src/rules/index.ts (the registry, from the
// rule files of that folder), the `ogiReport.rules` setting in package.json, the configuration file's
// schema and the README rule table. The records are read by bundling the rule files with esbuild.
//   npm run generate             write them
//   npm run generate -- --check  exit 1, naming the stale files, when any differs from what is written
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const RULE_DIR = join(ROOT, 'server/src/rules');
const check = process.argv.includes('--check');

/** Rule files: the folder's .ts files that export `rule` (rule.ts, index.ts and shared helpers do not). */
export function ruleFiles() {
  return readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts')
    .filter((f) => /^export const rule\b/m.test(readFileSync(join(RULE_DIR, f), 'utf8')))
    .map((f) => f.slice(0, -3)).sort();
}

async function loadRecords(ids) {
  const entry = [
    ...ids.map((id, i) => `import { rule as r${i} } from './${id}';`),
    `export const rules = [${ids.map((_, i) => `r${i}`).join(', ')}];`,
    "export { ENGINE_CODES } from '../service/engine-codes';",
    "export { RULE_TAGS, validOption } from './rule';",
    "export * from '../../../scripts/render-rules';",
  ].join('\n');
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: RULE_DIR, loader: 'ts', sourcefile: 'records.ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'error',
    external: ['@embedpdf/pdfium'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'ogi-rules-'));
  try {
    const file = join(dir, 'records.cjs');
    writeFileSync(file, out.outputFiles[0].text);
    return createRequire(import.meta.url)(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function validate(ids, m) {
  const problems = [];
  m.rules.forEach((r, i) => {
    const where = `server/src/rules/${ids[i]}.ts`;
    if (r.id !== ids[i]) problems.push(`${where}: id "${r.id}" is not the file name`);
    if (!r.names?.zh || !r.names?.en) problems.push(`${where}: names {zh, en} missing`);
    if (!r.description?.zh || !r.description?.en) problems.push(`${where}: description {zh, en} missing`);
    if (!r.tags.length) problems.push(`${where}: no tags`);
    for (const t of r.tags) if (!(t in m.RULE_TAGS) || t === 'engine') problems.push(`${where}: tag "${t}" is not one of RULE_TAGS (rules/rule.ts)`);
    for (const [name, o] of Object.entries(r.options ?? {})) {
      if (name === 'severity') problems.push(`${where}: an option cannot be named "severity"`);
      if (!o.description?.zh || !o.schema || o.default === undefined) problems.push(`${where}: option ${name} needs description, schema and default`);
      else if (!m.validOption(o, o.default)) problems.push(`${where}: option ${name}: the default ${JSON.stringify(o.default)} does not fit its schema`);
    }
  });
  for (const c of m.ENGINE_CODES) if (ids.includes(c.id)) problems.push(`engine code ${c.id} is also a rule`);
  return problems;
}

export async function generate({ check: onlyCheck = false } = {}) {
  const ids = ruleFiles();
  const m = await loadRecords(ids);
  const problems = validate(ids, m);
  if (problems.length) {
    for (const p of problems) console.error(p);
    return 1;
  }
  const read = (p) => readFileSync(join(ROOT, p), 'utf8');
  const files = m.renderGenerated(read, m.rules, m.ENGINE_CODES);
  const stale = Object.entries(files).filter(([p, text]) => { try { return read(p) !== text; } catch { return true; } }).map(([p]) => p);
  if (onlyCheck) {
    if (stale.length) {
      console.error(`Generated files differ from the rule records: ${stale.join(', ')}. Run \`npm run generate\` and commit the result.`);
      return 1;
    }
    console.log(`${ids.length} rules: generated files up to date`);
    return 0;
  }
  for (const p of stale) writeFileSync(join(ROOT, p), files[p]);
  console.log(`${ids.length} rules${stale.length ? `; wrote ${stale.join(', ')}` : '; nothing changed'}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await generate({ check });
