/**
 * The one rule harness: one fixture folder per rule, `test/fixtures/rules/<id>/`, each case checked with ONLY
 * its rule on (every other rule 'off'; engine codes such as workspace-match still apply). A case
 * `<case>.txt` with a folder `<case>/` beside it is checked in a workspace of itself and the reports in that
 * folder (last year's report, a region's children and its manifest). valid-* cases are silent; invalid-*
 * cases report the rule and match their golden (related locations in other files included); fixable rules'
 * fixes are checked against `*.fixed.txt` and must then be silent. Whole-report scenarios with every rule on
 * live in corpus.test.ts, seeds.test.ts and patterns.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AnalyzeOptions, RULES, analyze, fixAll } from '../../server/src/service/analyze';
import { buildWorkspaceIndex } from '../../server/src/workspace';
import { FIXTURES, checkGolden, listFiles, readFixture, renderDiagnostics } from './helpers';

const RULE_DIR = join(FIXTURES, 'rules');
// row-total, column-total, review-total (the tag lands with the rules branch; until then this check is skipped).
const TOTAL_RULES = RULES.filter((r) => r.tags.includes('total')).map((r) => r.id);
const CROSS = RULES.filter((r) => r.tags.includes('cross-report'));

/** Only these rules on, at their default severity. */
const only = (...ids: string[]): AnalyzeOptions['rules'] => Object.fromEntries(RULES.map((r) => [r.id, ids.includes(r.id) ? undefined : 'off']));

/** A case and, if it has a folder of companion reports beside it, the workspace they make with it. */
function loadCase(dir: string, file: string) {
  const path = join(dir, file);
  const companions = join(dir, file.replace(/\.txt$/, ''));
  const others = listFiles(companions).map((f) => join(companions, f));
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (!others.length) return { text, companions: 0 };
  const index = buildWorkspaceIndex([{ path, text }, ...others.map((p) => ({ path: p, text: readFileSync(p, 'utf8') }))]);
  return { text, companions: others.length, workspace: { index, path } };
}

describe('rule fixtures', () => {
  it('every rule has a fixture folder with valid and invalid files', () => {
    for (const rule of RULES) {
      const files = listFiles(join(RULE_DIR, rule.id));
      assert.ok(files.some((f) => f.startsWith('valid-')), `${rule.id}: no valid-* fixture`);
      assert.ok(files.some((f) => /^invalid-.*(?<!\.fixed)\.txt$/.test(f)), `${rule.id}: no invalid-* fixture`);
    }
  });

  it('there are five cross-report rules', () => {
    assert.deepEqual(CROSS.map((r) => r.id).sort(), ['carry-over', 'copied-text', 'in-force-rollforward', 'rollup-total', 'year-over-year']);
  });

  for (const rule of RULES) {
    const dir = join(RULE_DIR, rule.id);
    const cross = rule.tags.includes('cross-report');
    const options = (c: ReturnType<typeof loadCase>) => ({ rules: only(rule.id), workspace: c.workspace });
    describe(rule.id, () => {
      for (const file of listFiles(dir, (f) => /^valid-.*\.txt$/.test(f))) {
        it(`${file} is silent`, () => {
          const c = loadCase(dir, file);
          if (cross) assert.ok(c.companions > 0, 'a valid cross-report case has companion reports');
          assert.equal(renderDiagnostics(analyze(c.text, options(c)), dir), '\n');
        });
      }
      for (const file of listFiles(dir, (f) => /^invalid-.*\.txt$/.test(f) && !f.includes('.fixed.') && !f.includes('.golden.'))) {
        it(`${file} reports ${rule.id} as in its golden`, () => {
          const c = loadCase(dir, file);
          const a = analyze(c.text, options(c));
          assert.ok(a.diagnostics.some((d) => d.code === rule.id), `${file} does not report ${rule.id}`);
          checkGolden(join(dir, file.replace(/\.txt$/, '.golden.txt')), renderDiagnostics(a, dir));
          if (cross) assert.ok(!analyze(c.text, { rules: only(rule.id) }).diagnostics.some((d) => d.code === rule.id), 'silent without the workspace');
          if (!rule.fixable || !a.diagnostics.some((d) => d.code === rule.id && d.fix)) return;
          const fixed = fixAll(c.text, options(c));
          checkGolden(join(dir, file.replace(/\.txt$/, '.fixed.txt')), fixed.text);
          const again = analyze(fixed.text, options(c));
          assert.ok(!again.diagnostics.some((d) => d.code === rule.id), `${rule.id} still reported after the fix`);
          assert.ok(!again.diagnostics.some((d) => d.fix && d.fix.kind !== 'suggestion'), 'something fixable remains after fixAll');
          if (TOTAL_RULES.includes(rule.id)) {
            const totals = analyze(fixed.text, { rules: only(...TOTAL_RULES), workspace: c.workspace });
            assert.ok(!totals.diagnostics.some((d) => TOTAL_RULES.includes(d.code)), 'total rules not silent after the fix');
          }
        });
      }
    });
  }

  it('only the wrong （七）自然人 cell changes when it alone is wrong: one diagnostic on that cell, 总计 beside it is left', () => {
    const text = readFixture('rules', 'row-total', 'invalid-seventh-natural.txt');
    const a = analyze(text);
    const arithmetic = a.diagnostics.filter((d) => ['row-total', 'column-total', 'balance'].includes(d.code));
    assert.equal(arithmetic.length, 1, 'one wrong figure, one finding');
    assert.equal(text.slice(arithmetic[0].start, arithmetic[0].end), '122');
    assert.match(arithmetic[0].message.zh, /应为 121，实为 122/);
    const fixed = fixAll(text).text;
    const before = text.split('\n');
    const after = fixed.split('\n');
    const changed = before.map((l, i) => [l, after[i]]).filter(([x, y]) => x !== y);
    assert.equal(changed.length, 1);
    assert.equal(changed[0][0].replace('122', '121'), changed[0][1]);
    assert.ok(changed[0][1].endsWith('\t134'), '总计 134 must stay');
  });

  it('57 typed as 75: one diagnostic on that total, none on the correct （七）总计 134', () => {
    const text = readFixture('rules', 'row-total', 'invalid-swapped-digits.txt');
    const a = analyze(text);
    const arithmetic = a.diagnostics.filter((d) => ['row-total', 'column-total', 'balance'].includes(d.code));
    assert.equal(arithmetic.length, 1);
    assert.equal(text.slice(arithmetic[0].start, arithmetic[0].end), '75');
    assert.equal(fixAll(text).text, readFixture('rules', 'row-total', 'valid-balanced.txt'));
  });

  it('a wrong detail row total is fixed in place; the column identity then holds without touching （七）', () => {
    const text = readFixture('rules', 'row-total', 'invalid-row-total.txt');
    const fixed = fixAll(text).text;
    assert.equal(fixed, text.replace('\t1\t1\t33', '\t1\t1\t32'));
  });

  it('a whole row changed consistently cannot be pinned: column-total on （七）, naming the candidates, and no automatic fix', () => {
    const text = readFixture('rules', 'column-total', 'invalid-detail-changed.txt');
    const a = analyze(text);
    const d = a.diagnostics.filter((x) => x.code === 'column-total');
    assert.equal(d.length, 2);
    assert.ok(d.every((x) => !x.fix && /无法确定哪个数字有误/.test(x.message.zh)));
    assert.equal(fixAll(text).text, text);
  });

  it('balance offers only suggestions that each change a whole row (一, 二 or 四), never an automatic fix', () => {
    const a = analyze(readFixture('rules', 'balance', 'invalid-carryover.txt'));
    const b = a.diagnostics.filter((d) => d.code === 'balance');
    assert.equal(b.length, 2);
    assert.ok(b.every((d) => !d.fix && d.suggestions.length === 3 && d.suggestions.every((s) => s.edits.length === 2)));
    assert.match(b[0].message.zh, /一 \+ 二 = 120 \+ 6 = 126，三（七）\+ 四 = 121 \+ 4 = 125/);
    assert.equal(fixAll(a.text).text, a.text);
  });

  it('messages exist in Chinese and English and name the numbers', () => {
    const a = analyze(readFixture('rules', 'row-total', 'invalid-row-total.txt'));
    const d = a.diagnostics.find((x) => x.code === 'row-total')!;
    assert.match(d.message.zh, /^表三“1\.本机关不掌握相关政府信息·总计”应为 32，实为 33（本行 28\+2\+0\+0\+1\+1 = 32；/);
    assert.match(d.message.en, /should be 32, found 33 \(its row: 28\+2\+0\+0\+1\+1 = 32; /);
  });
});
