/** The files generated from the rule records (`npm run generate`) are what the records give, and the registry is the rule files. */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, ruleIdsTagged } from '../../server/src/rules';
import { RULE_TAGS } from '../../server/src/rules/rule';
import { ENGINE_CODES } from '../../server/src/service/engine-codes';
import { orderRules, renderGenerated } from '../../scripts/render-rules';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('generated from the rule records', () => {
  it('the registry lists every rule file of server/src/rules, in registry order, each id its file name', () => {
    const dir = join(ROOT, 'server/src/rules');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && /^export const rule\b/m.test(readFileSync(join(dir, f), 'utf8'))).map((f) => f.slice(0, -3));
    assert.deepEqual(RULES.map((r) => r.id).sort(), files.sort());
    assert.deepEqual(RULES.map((r) => r.id), orderRules(RULES).map((r) => r.id));
  });

  it('every tag is documented in RULE_TAGS, and the queried tags hold exactly their rules', () => {
    for (const r of RULES) for (const t of r.tags) assert.ok(t in RULE_TAGS && t !== 'engine', `${r.id}: ${t}`);
    assert.deepEqual(ruleIdsTagged('identity').sort(), ['balance', 'column-total', 'review-total', 'row-total']);
    assert.deepEqual(ruleIdsTagged('total').sort(), ['column-total', 'review-total', 'row-total']);
    assert.deepEqual(ruleIdsTagged('cross-report').sort(), ['carry-over', 'copied-text', 'in-force-rollforward', 'rollup-total', 'year-over-year']);
  });

  it('the registry, package.json, the configuration schema and the README table are up to date (run `npm run generate`)', () => {
    for (const [path, text] of Object.entries(renderGenerated(read, RULES, ENGINE_CODES))) {
      assert.ok(read(path) === text, `${path} differs from what the rule records give: run \`npm run generate\``);
    }
  });
});
