/** A short, fixed-seed run of the generated-input properties (npm run fuzz runs them at length). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PROPERTIES } from '../fuzz/properties';

describe('properties on generated inputs', () => {
  for (const [name, property] of Object.entries(PROPERTIES)) {
    it(name, () => {
      const details = fc.check(property as fc.IProperty<unknown[]>, { numRuns: 150, seed: 20261122 });
      assert.ok(!details.failed, fc.defaultReportMessage(details) ?? 'failed');
    });
  }
});
