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

describe('agency-name', () => {
  const base = readFixture('rules', 'agency-name', 'valid-short-forms.txt');
  it('a variant is reported with the title\'s form; the allowed word and short forms are not', () => {
    const text = base.replace('本局在', '平潭综合试验区财政金融局在');
    const ds = codes(text, 'agency-name');
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['平潭综合试验区']);
    assert.equal(ds[0].fix?.edits[0].newText, '平潭综合实验区');
    const allowed = analyze(text, { ruleOptions: { 'agency-name': { dictionary: { allow: ['平潭综合试验区'] } } } });
    assert.deepEqual(allowed.diagnostics.filter((d) => d.code === 'agency-name'), []);
  });
  it('a 区人民政府 report may write 区政府 and drop its city', () => {
    const gov = readFixture('rules', 'missing-section', 'valid-balanced.txt')
      .replace('# 清河镇人民政府', '# 淮安市洪泽区人民政府').replace('清河镇认真', '洪泽区政府认真').replace('本镇无其他', '洪泽区人民政府无其他');
    assert.deepEqual(codes(gov, 'agency-name'), []);
  });
});

describe('number-spacing', () => {
  it('spaces between a heading and its paragraph on one line are not reported', () => {
    const text = readFixture('rules', 'missing-section', 'valid-balanced.txt').replace('## 一、总体情况\n\n2023年', '## 一、总体情况 2023年');
    assert.deepEqual(codes(text, 'number-spacing'), []);
  });
});

describe('agency-name short forms', () => {
  it('住房城乡建设局 is an accepted short form of 住房和城乡建设局; 住房和城乡建设厅 is another body', () => {
    const base = readFixture('rules', 'missing-section', 'valid-balanced.txt')
      .replace('# 清河镇人民政府', '# 清河县住房和城乡建设局').replace('清河镇认真', '清河县住房城乡建设局认真');
    assert.deepEqual(codes(base, 'agency-name'), []);
    const typo = base.replace('清河县住房城乡建设局认真', '清河县住房和城多建设局认真');
    assert.deepEqual(codes(typo, 'agency-name').map((d) => typo.slice(d.start, d.end)), ['住房和城多建设局']);
  });
});
