import { countValue, groupSum, t4Groups } from '../model/totals';
import { Rule, msg, setCell, sumText } from './rule';

/** Table 四: each group total (复议, 直接起诉, 复议后起诉) equals the sum of its four parts. */
export const rule: Rule = {
  id: 'review-total',
  description: msg('表四：总计不等于维持、纠正、其他、尚未审结之和', 'Table 四: 总计 is not the sum of its four parts'),
  tags: ['tables', 'arithmetic'],
  defaultSeverity: 'error',
  fixable: true,
  check({ report, emit }) {
    for (const table of report.tables) {
      if (table.kind !== 't4') continue;
      for (const row of table.rows) for (const g of t4Groups(row)) {
        const sum = groupSum(g);
        const actual = countValue(g.total);
        if (g.total.value.kind !== 'number' || actual === undefined || sum === undefined || sum === actual) continue;
        const parts = g.parts.map((p) => countValue(p)!);
        emit({
          start: g.total.cell.start, end: g.total.cell.end,
          message: msg(`${g.label}总计应为 ${sum}（${sumText(parts)}），实为 ${actual}`,
            `${g.label} total should be ${sum} (${sumText(parts)}), found ${actual}`),
          fix: { kind: 'figure', title: msg(`重新计算总计：${sum}`, `Recompute total: ${sum}`), edits: [setCell(g.total, sum)] },
        });
      }
    }
  },
};
