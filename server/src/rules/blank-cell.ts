import type { TypedCell } from '../model/report';
import { groupSum, t4Groups } from '../model/totals';
import { cellName, tableName } from '../model/names';
import { tableCounts } from '../model/table-counts';
import { Related, Rule, TextEdit, msg, setCell } from './rule';

/**
 * Blank cells in a count table: one finding per table, whatever the number of blanks, on the first
 * one, with every blank cell as related information and one fix that fills them all (0, or the
 * computed value for a total cell).
 */
export const rule: Rule = {
  id: 'blank-cell',
  names: msg('空白单元格', 'blank cell'),
  description: msg('统计表存在空白单元格', 'Blank cells in a statistics table'),
  tags: ['tables', 'figures'],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    reports: 'blank cells in a statistics table — **one finding per table** with the count and every cell as related information',
    fix: 'one fix fills them all: `0`, or the computed total',
  },
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
      const blanks: { c: TypedCell; row: { cells: TypedCell[] }; where: string; value: number | undefined }[] = [];
      // The blanks are counted where the lens, the preview and the status count them (model/table-counts).
      for (const { cell: c, row } of tableCounts(table).blanks) {
        const isTotal = /total/.test(c.column.id);
        blanks.push({ c, row, where: cellName(row.label?.text ?? '数据行', c.column.label), value: isTotal ? computed.get(c) : 0 });
      }
      if (!blanks.length) continue;
      const name = tableName(table.kind);
      const first = blanks[0];
      const shown = (b: (typeof blanks)[number]) => (b.c.value.kind === 'blank' && b.c.value.marker ? `“${b.c.value.marker}”` : '空白');
      // A blank in a row typed in full-width digits is filled in full-width digits.
      const edits: TextEdit[] = blanks.filter((b) => b.value !== undefined).map((b) => setCell(b.c, b.value!, b.row));
      const related: Related[] = blanks.map((b) => ({
        start: b.c.cell.start, end: b.c.cell.end,
        message: msg(`“${b.where}”为${shown(b)}${b.value !== undefined ? `，应为 ${b.value}` : ''}`, `"${b.where}" is blank${b.value !== undefined ? `; ${b.value}` : ''}`),
      }));
      const message = blanks.length === 1
        ? msg(`${name.zh}“${first.where}”为${shown(first)}，应填写数字${first.value !== undefined ? `（${first.value}）` : ''}`,
          `${name.en} "${first.where}" is blank; write a number${first.value !== undefined ? ` (${first.value})` : ''}`)
        : msg(`${name.zh}有 ${blanks.length} 个空白单元格（第一个是“${first.where}”），应填写数字，无数据填 0`,
          `${name.en} has ${blanks.length} blank cells (the first is "${first.where}"); write a number in each, 0 where none`);
      emit({
        start: first.c.cell.start, end: first.c.cell.end, message, related: blanks.length > 1 ? related : undefined,
        fix: edits.length ? {
          kind: 'figure',
          title: blanks.length === 1 ? msg(`填写 ${first.value}`, `Fill in ${first.value}`) : msg(`填写全部 ${edits.length} 个空白单元格`, `Fill in all ${edits.length} blank cells`),
          edits,
        } : undefined,
      });
    }
  },
};
