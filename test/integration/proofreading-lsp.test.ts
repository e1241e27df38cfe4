/**
 * The user dictionary in the language server: a configuration file's top-level `dictionary` beside a
 * report reaches the proofreading rules (allow silences a word, replace adds a pair), as on the command line.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { ROOT, readFixture } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server.js');

describe('the proofreading dictionary in the language server', () => {
  let conn: MessageConnection;
  let kill: () => void;
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lsp-dictionary-'));
  const text = readFixture('rules', 'look-alike', 'invalid-look-alike.txt').replace('清河镇认真', '清河镇财政全融局认真');

  before(async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    kill = () => proc.kill();
    conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {}, locale: 'auto' })));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => null);
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('textDocument/publishDiagnostics', () => undefined);
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } } });
    conn.sendNotification('initialized', {});
  });
  after(async () => {
    try { await conn.sendRequest('shutdown'); } catch { /* gone */ }
    conn.dispose();
    kill();
  });

  const pull = async (uri: string) =>
    (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { items: { code: string; message: string }[] }).items.filter((d) => d.code === 'look-alike');

  it('allow and replace apply to the reports under the configuration file', async () => {
    const uri = pathToFileURL(join(dir, '报告.ogi')).href;
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 1, text } });
    const before = await pull(uri);
    assert.ok(before.some((d) => d.message.includes('杜会')));
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ dictionary: { allow: ['杜会'], replace: { 财政全融局: '财政金融局' } } }));
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n' }] });
    const after = await pull(uri);
    assert.ok(!after.some((d) => d.message.includes('杜会')));
    assert.ok(after.some((d) => d.message.includes('“财政全融局”应为“财政金融局”')));
  });
});
