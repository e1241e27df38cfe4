/**
 * A figure recognised from a scan is flagged on the model's cell (issue 22: "each recognised figure
 * carries its confidence into the model, a flag on the cell"): its page, the engine's confidence, its
 * readings and doubtful digits. The correction by identity works from that flag, and the corrected
 * cell still says it came from a scan.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { analyzeReadings } from '../../server/src/service/ocr-readings';
import type { Report, TypedCell } from '../../server/src/model/report';
import type { OcrReading } from '../../server/src/sources/types';

const text = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'hongze_2024.txt'), 'utf8');
const row = '1.本机关不掌握相关政府信息 | ';
const at = text.indexOf(row) + row.length;
const misread = (as: string) => text.slice(0, at) + as + text.slice(at + 2);
const reading = (over: Partial<OcrReading>): OcrReading => ({ page: 3, offset: at, text: '81', confidence: 0.6, doubtful: [0], unreadable: false, ...over });
const cells = (r: Report): TypedCell[] => r.tables.flatMap((t) => t.rows.flatMap((x) => x.cells));

describe('recognised figures on the model cells', () => {
  it('the cell the reading falls in carries its page, confidence, readings and doubtful digits; no other cell does', () => {
    const a = analyze(misread('81'), { readings: [reading({ alternative: '31' })] });
    const flagged = cells(a.report).filter((c) => c.ocr);
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0].cell.start, at);
    assert.deepEqual(flagged[0].ocr, { page: 3, confidence: 0.6, readings: ['81', '31'], doubtful: [0], unreadable: false });
    assert.equal(cells(analyze(misread('81')).report).filter((c) => c.ocr).length, 0);
  });

  it('the correction by identity reads the flag: the corrected cell keeps it (a figure from a scan), and a sure figure is not corrected', () => {
    const r = analyzeReadings(misread('81'), [reading({})], {});
    assert.equal(r.text, text);
    const cell = cells(r.analysis.report).find((c) => c.cell.start === at)!;
    assert.equal(cell.cell.text, '31');
    assert.equal(cell.ocr?.readings[0], '81');
    assert.equal(cell.ocr?.confidence, 0.6);
    // The same figure read with certainty (no doubtful digit): left as read.
    assert.equal(analyzeReadings(misread('81'), [reading({ doubtful: [], confidence: 0.97 })], {}).text, misread('81'));
  });

  it('on a scanned line, a figure cell read as a mark is a warning, not an error: the engine may have misread it', () => {
    const marked = misread('【');
    const sev = (ds: { code: string; severity: string }[]) => ds.filter((d) => d.code === 'cell-value').map((d) => d.severity);
    assert.deepEqual(sev(analyze(marked).diagnostics), ['error']);
    assert.deepEqual(sev(analyzeReadings(marked, [], {}, () => true).analysis.diagnostics), ['warning']);
    // A line that was not recognised keeps the error.
    assert.deepEqual(sev(analyzeReadings(marked, [], {}, () => false).analysis.diagnostics), ['error']);
  });

  it('a doubtful figure in a table whose identities hold is confirmed when each other reading breaks one; not listed as doubtful', () => {
    // 31 read right but doubtful in its first digit: 81 and 51 each break the row and column totals.
    const r = analyzeReadings(text, [reading({ text: '31' })], {});
    assert.deepEqual(r.confirmed, [at]);
    assert.equal(r.text, text);
    assert.deepEqual(r.analysis.diagnostics.filter((d) => d.code === 'ocr-reading'), []);
    // Read wrong and doubtful: the identities fail, so nothing is confirmed, and the figure is corrected.
    assert.deepEqual(analyzeReadings(misread('81'), [reading({})], {}).confirmed, []);
  });

  it('a cell that could not be read is flagged, and is not reported as a blank cell (it holds ink): one finding says it was not read', () => {
    const blank = text.slice(0, at) + text.slice(at + 2);
    const codes = (ds: { code: string }[]) => ds.map((d) => d.code).filter((c) => c === 'blank-cell' || c === 'ocr-reading');
    assert.deepEqual(codes(analyze(blank).diagnostics), ['blank-cell']);
    // The blank cell where the figure was (its place in this layout: after the separator).
    const spot = cells(analyze(blank).report).find((c) => c.value.kind === 'blank')!.cell.start;
    const unread = reading({ text: '', doubtful: [], unreadable: true, confidence: 0, offset: spot });
    const a = analyze(blank, { readings: [unread] });
    assert.equal(cells(a.report).find((c) => c.cell.start === spot)?.ocr?.unreadable, true);
    assert.deepEqual(codes(a.diagnostics), []);
    assert.deepEqual(codes(analyzeReadings(blank, [unread], {}).analysis.diagnostics), ['ocr-reading']);
  });
});
