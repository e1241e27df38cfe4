import { groupSum, t4Groups } from '../model/totals';
import { Rule, msg } from './rule';

const NAME = { t2: '二', t3: '三', t4: '四' } as const;

/** Blank cells in a count table; the fix writes 0, or the computed value for a total cell. */
export const rule: Rule = {
  id: 'blank-cell',
  description: msg('统计表存在空白单元格', 'Blank cell in a statistics table'),
  tags: ['tables', 'figures'],
  defaultSeverity: 'warning',
  fixable: true,
  check({ report, t3, emit }) {
    const computed = new Map<unknown, number>();
    for (const totals of t3) for (const [cell, v] of totals.expected) computed.set(cell, v);
    for (const table of report.tables) {
      if (table.kind === 't4') {
        for (const row of table.rows) for (const g of t4Groups(row)) {
          const sum = groupSum(g);
          if (sum !== undefined) computed.set(g.total, sum);
        }
      }
      for (const row of table.rows) for (const c of row.cells) {
        if (c.value.kind !== 'blank') continue;
        const isTotal = /total/.test(c.column.id);
        const value = isTotal ? computed.get(c) : 0;
        const where = `${row.label?.text ?? '数据行'}·${c.column.label}`;
        const shown = c.value.marker ? `“${c.value.marker}”` : '空白';
        emit({
          start: c.cell.start, end: c.cell.end,
          message: msg(`表${NAME[table.kind]}“${where}”为${shown}，应填写数字${value !== undefined ? `（${value}）` : ''}`,
            `Table ${NAME[table.kind]} "${where}" is blank; write a number${value !== undefined ? ` (${value})` : ''}`),
          fix: value === undefined ? undefined : {
            kind: 'figure',
            title: msg(`填写 ${value}`, `Fill in ${value}`),
            edits: [{ start: c.cell.start, end: c.cell.end, newText: String(value) }],
          },
        });
      }
    }
  },
};
