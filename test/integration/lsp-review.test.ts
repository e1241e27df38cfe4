/**
 * The editor uses the supervisors' ledger: `ogi-report.review.json` in the report's folder or above
 * makes a dismissed finding a hint with its reason, marks a confirmed one, and an edit to the ledger
 * applies at the next check. The standalone server over stdio, as lsp.test.ts drives it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { FIXTURES, ROOT } from '../unit/helpers';
import { runCli, scratch } from '../unit/cli-helpers';
import { jsonFiles } from '../helpers/cli-json';

const SERVER = join(ROOT, 'dist', 'server.js');

describe('ogi-report.review.json in the editor', () => {
  it('shows a dismissed finding as a hint with its reason, and follows edits to the ledger', async () => {
    const dir = scratch();
    mkdirSync(join(dir, '2024'));
    const file = join(dir, '2024', '洪泽区2024.txt');
    copyFileSync(join(FIXTURES, 'corpus', 'hongze_2024.txt'), file);
    const found = jsonFiles(runCli(['check', '--format', 'json', '--no-cross-report', file]).out)[0].diagnostics as { code: string; fingerprint: string }[];
    const fv = found.find((d) => d.code === 'format-version')!;
    const ow = found.find((d) => d.code === 'official-wording')!;
    const ledger = join(dir, 'ogi-report.review.json');
    writeFileSync(ledger, JSON.stringify({ version: 'ogiReport/v1', entries: [
      { fingerprint: fv.fingerprint, rule: fv.code, file: '洪泽区2024.txt', status: 'dismissed', reason: '按上级模板填报', reviewer: '王五' },
      { fingerprint: ow.fingerprint, rule: ow.code, file: '洪泽区2024.txt', status: 'confirmed' },
    ] }));

    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {}, locale: 'auto' })));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => null);
    conn.onNotification('window/logMessage', () => undefined);
    conn.listen();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
      conn.sendNotification('initialized', {});
      const uri = pathToFileURL(file).href;
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 1, text: readFileSync(file, 'utf8') } });
      type Item = { code: string; severity: number; message: string };
      const pull = async () => ((await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Item[] }).items;
      let items = await pull();
      const d = items.find((x) => x.code === 'format-version')!;
      assert.equal(d.severity, 4, 'a hint, not an error');
      assert.match(d.message, /（已驳回：按上级模板填报，王五）$/);
      assert.match(items.find((x) => x.code === 'official-wording')!.message, /（已确认）$/);
      assert.equal(items.find((x) => x.code === 'official-wording')!.severity, 2);

      // The supervisor withdraws the dismissal: the next check shows the error again.
      writeFileSync(ledger, JSON.stringify({ entries: [] }) + '\n'.repeat(3));
      items = await pull();
      assert.equal(items.find((x) => x.code === 'format-version')!.severity, 1);
    } finally {
      try { await conn.sendRequest('shutdown'); } catch { /* gone */ }
      conn.dispose();
      proc.kill();
    }
  });
});
