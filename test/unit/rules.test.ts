/**
 * One fixture folder per rule: valid-* files are silent; invalid-* files match their golden and
 * report the rule; fixable rules' fixes are checked against `*.fixed.txt` and must then be silent.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, analyze, fixAll } from '../../server/src/service/analyze';
import { FIXTURES, checkGolden, listFiles, readFixture, renderDiagnostics } from './helpers';

const RULE_DIR = join(FIXTURES, 'rules');
const TOTAL_RULES = ['row-total', 'column-total', 'review-total'];

describe('rule fixtures', () => {
  it('every rule has a fixture folder with valid and invalid files', () => {
    for (const rule of RULES) {
      const files = listFiles(join(RULE_DIR, rule.id));
      assert.ok(files.some((f) => f.startsWith('valid-')), `${rule.id}: no valid-* fixture`);
      assert.ok(files.some((f) => /^invalid-.*(?<!\.fixed)\.txt$/.test(f)), `${rule.id}: no invalid-* fixture`);
    }
  });

  for (const rule of RULES) {
    const dir = join(RULE_DIR, rule.id);
    describe(rule.id, () => {
      for (const file of listFiles(dir, (f) => f.startsWith('valid-') && f.endsWith('.txt'))) {
        it(`${file} is silent`, () => {
          const a = analyze(readFixture('rules', rule.id, file));
          assert.equal(renderDiagnostics(a), '\n');
        });
      }
      // Cross-report rules need their companion reports: workspace-rules.test.ts runs their invalid cases.
      const invalid = rule.tags.includes('cross-report') ? [] : listFiles(dir, (f) => f.startsWith('invalid-') && f.endsWith('.txt') && !f.includes('.fixed.') && !f.includes('.golden.'));
      for (const file of invalid) {
        it(`${file} reports ${rule.id} as in its golden`, () => {
          const text = readFixture('rules', rule.id, file);
          const a = analyze(text);
          assert.ok(a.diagnostics.some((d) => d.code === rule.id), `${file} does not report ${rule.id}`);
          checkGolden(join(dir, file.replace(/\.txt$/, '.golden.txt')), renderDiagnostics(a));
          if (!rule.fixable || !a.diagnostics.some((d) => d.code === rule.id && d.fix)) return;
          const fixed = fixAll(text);
          checkGolden(join(dir, file.replace(/\.txt$/, '.fixed.txt')), fixed.text);
          const again = analyze(fixed.text);
          assert.ok(!again.diagnostics.some((d) => d.code === rule.id), `${rule.id} still reported after the fix`);
          assert.ok(!again.diagnostics.some((d) => d.fix && d.fix.kind !== 'suggestion'), 'something fixable remains after fixAll');
          if (TOTAL_RULES.includes(rule.id)) {
            assert.ok(!again.diagnostics.some((d) => TOTAL_RULES.includes(d.code)), 'total rules not silent after the fix');
          }
        });
      }
    });
  }

  it('only the wrong （七）自然人 cell changes when it alone is wrong; 总计 beside it is not "corrected"', () => {
    const text = readFixture('rules', 'column-total', 'invalid-seventh-natural.txt');
    const a = analyze(text);
    assert.ok(a.diagnostics.some((d) => d.code === 'row-total' && !d.fix), 'row-total on （七）总计 must not offer a fix');
    const fixed = fixAll(text).text;
    const before = text.split('\n');
    const after = fixed.split('\n');
    const changed = before.map((l, i) => [l, after[i]]).filter(([x, y]) => x !== y);
    assert.equal(changed.length, 1);
    assert.equal(changed[0][0].replace('122', '121'), changed[0][1]);
    assert.ok(changed[0][1].endsWith('\t134'), '总计 134 must stay');
  });

  it('a wrong detail row total is fixed in place; the column identity then holds without touching （七）', () => {
    const text = readFixture('rules', 'row-total', 'invalid-row-total.txt');
    const fixed = fixAll(text).text;
    assert.equal(fixed, text.replace('\t1\t1\t33', '\t1\t1\t32'));
  });

  it('balance offers only a non-preferred suggestion, never an automatic fix', () => {
    const a = analyze(readFixture('rules', 'balance', 'invalid-carryover.txt'));
    const b = a.diagnostics.filter((d) => d.code === 'balance');
    assert.equal(b.length, 2);
    assert.ok(b.every((d) => !d.fix && d.suggestions.length === 1));
    assert.match(b[0].message.zh, /一 \+ 二 = 120 \+ 6 = 126，三（七）\+ 四 = 121 \+ 4 = 125/);
    assert.equal(fixAll(a.text).text, a.text);
  });

  it('messages exist in Chinese and English and name the numbers', () => {
    const a = analyze(readFixture('rules', 'row-total', 'invalid-row-total.txt'));
    const d = a.diagnostics.find((x) => x.code === 'row-total')!;
    assert.equal(d.message.zh, '“1.本机关不掌握相关政府信息”总计应为 32（28+2+0+0+1+1），实为 33');
    assert.match(d.message.en, /should be 32 \(28\+2\+0\+0\+1\+1\), found 33/);
  });
});
