/**
 * in-force-rollforward: table 二's 现行有效件数 should roll forward from last year's — last year's
 * 现行有效 + this year's 本年制发 − 本年废止 — for 规章 and 规范性文件 (2021 format; REFERENCE.md §3
 * rule 8). Documents also lapse or are revised without a formal repeal, so this is a warning that says
 * it may legitimately fail.
 */
import { fileName, fileRange } from '../workspace';
import { findRow, numberOf, rowLabel } from '../workspace/figures';
import { Rule, msg } from './rule';

export const rule: Rule = {
  id: 'in-force-rollforward',
  names: msg('现行有效件数', 'in-force count'),
  description: msg('现行有效件数应等于上年现行有效件数加本年制发减本年废止', 'In-force count should equal last year\'s plus issued minus repealed'),
  tags: ['cross-report'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: '现行有效件数 ≠ last year\'s + 本年制发 − 本年废止, for 规章 and 规范性文件 (a clean-up can explain it)',
    fix: '—',
  },
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return;
    const file = fileName(prev.entry.path);
    for (const id of ['rules', 'normative']) {
      const now = findRow(ctx.report, 't2', id, '1');
      const then = findRow(prev.report, 't2', id, '1');
      if (!now || !then) continue;
      const col = (r: typeof now, c: string) => r.row.cells.find((x) => x.column.id === c);
      const made = numberOf(col(now, 'made'));
      const repealed = numberOf(col(now, 'repealed'));
      const validCell = col(now, 'valid');
      const valid = numberOf(validCell);
      const lastCell = col(then, 'valid');
      const last = numberOf(lastCell);
      if (made === null || repealed === null || valid === null || last === null || !validCell || !lastCell) continue;
      const expected = last + made - repealed;
      if (expected === valid) continue;
      const label = rowLabel(now.table, now.row);
      const validLabel = validCell.column.label;
      ctx.emit({
        start: validCell.cell.start,
        end: validCell.cell.end,
        message: msg(
          `“${label}”${validLabel}为 ${valid}，按上年报告 ${file} 推算应为 ${expected}（上年 ${last} + 本年制发 ${made} − 本年废止 ${repealed}）；若本年有清理、失效或修订未计入废止，可能属正常，请核实`,
          `${label}: in force is ${valid}, but rolling forward last year's report ${file} gives ${expected} (${last} + ${made} issued − ${repealed} repealed); this can be legitimate after a clean-up or documents lapsing without repeal; please check`,
        ),
        related: [{
          start: 0, end: 0,
          message: msg(`上年报告 ${file}：“${rowLabel(then.table, then.row)}”${lastCell.column.label} = ${last}`, `Last year's report ${file}: ${label}, in force = ${last}`),
          file: fileRange(prev.entry.path, prev.report, lastCell.cell.start, lastCell.cell.end),
        }],
      });
    }
  },
};
