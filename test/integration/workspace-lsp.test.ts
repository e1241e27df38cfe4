/**
 * The language server feeds the workspace index from the workspace folder and open documents: editing
 * last year's report (in the editor, or on disk) changes this year's diagnostics, after a diagnostic
 * refresh; hover shows last year's figure and file; `ogiReport/copiedPassages` serves the compare command.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { FIXTURES, ROOT } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server.js');
const SRC = join(FIXTURES, 'workspace', 'three-years');
const F2023 = '清河镇2023年政府信息公开工作年度报告.txt';
const F2024 = '清河镇2024年政府信息公开工作年度报告.txt';

interface Diag { code: string; message: string; range: { start: { line: number; character: number } }; relatedInformation?: { location: { uri: string; range: { start: { line: number } } }; message: string }[] }

async function waitFor<T>(fn: () => T | undefined | false, what: string, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Raises the 自然人 figure of 四、结转下年度继续办理 by `by`. */
const bumpCarryForward = (text: string, by: number) => text.replace(/^(四、结转下年度继续办理\t)(\d+)/m, (_, a, n) => a + (Number(n) + by));

describe('language server: reports across the workspace', () => {
  let conn: MessageConnection;
  let proc: ChildProcess;
  let refreshes = 0;
  let registered: unknown[] = [];
  let capabilities: { diagnosticProvider?: { interFileDependencies: boolean } };
  const dir = mkdtempSync(join(tmpdir(), 'ogi-ws-lsp-'));
  const uri2023 = pathToFileURL(join(dir, F2023)).href;
  const uri2024 = pathToFileURL(join(dir, F2024)).href;
  const text2023 = readFileSync(join(SRC, F2023), 'utf8');
  const text2024 = readFileSync(join(SRC, F2024), 'utf8');
  const pull = async () => (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri2024 } }) as { items: Diag[] }).items;
  const nextRefresh = async (fn: () => void) => {
    const before = refreshes;
    fn();
    await waitFor(() => refreshes > before, 'a diagnostic refresh');
  };
  /** After a refresh the client pulls again; file reads are asynchronous, so pull until the answer settles. */
  const settlesTo = async (codes: string[]) => {
    const end = Date.now() + 10000;
    for (;;) {
      const got = (await pull()).map((d) => d.code);
      if (JSON.stringify(got) === JSON.stringify(codes)) return;
      if (Date.now() > end) assert.deepEqual(got, codes);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  before(async () => {
    for (const f of [F2023, F2024]) copyFileSync(join(SRC, f), join(dir, f));
    writeFileSync(join(dir, 'notes.txt'), '会议纪要：与年报无关的文本。\n');
    proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {}, locale: 'auto' })));
    conn.onRequest('workspace/diagnostic/refresh', () => { refreshes++; return null; });
    conn.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => { registered.push(...p.registrations); return null; });
    conn.onNotification('window/logMessage', () => undefined);
    conn.listen();
    const init = await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
    }) as { capabilities: typeof capabilities };
    capabilities = init.capabilities;
    await nextRefresh(() => conn.sendNotification('initialized', {})); // after the folder was read
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri2024, languageId: 'ogi-report', version: 1, text: text2024 } });
  });
  after(async () => {
    await conn.sendRequest('shutdown').catch(() => undefined);
    conn.dispose();
    proc.kill();
  });

  it('declares inter-file dependencies and watches report files', () => {
    assert.equal(capabilities.diagnosticProvider?.interFileDependencies, true);
    assert.ok(JSON.stringify(registered).includes('workspace/didChangeWatchedFiles'));
  });

  it('this year is compared with last year\'s file read from the folder: consistent, so silent', async () => {
    assert.deepEqual((await pull()).map((d) => d.code), []);
  });

  it('editing last year\'s report in the editor re-checks this year\'s: carry-over names last year\'s file and links to its cell', async () => {
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri2023, languageId: 'ogi-report', version: 1, text: text2023 } });
    await nextRefresh(() => conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri2023, version: 2 }, contentChanges: [{ text: bumpCarryForward(text2023, 2) }],
    }));
    const items = await pull();
    assert.deepEqual(items.map((d) => d.code), ['carry-over']);
    assert.match(items[0].message, /上年报告 清河镇2023年政府信息公开工作年度报告\.txt 的“四、结转下年度继续办理·自然人”为 \d+/);
    const rel = items[0].relatedInformation![0];
    assert.equal(rel.location.uri, uri2023);
    assert.equal(text2023.split('\n')[rel.location.range.start.line].startsWith('四、结转下年度继续办理'), true);

    const hover = await conn.sendRequest('textDocument/hover', { textDocument: { uri: uri2024 }, position: items[0].range.start }) as { contents: { value: string } };
    assert.match(hover.contents.value, /跨报告比对/);
    assert.match(hover.contents.value, /上年报告 清河镇2023年政府信息公开工作年度报告\.txt：“四、结转下年度继续办理·自然人” = \d+/);
    assert.ok(hover.contents.value.includes(`${uri2023}#L${rel.location.range.start.line + 1}`), 'a link to last year\'s cell');
  });

  it('closing last year\'s report goes back to the file on disk; a change on disk is picked up through the file watcher', async () => {
    await nextRefresh(() => conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri2023 } }));
    await settlesTo([]);
    writeFileSync(join(dir, F2023), bumpCarryForward(text2023, 1));
    await nextRefresh(() => conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri2023, type: 2 }] }));
    await settlesTo(['carry-over']);
  });

  it('ogiReport/copiedPassages: last year\'s file and the same section\'s line there', async () => {
    const r = await conn.sendRequest('ogiReport/copiedPassages', { uri: uri2024 }) as { previous: { uri: string; year: number }; sections: { index: number; line: number; previousLine: number }[]; passages: unknown[] };
    assert.equal(r.previous.uri, uri2023);
    assert.equal(r.previous.year, 2023);
    const five = r.sections.find((s) => s.index === 5)!;
    assert.match(text2023.split('\n')[five.previousLine], /五、存在的主要问题及改进情况/);
    assert.deepEqual(r.passages, [], 'the fixture years were written separately: nothing copied');
  });
});

describe('language server: a push client (no pull) gets this year\'s diagnostics again when last year\'s changes', () => {
  it('publishes carry-over for this year after an edit to last year\'s open document', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const published: { uri: string; diagnostics: { code: string }[] }[] = [];
    conn.onNotification('textDocument/publishDiagnostics', (p: (typeof published)[number]) => { published.push(p); });
    conn.onNotification('window/logMessage', () => undefined);
    conn.listen();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: {} } });
      conn.sendNotification('initialized', {});
      const last = 'untitled:last-year';
      const now = 'untitled:this-year';
      const text2023 = readFileSync(join(SRC, F2023), 'utf8');
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri: last, languageId: 'ogi-report', version: 1, text: text2023 } });
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri: now, languageId: 'ogi-report', version: 1, text: readFileSync(join(SRC, F2024), 'utf8') } });
      const latest = (uri: string) => [...published].reverse().find((p) => p.uri === uri);
      await waitFor(() => latest(now) && latest(now)!.diagnostics.length === 0, 'this year published clean');
      conn.sendNotification('textDocument/didChange', { textDocument: { uri: last, version: 2 }, contentChanges: [{ text: bumpCarryForward(text2023, 3) }] });
      await waitFor(() => latest(now)?.diagnostics.some((d) => d.code === 'carry-over'), 'carry-over published for this year');
    } finally {
      await conn.sendRequest('shutdown').catch(() => undefined);
      conn.dispose();
      proc.kill();
    }
  });
});
