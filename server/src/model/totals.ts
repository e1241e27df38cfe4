/**
 * The one recomputation of table 三's totals. Detail cells are the source of truth: the applicant
 * columns of the result rows and of rows 一, 二 and 四. Column totals (（七）) come first, then row
 * totals. Every total rule, every total fix, hover and code lens read the numbers from here, so one
 * wrong cell can never lead two fixes to disagree.
 */
import { T3_COLUMNS, T3_ROWS, T3_TOTAL_COL, T4_GROUPS, T4_PARTS } from './template';
import type { Report, Table, TableRow, TypedCell } from './report';

export const DETAIL_COLS = T3_TOTAL_COL; // columns 0..5 are applicant columns

function count(c: TypedCell | undefined): number | undefined {
  if (!c) return undefined;
  if (c.value.kind === 'blank') return 0;
  if (c.value.kind === 'number' && c.value.integer !== null && c.value.integer >= 0) return c.value.integer;
  return undefined;
}

function usable(r: TableRow | undefined): r is TableRow {
  return !!r && r.shapeOk && r.cells.length === T3_COLUMNS.length && r.cells.every((c) => count(c) !== undefined);
}

export interface T3Totals {
  table: Table;
  byId: Map<string, TableRow>;
  /** Result rows （一）…（六） of the table's version, as present. */
  results: TableRow[];
  /** All result rows present and usable: the column identity can be checked. */
  resultsUsable: boolean;
  /** Recomputed value of each total cell (row 总计 cells and the （七） row), keyed by the cell. */
  expected: Map<TypedCell, number>;
  /** The detail parts behind each recomputed total, for messages and hover. */
  parts: Map<TypedCell, number[]>;
}

export function computeT3(table: Table, version: '2019' | '2021'): T3Totals {
  const byId = new Map<string, TableRow>();
  for (const r of table.rows) if (r.id && !byId.has(r.id)) byId.set(r.id, r);
  const resultDefs = T3_ROWS[version].filter((d) => d.role === 'result');
  const results = resultDefs.map((d) => byId.get(d.id)).filter((r): r is TableRow => !!r);
  const resultsUsable = results.length === resultDefs.length && results.every(usable);
  const expected = new Map<TypedCell, number>();
  const parts = new Map<TypedCell, number[]>();

  const rowTotal = (r: TableRow, details: number[]) => {
    const cell = r.cells[T3_TOTAL_COL];
    expected.set(cell, details.reduce((a, b) => a + b, 0));
    parts.set(cell, details);
  };
  const detailsOf = (r: TableRow) => r.cells.slice(0, DETAIL_COLS).map((c) => count(c)!);

  for (const r of table.rows) {
    if (!usable(r) || r.id === 'total' || r.isGroup) continue;
    rowTotal(r, detailsOf(r));
  }
  const total = byId.get('total');
  if (total && usable(total) && resultsUsable) {
    const colSums: number[] = [];
    for (let c = 0; c < DETAIL_COLS; c++) {
      const colParts = results.map((r) => count(r.cells[c])!);
      const sum = colParts.reduce((a, b) => a + b, 0);
      expected.set(total.cells[c], sum);
      parts.set(total.cells[c], colParts);
      colSums.push(sum);
    }
    rowTotal(total, colSums);
  }
  return { table, byId, results, resultsUsable, expected, parts };
}

/** Table 三's totals for every table 三 of the report, computed once per analysis. */
export function computeAllT3(report: Report, fallback: '2019' | '2021'): T3Totals[] {
  return report.tables.filter((t) => t.kind === 't3').map((t) => computeT3(t, t.version ?? fallback));
}

export interface T4Group {
  id: string;
  label: string;
  parts: TypedCell[];
  total: TypedCell;
}

/** The sum of a table 四 group's four parts (blank counts as 0); undefined if a part is not a count. */
export function groupSum(g: T4Group): number | undefined {
  const parts = g.parts.map(count);
  return parts.every((p) => p !== undefined) ? (parts as number[]).reduce((a, b) => a + b, 0) : undefined;
}

export function t4Groups(row: TableRow): T4Group[] {
  if (!row.shapeOk) return [];
  return T4_GROUPS.map((g, i) => ({
    id: g.id,
    label: g.label,
    parts: row.cells.slice(i * T4_PARTS.length, i * T4_PARTS.length + 4),
    total: row.cells[i * T4_PARTS.length + 4],
  }));
}

export { count as countValue };
