/**
 * Every file has a time limit. A stand-in worker speaks the pool's protocol (a batch of tasks in, their
 * results as JSON text out, the shared clock set to the file it is on) and hangs on the files named so:
 * the pool replaces it, that file alone is `timed-out`, and every other file of its batch is checked.
 * The run-in-this-thread path sends importer kinds (PDF, Word, HTML) to one worker under the same limit.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkAll, Task } from '../../server/src/cli/pool';
import type { FileResult } from '../../server/src/cli/check';
import { jsonEntry, junitReporter, newSummary, addToSummary, sarifReporter, summaryLine, textReporter } from '../../server/src/cli/output';
import { htmlReporter } from '../../server/src/cli/html';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const clock = workerData && workerData.clock ? new Float64Array(workerData.clock) : new Float64Array(2);
// One batch after another, as the real worker does (cli/pool.ts runWorker).
let queue = Promise.resolve();
parentPort.on('message', (tasks) => {
  queue = queue.then(async () => {
    const out = [];
    for (const t of tasks) {
      clock[0] = Date.now();
      clock[1] = t.i + 1;
      if (t.file.includes('spin')) for (;;) {}
      if (t.file.includes('wait')) await new Promise(() => {});
      out.push({ i: t.i, json: JSON.stringify({ file: t.file, kind: t.kind, formatVersion: null, year: null, status: 'clean', diagnostics: [], notes: [] }) });
      clock[1] = 0;
    }
    parentPort.postMessage(out);
  });
});
`;

function run(files: string[], jobs: number, kind: Task['kind']): Promise<{ order: number[]; results: FileResult[] }> {
  const script = join(mkdtempSync(join(tmpdir(), 'ogi-timeout-')), 'worker.cjs');
  writeFileSync(script, WORKER);
  const order: number[] = [];
  const results: FileResult[] = [];
  const task = (i: number): Task => ({ i, file: files[i], kind, opts: { fix: false, analyze: {}, context: false, locale: 'zh-cn' } });
  return checkAll(files.length, task, (r, i) => { order.push(i); results.push(r); }, { jobs, script, timeoutMs: 1000 }).then(() => ({ order, results }));
}

describe('per-file time limit', () => {
  it('a file that spins past the limit is timed-out alone; its batch and the files after it are checked, in order', { timeout: 30_000 }, async () => {
    const files = Array.from({ length: 40 }, (_, i) => (i === 13 ? 'spin.txt' : i === 30 ? 'wait.txt' : `r${i}.txt`));
    const { order, results } = await run(files, 2, 'text');
    assert.deepEqual(order, files.map((_, i) => i));
    assert.deepEqual(results.filter((r) => r.status === 'timed-out').map((r) => r.file), ['spin.txt', 'wait.txt']);
    assert.equal(results.filter((r) => r.status === 'clean').length, 38);
    assert.match(results[13].error!.message.zh, /时限/);
  });

  it('in this thread, a long-running importer kind runs in a worker under the limit', { timeout: 30_000 }, async () => {
    const files = ['a.pdf', 'spin.pdf', 'b.docx', 'wait.html', 'c.pdf'];
    const { results } = await run(files, 1, 'pdf');
    assert.deepEqual(results.map((r) => r.status), ['clean', 'timed-out', 'clean', 'timed-out', 'clean']);
  });

  it('a timed-out file is one line in every format', () => {
    const r: FileResult = {
      file: 'slow.pdf', kind: 'pdf', formatVersion: null, year: null, status: 'timed-out', diagnostics: [], notes: [],
      error: { kind: 'timeout', message: { zh: '检查超过 60 秒时限，已中止', en: 'took longer than the 60 s limit' } },
    };
    const s = newSummary('0');
    addToSummary(s, r);
    assert.match(summaryLine(s, 'zh-cn'), /1 个超时未完成/);
    assert.match(summaryLine(s, 'en'), /1 timed out/);
    assert.equal((jsonEntry(r, 'en') as { status: string }).status, 'timed-out');
    let sarif = '';
    const rep = sarifReporter((x) => (sarif += x), 'zh-cn', { version: '0', commandLine: 'x' });
    rep.file(r);
    rep.end(s);
    const inv = JSON.parse(sarif).runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.toolExecutionNotifications[0].descriptor.id, 'timed-out');
    let junit = '';
    const j = junitReporter((x) => (junit += x), 'zh-cn', () => ({}));
    j.file(r);
    j.end(s);
    assert.match(junit, /<error type="timeout" message="检查超过 60 秒时限，已中止"\/>/);
    let html = '';
    const h = htmlReporter((x) => (html += x), 'zh-cn', { version: '0', generated: 'now', settings: {} });
    h.file(r);
    h.end(s);
    assert.match(html, /"s":"timed-out"/);
    assert.match(html, /超时未完成/);
    let text = '';
    textReporter((x) => (text += x), 'zh-cn').end(s);
    assert.match(text, /超时未完成/);
  });
});
