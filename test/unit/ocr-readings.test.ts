/**
 * Figures recognised from a scan, judged by the table identities (issue 22): a doubtful digit is
 * corrected only when exactly one confusable reading repairs every identity; a publisher's own error is
 * never hidden; a cell that could not be read is reported once per table and no arithmetic finding is
 * raised on that table. The report is the real hongze 2024 report with one figure changed as a scan
 * would misread it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { analyzeReadings } from '../../server/src/service/ocr-readings';
import type { OcrReading } from '../../server/src/sources/types';

const text = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'hongze_2024.txt'), 'utf8');
const row = '1.本机关不掌握相关政府信息 | ';
const at = text.indexOf(row) + row.length;
/** The report with the 自然人 figure of the row 本机关不掌握 (31) read as `as`. */
const misread = (as: string) => text.slice(0, at) + as + text.slice(at + 2);
const reading = (over: Partial<OcrReading>): OcrReading => ({ page: 3, offset: at, text: '81', confidence: 0.6, doubtful: [0], unreadable: false, ...over });
const identityCodes = (codes: string[]) => codes.filter((c) => ['row-total', 'column-total', 'balance', 'review-total'].includes(c));

describe('OCR readings and the table identities', () => {
  it('takes the one confusable reading that makes every identity hold, and says so on the cell', () => {
    const r = analyzeReadings(misread('81'), [reading({})], {});
    assert.equal(r.text, text);
    const info = r.analysis.diagnostics.filter((d) => d.code === 'ocr-reading');
    assert.equal(info.length, 1);
    assert.equal(info[0].severity, 'info');
    assert.equal(info[0].message.zh, '识别为 81，按勾稽关系取 31');
    assert.equal(r.text.slice(info[0].start, info[0].end), '31');
    assert.deepEqual(identityCodes(r.analysis.diagnostics.map((d) => d.code)), []);
  });

  it('does not correct a figure read with certainty: the publisher’s error is reported as for any report', () => {
    const wrong = misread('81');
    const plain = identityCodes(analyze(wrong).diagnostics.map((d) => d.code));
    assert.ok(plain.length > 0);
    const r = analyzeReadings(wrong, [reading({ doubtful: [] })], {});
    assert.equal(r.text, wrong);
    assert.deepEqual(identityCodes(r.analysis.diagnostics.map((d) => d.code)), plain);
    assert.equal(r.analysis.diagnostics.filter((d) => d.code === 'ocr-reading').length, 0);
  });

  it('leaves a doubtful figure that no confusable reading repairs: it is listed, the identity findings stay', () => {
    // 38 with its 8 doubtful: 30, 33, 36 and 39 repair nothing (the figure printed is 31).
    const wrong = misread('38');
    const r = analyzeReadings(wrong, [reading({ text: '38', doubtful: [1] })], {});
    assert.equal(r.text, wrong);
    assert.ok(identityCodes(r.analysis.diagnostics.map((d) => d.code)).length > 0);
    const listed = r.analysis.diagnostics.filter((d) => d.code === 'ocr-reading');
    assert.equal(listed.length, 1);
    assert.match(listed[0].message.zh, /^表三有 1 个数字识别不确定（38），请对照原件$/);
  });

  it('reports cells that could not be read once per table, and no arithmetic finding on that table', () => {
    const blank = text.slice(0, at) + text.slice(at + 2);
    const r = analyzeReadings(blank, [reading({ text: '', doubtful: [], unreadable: true }), reading({ text: '', doubtful: [], unreadable: true, offset: at + 4 })], {});
    const notes = r.analysis.diagnostics.filter((d) => d.code === 'ocr-reading');
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.zh, /^表三有 2 个单元格未能识别（扫描页第 3 页），其勾稽关系未核对，请对照原件$/);
    assert.deepEqual(identityCodes(r.analysis.diagnostics.map((d) => d.code)), []);
  });
});
