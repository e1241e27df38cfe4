/**
 * The one segmentation of a report's prose (model/segments.ts): which lines are prose, how wrapped lines
 * join into paragraphs, and how every character maps back to the document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/model/report';
import { offsetAt, paragraphs, proseLines, sentenceAround, sentences, spanOf, splitClauses } from '../../server/src/model/segments';
import { readClaims } from '../../server/src/model/claims';

const WRAPPED = [
  '某县2023年政府信息公开工作年度报告',
  '',
  '一、总体情况',
  '2023年，本县收到政府信息公开申请',
  '   20件，全部按期答复。',
  '（一）主动公开。本县主动公开信息',
  '300条；',
  '二、主动公开政府信息情况',
  '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
  '规章\t0\t0\t0',
  '结果其他尚未',
].join('\n');

describe('prose segments', () => {
  it('joins a line wrapped mid-sentence into one paragraph, with every character mapped back to the document', () => {
    const report = parseReport(WRAPPED);
    const paras = paragraphs(report);
    const wrapped = paras.find((p) => p.text.includes('收到政府信息公开申请'))!;
    assert.equal(wrapped.text, '2023年，本县收到政府信息公开申请   20件，全部按期答复。');
    for (let k = 0; k < wrapped.text.length; k++) assert.equal(WRAPPED[offsetAt(wrapped, k)], wrapped.text[k]);
    const at = wrapped.text.indexOf('20件');
    const span = spanOf(wrapped, at, at + 3);
    assert.equal(WRAPPED.slice(span.start, span.end), '20件');
  });

  it('ends a paragraph at a sentence end and before a numbered line, and never joins a heading', () => {
    const texts = paragraphs(parseReport(WRAPPED)).map((p) => p.text);
    assert.deepEqual(texts, [
      '某县2023年政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，本县收到政府信息公开申请   20件，全部按期答复。',
      '（一）主动公开。本县主动公开信息300条；',
      '二、主动公开政府信息情况',
    ]);
  });

  it('leaves table rows and the pieces of a broken table out of the prose', () => {
    const lines = proseLines(parseReport(WRAPPED)).map((l) => l.text);
    assert.ok(!lines.some((t) => t.includes('规章') || t.includes('结果其他尚未')));
  });

  it('cuts sentences at 。！？ and their parts at ；, and finds the sentence around a place', () => {
    const para = paragraphs(parseReport('甲收到申请3件；办结3件。乙未收到申请！丙无。'))[0];
    assert.deepEqual(sentences(para).map((s) => s.map((p) => p.text)), [['甲收到申请3件', '办结3件'], ['乙未收到申请'], ['丙无']]);
    const text = '第一句。第二句里的词；第三句';
    const s = sentenceAround(text, text.indexOf('里'));
    assert.equal(text.slice(s.from, s.to), '第二句里的词');
  });

  it('cuts clauses at ，、： and keeps a list together where the reader asks, with offsets across the join', () => {
    const text = '被申请行政复议、提起行政诉讼共3件，均获维持。';
    const para = paragraphs(parseReport(text))[0];
    assert.deepEqual(splitClauses(para).map((c) => c.text), ['被申请行政复议', '提起行政诉讼共3件', '均获维持。']);
    const joined = splitClauses(para, (part) => !/\d/.test(part.text));
    assert.deepEqual(joined.map((c) => c.text), ['被申请行政复议、提起行政诉讼共3件', '均获维持。']);
    const span = spanOf(joined[0], 0, joined[0].text.length);
    assert.equal(text.slice(span.start, span.end), '被申请行政复议、提起行政诉讼共3件');
  });

  it('is computed once per report, and the claims read the same paragraphs', () => {
    const report = parseReport(WRAPPED);
    assert.equal(paragraphs(report), paragraphs(report));
    const claim = readClaims(report).find((c) => c.kind === 'count');
    assert.ok(claim && claim.kind === 'count');
    assert.equal(WRAPPED.slice(claim.numStart, claim.numEnd), '20');
  });
});
