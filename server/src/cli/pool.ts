/**
 * Checking many files across the cores: a pool of worker threads (the same cli.js bundle, started
 * with `workerData.ogiReportWorker`), a bounded window of files in flight, and a reorder buffer so
 * that results are handed on in input order as soon as each one's predecessors are done. Memory is
 * bounded by the window, not by the number of files. A worker that dies is replaced; its file gets
 * an error result and the others are still checked.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { CheckFileOptions, FileResult, checkFile, setBatch } from './check';
import type { Target } from './walk';

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
    error: { kind: 'io', message: { zh: `检查此文件时内部出错：${reason}`, en: `internal error while checking this file: ${reason}` } },
  };
}

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
  let queue = Promise.resolve();
  parentPort!.on('message', (tasks: Task[]) => {
    queue = queue.then(async () => {
      const results: { i: number; json: string }[] = [];
      // As JSON text: structured cloning a result of many small objects cost more than the check's
      // own output, and the main thread, which parses it, has time to spare.
      for (const task of tasks) results.push({ i: task.i, json: JSON.stringify(await safeCheck(task)) });
      parentPort!.postMessage(results);
    });
  });
}

/**
 * Checks `count` files, building each task on demand, and calls `emit` in index order.
 * `jobs` ≤ 1 checks in this thread (no start-up cost for a handful of files).
 */
export async function checkAll(count: number, task: (i: number) => Task, emit: (r: FileResult, i: number) => Promise<void> | void, options: { jobs: number; script: string; batch?: readonly string[] }): Promise<void> {
  if (options.jobs <= 1 || count <= 1) {
    for (let i = 0; i < count; i++) await emit(await safeCheck(task(i)), i);
    return;
  }
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
  interface Slot { worker: Worker; inFlight: Map<number, Task>; alone: boolean; dead: boolean }
  const slots: Slot[] = [];
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
    while (slot.inFlight.size + BATCH <= PER_WORKER && nextToSend < count && nextToSend < nextToEmit + WINDOW) {
      const batch: Task[] = [];
      while (batch.length < BATCH && nextToSend < count && nextToSend < nextToEmit + WINDOW) {
        const t = task(nextToSend++);
        slot.inFlight.set(t.i, t);
        batch.push(t);
      }
      slot.worker.postMessage(batch);
    }
  };
  const feedAll = () => slots.forEach(feed);

  const start = (index: number): Slot => {
    // A bounded young generation keeps each worker's heap near what is live: 16 MB costs about 40 MB
    // more at 10,000 reports than 4 MB and scavenges less often (4% faster); the old-generation cap
    // turns a runaway file into one error result.
    const worker = new Worker(options.script, { workerData: { ogiReportWorker: true, batch: options.batch ?? [] }, resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 16 } });
    const slot: Slot = { worker, inFlight: new Map(), alone: false, dead: false };
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
      if (lost.length === 1) done.set(lost[0].i, crashed(lost[0], reason));
      else suspects.push(...lost);
      slot.dead = true;
      // Work left: replace this worker, and any that died earlier when nothing was left to send.
      if (nextToSend < count || suspects.length) {
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
  feedAll();
  try {
    await finished;
  } finally {
    const all = slots.splice(0);
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}
