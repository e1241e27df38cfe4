/**
 * Tables lowered in an earlier analysis, reused when they come back unchanged. In the editor every
 * keystroke re-analyses the report, and an edit in the prose leaves every table as it was, only moved:
 * lowering them again (labels matched, figures aligned and typed) was a seventh of the analysis. A
 * table's lowering depends only on its rows (their cells' text and their places relative to the first
 * row), its kind and the format version the year suggests; table 四 also reads the lines around and
 * between its rows for its sub-tables' labels. Those make the key. A reused table is a copy whose rows
 * and cells are this analysis's own syntax rows and cells (by position), so offsets, line numbers and
 * object identities are those of a fresh lowering; what the lowering made itself (a joined row) is
 * copied and moved. The table kept is the one handed out; nothing changes a table after it is lowered
 * but a scan's readings (`TypedCell.ocr`, ocr-cells.ts), and a reused table's typed cells are made anew
 * without them, so a flag never travels to another analysis. Bounded: least recently used tables go.
 */
import type { Cell, Line, Row } from '../../../syntax/parse';
import type { FormatVersion, TableKind } from '../../template';
import type { LoweredTable, TableRow, TypedCell } from '../types';

/** A lowered table as handed out, with the rows it was lowered from (its kind and version are in its key). */
interface Kept {
  table: LoweredTable;
  rows: Row[];
  /** For table 四: the text of the lines it reads around and between its rows (contextOf). */
  context: string[] | null;
  line: number;
  start: number;
  /** Where each of `rows` and their cells is: a row at -1 - i, a cell at i × 65,536 + k (made once, when kept). */
  places: Map<object, number>;
}

const MAX_KEPT = 64;
/** A table with more cells than this is not kept. */
const MAX_CELLS = 20_000;
/** Kept tables by a short key (kind, version, row count, first row's text); the rows are then compared. */
const KEPT = new Map<string, Kept>();

/** Lowers a run of rows with `lower`, or reuses the lowering of the same table from an earlier analysis. */
export function lowerOnce(kind: TableKind, version: FormatVersion, rows: Row[], lines: readonly Line[], lower: () => LoweredTable): LoweredTable {
  if (!rows.length) return lower();
  const line = rows[0].line;
  const start = lines[line]?.start ?? 0;
  const context = kind === 't4' ? contextOf(rows, lines) : null;
  const key = `${kind}|${version}|${rows.length}|${rows[0].cells.map((c) => c.text).join('\u0001')}`;
  const kept = KEPT.get(key);
  if (kept && sameRows(kept, rows, line, start, context)) {
    KEPT.delete(key);
    KEPT.set(key, kept);
    return moveTable(kept.table, mover(kept, rows, line - kept.line, start - kept.start));
  }
  const table = lower();
  let cells = 0;
  for (const r of rows) cells += r.cells.length;
  if (cells > MAX_CELLS) return table;
  KEPT.delete(key);
  KEPT.set(key, { table, rows, context, line, start, places: placesOf(rows) });
  if (KEPT.size > MAX_KEPT) KEPT.delete(KEPT.keys().next().value!);
  return table;
}

/** Table 四's labels: up to 8 lines above it, and the lines between its rows. */
function contextOf(rows: Row[], lines: readonly Line[]): string[] {
  const out: string[] = [];
  const first = rows[0].line;
  for (let i = Math.max(0, first - 8); i <= rows[rows.length - 1].endLine && i < lines.length; i++) out.push(lines[i].text);
  out.push(String(first - Math.max(0, first - 8)));
  return out;
}

/** Whether the rows are the kept rows, moved: the same cells' text at the same places relative to the first row. */
function sameRows(kept: Kept, rows: Row[], line: number, start: number, context: string[] | null): boolean {
  if (kept.rows.length !== rows.length) return false;
  for (let i = 0; i < rows.length; i++) {
    const a = kept.rows[i];
    const b = rows[i];
    if (a.cells.length !== b.cells.length || a.layout !== b.layout || a.line - kept.line !== b.line - line || a.endLine - kept.line !== b.endLine - line) return false;
    for (let k = 0; k < a.cells.length; k++) {
      const x = a.cells[k];
      const y = b.cells[k];
      if (x.text !== y.text || x.start - kept.start !== y.start - start || x.end - kept.start !== y.end - start || x.line - kept.line !== y.line - line) return false;
    }
  }
  if (context || kept.context) {
    if (!context || !kept.context || context.length !== kept.context.length) return false;
    for (let i = 0; i < context.length; i++) if (context[i] !== kept.context[i]) return false;
  }
  return true;
}

interface Mover {
  cell(c: Cell): Cell;
  row(r: Row): Row;
}

/** Each row's and cell's place among `rows` (see Kept.places). */
function placesOf(rows: Row[]): Map<object, number> {
  const places = new Map<object, number>();
  for (let i = 0; i < rows.length; i++) {
    places.set(rows[i], -1 - i);
    for (let k = 0; k < rows[i].cells.length; k++) places.set(rows[i].cells[k], i * 65_536 + k);
  }
  return places;
}

/**
 * Maps the kept table's rows and cells to the new ones by position (looked up in the places made when the
 * table was kept: a reuse allocates no map of its own); anything else is copied and moved, once.
 */
function mover(kept: Kept, to: Row[], lines: number, chars: number): Mover {
  let made: Map<object, object> | undefined;
  const cell = (c: Cell): Cell => {
    const at = kept.places.get(c);
    if (at !== undefined && at >= 0) return to[Math.floor(at / 65_536)].cells[at % 65_536];
    let out = made?.get(c) as Cell | undefined;
    if (!out) (made ??= new Map()).set(c, (out = { text: c.text, start: c.start + chars, end: c.end + chars, line: c.line + lines }));
    return out;
  };
  const row = (r: Row): Row => {
    const at = kept.places.get(r);
    if (at !== undefined && at < 0) return to[-1 - at];
    let out = made?.get(r) as Row | undefined;
    if (!out) (made ??= new Map()).set(r, (out = { cells: r.cells.map(cell), line: r.line + lines, endLine: r.endLine + lines, layout: r.layout }));
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
