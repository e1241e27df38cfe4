/**
 * Young-generation collection between requests instead of inside them. An analysis of a seed-size report
 * allocates 0.7–0.9 MB of short-lived objects, a real report of 10,000 characters more; with the server's
 * small young generation (`--max-semi-space-size=2`, which keeps the memory of 20 open reports low) that
 * space used to fill during nearly every analysis, and the scavenge then runs inside the round trip the user waits for, copying
 * (and promoting) the half-built report model. Once an answer is on its way, the model is garbage or
 * cached: a minor collection then has little to copy, and the next analysis starts with an empty young
 * generation that holds all it allocates (2 MB semi-spaces hold a real report's analysis; 1 MB did not). V8 exposes `gc` only behind a flag; it is set at run time for
 * this one function (`vm` takes it from a fresh context), and without it nothing changes.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type?: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

let gc: Gc | null | undefined;

function collector(): Gc | null {
  if (gc !== undefined) return gc;
  gc = null;
  try {
    const own = (globalThis as { gc?: unknown }).gc;
    if (typeof own === 'function') gc = own as Gc;
    else {
      setFlagsFromString('--expose-gc');
      const exposed: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      if (typeof exposed === 'function') gc = exposed as Gc;
    }
  } catch {
    gc = null;
  }
  return gc;
}

let scheduled = false;

/** Below this much in the young generation a collection is not worth its fixed cost (an answer from the cache). */
const WORTH_BYTES = 192 * 1024;

function youngBytes(): number {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === 'new_space') return s.space_used_size;
  return Infinity;
}

/**
 * Asks for a minor collection once the current turn of the event loop is over (after the answer is
 * written), when the young generation holds enough to be worth it. Several calls in one turn collect
 * once. Never throws.
 */
export function collectSoon(): void {
  if (scheduled) return;
  const run = collector();
  if (!run) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    try {
      if (youngBytes() >= WORTH_BYTES) run({ type: 'minor' });
    } catch {
      // a collector that refuses leaves V8's own scheduling in place
    }
  });
}
