/**
 * What stops a table from being checked, counted ONE way for every reader: the `table-shape` and
 * `blank-cell` findings, the code lens above the table, the outline, the table preview and the status
 * bar all count these, so they can never disagree (a lens saying "1 行无法读取" beside a finding that
 * lists 8 rows).
 */
import { Msg, msg } from '../base/msg';
import type { Table, TableRow, TypedCell } from './report';
import { runTogether } from './report/run-on';

export interface TableCounts {
  /** Rows whose figures do not fit the columns (`shapeOk: false`); group headings are not rows of figures,
   *  and rows whose figures ran together without separators are said once per table on their own. */
  unreadable: TableRow[];
  /** Rows whose figures ran together without separators and split more than one way. */
  joined: TableRow[];
  /** Rows whose label is not a row of the format. */
  unknown: TableRow[];
  /** Official rows of the table's version that are not there. */
  missing: string[];
  /** Cells left blank (or holding a blank marker such as “—”) in rows that were read. */
  blanks: { cell: TypedCell; row: TableRow }[];
}

export function tableCounts(table: Table): TableCounts {
  const unreadable: TableRow[] = [];
  const unknown: TableRow[] = [];
  const joined: TableRow[] = [];
  const blanks: TableCounts['blanks'] = [];
  for (const row of table.rows) {
    if (row.isGroup) continue;
    if (runTogether.has(row.row)) { joined.push(row); continue; }
    if (!row.shapeOk) unreadable.push(row);
    else if (row.id === null && row.label) unknown.push(row);
  }
  // A cell of a scan that could not be read holds ink: it is no blank (the OCR finding reports it).
  for (const row of table.rows) for (const cell of row.cells) if (cell.value.kind === 'blank' && !cell.ocr?.unreadable) blanks.push({ cell, row });
  return { unreadable, joined, unknown, missing: table.missingRows, blanks };
}

/** "8 行无法读取，90 个空白单元格" — the counts that stop the check, in the one wording every reader uses. */
export function countParts(c: TableCounts): Msg[] {
  const parts: Msg[] = [];
  const n = c.unreadable.length;
  if (n) parts.push(msg(`${n} 行无法读取`, `${n} ${n === 1 ? 'row' : 'rows'} unreadable`));
  if (c.joined.length) parts.push(msg(`${c.joined.length} 行数字连写`, `${c.joined.length} ${c.joined.length === 1 ? 'row' : 'rows'} of run-together figures`));
  if (c.unknown.length) parts.push(msg(`${c.unknown.length} 行无法识别`, `${c.unknown.length} unknown ${c.unknown.length === 1 ? 'row' : 'rows'}`));
  if (c.missing.length) parts.push(msg(`缺 ${c.missing.length} 行`, `${c.missing.length} missing ${c.missing.length === 1 ? 'row' : 'rows'}`));
  const b = c.blanks.length;
  if (b) parts.push(msg(`${b} 个空白单元格`, `${b} blank ${b === 1 ? 'cell' : 'cells'}`));
  return parts;
}
