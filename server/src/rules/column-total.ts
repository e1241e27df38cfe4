import { T3_TOTAL_COL } from '../model/template';
import { countValue } from '../model/totals';
import { Rule, msg, setCell, sumText } from './rule';

/** Table 三: a cell of （七）总计 differs from the sum of the result rows （一）…（六） in its column. */
export const rule: Rule = {
  id: 'column-total',
  description: msg('表三：（七）总计不等于（一）至（六）之和', 'Table 三: （七） is not the sum of the result rows'),
  tags: ['tables', 'arithmetic'],
  defaultSeverity: 'error',
  fixable: true,
  check({ t3, emit }) {
    for (const totals of t3) {
      const total = totals.byId.get('total');
      if (!total || !total.shapeOk || !totals.resultsUsable) continue;
      for (const cell of total.cells) {
        const actual = countValue(cell);
        if (cell.value.kind !== 'number' || actual === undefined) continue;
        // A blank 总计 in a result row stands for its computed value (blank-cell reports it).
        const parts = totals.results.map((r) => {
          const c = r.cells[cell.col];
          return cell.col === T3_TOTAL_COL && c.value.kind === 'blank' ? totals.expected.get(c) ?? 0 : countValue(c)!;
        });
        const sum = parts.reduce((a, b) => a + b, 0);
        if (sum === actual) continue;
        const expected = totals.expected.get(cell);
        const shown = parts.some((p) => p !== 0) ? sumText(parts.filter((p) => p !== 0)) : '0';
        emit({
          start: cell.cell.start, end: cell.cell.end,
          message: msg(`（七）总计·${cell.column.label}应为 ${sum}（${shown}），实为 ${actual}`,
            `（七）total, ${cell.column.label}: should be ${sum} (${shown}), found ${actual}`),
          fix: expected === undefined || expected === actual ? undefined : {
            kind: 'figure', title: msg(`重新计算总计：${expected}`, `Recompute total: ${expected}`), edits: [setCell(cell, expected)],
          },
        });
      }
    }
  },
};
