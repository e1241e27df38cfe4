/**
 * The language server types in a copy of the first report while nobody waits (server/src/lsp/warm-up.ts),
 * so that a writer's first keystrokes are checked as fast as later ones: it starts once, only when idle,
 * gives way to anyone being served, stops at its budget, and never fails or touches the user's report.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWarmUp } from '../../server/src/lsp/warm-up';
import { analyze } from '../../server/src/service/analyze';
import { readFixture } from './helpers';

/** A fake clock: `later` queues, `run` fires what is due as time passes. */
function clock() {
  let now = 0;
  let queue: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    later: (fn: () => void, ms: number) => { queue.push({ at: now + ms, fn }); },
    /** Lets `ms` pass, one millisecond at a time, firing what falls due; `each` runs every millisecond. */
    run(ms: number, each?: () => void) {
      for (let t = 0; t < ms; t++) {
        now++;
        each?.();
        const due = queue.filter((q) => q.at <= now);
        queue = queue.filter((q) => q.at > now);
        for (const q of due) q.fn();
      }
    },
    pending: () => queue.length,
  };
}

const REPORT = readFixture('reports', '000_eefba31524fbc4b6.txt');

describe('warming the engine up while idle', () => {
  it('does nothing before a report was analysed, then checks edited copies of the first one only', () => {
    const c = clock();
    const seen: string[] = [];
    const w = createWarmUp({ analyze: (t) => { seen.push(t); }, now: c.now, later: c.later, steps: 6 });
    c.run(500);
    assert.equal(w.steps(), 0, 'nothing to type in yet');
    w.analysed(REPORT);
    w.analysed('另一份报告');
    c.run(500);
    assert.equal(w.steps(), 6);
    // Every copy is the report with one character added (even steps) or the report itself (odd steps).
    seen.forEach((t, k) => assert.equal(t.length, REPORT.length + (k % 2 === 0 ? 1 : 0)));
    assert.ok(seen.every((t) => !t.includes('另一份报告')), 'only the first report is copied');
    assert.equal(new Set(seen.filter((_, k) => k % 2 === 0)).size, 3, 'each added character on another line');
  });

  it('gives way while the server is serving somebody, and goes on once idle', () => {
    const c = clock();
    const w = createWarmUp({ analyze: () => undefined, now: c.now, later: c.later, idleMs: 40, steps: 50 });
    // (40 ms here; the server waits 100 ms)
    w.analysed(REPORT);
    // A user typing: something every 10 ms for 300 ms.
    c.run(300, () => { if (c.now() % 10 === 0) w.busy(); });
    assert.equal(w.steps(), 0, 'no step while busy');
    c.run(200);
    assert.equal(w.steps(), 50, 'all steps once idle');
    assert.equal(c.pending(), 0, 'and then nothing more is scheduled');
  });

  it('stops at its time budget', () => {
    const c = clock();
    // Each analysis "takes" 30 ms of the fake clock.
    let t = 0;
    const w = createWarmUp({ analyze: () => { t += 30; }, now: () => c.now() + t, later: c.later, budgetMs: 100, steps: 1000 });
    w.analysed(REPORT);
    c.run(1000);
    assert.equal(w.steps(), 4, '4 × 30 ms reaches the 100 ms budget');
    assert.equal(c.pending(), 0);
  });

  it('does not copy a very long text, and stops quietly when the engine fails', () => {
    const c = clock();
    const calls: number[] = [];
    const big = createWarmUp({ analyze: () => { calls.push(1); }, now: c.now, later: c.later, maxChars: 1000, steps: 4 });
    big.analysed(REPORT);
    big.analysed('');
    c.run(500);
    assert.equal(calls.length, 0, `a ${REPORT.length}-character text is over the 1000-character limit, and an empty one is no report`);
    big.analysed(REPORT.slice(0, 900));
    c.run(500);
    assert.equal(calls.length, 4, 'the next report that fits starts it');

    const failing = createWarmUp({ analyze: () => { throw new Error('boom'); }, now: c.now, later: c.later });
    assert.doesNotThrow(() => { failing.analysed(REPORT); c.run(500); });
    assert.equal(failing.steps(), 0);
    assert.equal(c.pending(), 0, 'nothing left scheduled after a failure');
  });

  it('with the real engine, the user\'s own analysis is unchanged by the warm-up', () => {
    const before = analyze(REPORT).diagnostics;
    const c = clock();
    const w = createWarmUp({ analyze: (t) => { analyze(t); }, now: c.now, later: c.later, steps: 20 });
    w.analysed(REPORT);
    c.run(2000);
    assert.equal(w.steps(), 20);
    assert.deepEqual(analyze(REPORT).diagnostics, before);
  });
});
