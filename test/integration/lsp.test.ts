/**
 * The standalone server over stdio, driven by a scripted LSP client: push diagnostics for clients
 * that cannot pull, pull diagnostics for those that can, features, commands, and fault containment.
 * Then Neovim, headless, as a real client.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection, CancellationTokenSource } from 'vscode-jsonrpc/node';
import { FIXTURES, ROOT, readFixture } from '../unit/helpers';
import { CLIENT_COMMAND, SERVER_COMMAND } from '../../server/src/lsp/protocol';

const SERVER = join(ROOT, 'dist', 'server.js');
const URI = 'file:///tmp/%E6%8A%A5%E5%91%8A.ogi';

interface Client { conn: MessageConnection; proc: ChildProcess; published: { uri: string; version?: number; diagnostics: { code: string; message: string }[] }[]; stderr: string[] }

async function startClient(capabilities: object, initializationOptions: object = {}): Promise<Client> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client: Client = { conn, proc, published: [], stderr: [] };
  proc.stderr!.on('data', (d) => client.stderr.push(String(d)));
  conn.onNotification('textDocument/publishDiagnostics', (p: Client['published'][number]) => { client.published.push(p); });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {}, locale: 'auto' })));
  conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
  conn.sendNotification('initialized', {});
  return client;
}

async function stop(c: Client) {
  try {
    await c.conn.sendRequest('shutdown');
    await c.conn.sendNotification('exit').catch(() => undefined);
  } catch { /* already gone */ }
  c.conn.dispose();
  c.proc.kill();
}

const open = (c: Client, text: string, version = 1, uri = URI) =>
  c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version, text } });

async function waitFor<T>(fn: () => T | undefined, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('language server over stdio', () => {
  describe('push client (no pull capability)', () => {
    let c: Client;
    before(async () => { c = await startClient({ textDocument: {} }); });
    after(() => stop(c));

    it('publishes diagnostics after open, in Chinese by default', async () => {
      open(c, readFixture('rules', 'row-total', 'invalid-seventh-natural.txt'));
      const p = await waitFor(() => c.published.find((x) => x.uri === URI && x.diagnostics.length), 'diagnostics');
      assert.deepEqual(p.diagnostics.map((d) => d.code).sort(), ['row-total']);
      assert.match(p.diagnostics.find((d) => d.code === 'row-total')!.message, /“（七）总计·自然人”应为 121/);
    });

    it('drops stale versions: rapid edits publish only the newest', async () => {
      c.published.length = 0;
      const text = readFixture('rules', 'column-total', 'valid-balanced.txt');
      for (let v = 2; v <= 6; v++) {
        c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: v }, contentChanges: [{ text: v === 6 ? text : text + '\n'.repeat(v) }] });
      }
      const p = await waitFor(() => c.published.find((x) => x.uri === URI), 'publish');
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(c.published.every((x) => x.version === 6), `published versions ${c.published.map((x) => x.version)}`);
      assert.deepEqual(p.diagnostics, []);
    });

    it('answers an unknown document and a malformed request with errors, and keeps serving', async () => {
      await assert.rejects(c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope' }, position: { line: 0, character: 0 } }), /unknown document/);
      await assert.rejects(c.conn.sendRequest('textDocument/hover', { bogus: true }));
      await assert.rejects(c.conn.sendRequest('workspace/executeCommand', { command: 'ogiReport.server.nope', arguments: [URI] }), /unknown command/);
      const syms = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }) as { name: string }[];
      assert.equal(syms.length, 6);
    });
  });

  describe('pull client', () => {
    let c: Client;
    const text = readFixture('rules', 'row-total', 'invalid-seventh-natural.txt');
    before(async () => {
      c = await startClient({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }, { locale: 'en' });
      open(c, text);
    });
    after(() => stop(c));

    it('serves textDocument/diagnostic and pushes nothing', async () => {
      const r = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }) as { kind: string; items: { code: string; message: string }[] };
      assert.equal(r.kind, 'full');
      assert.ok(r.items.some((d) => d.code === 'row-total' && /should be 121/.test(d.message)), 'English when the client asks for it');
      await new Promise((r2) => setTimeout(r2, 250));
      assert.equal(c.published.length, 0);
    });

    it('hovers, completes, lists symbols, folds and shows code lenses', async () => {
      const lines = text.split('\n');
      const li = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
      const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: li, character: lines[li].indexOf('4.') + 2 } }) as { contents: { value: string } };
      assert.match(hover.contents.value, /第十五条/);
      const items = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: lines.length - 1, character: 0 } }) as { label: string }[];
      assert.ok(items.some((i) => i.label === '三、收到和处理政府信息公开申请情况'));
      const folds = await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } }) as unknown[];
      assert.equal(folds.length, 9);
      const lenses = await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } }) as { command: { title: string; command: string } }[];
      assert.ok(lenses.some((l) => l.command.title === 'Table 三 applications: ✗ 1 not balanced — recompute totals' && l.command.command === 'ogiReport.server.recomputeTotals'), 'the lens speaks the client language');
    });

    it('offers a versioned quick fix and applies recompute through workspace/applyEdit', async () => {
      const r = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }) as { items: { code: string; range: object }[] };
      const d = r.items.find((x) => x.code === 'row-total')!;
      const actions = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } }) as { title: string; isPreferred?: boolean; edit: { documentChanges: { textDocument: { version: number }; edits: { newText: string }[] }[] } }[];
      const fix = actions.find((a) => a.isPreferred)!;
      assert.equal(fix.title, 'Recompute total: 121');
      assert.equal(fix.edit.documentChanges[0].textDocument.version, 1);
      assert.equal(fix.edit.documentChanges[0].edits[0].newText, '121');
      const edits: unknown[] = [];
      c.conn.onRequest('workspace/applyEdit', (p: { edit: unknown }) => { edits.push(p.edit); return { applied: true }; });
      const res = await c.conn.sendRequest('workspace/executeCommand', { command: 'ogiReport.server.recomputeTotals', arguments: [URI, 1] }) as { changed: number };
      assert.equal(res.changed, 1);
      assert.equal(edits.length, 1);
      await assert.rejects(c.conn.sendRequest('workspace/executeCommand', { command: 'ogiReport.server.recomputeTotals', arguments: [URI, 0] }), /document changed/);
    });

    it('cancelled requests are answered as cancelled and the server goes on', async () => {
      // Whether the cancel overtakes the request depends on the pipe; either answer is fine, a crash is not.
      const source = new CancellationTokenSource();
      const pending = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }, source.token);
      source.cancel();
      await pending.then(() => undefined, (err: { code?: number }) => assert.equal(err.code, -32800));
      const syms = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }) as unknown[];
      assert.equal(syms.length, 6);
    });
  });

  describe('resolving client (edits computed at resolve time)', () => {
    let c: Client;
    before(async () => {
      c = await startClient({ textDocument: { diagnostic: {}, codeAction: { resolveSupport: { properties: ['edit'] } } } });
      open(c, readFixture('rules', 'row-total', 'invalid-seventh-natural.txt'));
    });
    after(() => stop(c));

    it('resolves the edit for the current version and refuses an action computed for an older one', async () => {
      const r = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }) as { items: { code: string; range: object }[] };
      const d = r.items.find((x) => x.code === 'row-total')!;
      const actions = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } }) as { title: string; isPreferred?: boolean; edit?: unknown; data: unknown }[];
      const fix = actions.find((a) => a.isPreferred)!;
      assert.equal(fix.edit, undefined, 'no edit before resolve');
      const resolved = await c.conn.sendRequest('codeAction/resolve', fix) as { edit: { documentChanges: { textDocument: { version: number }; edits: { newText: string }[] }[] } };
      assert.equal(resolved.edit.documentChanges[0].edits[0].newText, '121');
      assert.equal(resolved.edit.documentChanges[0].textDocument.version, 1);
      c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }] });
      const stale = await c.conn.sendRequest('codeAction/resolve', fix) as { edit?: unknown };
      assert.equal(stale.edit, undefined, 'the stale action is refused');
    });
  });

  it('refuses to start without a transport and says how to run it', () => {
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /ogi-report-server --stdio/);
  });
});

describe('the protocol module shared by server and client', () => {
  it('names every command the extension contributes, and the server commands it executes', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(Object.values(CLIENT_COMMAND).filter((c) => c !== CLIENT_COMMAND.showArticle).sort(), contributed);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.listen();
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as { capabilities: { executeCommandProvider: { commands: string[] } } };
      assert.deepEqual(init.capabilities.executeCommandProvider.commands, Object.values(SERVER_COMMAND));
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});

describe('Neovim, headless, as a real LSP client', () => {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  it('shows the server’s diagnostics for a report', { skip: nvim.status !== 0 ? 'nvim not installed' : false }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogi-nvim-'));
    const file = join(dir, '清河镇2023年政府信息公开工作年度报告.txt');
    copyFileSync(join(FIXTURES, 'rules', 'row-total', 'invalid-seventh-natural.txt'), file);
    const out = join(dir, 'out.json');
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', join(ROOT, 'test', 'lsp', 'nvim-client.lua'), file], {
      encoding: 'utf8', timeout: 60000, env: { ...process.env, OGI_SERVER: SERVER, OGI_OUT: out },
    });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(readFileSync(out, 'utf8')) as { code: string; message: string; lnum: number }[];
    assert.deepEqual(got.map((d) => d.code).sort(), ['row-total']);
    assert.ok(got.some((d) => /“（七）总计·自然人”应为 121/.test(d.message)));
  });
});

export { writeFileSync };

describe('a configuration file beside the reports, in the language server', () => {
  let c: Client;
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lsp-config-'));
  const text = readFixture('rules', 'row-total', 'invalid-seventh-natural.txt');
  before(async () => { c = await startClient({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }); });
  after(() => stop(c));
  const pull = async (uri: string) => (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { items: { code: string; severity: number }[] }).items;

  it('wins over the editor settings for the reports under it, as in the CLI, and applies when it is edited', async () => {
    const uri = pathToFileURL(join(dir, '报告.ogi')).href;
    open(c, text, 1, uri);
    assert.ok((await pull(uri)).some((d) => d.code === 'row-total' && d.severity === 1), 'an error without a configuration');
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ rules: { 'row-total': 'warning' } }));
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n' }] });
    assert.ok((await pull(uri)).some((d) => d.code === 'row-total' && d.severity === 2), 'a warning under the configuration file');
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ ignore: ['*.ogi'] }));
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    assert.deepEqual(await pull(uri), [], 'an ignored report is not checked');
    // Editing only the configuration file, with the report unchanged: the watched-file change applies it.
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ rules: { 'row-total': 'off' }, ignore: [] }));
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'ogi-report.config.json')).href, type: 2 }] });
    await new Promise((r) => setTimeout(r, 50));
    const items = await pull(uri);
    assert.ok(items.length === 0 || !items.some((d) => d.code === 'row-total'), 'row-total off without touching the report');
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({}));
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'ogi-report.config.json')).href, type: 2 }] });
    await new Promise((r) => setTimeout(r, 50));
    assert.ok((await pull(uri)).some((d) => d.code === 'row-total'), 'and back on');
  });

  it('recompute says when a total is wrong but its culprit cannot be told, instead of "all right"', async () => {
    const uri = pathToFileURL(join(dir, 'totals.ogi')).href;
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({}));
    open(c, readFixture('rules', 'review-total', 'invalid-review-totals.txt'), 1, uri);
    const r = await c.conn.sendRequest('workspace/executeCommand', { command: 'ogiReport.server.recomputeTotals', arguments: [uri, 1] }) as { changed: number; unresolved: number };
    assert.deepEqual(r, { applied: true, changed: 0, unresolved: 2 });
  });
});
