/**
 * 「检查工作区所有报告」 next to a 1.5 GB .ogi file: the server refuses the file from its size (a sparse
 * file, so no disk is used), counts it as unreadable, checks the other report, and its memory stays small.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { CHECK_WORKSPACE_REQUEST, CheckSummary } from '../../server/src/lsp/protocol';
import { FIXTURES, ROOT } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server.js');
const REPORT = '清河镇2024年政府信息公开工作年度报告.txt';

/** The peak resident memory of a process, in MB (Linux), or null where /proc is not there. */
function peakMb(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

describe('language server: the workspace check beside a 1.5 GB file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lsp-huge-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the huge file without reading it and checks the rest', async () => {
    copyFileSync(join(FIXTURES, 'workspace', 'three-years', REPORT), join(dir, REPORT));
    const huge = join(dir, '巨大.ogi');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 1.5 * 1024 ** 3);

    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {}, locale: 'auto' })));
    conn.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onNotification('$/progress', () => undefined);
    conn.onNotification('window/logMessage', () => undefined);
    const published: string[] = [];
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => { published.push(p.uri); });
    conn.listen();
    try {
      const root = pathToFileURL(dir).href;
      // A push client: the check sends each report's diagnostics.
      await conn.sendRequest('initialize', {
        processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
      });
      conn.sendNotification('initialized', {});
      const summary = await conn.sendRequest(CHECK_WORKSPACE_REQUEST, {}) as CheckSummary;
      assert.equal(summary.files, 1, 'the report beside it is checked');
      assert.equal(summary.unreadable, 1, 'the huge file is counted as unreadable');
      assert.ok(published.some((u) => u.endsWith(encodeURIComponent(REPORT))));
      const peak = peakMb(proc.pid!);
      if (peak !== null) assert.ok(peak < 400, `the server's peak memory is ${Math.round(peak)} MB`);
    } finally {
      await conn.sendRequest('shutdown').catch(() => undefined);
      conn.dispose();
      proc.kill();
    }
  });
});
