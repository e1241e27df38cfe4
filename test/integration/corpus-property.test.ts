/**
 * A property over the real reports of the corpus and the seeds: one figure changed in a balanced table 三
 * gives arithmetic diagnostics on exactly that cell, and applying the fix restores the original text
 * (test/unit/corpus.test.ts checks the reports as published).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, ruleIdsTagged } from '../../server/src/service/analyze';
import { T3_TOTAL_COL } from '../../server/src/model/template';
import { FIXTURES, corpusReports, listFiles, readFixture } from '../unit/helpers';

// The views of table 三/四 error localization.
const ARITHMETIC = ruleIdsTagged('identity');

/** Reports whose table 三 balances and has every identity (R1, R2, R3), with their plain-digit cells. */
function balancedCells() {
  const out: { name: string; text: string; cells: { start: number; end: number; value: number }[] }[] = [];
  const sources = [
    ...corpusReports().map((f) => ['corpus', f]),
    ...listFiles(join(FIXTURES, 'reports'), (f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).map((f) => ['reports', f]),
  ];
  for (const [dir, f] of sources) {
    const text = readFixture(dir, f);
    const a = analyze(text);
    if (a.diagnostics.some((d) => ARITHMETIC.includes(d.code) || d.code === 'table-shape' || d.code === 'blank-cell')) continue;
    for (const t3 of a.t3) {
      const ids = new Set(t3.table.rows.map((r) => r.id));
      if (!t3.resultsUsable || !['new', 'carried', 'total', 'carryover'].every((id) => ids.has(id))) continue;
      const cells = t3.table.rows.filter((r) => r.id && !r.isGroup).flatMap((r) => r.cells)
        .filter((c) => c.value.kind === 'number' && c.value.integer !== null && c.cell.text === String(c.value.integer))
        .map((c) => ({ start: c.cell.start, end: c.cell.end, value: (c.value as { integer: number }).integer }));
      if (cells.length) out.push({ name: f, text, cells });
    }
  }
  return out;
}

describe('localization on real reports (property)', () => {
  const reports = balancedCells();
  it('has balanced real tables to work on', () => assert.ok(reports.length >= 5, `only ${reports.length}`));
  it('one figure changed: every arithmetic diagnostic covers exactly that cell, and its fix restores the text', () => {
    fc.assert(fc.property(
      fc.nat(reports.length - 1), fc.nat(10_000), fc.integer({ min: 1, max: 50 }), fc.boolean(),
      (ri, ci, delta, up) => {
        const r = reports[ri];
        const cell = r.cells[ci % r.cells.length];
        const value = up || cell.value < delta ? cell.value + delta : cell.value - delta;
        const text = r.text.slice(0, cell.start) + String(value) + r.text.slice(cell.end);
        const a = analyze(text);
        const arithmetic = a.diagnostics.filter((d) => ARITHMETIC.includes(d.code));
        const end = cell.start + String(value).length;
        assert.ok(arithmetic.length >= 1, `${r.name}: nothing reported for ${cell.value} → ${value}`);
        for (const d of arithmetic) assert.deepEqual([d.start, d.end], [cell.start, end], `${r.name}: ${d.code} ${d.message.zh}`);
        assert.equal(arithmetic.length, 1);
        assert.ok(arithmetic[0].fix, 'the culprit has a fix');
        assert.equal(applyEdits(text, arithmetic[0].fix!.edits), r.text);
      },
    ), { numRuns: 200, seed: 20261129 });
  });
  it('column totals are pinned too: （七）总计 in the total column', () => {
    const r = reports[0];
    const a = analyze(r.text);
    const t3 = a.t3[0];
    const cell = t3.byId.get('total')!.cells[T3_TOTAL_COL];
    const v = (cell.value as { integer: number }).integer;
    const text = r.text.slice(0, cell.cell.start) + String(v + 3) + r.text.slice(cell.cell.end);
    const d = analyze(text).diagnostics.filter((x) => ARITHMETIC.includes(x.code));
    assert.equal(d.length, 1);
    assert.equal(d[0].start, cell.cell.start);
  });
});
