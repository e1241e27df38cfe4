import { SECTIONS, TableKind } from '../model/template';
import type { Table, TableRow } from '../model/report';
import { runTogether } from '../model/report/run-on';
import { unreadTable } from '../model/report/unread';
import { tableName } from '../model/names';
import { tableCounts } from '../model/table-counts';
import { Finding, Msg, Related, Rule, msg } from './rule';

interface Problem {
  start: number;
  end: number;
  message: Msg;
}

function rowProblem(table: Table, row: TableRow): Problem | null {
  const name = tableName(table.kind);
  const filled = row.row.cells.filter((c) => c.text);
  const label = row.label?.text ?? '数据行';
  if (!row.shapeOk) {
    const values = row.row.cells.slice(row.label ? row.row.cells.indexOf(row.label) + 1 : 0).filter((c) => c.text);
    const from = values[0] ?? filled[0];
    const to = values[values.length - 1] ?? filled[filled.length - 1];
    if (!from) return null;
    const only = row.found === 1 && row.found < row.expected;
    return {
      start: from.start, end: to.end,
      message: only
        ? msg(`${name.zh}“${label}”应有 ${row.expected} 列数字，实有 1 列：无法确定它属于哪一列，请逐列填写（无数据填 0）`,
          `${name.en} row "${label}" should have ${row.expected} value columns, found 1: its column cannot be told; fill in every column (0 where none)`)
        : msg(`${name.zh}“${label}”应有 ${row.expected} 列数字，实有 ${row.found} 列`,
          `${name.en} row "${label}" should have ${row.expected} value columns, found ${row.found}`),
    };
  }
  if (row.id === null && row.label) {
    return {
      start: row.label.start, end: row.label.end,
      message: msg(`${name.zh}中有无法识别的行“${row.label.text}”`, `${name.en} has an unknown row "${row.label.text}"`),
    };
  }
  return null;
}

/**
 * Rows that cannot be read, unknown rows and missing rows: one finding per table, whatever their
 * number (a garbled extraction is one problem, not a hundred), with each row as related information.
 * A section without its table is a finding of its own.
 */
export const rule: Rule = {
  id: 'table-shape',
  names: msg('表格结构', 'table shape'),
  description: msg('表格行列结构不符合统一格式', 'Table rows or columns do not match the format'),
  tags: ['tables'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'rows whose figures do not fit the columns, unknown or missing rows — **one finding per table**, each row in the related information, saying when a table was scrambled by a converter; a section without its table, or tables that are there but cannot be read (said once for all of them, never as missing)',
    fix: '—',
  },
  check({ report, emit }) {
    // Tables that are there but could not be read (one layout lost its separators): one finding for all.
    const unread: { index: number; kind: TableKind; start: number; end: number }[] = [];
    for (const s of report.sections) {
      const kind = SECTIONS[s.index - 1].table;
      if (kind && !report.tables.some((t) => t.kind === kind)) {
        const there = unreadTable(report.tree.lines, s, kind);
        if (there) {
          const t = there.text;
          unread.push({ index: s.index, kind, start: there.start + t.length - t.trimStart().length, end: there.end - (t.length - t.trimEnd().length) });
          continue;
        }
        emit({
          start: s.heading.numeralStart, end: s.heading.titleEnd,
          message: msg(`第${SECTIONS[s.index - 1].numeral}部分缺少统计表（${tableName(kind).zh}）`, `Section ${s.index} has no ${tableName(kind).en}`),
        });
      }
    }
    // A table of which no row could be read (only its lone labels were found) is unreadable too.
    const empty = report.tables.filter((t) => t.rows.length === 0 && t.missingRows.length > 0);
    for (const t of empty) {
      const first = report.tree.lines[t.startLine];
      const lead = first.text.length - first.text.trimStart().length;
      unread.push({ index: SECTIONS.findIndex((x) => x.table === t.kind) + 1, kind: t.kind, start: first.start + lead, end: first.end - (first.text.length - first.text.trimEnd().length) });
    }
    unread.sort((a, b) => a.start - b.start);
    if (unread.length) {
      const parts = msg(`第${unread.map((u) => SECTIONS[u.index - 1].numeral).join('、')}部分的统计表（${unread.map((u) => tableName(u.kind).zh).join('、')}）`,
        `${unread.map((u) => tableName(u.kind).en).join(', ')} of section${unread.length > 1 ? 's' : ''} ${unread.map((u) => u.index).join(', ')}`);
      emit({
        start: unread[0].start, end: unread[0].end,
        message: msg(`${parts.zh}无法读取：找不到表格的行和列（表格很可能在转换时被打乱，或每格之间的分隔符丢失），无法核对其中的数字，请对照原件整理表格`,
          `The ${parts.en} cannot be read: their rows and columns cannot be found (the tables were probably scrambled when converted, or lost the separators between cells); their figures cannot be checked — retype them from the original`),
        related: unread.map((u) => ({ start: u.start, end: u.end, message: msg(`${tableName(u.kind).zh}在此，无法读取`, `${tableName(u.kind).en} is here and cannot be read`) })),
      });
    }
    for (const table of report.tables) {
      if (empty.includes(table)) continue;
      const name = tableName(table.kind);
      // Figures run together in run-on text that the identities cannot split one way: said once per table.
      const joined = table.rows.filter((r) => runTogether.has(r.row));
      if (joined.length) {
        const first = joined[0].row.cells[joined[0].row.cells.length - 1];
        const label = joined[0].label?.text ?? '数据行';
        emit({
          start: first.start, end: first.end, severity: 'warning',
          message: msg(`${name.zh}有 ${joined.length} 行的数字连写在一起（第一处：“${label}”的“${first.text}”），无法唯一拆分到各列，未逐列核对：请对照原件用分隔符分开各列`,
            `${name.en} has ${joined.length} rows whose figures run together (first: "${label}", "${first.text}") and cannot be split into columns one way; they were not checked column by column — separate the columns as in the original`),
          related: joined.slice(0, 50).map((r) => {
            const c = r.row.cells[r.row.cells.length - 1];
            return { start: c.start, end: c.end, message: msg(`“${r.label?.text ?? '数据行'}”：${c.text}`, `"${r.label?.text ?? 'data row'}": ${c.text}`) };
          }),
        });
      }
      const rows = table.rows.filter((r) => !r.isGroup && !runTogether.has(r.row)).map((r) => rowProblem(table, r)).filter((p): p is Problem => p !== null);
      const first = table.rows[0]?.row.cells.find((c) => c.text);
      const line = report.tree.lines[table.startLine];
      const at = { start: first?.start ?? line.start, end: first?.end ?? line.end };
      const missing: Problem[] = table.missingRows.map((m) => ({
        ...at, message: msg(`${name.zh}缺少“${m}”行`, `${name.en} is missing the row "${m}"`),
      }));
      const all = [...rows, ...missing];
      if (all.length === 0) continue;
      if (all.length === 1) {
        emit(all[0]);
        continue;
      }
      const unreadable = tableCounts(table).unreadable.length;
      const unknown = rows.length - unreadable;
      const parts: Msg[] = [];
      if (unreadable) parts.push(msg(`${unreadable} 行的数字与列对不上`, `${unreadable} rows whose figures do not fit the columns`));
      if (unknown) parts.push(msg(`${unknown} 行无法识别`, `${unknown} unknown rows`));
      if (missing.length) {
        const shown = table.missingRows.slice(0, 3).map((m) => `“${m}”`).join('、');
        parts.push(msg(`缺少 ${missing.length} 行（${shown}${missing.length > 3 ? '等' : ''}）`,
          `${missing.length} rows missing (${shown}${missing.length > 3 ? ', …' : ''})`));
      }
      const garbled = unknown + missing.length >= 4;
      const example = rows.find((p) => p.message.zh.includes('应有'));
      const why = garbled
        ? msg('：表格很可能在转换（如 PDF 提取、网页复制）时被打乱，行标签与数字被分开，无法逐行核对，请对照原件整理表格',
          ': the table was probably scrambled when it was converted (PDF extraction, web copy), with labels separated from their figures; it cannot be checked row by row — retype it from the original')
        : example
          ? msg(`（第一处：${example.message.zh}），无法逐行核对`, ` (first: ${example.message.en}); it cannot be checked row by row`)
          : msg('', '');
      const target = rows[0] ?? at;
      const related: Related[] = all.slice(0, 50).map((p) => ({ start: p.start, end: p.end, message: p.message }));
      const finding: Finding = {
        start: target.start, end: target.end,
        message: msg(`${name.zh}无法完整读取：${parts.map((p) => p.zh).join('，')}${why.zh}`,
          `${name.en} cannot be read completely: ${parts.map((p) => p.en).join(', ')}${why.en}`),
        related,
      };
      emit(finding);
    }
  },
};
