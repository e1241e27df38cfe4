/**
 * Checking many files across the cores: a pool of worker threads (the same cli.js bundle, started
 * with `workerData.ogiReportWorker`), a bounded window of files in flight, and a reorder buffer so
 * that results are handed on in input order as soon as each one's predecessors are done. Memory is
 * bounded by the window, not by the number of files. A worker that dies is replaced; its file gets
 * an error result and the others are still checked. Every file has a time limit: each worker writes
 * the file it is on and when it started into a shared clock, a watchdog replaces a worker past the
 * limit, that file gets one `timed-out` result and the rest of its batch is checked again.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { msg } from '../base/msg';
import { CheckFileOptions, FileResult, checkFile, setBatch } from './check';
import type { Target } from './walk';
import { prepareBatch } from './batch';
import { onScannedPage } from '../sources/ocr-clock';

export interface Task {
  i: number;
  file: string;
  kind: Target['kind'];
  opts: CheckFileOptions;
}

/** How many files may be checked or waiting to be printed beyond the next one to print. */
const WINDOW = 256;
/** Files sent to a worker at once, and at most in flight per worker: a message costs more than a small file's check. */
const BATCH = 8;
const PER_WORKER = 2 * BATCH;

function crashed(task: Task, reason: string): FileResult {
  return {
    file: task.file, kind: task.kind, formatVersion: null, year: null, status: 'unreadable', diagnostics: [], notes: [],
    error: { kind: 'io', message: msg(`检查此文件时内部出错：${reason}`, `internal error while checking this file: ${reason}`) },
  };
}

function timedOut(task: Task, ms: number): FileResult {
  const s = Number((ms / 1000).toFixed(3));
  return {
    file: task.file, kind: task.kind, formatVersion: null, year: null, status: 'timed-out', diagnostics: [], notes: [],
    error: { kind: 'timeout', message: msg(`检查超过 ${s} 秒时限，已中止（可用 --timeout 调整）`, `took longer than the ${s} s limit and was stopped (see --timeout)`) },
  };
}

/**
 * The clock a worker shares with the pool: [0] when it started its current file (ms since the epoch),
 * [1] that file's index + 1, or 0 when it is between files. A stand-in worker may leave it at 0.
 */
export const CLOCK_BYTES = 16;

async function safeCheck(task: Task): Promise<FileResult> {
  try {
    return await checkFile(task.file, task.kind, task.opts);
  } catch (err) {
    return crashed(task, (err as Error)?.message ?? String(err));
  }
}

/** The worker side: check the files of each batch it is sent, in order, and post their results back together. */
export function runWorker(): void {
  setBatch((workerData?.batch as string[] | undefined) ?? []);
  const clock = workerData?.clock ? new Float64Array(workerData.clock as SharedArrayBuffer) : new Float64Array(2);
  // Each scanned page recognised restarts the clock: the limit is per page for scans.
  onScannedPage(() => { clock[0] = Date.now(); });
  let queue = Promise.resolve();
  parentPort!.on('message', (tasks: Task[]) => {
    queue = queue.then(async () => {
      const results: { i: number; json: string }[] = [];
      // The batch index is built outside any file's time limit (its reads are the whole run's).
      try { if (tasks.length) prepareBatch(tasks[0].opts.fix); } catch { /* each check reports its own trouble */ }
      // As JSON text: structured cloning a result of many small objects cost more than the check's
      // own output, and the main thread, which parses it, has time to spare.
      for (const task of tasks) {
        clock[0] = Date.now();
        clock[1] = task.i + 1;
        results.push({ i: task.i, json: JSON.stringify(await safeCheck(task)) });
        clock[1] = 0;
      }
      parentPort!.postMessage(results);
    });
  });
}

interface PoolOptions {
  jobs: number;
  script: string;
  batch?: readonly string[];
  /** Per file; 0 or absent: no limit. */
  timeoutMs?: number;
}

function startWorker(options: PoolOptions): { worker: Worker; clock: Float64Array } {
  const sab = new SharedArrayBuffer(CLOCK_BYTES);
  // A bounded young generation keeps each worker's heap near what is live: 16 MB costs about 40 MB
  // more at 10,000 reports than 4 MB and scavenges less often (4% faster); the old-generation cap
  // turns a runaway file into one error result.
  const worker = new Worker(options.script, { workerData: { ogiReportWorker: true, batch: options.batch ?? [], clock: sab }, resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 16 } });
  return { worker, clock: new Float64Array(sab) };
}

/** Calls `onLate(i)` for a worker whose current file has run past the limit; returns the stop function. */
function watchdog(limitMs: number, clocks: () => Iterable<{ clock: Float64Array; onLate(i: number): void }>): () => void {
  if (!limitMs) return () => {};
  const timer = setInterval(() => {
    const now = Date.now();
    for (const w of clocks()) {
      const current = w.clock[1];
      if (current > 0 && now - w.clock[0] > limitMs) w.onLate(current - 1);
    }
  }, Math.max(20, Math.min(1000, limitMs / 4)));
  return () => clearInterval(timer);
}

/**
 * In this thread, with the importers that can run long (Word, HTML, PDF) in one worker under the time
 * limit; a worker past it is replaced.
 */
async function checkHere(count: number, task: (i: number) => Task, emit: (r: FileResult, i: number) => Promise<void> | void, options: PoolOptions): Promise<void> {
  let one: { worker: Worker; clock: Float64Array } | null = null;
  let late: ((i: number) => void) | null = null;
  const stop = watchdog(options.timeoutMs ?? 0, () => (one && late ? [{ clock: one.clock, onLate: late }] : []));
  const isolated = (t: Task) => new Promise<FileResult>((resolve) => {
    const w = (one ??= startWorker(options));
    const settle = (r: FileResult, replace: boolean) => {
      w.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
      late = null;
      if (replace) { void w.worker.terminate().catch(() => undefined); one = null; }
      resolve(r);
    };
    w.worker.on('message', (results: { i: number; json: string }[]) => settle(JSON.parse(results[0].json) as FileResult, false));
    w.worker.on('error', (err) => settle(crashed(t, err?.message ?? String(err)), true));
    w.worker.on('exit', (code) => settle(crashed(t, `worker exited (${code})`), true));
    late = () => settle(timedOut(t, options.timeoutMs ?? 0), true);
    w.worker.postMessage([t]);
  });
  try {
    for (let i = 0; i < count; i++) {
      const t = task(i);
      const long = options.timeoutMs && t.kind !== null && t.kind !== 'text';
      await emit(long ? await isolated(t) : await safeCheck(t), i);
    }
  } finally {
    stop();
    if (one) await (one as { worker: Worker }).worker.terminate().catch(() => undefined);
  }
}

/**
 * Checks `count` files, building each task on demand, and calls `emit` in index order.
 * `jobs` ≤ 1 checks in this thread (no start-up cost for a handful of files).
 */
export async function checkAll(count: number, task: (i: number) => Task, emit: (r: FileResult, i: number) => Promise<void> | void, options: PoolOptions): Promise<void> {
  if (options.jobs <= 1 || count <= 1) return checkHere(count, task, emit, options);
  const done = new Map<number, FileResult>();
  let nextToEmit = 0;
  let nextToSend = 0;
  let emitting = false;
  let finish!: () => void;
  let fail!: (err: unknown) => void;
  const finished = new Promise<void>((res, rej) => { finish = res; fail = rej; });

  /**
   * `alone`: the slot checks one file that was in flight when a worker died, with nothing beside it.
   * `dead`: its worker exited and was not replaced (there was nothing left to send then).
   */
  interface Slot { worker: Worker; clock: Float64Array; inFlight: Map<number, Task>; alone: boolean; dead: boolean; late?: number }
  const slots: Slot[] = [];
  // Files of a batch whose worker was stopped for another file's time: checked again, in batches.
  const retry: Task[] = [];
  // Files that were in flight when their worker died. Each is checked again alone, so that only the file
  // that kills a worker gets the error, not the others of its batch.
  const suspects: Task[] = [];

  const flush = async () => {
    if (emitting) return;
    emitting = true;
    try {
      while (done.has(nextToEmit)) {
        const r = done.get(nextToEmit)!;
        done.delete(nextToEmit);
        await emit(r, nextToEmit);
        nextToEmit++;
      }
    } catch (err) {
      fail(err);
    } finally {
      emitting = false;
    }
    if (nextToEmit >= count) finish();
    else feedAll();
  };

  const feed = (slot: Slot) => {
    if (slot.alone || slot.dead) return;
    if (suspects.length) {
      if (slot.inFlight.size) return;
      const t = suspects.shift()!;
      slot.inFlight.set(t.i, t);
      slot.alone = true;
      slot.worker.postMessage([t]);
      return;
    }
    const more = () => retry.length > 0 || (nextToSend < count && nextToSend < nextToEmit + WINDOW);
    while (slot.inFlight.size + BATCH <= PER_WORKER && more()) {
      const batch: Task[] = [];
      while (batch.length < BATCH && more()) {
        const t = retry.length ? retry.shift()! : task(nextToSend++);
        slot.inFlight.set(t.i, t);
        batch.push(t);
      }
      slot.worker.postMessage(batch);
    }
  };
  const feedAll = () => slots.forEach(feed);

  const start = (index: number): Slot => {
    const { worker, clock } = startWorker(options);
    const slot: Slot = { worker, clock, inFlight: new Map(), alone: false, dead: false };
    worker.on('message', (results: { i: number; json: string }[]) => {
      for (const m of results) {
        slot.inFlight.delete(m.i);
        done.set(m.i, JSON.parse(m.json) as FileResult);
      }
      slot.alone = false;
      feed(slot);
      void flush();
    });
    const onDeath = (reason: string) => {
      if (slots[index] !== slot) return;
      const lost = [...slot.inFlight.values()];
      slot.inFlight.clear();
      if (slot.late !== undefined) {
        // Stopped for its time: that file is reported, the others of its batch are checked again.
        for (const t of lost) {
          if (t.i === slot.late) done.set(t.i, timedOut(t, options.timeoutMs ?? 0));
          else retry.push(t);
        }
      } else if (lost.length === 1) done.set(lost[0].i, crashed(lost[0], reason));
      else suspects.push(...lost);
      slot.dead = true;
      // Work left: replace this worker, and any that died earlier when nothing was left to send.
      if (nextToSend < count || suspects.length || retry.length) {
        slots.forEach((s, k) => { if (s.dead) slots[k] = start(k); });
        feedAll();
      }
      void flush();
    };
    worker.on('error', (err) => onDeath(err?.message ?? String(err)));
    worker.on('exit', (code) => onDeath(`worker exited (${code})`));
    return slot;
  };
  const jobs = Math.min(options.jobs, count);
  for (let i = 0; i < jobs; i++) slots.push(start(i));
  const stop = watchdog(options.timeoutMs ?? 0, () => slots.filter((s) => !s.dead && s.late === undefined).map((s) => ({
    clock: s.clock,
    onLate(i: number) {
      if (!s.inFlight.has(i)) return;
      s.late = i;
      void s.worker.terminate().catch(() => undefined);
    },
  })));
  feedAll();
  try {
    await finished;
  } finally {
    stop();
    const all = slots.splice(0);
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}
