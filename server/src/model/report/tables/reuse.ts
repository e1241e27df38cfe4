/**
 * Tables lowered in an earlier analysis, reused when they come back unchanged. In the editor every
 * keystroke re-analyses the report, and an edit in the prose leaves every table as it was, only moved:
 * lowering them again (labels matched, figures aligned and typed) was a seventh of the analysis. A
 * table's lowering depends only on its rows (their cells' text and their places relative to the first
 * row), its kind and the format version the year suggests; table 四 also reads the lines around and
 * between its rows for its sub-tables' labels. Those make the key. A reused table is a copy whose rows
 * and cells are this analysis's own syntax rows and cells (by position), so offsets, line numbers and
 * object identities are those of a fresh lowering; what the lowering made itself (an aligned cell, a
 * joined row) is copied and moved. Kept copies are taken before anything else sees the table, so a flag
 * set on a table later (a scan's readings) never travels to another analysis. Bounded: least recently
 * used tables go.
 */
import type { Cell, Line, Row } from '../../../syntax/parse';
import type { FormatVersion, TableKind } from '../../template';
import type { LoweredTable, TableRow, TypedCell } from '../types';

interface Kept {
  table: LoweredTable;
  rows: Row[];
  line: number;
  start: number;
}

const MAX_KEPT = 64;
/** A table with more characters than this is not kept (its key alone would be large). */
const MAX_CHARS = 200_000;
const KEPT = new Map<string, Kept>();

/** Lowers a run of rows with `lower`, or reuses the lowering of the same table from an earlier analysis. */
export function lowerOnce(kind: TableKind, version: FormatVersion, rows: Row[], lines: readonly Line[], lower: () => LoweredTable): LoweredTable {
  const line = rows[0]?.line ?? 0;
  const start = lines[line]?.start ?? 0;
  const key = keyOf(kind, version, rows, lines, line, start);
  if (key === null) return lower();
  const kept = KEPT.get(key);
  if (kept) {
    KEPT.delete(key);
    KEPT.set(key, kept);
    return moveTable(kept.table, mover(kept.rows, rows, line - kept.line, start - kept.start));
  }
  const table = lower();
  KEPT.set(key, { table: moveTable(table, mover(rows, rows, 0, 0)), rows, line, start });
  if (KEPT.size > MAX_KEPT) KEPT.delete(KEPT.keys().next().value!);
  return table;
}

function keyOf(kind: TableKind, version: FormatVersion, rows: Row[], lines: readonly Line[], line: number, start: number): string | null {
  const parts: string[] = [kind, version];
  let chars = 0;
  for (const r of rows) {
    parts.push(`\u0002${r.line - line},${r.endLine - line},${r.layout}`);
    for (const c of r.cells) {
      chars += c.text.length;
      parts.push(`\u0001${c.line - line},${c.start - start},${c.end - start},${c.text}`);
    }
    if (chars > MAX_CHARS) return null;
  }
  if (kind === 't4' && rows.length) {
    // The labels of table 四's sub-tables: up to 8 lines above it, and the lines between its rows.
    const from = Math.max(0, line - 8);
    parts.push(`\u0003${line - from}`);
    for (let i = from; i <= rows[rows.length - 1].endLine && i < lines.length; i++) parts.push(`\u0004${lines[i].text}`);
  }
  return parts.join('');
}

interface Mover {
  cell(c: Cell): Cell;
  row(r: Row): Row;
}

/** Maps the kept table's rows and cells to the new ones by position; anything else is copied and moved. */
function mover(from: Row[], to: Row[], lines: number, chars: number): Mover {
  const cells = new Map<Cell, Cell>();
  const rowMap = new Map<Row, Row>();
  from.forEach((r, i) => {
    rowMap.set(r, to[i]);
    r.cells.forEach((c, k) => cells.set(c, to[i].cells[k]));
  });
  const cell = (c: Cell): Cell => {
    let out = cells.get(c);
    if (!out) cells.set(c, (out = { text: c.text, start: c.start + chars, end: c.end + chars, line: c.line + lines }));
    return out;
  };
  const row = (r: Row): Row => {
    let out = rowMap.get(r);
    if (!out) rowMap.set(r, (out = { ...r, cells: r.cells.map(cell), line: r.line + lines, endLine: r.endLine + lines }));
    return out;
  };
  return { cell, row };
}

function moveTable(t: LoweredTable, m: Mover): LoweredTable {
  return {
    ...t,
    versionEvidence: t.versionEvidence && m.cell(t.versionEvidence),
    rows: t.rows.map((r) => moveRow(r, m)),
    missingRows: [...t.missingRows],
  };
}

function moveRow(r: TableRow, m: Mover): TableRow {
  return {
    ...r,
    label: r.label && m.cell(r.label),
    labelCells: r.labelCells.map(m.cell),
    cells: r.cells.map((tc): TypedCell => ({ cell: m.cell(tc.cell), value: tc.value, column: tc.column, col: tc.col })),
    row: m.row(r.row),
  };
}

/** Forgets every kept table (tests compare a reused table with one lowered afresh). */
export function forgetTables(): void {
  KEPT.clear();
}
