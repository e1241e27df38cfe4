/** The language server's request wrapper, in process (test/integration/lsp.test.ts drives the server over stdio). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSafe } from '../../server/src/lsp/runner';

describe('language server requests', () => {
  it('runSafe answers a cancelled request as cancelled and a throwing handler as an internal error', async () => {
    const logged: string[] = [];
    const conn = { console: { error: (m: string) => logged.push(m) } } as never;
    const cancelled = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };
    await assert.rejects(runSafe(conn, cancelled as never, 'x', () => 1), (e: { code: number }) => e.code === -32800);
    await assert.rejects(runSafe(conn, undefined, 'hover', () => { throw new Error('boom'); }), (e: { code: number; message: string }) => e.code === -32603 && /hover failed: boom/.test(e.message));
    assert.equal(logged.length, 1);
    assert.equal(await runSafe(conn, undefined, 'x', () => 42), 42);
  });
});
