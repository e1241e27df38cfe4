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
    assert.match(d.message.zh, /^表三“1\.本机关不掌握相关政府信息·总计”应为 32，实为 33（本行 28\+2\+0\+0\+1\+1 = 32；/);
    assert.match(d.message.en, /should be 32, found 33 \(its row: 28\+2\+0\+0\+1\+1 = 32; /);
  });
});
