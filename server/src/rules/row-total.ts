import { T3_TOTAL_COL } from '../model/template';
import { DETAIL_COLS, countValue } from '../model/totals';
import { Rule, msg, setCell, sumText } from './rule';

/** Table 三: a row's 总计 differs from the sum of its six applicant columns. A blank 总计 is blank-cell's. */
export const rule: Rule = {
  id: 'row-total',
  description: msg('表三：总计不等于各申请人列之和', 'Table 三: 总计 is not the sum of the applicant columns'),
  tags: ['tables', 'arithmetic'],
  defaultSeverity: 'error',
  fixable: true,
  check({ t3, emit }) {
    for (const totals of t3) {
      for (const row of totals.table.rows) {
        const cell = row.cells[T3_TOTAL_COL];
        if (!cell || cell.value.kind !== 'number') continue;
        const details = row.cells.slice(0, DETAIL_COLS).map(countValue);
        const actual = countValue(cell);
        if (actual === undefined || details.some((d) => d === undefined)) continue;
        const sum = (details as number[]).reduce((a, b) => a + b, 0);
        if (sum === actual) continue;
        const expected = totals.expected.get(cell);
        const label = row.label?.text ?? '';
        emit({
          start: cell.cell.start, end: cell.cell.end,
          message: msg(`“${label}”总计应为 ${sum}（${sumText(details as number[])}），实为 ${actual}`,
            `"${label}" total should be ${sum} (${sumText(details as number[])}), found ${actual}`),
          fix: expected === undefined || expected === actual ? undefined : {
            kind: 'figure', title: msg(`重新计算总计：${expected}`, `Recompute total: ${expected}`), edits: [setCell(cell, expected)],
          },
        });
      }
    }
  },
};
