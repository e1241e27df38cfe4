/**
 * The real published reports of test/fixtures/corpus/ (copied from the shared corpus, with FACTS.md):
 * each has a golden; what FACTS.md lists is found, and no error appears that it does not list. Then a
 * property over the corpus and the seeds: one figure changed in a balanced table 三 gives arithmetic
 * diagnostics on exactly that cell, and applying the fix restores the original text.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits } from '../../server/src/service/analyze';
import { T3_TOTAL_COL } from '../../server/src/model/template';
import { CORPUS, FIXTURES, checkGolden, corpusReports, listFiles, readFixture, renderDiagnostics, renderModel } from './helpers';


/** What FACTS.md says, as rule ids: `find` must be reported (with counts), `errors` are the only error ids allowed. */
const FACTS: Record<string, { find: Record<string, number>; errors: string[] }> = {
  'hongze_2023.txt': { find: { 'review-total': 2, 'official-wording': 1, 'format-version': 1 }, errors: ['review-total', 'format-version'] },
  'hongze_2024.txt': { find: { 'official-wording': 1, 'format-version': 1 }, errors: ['format-version'] },
  'huaian_2024.txt': { find: { 'official-wording': 1 }, errors: [] },
  'pingtan_2021.txt': { find: {}, errors: [] },
  'pingtan_2022.txt': { find: { 'official-wording': 1 }, errors: [] },
  'pingtan_2024.txt': { find: {}, errors: [] },
  'shanghai_kewei_2024_extract.md': { find: { 'section-numbering': 1, 'section-order': 1, 'missing-section': 1 }, errors: ['section-numbering', 'section-order', 'missing-section', 'table-shape'] },
};
const ARITHMETIC = ['row-total', 'column-total', 'balance', 'review-total'];

describe('real published reports (corpus)', () => {
  const files = corpusReports();
  it('every corpus report has its facts here', () => assert.deepEqual(files, Object.keys(FACTS).sort()));

  for (const file of files) {
    describe(file, () => {
      const a = analyze(readFixture('corpus', file));
      it('matches its diagnostics and model goldens', () => {
        checkGolden(join(CORPUS, file.replace(/\.(txt|md)$/, '.golden.txt')), renderDiagnostics(a));
        checkGolden(join(CORPUS, file.replace(/\.(txt|md)$/, '.model.txt')), renderModel(a.report));
      });
      it('finds every defect FACTS.md lists', () => {
        for (const [code, n] of Object.entries(FACTS[file].find)) {
          assert.ok(a.diagnostics.filter((d) => d.code === code).length >= n, `${code} ×${n} not found`);
        }
      });
      it('reports no error that FACTS.md does not list', () => {
        const extra = a.diagnostics.filter((d) => d.severity === 'error' && !FACTS[file].errors.includes(d.code));
        assert.deepEqual(extra.map((d) => `${d.code}: ${d.message.zh}`), []);
      });
      it('at most one table-shape finding per table, and at most 6 warnings', () => {
        const shape = a.diagnostics.filter((d) => d.code === 'table-shape');
        for (const t of a.report.tables) assert.ok(shape.filter((d) => d.start >= t.start && d.end <= t.end).length <= 1, `table ${t.kind}`);
        assert.ok(a.diagnostics.filter((d) => d.severity === 'warning').length <= 6);
      });
    });
  }

  it('hongze 2023: the two table 四 totals printed as 0 are the ones reported', () => {
    const text = readFixture('corpus', 'hongze_2023.txt');
    const d = analyze(text).diagnostics.filter((x) => x.code === 'review-total');
    assert.deepEqual(d.map((x) => text.slice(x.start, x.end)), ['0', '0']);
    assert.match(d[0].message.zh, /应为 11/);
    assert.match(d[1].message.zh, /应为 5/);
  });

  it('pingtan: a heading that shares its line with the first paragraph is a section', () => {
    for (const f of ['pingtan_2021.txt', 'pingtan_2022.txt', 'pingtan_2024.txt']) {
      assert.deepEqual(analyze(readFixture('corpus', f)).report.sections.map((s) => s.index), [1, 2, 3, 4, 5, 6], f);
    }
  });
});

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
