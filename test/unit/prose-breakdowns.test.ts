/**
 * Prose the engine reads beyond single table figures: breakdowns (a whole and its listed parts), shares of
 * a listed part, and this year's figures dated last year. What a writer sees: a finding with the figures,
 * a hover that shows the sum, and silence on partial lists and on real reports (the corpus).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readBreakdowns } from '../../server/src/model/claims/breakdown';
import { parseReport } from '../../server/src/model/report';
import { RULES, analyze } from '../../server/src/service/analyze';
import { hover } from '../../server/src/service/hover';
import { buildWorkspaceIndex } from '../../server/src/workspace';
import { CORPUS, corpusReports, readFixture } from './helpers';

const only = (...ids: string[]) => Object.fromEntries(RULES.map((r) => [r.id, ids.includes(r.id) ? undefined : 'off'])) as Record<string, 'off' | undefined>;
const base = readFixture('matrix', '2021-tab.txt');
const ANCHOR = '依据《条例》第二十条第（五）项公开行政许可办理结果。';
/** The tab-layout report of the matrix with `para` as a paragraph of its overview. */
const withProse = (para: string) => base.replace(ANCHOR, `${ANCHOR}\n\n${para}`);
const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};

describe('breakdowns in the prose', () => {
  it('reports parts that fall short of their whole, with the figures, as a warning', () => {
    const text = withProse('全年共梳理政府信息400条，其中主动公开150条，依申请公开120条，不予公开100条。');
    const d = analyze(text, { rules: only('breakdown-sum') }).diagnostics;
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'warning');
    assert.equal(text.slice(d[0].start, d[0].end), '400');
    assert.match(d[0].message.zh, /150 \+ 120 \+ 100 = 370条，少30条/);
    assert.equal(d[0].related?.length, 3);
  });

  it('is an error when the list names its own rest (其他), and offers no figure change then', () => {
    const text = withProse('在主动公开的52条信息中，机构职能类3条，政策文件类9条，规划计划类14条，其他类40条。');
    const d = analyze(text, { rules: only('breakdown-sum') }).diagnostics;
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'error');
    assert.match(d[0].message.zh, /3 \+ 9 \+ 14 \+ 40 = 66条，多14条/);
    assert.equal(d[0].suggestions.length, 0);
  });

  it('leaves partial lists, inexact figures, changes and overlapping channels alone', () => {
    for (const para of [
      '全年共发布信息400条，其中政策文件150条，工作动态120条，通知公告100条等。',
      '全年共发布信息400条，包括政策文件150条，工作动态120条，通知公告100条。',
      '全年共发布信息400余条，其中政策文件150条，工作动态120条，通知公告100条。',
      '全年共发布信息约400条，其中政策文件150条，工作动态120条，通知公告100条。',
      '全年发布信息较上年增加400条，其中政策文件150条，工作动态120条，通知公告100条。',
      '全年共发布信息400条，其中政策文件150条，工作动态120条，其余为通知公告。',
      '全年共发布信息400条，其中政策文件150条，工作动态120条，较上年增长15%。',
      '全年共发布信息400条，其中政策文件150条（含解读20条），工作动态120条，通知公告100条。',
      '全年共发布信息400条，其中政府网站发布400条，政务微信发布200条，政务微博发布150条。',
      '全年共发布信息300条，其中政策文件150条，工作动态120条。',
      '全年共发布信息400条，其中网站发布150条，微信发布120条，微博发布100条。',
      '全年共办理人大建议15件、政协提案20件，其中主办10件，协办25件。',
      '全年共发布信息500条，其中政策文件150条（占30%），工作动态120条（占24%），通知公告100条（占20%）。',
    ]) {
      const text = withProse(para);
      assert.deepEqual(analyze(text, { rules: only('breakdown-sum') }).diagnostics.map((d) => d.message.zh), [], para);
    }
  });

  it('adds up a whole that is a table figure when its parts are not (applications by how they came in)', () => {
    const text = withProse('全年共收到政府信息公开申请134件，其中当面申请20件，网络申请100件，信函申请12件。');
    const d = analyze(text, { rules: only('breakdown-sum', 'text-table-mismatch') }).diagnostics;
    assert.deepEqual(d.map((x) => `${x.code} ${text.slice(x.start, x.end)}`), ['breakdown-sum 134']);
  });

  it('leaves lists of table figures to the table check (收到申请…件，其中予以公开…件)', () => {
    const text = withProse('全镇共收到政府信息公开申请134件，其中予以公开及部分公开73件，不予公开14件，无法提供37件。');
    assert.deepEqual(readBreakdowns(parseReport(text)), []);
    const outcomes = withProse('全年共收到申请134件，其中作出不予公开答复12件，告知无法提供30件，告知不予处理9件。');
    assert.deepEqual(readBreakdowns(parseReport(outcomes)), [], 'outcomes in other words are table figures too');
    assert.equal(analyze(text, { rules: only('breakdown-sum', 'text-table-mismatch') }).diagnostics.length, 0);
  });

  it('hover on the whole shows its parts and their sum; on a share, the part over the whole', () => {
    const text = withProse('全年共梳理政府信息400条，其中主动公开150条，依申请公开120条，不予公开100条。主动公开的占40.5%。');
    const a = analyze(text);
    const h = hover(a, at(text, '400条'))!;
    assert.match(h.markdown, /主动公开150条/);
    assert.match(h.markdown, /150 \+ 120 \+ 100 = 370/);
    assert.match(h.markdown, /✗ 不一致/);
    const s = hover(a, at(text, '40.5%'))!;
    assert.match(s.markdown, /150 ÷ 400 = 37\.50%/);
    assert.match(s.markdown, /✗ 不一致/);
    assert.match(hover(a, at(text, '400条'), 'en')!.markdown, /The parts listed after it/);
  });

  it('reads a share in brackets after a part', () => {
    const text = withProse('全年共梳理政府信息400条，其中主动公开150条（占37.5%），依申请公开120条（占32.4%），不予公开130条（占32.5%）。');
    const d = analyze(text, { rules: only('percentage', 'breakdown-sum') }).diagnostics;
    assert.deepEqual(d.map((x) => `${x.code} ${text.slice(x.start, x.end)}`), ['percentage 32.4%']);
    assert.match(d[0].message.zh, /120 ÷ 400 = 30%/);
  });

  it('says when a share of a part was taken of the sum of the parts instead of the whole', () => {
    // Two parts short of the whole: breakdown-sum stays silent (a partial list), so percentage says it.
    const text = withProse('全年共梳理政府信息400条，其中主动公开150条，依申请公开225条。主动公开的占40.0%，依申请公开的占56.3%。');
    const d = analyze(text, { rules: only('percentage') }).diagnostics;
    assert.equal(d.length, 1, 'the correct 56.3% is silent');
    assert.equal(text.slice(d[0].start, d[0].end), '40.0%');
    assert.match(d[0].message.zh, /150 ÷ 400 = 37\.5%/);
    assert.match(d[0].message.zh, /；40\.0% 是按各分项之和 375 算得/, 'the figure as the writer wrote it');
    assert.match(d[0].message.en, /not of the whole, 400/);
  });

  it('reports a whole whose parts miss it once, naming the shares taken of their sum (no percentage finding too)', () => {
    const text = withProse('全年共梳理政府信息400条，其中主动公开150条，依申请公开120条，不予公开100条。主动公开的占40.5%，依申请公开的占30%。');
    const both = analyze(text, { rules: only('breakdown-sum', 'percentage') }).diagnostics;
    assert.deepEqual(both.map((x) => x.code), ['breakdown-sum']);
    assert.match(both[0].message.zh, /“主动公开的占40\.5%”也是按 370 算得的比例/, 'the share is evidence that the whole is the odd figure');
    assert.equal(both[0].related?.length, 4);
  });

  it('on the real corpus reports only the listed overlap in the Shanghai extract', () => {
    for (const f of corpusReports()) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const d = analyze(text, { rules: only('breakdown-sum', 'percentage') }).diagnostics.filter((x) => x.code === 'breakdown-sum' || x.code === 'percentage');
      const expected = f === 'shanghai_kewei_2024_extract.md' ? ['breakdown-sum 2139 warning'] : [];
      assert.deepEqual(d.map((x) => `${x.code} ${text.slice(x.start, x.end)} ${x.severity}`), expected, f);
    }
  });

  it('never throws on prose that looks like a list', () => {
    for (const para of ['其中', '其中，', '在中', '共1条，其中', '共1条，其中A1条，B', '在2条中，A1条，B1条，', '其中：：，，、、1条']) {
      assert.doesNotThrow(() => readBreakdowns(parseReport(withProse(para))));
    }
  });
});

describe('this year\'s figures dated last year', () => {
  const misdated = withProse('（二）依申请公开情况。2022年，全镇共收到政府信息公开申请134件，予以公开及部分公开73件。');

  it('reports the year once for the sentence, naming the table figures, with a suggestion to change it', () => {
    const d = analyze(misdated, { rules: only('year-consistency') }).diagnostics;
    assert.equal(d.length, 1);
    assert.equal(misdated.slice(d[0].start, d[0].end), '2022');
    assert.match(d[0].message.zh, /134、73 是本年度（2023年）的数字/);
    assert.equal(d[0].suggestions[0].edits[0].newText, '2023');
  });

  it('says it once when the misdated sentence opens the overview', () => {
    const opening = base.replace('2023年，清河镇认真贯彻落实', '2022年，全镇共收到政府信息公开申请134件。2023年，清河镇认真贯彻落实');
    const d = analyze(opening, { rules: only('year-consistency') }).diagnostics;
    assert.deepEqual(d.map((x) => opening.slice(x.start, x.end)), ['2022']);
    assert.match(d[0].message.zh, /134 是本年度/);
  });

  it('does not read a cited document\'s year, a span or a comparison as the date of a figure', () => {
    for (const para of [
      '根据《2022年政务公开工作要点》，全镇共收到政府信息公开申请134件。',
      '2022年以来，全镇共收到政府信息公开申请134件。',
      '较2022年，全镇共收到政府信息公开申请134件。',
    ]) {
      const text = withProse(`（二）依申请公开情况。${para}`);
      assert.deepEqual(analyze(text, { rules: only('year-consistency') }).diagnostics.map((d) => d.message.zh), [], para);
    }
  });

  it('is silent when last year\'s report gives the same figures', () => {
    const lastYear = withProse('（二）依申请公开情况。2022年，全镇共收到政府信息公开申请134件，予以公开及部分公开73件。').replace(/2023/g, '2022');
    const index = buildWorkspaceIndex([{ path: '/r/2023.txt', text: misdated }, { path: '/r/2022.txt', text: lastYear }]);
    const d = analyze(misdated, { rules: only('year-consistency'), workspace: { index, path: '/r/2023.txt' } }).diagnostics;
    assert.deepEqual(d.map((x) => x.message.zh), []);
  });
});
