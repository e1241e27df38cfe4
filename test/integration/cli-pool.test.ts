/**
 * The worker pool: files go to the workers in batches, results come back in input order, and a file
 * that kills its worker is the only one reported for it. A stand-in worker script speaks the pool's
 * protocol (a batch of tasks in, their results as JSON text out) and dies on the files named so.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkAll, Task } from '../../server/src/cli/pool';
import type { FileResult } from '../../server/src/cli/check';
import { scratch } from '../unit/cli-helpers';

const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async (tasks) => {
  const out = [];
  for (const t of tasks) {
    if (t.file.includes('poison')) process.exit(3);
    if (t.file.includes('slow-death')) { await new Promise((r) => setTimeout(r, 300)); process.exit(4); }
    out.push({ i: t.i, json: JSON.stringify({ file: t.file, kind: 'text', formatVersion: null, year: null, status: 'clean', diagnostics: [], notes: [] }) });
  }
  parentPort.postMessage(out);
});
`;

function run(files: string[], jobs: number): Promise<{ order: number[]; results: FileResult[] }> {
  const script = join(scratch(), 'worker.cjs');
  writeFileSync(script, WORKER);
  const order: number[] = [];
  const results: FileResult[] = [];
  const task = (i: number): Task => ({ i, file: files[i], kind: 'text', opts: { fix: false, analyze: {}, context: false, locale: 'zh-cn' } });
  return checkAll(files.length, task, (r, i) => { order.push(i); results.push(r); }, { jobs, script }).then(() => ({ order, results }));
}

describe('worker pool', () => {
  it('hands every result on in input order', async () => {
    const files = Array.from({ length: 100 }, (_, i) => `r${i}.txt`);
    const { order, results } = await run(files, 2);
    assert.deepEqual(order, files.map((_, i) => i));
    assert.deepEqual(results.map((r) => r.file), files);
    assert.ok(results.every((r) => r.status === 'clean'));
  });

  it('a file that kills its worker is reported alone; the rest of its batch and the files after it are checked', async () => {
    const files = Array.from({ length: 40 }, (_, i) => (i === 13 ? 'poison.txt' : `r${i}.txt`));
    const { order, results } = await run(files, 2);
    assert.deepEqual(order, files.map((_, i) => i));
    const bad = results.filter((r) => r.status === 'unreadable');
    assert.deepEqual(bad.map((r) => r.file), ['poison.txt']);
    assert.match(bad[0].error!.message.zh, /内部出错/);
    assert.equal(results.filter((r) => r.status === 'clean').length, 39);
  });

  it('a worker that dies after the last file was sent, then another with a batch in flight: every file still gets its result', { timeout: 20_000 }, async () => {
    const files = Array.from({ length: 17 }, (_, i) => (i === 3 ? 'slow-death.txt' : i === 16 ? 'poison.txt' : `r${i}.txt`));
    const { order, results } = await run(files, 2);
    assert.deepEqual(order, files.map((_, i) => i));
    assert.deepEqual(results.filter((r) => r.status === 'unreadable').map((r) => r.file), ['slow-death.txt', 'poison.txt']);
  });
});
