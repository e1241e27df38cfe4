/**
 * The language server collects an analysis's short-lived objects after it answers, not in the middle of
 * the next analysis (server/src/lsp/idle-gc.ts): a diagnostics pull is followed, a few milliseconds later,
 * by one minor collection.
 * @own-process: it counts its own process's collections, so `npm run test:unit` runs it alone.
 */
import assert from 'node:assert/strict';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { collectSoon } from '../../server/src/lsp/idle-gc';

const tick = () => new Promise((r) => setImmediate(r));

describe('collection between requests', () => {
  it('runs one minor collection shortly after the turn that asked for it, however often it was asked', async () => {
    const minors: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) minors.push(e.startTime);
    });
    observer.observe({ entryTypes: ['gc'] });
    try {
      // What an analysis leaves behind: short-lived objects in the young generation.
      let garbage: number[][] = [];
      for (let i = 0; i < 20_000; i++) garbage.push([i, i + 1]);
      garbage = [];
      const asked = performance.now();
      collectSoon();
      collectSoon();
      collectSoon();
      await tick();
      await tick();
      await new Promise((r) => setTimeout(r, 20)); // gc entries are delivered asynchronously
      const after = minors.filter((t) => t >= asked);
      assert.ok(after.length >= 1, 'a minor collection ran');
      assert.ok(after.length <= 2, `one collection for three requests (saw ${after.length})`);
    } finally {
      observer.disconnect();
    }
  });
});
