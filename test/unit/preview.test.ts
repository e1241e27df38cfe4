/**
 * The table preview model, the column inlay hints, the report-file test of the workspace check, and
 * the three over the language server's wire (ogiReport/preview, inlay hints, workspace diagnostics).
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { analyze } from '../../server/src/service/analyze';
import { PreviewCell, PreviewRow, PreviewTable, previewModel } from '../../server/src/service/preview';
import { columnHints } from '../../server/src/service/inlay';
import { hasReportTitle, reportFileByName } from '../../server/src/service/report-files';
import { encodeText } from '../../server/src/sources';
import fc from 'fast-check';
import { anyDocument } from '../fuzz/properties';
import { ROOT, readFixture } from './helpers';

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

describe('preview and hints on generated documents', () => {
  it('never throw, and every cell they point at is that figure in the text', () => {
    const details = fc.check(fc.property(anyDocument, (text) => {
      const a = analyze(text);
      for (const t of previewModel(a).tables) {
        for (const r of t.rows) {
          if (!('cells' in r) || r.kind === 'header') continue;
          for (const c of r.cells) {
            if (!c.span) continue;
            assert.ok(c.span.start >= 0 && c.span.end <= text.length && c.span.start <= c.span.end);
            // (a cell the parser joined across a line break keeps its text without the break)
            assert.equal(text.slice(c.span.start, c.span.end).replace(/\s+/g, ''), c.text.replace(/\s+/g, ''));
          }
        }
      }
      for (const h of columnHints(a)) assert.ok(h.offset >= 0 && h.offset <= text.length);
    }), { numRuns: 100, seed: 20261129 });
    assert.ok(!details.failed, fc.defaultReportMessage(details) ?? 'failed');
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

describe('preview, inlay hints and workspace diagnostics over the wire', () => {
  let proc: ChildProcess;
  let conn: MessageConnection;
  let dir: string;
  const progress: string[] = [];
  const seventh = readFixture('rules', 'row-total', 'invalid-seventh-natural.txt');
  const balanced = readFixture('rules', 'column-total', 'valid-balanced.txt');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ogi-ws-'));
    writeFileSync(join(dir, 'seventh.ogi'), seventh);
    writeFileSync(join(dir, '清河镇2023年政府信息公开工作年度报告.txt'), balanced);
    writeFileSync(join(dir, 'titled.txt'), balanced);
    writeFileSync(join(dir, 'notes.txt'), '购物清单\n苹果\n');
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'x.ogi'), seventh);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'gbk.ogi'), encodeText(seventh, 'gb18030', false));
    proc = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'ogiReport.inlayHints.columns' ? true : i.section === 'editor.tabSize' ? 4 : { rules: {}, locale: 'zh-cn' })));
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => { progress.push(`${p.value.kind}:${p.value.message ?? ''}`); });
    conn.onNotification('window/logMessage', () => undefined);
    conn.listen();
    const rootUri = pathToFileURL(dir).href;
    await conn.sendRequest('initialize', {
      processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: { textDocument: { diagnostic: {}, inlayHint: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } }, window: { workDoneProgress: true } },
    });
    conn.sendNotification('initialized', {});
  });
  after(async () => {
    await conn.sendRequest('shutdown').catch(() => undefined);
    conn.dispose();
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers ogiReport/preview with the localized grid and positions', async () => {
    const uri = pathToFileURL(join(dir, 'seventh.ogi')).href;
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 3, text: seventh } });
    const m = await conn.sendRequest('ogiReport/preview', { uri }) as { docVersion: number; tables: { kind: string; status: { text: string }; rows: { label?: string; cells?: { text: string; expected?: string; span: { from: { line: number } } }[] }[] }[] };
    assert.equal(m.docVersion, 3);
    const t3 = m.tables.find((t) => t.kind === 't3')!;
    assert.equal(t3.status.text, '✗ 1 处错误');
    const total = t3.rows.find((r) => r.label === '（七）总计')!;
    assert.equal(total.cells![0].expected, '121');
    assert.equal(seventh.split('\n')[total.cells![0].span.from.line].includes('（七）总计'), true);
    assert.equal(await conn.sendRequest('ogiReport/preview', { uri: 'file:///nope.ogi' }), null);
  });

  it('answers textDocument/inlayHint with column names', async () => {
    const uri = pathToFileURL(join(dir, 'seventh.ogi')).href;
    const hints = await conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } }) as { label: string; position: { line: number; character: number }; paddingRight: boolean }[];
    assert.ok(hints.length > 0);
    const h = hints.find((x) => x.label === '自然人')!;
    assert.match(seventh.split('\n')[h.position.line].slice(h.position.character), /^\d/);
    assert.ok(hints.every((x) => x.paddingRight));
  });

  it('holds the workspace pull until a check is asked for, then reports every report file from disk with progress', async () => {
    let answered = false;
    const pullPromise = conn.sendRequest('workspace/diagnostic', { previousResultIds: [] }) as Promise<{ items: { uri: string; items: { code: string }[]; version: number | null }[] }>;
    void pullPromise.then(() => { answered = true; });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(answered, false, 'nothing is read before the user asks');
    const summary = await conn.sendRequest('ogiReport/checkWorkspace', {}) as { files: number; errors: number };
    const pulled = await pullPromise;
    const names = pulled.items.map((i) => decodeURIComponent(i.uri.slice(pathToFileURL(dir).href.length + 1))).sort();
    assert.deepEqual(names, ['seventh.ogi', 'sub/gbk.ogi', 'titled.txt', '清河镇2023年政府信息公开工作年度报告.txt']);
    assert.equal(summary.files, 4);
    const seventhItems = pulled.items.find((i) => i.uri.endsWith('/seventh.ogi'))!;
    assert.equal(seventhItems.version, 3, 'the open report is taken from the editor');
    assert.ok(pulled.items.find((i) => i.uri.endsWith('/sub/gbk.ogi'))!.items.some((d) => d.code === 'row-total'));
    assert.ok(pulled.items.find((i) => i.uri.endsWith('/titled.txt'))!.items.every((d) => d.code !== 'row-total'));
    assert.ok(summary.errors >= 2, 'seventh.ogi and sub/gbk.ogi each have their one wrong figure');
    assert.ok(progress.some((p) => p.startsWith('begin')) && progress.some((p) => p.startsWith('end')), progress.join(','));
  });

  it('a closed report keeps its diagnostics from disk once the workspace was checked', async () => {
    const uri = pathToFileURL(join(dir, 'sub', 'gbk.ogi')).href;
    const r = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { items: { code: string }[] };
    assert.ok(r.items.some((d) => d.code === 'row-total'));
  });
});
