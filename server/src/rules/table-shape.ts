import { SECTIONS } from '../model/template';
import { Rule, msg } from './rule';

const NAME = { t2: '二', t3: '三', t4: '四' } as const;

/** A row with more or fewer figures than its columns; a missing, unknown or absent table row. */
export const rule: Rule = {
  id: 'table-shape',
  description: msg('表格行列结构不符合统一格式', 'Table rows or columns do not match the format'),
  tags: ['tables'],
  defaultSeverity: 'error',
  fixable: false,
  check({ report, emit }) {
    for (const s of report.sections) {
      const kind = SECTIONS[s.index - 1].table;
      if (kind && !report.tables.some((t) => t.kind === kind)) {
        emit({
          start: s.heading.numeralStart, end: s.heading.titleEnd,
          message: msg(`第${SECTIONS[s.index - 1].numeral}部分缺少统计表（表${NAME[kind]}）`, `Section ${s.index} has no table ${NAME[kind]}`),
        });
      }
    }
    for (const table of report.tables) {
      const name = NAME[table.kind];
      for (const row of table.rows) {
        if (row.isGroup) continue;
        const filled = row.row.cells.filter((c) => c.text);
        const label = row.label?.text ?? '数据行';
        if (!row.shapeOk) {
          const values = row.row.cells.slice(row.label ? row.row.cells.indexOf(row.label) + 1 : 0).filter((c) => c.text);
          const from = values[0] ?? filled[0];
          const to = values[values.length - 1] ?? filled[filled.length - 1];
          if (!from) continue;
          const only = row.found === 1 && row.found < row.expected;
          emit({
            start: from.start, end: to.end,
            message: only
              ? msg(`表${name}“${label}”应有 ${row.expected} 列数字，实有 1 列：无法确定它属于哪一列，请逐列填写（无数据填 0）`,
                `Table ${name} row "${label}" should have ${row.expected} value columns, found 1: its column cannot be told; fill in every column (0 where none)`)
              : msg(`表${name}“${label}”应有 ${row.expected} 列数字，实有 ${row.found} 列`,
                `Table ${name} row "${label}" should have ${row.expected} value columns, found ${row.found}`),
          });
        } else if (row.id === null && row.label) {
          emit({
            start: row.label.start, end: row.label.end,
            message: msg(`表${name}中有无法识别的行“${row.label.text}”`, `Table ${name} has an unknown row "${row.label.text}"`),
          });
        }
      }
      for (const missing of table.missingRows) {
        const first = table.rows[0]?.row.cells.find((c) => c.text);
        const line = report.tree.lines[table.startLine];
        emit({
          start: first?.start ?? line.start, end: first?.end ?? line.end,
          message: msg(`表${name}缺少“${missing}”行`, `Table ${name} is missing the row "${missing}"`),
        });
      }
    }
  },
};
