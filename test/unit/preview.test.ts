/**
 * The table preview model, the column inlay hints and the report-file test of the workspace check
 * (test/integration/preview-lsp.test.ts has the three over the language server's wire, and
 * preview-generated.test.ts the property on generated documents).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { PreviewCell, PreviewRow, PreviewTable, previewModel } from '../../server/src/service/preview';
import { columnHints } from '../../server/src/service/inlay';
import { hasReportTitle, reportFileByName } from '../../server/src/service/report-files';
import { readFixture } from './helpers';

type DataRow = Extract<PreviewRow, { cells: PreviewCell[] }>;
const dataRows = (t: PreviewTable) => t.rows.filter((r): r is DataRow => 'cells' in r && r.kind !== 'header');
const rowOf = (t: PreviewTable, label: string) => dataRows(t).find((r) => r.label === label)!;
const table = (text: string, kind: string) => previewModel(analyze(text)).tables.find((t) => t.kind === kind)!;

describe('table preview model', () => {
  const seventh = readFixture('rules', 'row-total', 'invalid-seventh-natural.txt');

  it('marks the wrong total red with the value it should have, and only the wrong cells', () => {
    const t3 = table(seventh, 't3');
    const total = rowOf(t3, '（七）总计');
    assert.equal(total.cells[0].text, '122');
    assert.equal(total.cells[0].status, 'error');
    assert.equal(total.cells[0].expected, '121');
    assert.equal(total.cells[0].column, '自然人');
    // One wrong figure, one red cell: the localization clears the correct 总计 and carry-over beside it.
    const wrong = dataRows(t3).flatMap((r) => r.cells).filter((c) => c.status === 'error').map((c) => c.text);
    assert.deepEqual(wrong, ['122']);
    assert.equal(t3.status.level, 'error');
    assert.equal(t3.status.text.zh, '✗ 1 处错误');
  });

  it('gives every cell its place in the text, as offsets and as line and column', () => {
    const cell = rowOf(table(seventh, 't3'), '（七）总计').cells[0];
    assert.equal(seventh.slice(cell.span!.start, cell.span!.end), '122');
    const lines = seventh.split('\n');
    assert.equal(lines[cell.span!.from.line].slice(cell.span!.from.character, cell.span!.to.character), '122');
    assert.match(lines[cell.span!.from.line], /（七）总计\t122/);
  });

  it('draws table 三 with its official headers and rows in the official order', () => {
    const t3 = table(readFixture('rules', 'column-total', 'valid-balanced.txt'), 't3');
    assert.deepEqual(t3.header.map((r) => r.map((h) => `${h.text}/${h.colspan}x${h.rowspan}`)), [
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）/1x3', '申请人情况/7x1'],
      ['自然人/1x2', '法人或其他组织/5x1', '总计/1x2'],
      ['商业企业/1x1', '科研机构/1x1', '社会公益组织/1x1', '法律服务机构/1x1', '其他/1x1'],
    ]);
    const labels = t3.rows.map((r) => ('label' in r ? r.label : ''));
    assert.equal(labels[0], '一、本年新收政府信息公开申请数量');
    assert.equal(labels[2], '三、本年度办理结果');
    assert.ok(labels.indexOf('（三）不予公开') < labels.indexOf('1.属于国家秘密'));
    assert.equal(labels[labels.length - 1], '四、结转下年度继续办理');
    assert.equal(t3.status.level, 'ok');
    assert.equal(t3.status.text.zh, '✓ 无错误');
    assert.ok(dataRows(t3).every((r) => r.cells.length === 7 && r.cells.every((c) => c.status === 'ok')));
  });

  it('draws table 四 under 行政复议 and 行政诉讼 with its three groups', () => {
    const t4 = table(readFixture('rules', 'column-total', 'valid-balanced.txt'), 't4');
    assert.equal(t4.labels, false);
    assert.deepEqual(t4.header[0].map((h) => `${h.text}/${h.colspan}x${h.rowspan}`), ['行政复议/5x2', '行政诉讼/10x1']);
    assert.deepEqual(t4.header[1].map((h) => h.text), ['未经复议直接起诉', '复议后起诉']);
    assert.equal(t4.header[2].length, 15);
    assert.equal(dataRows(t4)[0].cells.length, 15);
  });

  it('draws table 二 item by item with each item’s own column headers', () => {
    const t2 = table(readFixture('rules', 'column-total', 'valid-balanced.txt'), 't2');
    const heads = t2.rows.filter((r) => r.kind === 'header').map((r) => (r as { cells: { text: string }[] }).cells.map((c) => c.text).join('|'));
    assert.ok(heads.includes('第二十条第（一）项'));
    assert.ok(heads.includes('信息内容|本年制发件数|本年废止件数|现行有效件数'));
    assert.equal(rowOf(t2, '行政许可').cells.length, 1);
  });

  it('marks blank cells, and shows the value a blank total should have', () => {
    const t3 = table(readFixture('rules', 'blank-cell', 'invalid-blanks.txt'), 't3');
    const r = rowOf(t3, '3.危及“三安全一稳定”');
    assert.deepEqual(r.cells.slice(1, 4).map((c) => c.status), ['blank', 'blank', 'blank']);
    assert.equal(r.cells[1].expected, undefined, 'a blank that should be 0 is only marked');
    const total = rowOf(t3, '7.属于行政执法案卷').cells[6];
    assert.equal(total.status, 'blank');
    assert.equal(total.expected, '1');
  });

  it('shows a missing row as missing and a row that cannot be read as unreadable, never with a tick', () => {
    const missing = table(readFixture('rules', 'table-shape', 'invalid-missing-row.txt'), 't3');
    assert.equal(rowOf(missing, '3.补正后申请内容仍不明确').kind, 'missing');
    const short = table(readFixture('rules', 'table-shape', 'invalid-missing-value.txt'), 't3');
    const r = rowOf(short, '（一）予以公开');
    assert.equal(r.kind, 'unreadable');
    assert.deepEqual(r.cells.map((c) => c.text), ['52', '3', '0', '1', '1', '57']);
    assert.ok(r.cells.every((c) => c.status === 'unplaced'));
    assert.match(short.status.text.zh, /1 行无法读取/);
    assert.doesNotMatch(short.status.text.zh, /✓/);
  });

  it('follows the 2019 format: （六）其他处理 is one row of figures', () => {
    const t3 = table(readFixture('matrix', '2019-tab.txt'), 't3');
    assert.equal(t3.version, '2019');
    assert.equal(rowOf(t3, '（六）其他处理').kind, 'data');
  });

  it('an empty document has no tables and names the three as absent', () => {
    const m = previewModel(analyze(''));
    assert.deepEqual(m.tables, []);
    assert.equal(m.absent.length, 3);
  });
});

describe('column inlay hints', () => {
  it('names every figure of a one-cell-per-line table, in column order, at the figure', () => {
    const text = readFixture('matrix', '2021-cells.txt');
    const a = analyze(text);
    const hints = columnHints(a);
    const t3 = a.report.tables.find((t) => t.kind === 't3')!;
    const first = t3.rows.find((r) => r.id === 'new')!;
    const inRow = hints.filter((h) => first.cells.some((c) => c.cell.start === h.offset));
    assert.deepEqual(inRow.map((h) => h.label), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    for (const h of inRow) assert.equal(text.slice(h.offset, h.offset + 1), first.cells.find((c) => c.cell.start === h.offset)!.cell.text[0] ?? '');
  });

  it('names tab-separated figures only where the rows do not line up on screen', () => {
    const text = readFixture('rules', 'column-total', 'valid-balanced.txt');
    const a = analyze(text);
    const item1 = a.report.tables.find((t) => t.kind === 't2')!.rows.filter((r) => r.item === '1');
    const offsets = new Set(item1.flatMap((r) => r.cells.map((c) => c.cell.start)));
    // 规章 (4 columns wide) and 行政规范性文件 (14): with tabs of 4 their figures start at 8 and 16, with tabs of 16 both at 16.
    assert.equal(columnHints(a, { tabSize: 4 }).filter((h) => offsets.has(h.offset)).length, 6);
    assert.equal(columnHints(a, { tabSize: 16 }).filter((h) => offsets.has(h.offset)).length, 0);
  });

  it('gives only the hints inside the requested range', () => {
    const text = readFixture('matrix', '2021-cells.txt');
    const a = analyze(text);
    const all = columnHints(a);
    const mid = all[Math.floor(all.length / 2)].offset;
    const part = columnHints(a, { start: mid, end: text.length });
    assert.ok(part.length > 0 && part.length < all.length);
    assert.ok(part.every((h) => h.offset >= mid));
  });
});

describe('report files of a workspace', () => {
  it('knows reports by name, and text files by a title in their first lines', () => {
    assert.equal(reportFileByName('a.ogi'), 'report');
    assert.equal(reportFileByName('a.ogi.txt'), 'report');
    assert.equal(reportFileByName('a.ogi.md'), 'report');
    assert.equal(reportFileByName('清河镇2023年政府信息公开工作年度报告.txt'), 'report');
    assert.equal(reportFileByName('某局政府信息公开年报.md'), 'report');
    assert.equal(reportFileByName('notes.txt'), 'maybe');
    assert.equal(reportFileByName('logo.png'), 'no');
    assert.ok(hasReportTitle('\uFEFF\n  清河镇人民政府\n2023年政府信息公开\n工作年度报告\n'));
    assert.ok(!hasReportTitle('购物清单\n苹果\n'));
    assert.ok(!hasReportTitle('1\n2\n3\n4\n5\n6\n政府信息公开工作年度报告'), 'only the first six lines count');
  });
});
