/** Lowering table 四 (administrative review and litigation): one or more rows of fifteen figures. */
import type { Cell, Line, Row } from '../../../syntax/parse';
import { T4_COLUMNS, T4_GROUPS } from '../../template';
import type { LoweredTable, TableRow } from '../types';
import { alignValues } from './align';
import { isTextCell, typed } from './cells';

const GROUP_SIZE = T4_COLUMNS.length / T4_GROUPS.length;

/**
 * Which group a sub-table's label names (行政复议, 未经复议直接起诉, 复议后起诉), by the words of the
 * lines above its figures back to the previous figures; -1 when none does.
 */
function groupNamed(lines: readonly Line[], from: number, to: number): number {
  for (let i = to; i >= from; i--) {
    const t = lines[i]?.text ?? '';
    if (/复议后起诉/.test(t)) return 2;
    if (/直接起诉|未经复议/.test(t)) return 1;
    if (/行政复议/.test(t) && !/诉讼/.test(t)) return 0;
  }
  return -1;
}

/**
 * Table 四 written as three sub-tables of five columns (行政复议, then each 行政诉讼 group), each with its
 * own header, as OCR and Markdown conversions write it: one row of fifteen figures, in the order the
 * sub-tables' labels give (document order when they do not name the three groups).
 */
function joinSubTables(rows: TableRow[], lines: readonly Line[]): TableRow | null {
  if (rows.length !== T4_GROUPS.length || !lines.length) return null;
  const parts: Cell[][] = [];
  for (const r of rows) {
    if (r.shapeOk || r.labelCells.some((c) => c.text)) return null;
    const aligned = alignValues(r.row.cells, GROUP_SIZE);
    if (!aligned.values || aligned.found !== GROUP_SIZE) return null;
    parts.push(aligned.values);
  }
  const groups = rows.map((r, i) => groupNamed(lines, i === 0 ? Math.max(0, r.row.line - 8) : rows[i - 1].row.endLine + 1, r.row.line - 1));
  const order = new Set(groups).size === groups.length && groups.every((g) => g >= 0) ? groups : rows.map((_, i) => i);
  const values: Cell[] = [];
  for (let g = 0; g < rows.length; g++) values.push(...parts[order.indexOf(g)]);
  const row: Row = { cells: values, line: rows[0].row.line, endLine: rows[rows.length - 1].row.endLine, layout: rows[0].row.layout };
  return {
    id: 'results', label: null, officialLabel: null, labelCost: 0, labelCells: [], expected: T4_COLUMNS.length,
    found: values.length, shapeOk: true, cells: typed(values, T4_COLUMNS), row, isGroup: false,
  };
}

export function lowerT4(rows: Row[], lines: readonly Line[] = []): LoweredTable {
  const out: TableRow[] = [];
  for (const row of rows) {
    const valueCells = row.cells.filter((c) => c.text && !isTextCell(c));
    const textCells = row.cells.filter((c) => isTextCell(c));
    // An empty skeleton's data row has no figures yet but the full width and no text.
    const emptySkeleton = textCells.length === 0 && row.cells.length >= T4_COLUMNS.length;
    if ((valueCells.length < 3 && !emptySkeleton) || textCells.some((c) => /行政复议|结果|起诉|总计/.test(c.text))) continue;
    let lastLabel = -1;
    for (let i = 0; i < row.cells.length; i++) {
      if (!row.cells[i].text) continue;
      if (isTextCell(row.cells[i]) && valueCells.length < row.cells.length) lastLabel = i;
      else break;
    }
    const after = row.cells.slice(lastLabel + 1);
    const aligned = alignValues(after, T4_COLUMNS.length);
    out.push({
      id: 'results', label: null, officialLabel: null, labelCost: 0, labelCells: row.cells.slice(0, lastLabel + 1),
      expected: T4_COLUMNS.length, found: aligned.found, shapeOk: aligned.values !== null,
      cells: aligned.values ? typed(aligned.values, T4_COLUMNS) : [], row, isGroup: false,
    });
  }
  const joined = joinSubTables(out, lines);
  const result = joined ? [joined] : out;
  return { kind: 't4', version: null, versionEvidence: null, rows: result, missingRows: result.length ? [] : ['数据行'] };
}
