import { chineseToNumber } from '../model/text';
import { cellName } from '../model/names';
import { Rule, msg } from './rule';

/** A figure that is not a non-negative integer count (or, for amounts, a non-negative decimal). */
export const rule: Rule = {
  id: 'cell-value',
  names: msg('数字格式', 'figure format'),
  description: msg('数字格式错误：件数应为非负整数', 'A count must be a non-negative integer'),
  tags: ['tables', 'figures'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'a count that is not a non-negative integer (`四十四`, `12.5`, `-3`)',
    fix: '—',
  },
  check({ report, emit }) {
    for (const table of report.tables) for (const row of table.rows) for (const c of row.cells) {
      const v = c.value;
      const where = cellName(row.label?.text, c.column.label);
      let problem: [string, string] | null = null;
      if (v.kind === 'invalid') {
        const cn = chineseToNumber(v.text.replace(/\s+/g, ''));
        problem = cn !== null
          ? [`应使用阿拉伯数字 ${cn}`, `use Arabic digits: ${cn}`]
          : [`不是数字`, `is not a number`];
      } else if (v.kind === 'number') {
        const negative = v.decimal.startsWith('-');
        const fraction = v.decimal.includes('.');
        if (c.column.kind === 'count' && (negative || fraction)) {
          problem = negative ? ['件数不能为负数', 'a count cannot be negative'] : ['件数应为整数', 'a count must be a whole number'];
        } else if (c.column.kind === 'delta' && fraction) {
          problem = ['增减数应为整数', 'the change must be a whole number'];
        } else if (c.column.kind === 'amount' && negative) {
          problem = ['金额不能为负数', 'an amount cannot be negative'];
        }
      }
      if (!problem) continue;
      emit({
        start: c.cell.start, end: c.cell.end,
        message: msg(`“${where}”的值“${c.cell.text}”${problem[0]}`, `"${where}" value "${c.cell.text}": ${problem[1]}`),
      });
    }
  },
};
