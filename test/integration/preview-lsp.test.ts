/** ogiReport/preview, inlay hints and workspace diagnostics over the language server's wire (test/unit/preview.test.ts has the models). */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { encodeText } from '../../server/src/sources';
import { ROOT, readFixture } from '../unit/helpers';

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
