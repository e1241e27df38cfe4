/**
 * The first keystrokes as fast as the hundredth. V8 compiles the engine's code for speed only after it
 * has run a while: in a fresh server the first edits of a report took up to twice as long to check as
 * later ones, and those are the edits a writer makes right after opening the report. So once a report
 * has been analysed, the server types in a copy of it while nobody is waiting: one figure or word added
 * at the end of a line, checked, taken away, checked, a line further on each time, as typing does. Each
 * step is one analysis in its own turn of the event loop, runs only after the server has been idle a
 * while (a user typing gets every turn), and the whole is bounded in steps, time and size. The copies go
 * to the engine directly, not through the server's analysis cache: nothing is counted or sent, and no
 * workspace is read (the engine's own reuse caches see them as any other text).
 * Eighty steps: the first 20 keystrokes of a seed-size report cost the server 20–25% less CPU than
 * without, for about 3 MB more peak memory after 200 edits of one report and 10 MB with 20 reports open
 * (160 steps cost 9 MB more and gained little more).
 */

export interface WarmUpOptions {
  /** Analyses a text; what it returns is dropped. */
  analyze(text: string): void;
  /** How long the server must have been idle before a step runs (ms). */
  idleMs?: number;
  /** At most this many analyses. */
  steps?: number;
  /** At most this much time spent in them (ms). */
  budgetMs?: number;
  /** Texts longer than this are not copied: a keystroke may wait for a step (about 10 ms at 20,000 characters). */
  maxChars?: number;
  now?: () => number;
  /** Runs `fn` after `ms` (tests pass a fake clock). */
  later?: (fn: () => void, ms: number) => void;
}

export interface WarmUp {
  /** A report was analysed: the first one fit to copy starts the warm-up (later ones change nothing). */
  analysed(text: string): void;
  /** The server is serving somebody: steps wait until it has been idle again. */
  busy(): void;
  /** Analyses performed so far, for tests. */
  steps(): number;
}

export function createWarmUp(options: WarmUpOptions): WarmUp {
  const idleMs = options.idleMs ?? 100;
  const maxSteps = options.steps ?? 80;
  const budgetMs = options.budgetMs ?? 500;
  const maxChars = options.maxChars ?? 20_000;
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((fn, ms) => { setTimeout(fn, ms).unref?.(); });
  let started = false;
  let stopped = false;
  let lastBusy = -Infinity;
  let done = 0;
  let spent = 0;
  let lines: string[] = [];
  let body = 0;

  const text = (k: number): string => {
    // Even steps add a character at the end of a line, odd steps check the line as it was.
    const i = body + ((k >> 1) * 7) % (lines.length - body);
    if (k % 2 === 1) return lines.join('\n');
    const copy = lines.slice();
    copy[i] += /\d\s*$/.test(copy[i]) ? '1' : '的';
    return copy.join('\n');
  };

  const step = () => {
    if (stopped || done >= maxSteps || spent >= budgetMs) return;
    const idle = now() - lastBusy;
    if (idle < idleMs) {
      later(step, idleMs - idle);
      return;
    }
    const t0 = now();
    try {
      options.analyze(text(done));
    } catch {
      stopped = true; // an engine that fails here fails for the user too, and says so there
      return;
    }
    spent += now() - t0;
    done++;
    later(step, 0);
  };

  return {
    analysed(report) {
      // The first report fit to copy starts it: an empty or very long one leaves it for the next.
      if (started || report.length > maxChars || !report.trim()) return;
      started = true;
      lines = report.split('\n');
      // Type in the body: past the title and the preamble's first lines, where the sections are.
      body = Math.min(lines.length - 1, Math.max(0, Math.floor(lines.length / 10)));
      later(step, idleMs);
    },
    busy() {
      lastBusy = now();
    },
    steps: () => done,
  };
}
