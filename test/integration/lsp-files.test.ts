/**
 * The language server reads workspace files only when they are regular files under its cap: a FIFO (or a
 * device) named like a report must not block one of libuv's few threads, or every later read hangs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readCapped, readText } from '../../server/src/lsp/files';

describe('language server file reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lsp-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a FIFO, /dev/zero and an over-cap file read as null at once; a small report reads as its text', { timeout: 10_000 }, async () => {
    const fifo = join(dir, '报告.ogi');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    // Five at once: more than libuv's four threads, so one blocked open would hang the fifth read.
    const fifos = await Promise.all(Array.from({ length: 5 }, () => readCapped(fifo, 1024)));
    assert.deepEqual(fifos, [null, null, null, null, null]);
    assert.equal(await readCapped('/dev/zero', 1024), null);
    const big = join(dir, 'big.ogi');
    writeFileSync(big, 'x'.repeat(2048));
    assert.equal(await readCapped(big, 1024), null);
    const small = join(dir, 'small.ogi');
    writeFileSync(small, '政府信息公开工作年度报告');
    assert.equal(await readText(small, 1024), '政府信息公开工作年度报告');
  });
});
