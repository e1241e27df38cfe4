/**
 * The honest light bulb, as a property of the real reports: in every balanced table 三 of the corpus,
 * change one row consistently (a detail cell and that row's 总计 by the same amount, as a writer does
 * who retypes a row). Then every figure action the light bulb offers at the identity findings
 * changes a whole candidate set: applied alone, it leaves no identity finding; none of them changes a
 * single cell of a multi-cell set on its own. Where the evidence of the report decides (or the
 * identities alone do), the only figure action offered restores the original text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalyzeOptions, Diagnostic, RULES, analyze, applyEdits } from '../../server/src/service/analyze';
import { ruleIdsTagged } from '../../server/src/rules';
import { codeActions } from '../../server/src/service/actions';
import type { TypedCell } from '../../server/src/model/report';
import { T3_TOTAL_COL } from '../../server/src/model/template';
import { corpusReports, readFixture } from '../unit/helpers';

const IDENTITY = ruleIdsTagged('identity');
// Only the identity rules: the property is about them, and it keeps a few hundred analyses quick.
const OPTIONS: AnalyzeOptions = { rules: Object.fromEntries(RULES.map((r) => [r.id, IDENTITY.includes(r.id) ? undefined : 'off'])) };
const DELTA = 10;

const identityFindings = (ds: Diagnostic[]) => ds.filter((d) => IDENTITY.includes(d.code));

/** The figure actions offered at the identity findings, each once (suppression comments are not figures). */
function figureActions(text: string) {
  const a = analyze(text, OPTIONS);
  const seen = new Map<string, { title: string; edits: { start: number; end: number; newText: string }[] }>();
  for (const d of identityFindings(a.diagnostics)) {
    for (const act of codeActions(a, d.start, d.end)) {
      if (!act.edits.length || act.edits.some((e) => e.newText.includes('ogi-report-disable'))) continue;
      const key = act.edits.map((e) => `${e.start}:${e.newText}`).sort().join(',');
      if (!seen.has(key)) seen.set(key, { title: act.title.zh, edits: act.edits });
    }
  }
  return { analysis: a, actions: [...seen.values()] };
}

const setText = (text: string, cells: TypedCell[], values: number[]) =>
  applyEdits(text, cells.map((c, i) => ({ start: c.cell.start, end: c.cell.end, newText: String(values[i]) })));

describe('light bulb property: a whole row changed in a balanced table 三', () => {
  const stats = { cases: 0, sets: 0, decided: 0 };
  for (const file of corpusReports()) {
    it(file, () => {
      const text = readFixture('corpus', file);
      const base = analyze(text, OPTIONS);
      if (identityFindings(base.diagnostics).length) return; // not balanced: the property starts from a right table
      for (const table of base.report.tables.filter((t) => t.kind === 't3')) {
        for (const row of table.rows) {
          if (row.isGroup || !row.id || !row.shapeOk || row.cells.length !== T3_TOTAL_COL + 1) continue;
          const detail = row.cells.find((c, i) => i < T3_TOTAL_COL && c.value.kind === 'number');
          const total = row.cells[T3_TOTAL_COL];
          if (!detail || total.value.kind !== 'number') continue;
          const dv = Number(text.slice(detail.cell.start, detail.cell.end));
          const tv = Number(text.slice(total.cell.start, total.cell.end));
          if (!Number.isInteger(dv) || !Number.isInteger(tv)) continue;
          const changed = setText(text, [detail, total], [dv + DELTA, tv + DELTA]);
          const where = `${file}: ${row.label?.text ?? row.id} ${detail.column.label} ${dv}→${dv + DELTA}, 总计 ${tv}→${tv + DELTA}`;
          const { analysis, actions } = figureActions(changed);
          const found = identityFindings(analysis.diagnostics);
          // A table whose identities cannot all be read (a row that does not fit) may not see the change.
          if (!found.length) continue;
          stats.cases++;
          const decided = found.some((d) => d.fix);
          for (const act of actions) {
            const after = applyEdits(changed, act.edits);
            const left = identityFindings(analyze(after, OPTIONS).diagnostics);
            assert.deepEqual(left.map((d) => `${d.code} ${d.message.zh}`), [], `${where}: 「${act.title}」 applied alone leaves the table balanced`);
            if (decided) assert.equal(after, text, `${where}: the decided fix 「${act.title}」 restores the original`);
          }
          if (decided) {
            assert.equal(actions.length, 1, `${where}: one figure action when decided, got ${actions.map((x) => x.title).join(' / ')}`);
            stats.decided++;
          } else {
            stats.sets += actions.length;
            assert.ok(actions.length <= 3, `${where}: at most three candidate sets offered`);
            // Each set is the detail and its total of one row, never one of them alone.
            for (const act of actions) assert.equal(act.edits.length, 2, `${where}: 「${act.title}」 changes a whole set`);
          }
        }
      }
    });
  }
  it('the corpus gives both kinds of case', () => {
    console.log(`# ${JSON.stringify(stats)}`);
    assert.ok(stats.cases > 20, `cases: ${stats.cases}`);
    assert.ok(stats.sets > 0, 'some rows leave several candidate sets');
    assert.ok(stats.decided > 0, 'some rows are decided');
  });
});

