/**
 * carry-over: this year's 二、上年结转 must equal last year's 四、结转下年度继续办理, column by column
 * (REFERENCE.md §3, cross-year rule 11). Compared only when last year's report of the same body is in
 * the workspace and both rows were read; the 总计 column is reported only when no applicant column is.
 */
import { T3_TOTAL_COL } from '../model/template';
import { cellName } from '../model/names';
import { fileName, fileRange } from '../workspace';
import { findRow, numberOf, rowLabel } from '../workspace/figures';
import { decidedCells } from './lib/identities';
import { Rule, msg } from './rule';

export const rule: Rule = {
  id: 'carry-over',
  names: msg('上年结转', 'carry-over'),
  description: msg('上年结转应等于上年报告的结转下年度继续办理', 'Carried over from last year must equal last year\'s carried forward'),
  tags: ['cross-report'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'this year\'s 二、上年结转 ≠ last year\'s 四、结转下年度继续办理, per applicant column (needs last year\'s report)',
    fix: '—',
  },
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return;
    const now = findRow(ctx.report, 't3', 'carried');
    const then = findRow(prev.report, 't3', 'carryover');
    if (!now || !then) return;
    const file = fileName(prev.entry.path);
    const thenLabel = rowLabel(then.table, then.row);
    const nowLabel = rowLabel(now.table, now.row);
    const wrong: number[] = [];
    for (let c = 0; c < now.row.cells.length; c++) {
      const a = numberOf(now.row.cells[c]);
      const b = numberOf(then.row.cells[c]);
      if (a !== null && b !== null && a !== b) wrong.push(c);
    }
    const report = wrong.some((c) => c !== T3_TOTAL_COL) ? wrong.filter((c) => c !== T3_TOTAL_COL) : wrong;
    // A cell the table identities pinned by last year's figure is reported there (balance), with its fix.
    const decided = wrong.length ? decidedCells(ctx.localization, ctx) : new Map();
    for (const c of report) {
      if (decided.get(now.row.cells[c]) === numberOf(then.row.cells[c])) continue;
      const cell = now.row.cells[c];
      const last = then.row.cells[c];
      const col = cell.column.label;
      ctx.emit({
        start: cell.cell.start,
        end: cell.cell.end,
        message: msg(
          `“${cellName(nowLabel, col)}”为 ${numberOf(cell)}，但上年报告 ${file} 的“${cellName(thenLabel, col)}”为 ${numberOf(last)}，两者应相等`,
          `Carried over (${col}) is ${numberOf(cell)}, but last year's report ${file} carried forward ${numberOf(last)} (${thenLabel}, ${col}); they must be equal`,
        ),
        related: [{
          start: 0, end: 0,
          message: msg(`上年报告 ${file}：“${cellName(thenLabel, col)}” = ${numberOf(last)}`, `Last year's report ${file}: ${thenLabel}, ${col} = ${numberOf(last)}`),
          file: fileRange(prev.entry.path, prev.report, last.cell.start, last.cell.end),
        }],
      });
    }
  },
};
