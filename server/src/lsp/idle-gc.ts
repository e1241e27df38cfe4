/**
 * Young-generation collection between requests instead of inside them. An analysis of a seed-size report
 * allocates 0.5 MB of short-lived objects, a real report of 10,000 characters more; with the server's
 * small young generation (`--max-semi-space-size=2`, which keeps the memory of 20 open reports low) that
 * space used to fill during nearly every other analysis, and the scavenge then ran inside the round trip the
 * user waits for, copying (and promoting) the half-built report model. Once an answer is on its way, the
 * model is garbage or cached: a minor collection then has little to copy, and the next analysis starts with
 * an empty young generation that holds all it allocates. The collection waits a few milliseconds after the
 * answer: the editor asks for code lenses, inlay hints and folding of the same version right after the
 * diagnostics, and a writer's next keystroke comes tens of milliseconds later, so it runs in the pause.
 * V8 exposes `gc` only behind a flag; it is set at run time for this one function (`vm` takes it from a
 * fresh context), and without it nothing changes.
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
/** Young-generation bytes allocated from one answer to the next (the largest lately, decaying). */
let perAnswer = 1024 * 1024;
/** Young-generation bytes in use after the last answer (after its collection, if any). */
let lastUsed = -1;

function youngSpace(): { used: number; free: number } | null {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === 'new_space') return { used: s.space_used_size, free: s.space_available_size };
  return null;
}

/** How long after an answer the collection waits (ms): past the editor's follow-up requests, before the next keystroke. */
const PAUSE_MS = 5;

/**
 * Asks for a minor collection shortly after the answer is written, when what is left of the young
 * generation might not hold what the next answer allocates (an answer from the cache allocates little,
 * and a larger young generation is collected less often). Calls until then decide once. Never throws.
 */
export function collectSoon(): void {
  if (scheduled) return;
  const run = collector();
  if (!run) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    try {
      const young = youngSpace();
      if (!young) return;
      // Less in use than last time: V8 collected meanwhile, and this answer's allocation is unknown.
      if (lastUsed >= 0 && young.used >= lastUsed) perAnswer = Math.max(young.used - lastUsed, Math.round(perAnswer * 0.75));
      lastUsed = young.used;
      if (young.free >= 1.5 * perAnswer) return;
      run({ type: 'minor' });
      lastUsed = youngSpace()?.used ?? -1;
    } catch {
      // a collector that refuses leaves V8's own scheduling in place
    }
  }, PAUSE_MS).unref?.();
}
