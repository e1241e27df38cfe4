/**
 * The proofreading rules beyond their fixtures: a notice keeps being read however its year is bracketed,
 * and then gets exactly one bracket finding; unbalanced marks are one finding per paragraph; the preamble's
 * count is silent when a section is missing (missing-section's finding).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { unbalancedAt } from '../../server/src/rules/unbalanced-brackets';
import { readFixture } from './helpers';

const codes = (text: string, code: string) => analyze(text).diagnostics.filter((d) => d.code === code);

describe('document-number', () => {
  const superseded = readFixture('rules', 'outdated-basis', 'invalid-superseded.txt');
  for (const [open, close] of [['【', '】'], ['[', ']'], ['（', '）'], ['(', ')'], ['［', '］']]) {
    it(`the superseded format notice written ${open}2019${close} is still recognised, and its brackets get one fix`, () => {
      const text = superseded.replace('〔2019〕', `${open}2019${close}`);
      assert.equal(codes(text, 'outdated-basis').length, codes(superseded, 'outdated-basis').length);
      assert.ok(codes(text, 'outdated-basis').length >= 1);
      const ds = codes(text, 'document-number');
      assert.equal(ds.length, 1);
      assert.equal(text.slice(ds[0].start, ds[0].end), `${open}2019${close}`);
      const fixed = ds[0].fix!.edits.slice().sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
      assert.equal(fixed, superseded);
      // No second finding for the same brackets from the half-width punctuation rule.
      assert.deepEqual(analyze(text).diagnostics.filter((d) => d.start < ds[0].end && d.end > ds[0].start && d.code !== 'document-number' && d.code !== 'outdated-basis').map((d) => d.code), []);
    });
  }
  it('a year in brackets that is not a document number is silent', () => {
    const base = readFixture('rules', 'missing-section', 'valid-balanced.txt');
    assert.deepEqual(codes(base.replace('全年通过', '本年度（2023）共开展检查3次，全年通过'), 'document-number'), []);
  });
});

describe('unbalanced-brackets', () => {
  it('finds the first mark left alone, once', () => {
    assert.equal(unbalancedAt('依据（五项和（六）项'), 2);
    assert.equal(unbalancedAt('一是《条例》（试行）》'), 10);
    assert.equal(unbalancedAt('“放管服”（含“一网通办”）'), -1);
    assert.equal(unbalancedAt('1）加强培训；2）完善制度；（3)规范答复'), -1);
    assert.equal(unbalancedAt('（一）《条例》“')	, 7);
  });
  it('a closer whose opener is in table debris above the paragraph is not reported', () => {
    assert.equal(unbalancedAt('之和，等于第三项加第四项之和）', true, false), -1);
    assert.equal(unbalancedAt('之和，等于第三项加第四项之和）', false, false), 14);
  });
  it('one finding per paragraph however many marks are unbalanced', () => {
    const base = readFixture('rules', 'missing-section', 'valid-balanced.txt');
    const text = base.replace('全年通过', '依据（五项和（六项和《条例》》，全年通过');
    assert.equal(codes(text, 'unbalanced-brackets').length, 1);
  });
});

describe('preamble-parts', () => {
  it('silent when the report lacks a section the preamble counts', () => {
    const five = readFixture('rules', 'preamble-parts', 'invalid-five-parts.txt');
    assert.equal(codes(five, 'preamble-parts').length, 1);
    const cut = five.slice(0, five.indexOf('## 六、')).replace('五个部分', '六个部分');
    assert.deepEqual(codes(cut, 'preamble-parts'), []);
  });
});
