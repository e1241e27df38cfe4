/**
 * The figures of a report by identity (table, row, column), so that two reports — last year's and this
 * year's, or a parent's and its children's — can be compared cell by cell. Only rows whose figures
 * were placed in columns (`shapeOk`) and cells holding a number take part.
 */
import { Report, Table, TableRow, TypedCell } from '../model/report';
import { T2_ITEMS, T3_ROWS, VERSIONS } from '../model/template';
import { cellName } from '../model/names';

export interface Figure {
  /** `t3/new/total`, `t2/1/normative/valid`, `t4/results/review-total`. */
  key: string;
  table: Table;
  row: TableRow;
  cell: TypedCell;
  value: number;
  /** Row and column as printed in the template: `一、本年新收政府信息公开申请数量·总计`. */
  label: string;
}

export function numberOf(c: TypedCell | undefined): number | null {
  if (!c || c.value.kind !== 'number') return null;
  const n = Number(c.value.decimal);
  return Number.isFinite(n) ? n : null;
}

const T3_LABELS = new Map(VERSIONS.flatMap((v) => T3_ROWS[v].map((r) => [r.id, r.label] as const)));
const T2_LABELS = new Map(T2_ITEMS.flatMap((it) => VERSIONS.flatMap((v) => (it.versions[v]?.rows ?? []).map((r) => [`${it.id}/${r.id}`, r.label] as const))));

export function rowLabel(table: Table, row: TableRow): string {
  if (table.kind === 't3') return T3_LABELS.get(row.id ?? '') ?? row.officialLabel ?? '';
  if (table.kind === 't2') return T2_LABELS.get(`${row.item}/${row.id}`) ?? row.officialLabel ?? '';
  return '';
}

export function figureLabel(table: Table, row: TableRow, cell: TypedCell): string {
  return cellName(rowLabel(table, row), cell.column.label);
}

/** Every numeric figure of tables 二, 三 and 四, keyed by identity (the first table of each kind). */
export function figures(report: Report): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const seen = new Set<string>();
  for (const table of report.tables) {
    if (seen.has(table.kind)) continue;
    seen.add(table.kind);
    for (const row of table.rows) {
      if (!row.id || !row.shapeOk || row.isGroup) continue;
      for (const cell of row.cells) {
        const value = numberOf(cell);
        if (value === null) continue;
        const key = [table.kind, row.item, row.id, cell.column.id].filter(Boolean).join('/');
        if (!out.has(key)) out.set(key, { key, table, row, cell, value, label: figureLabel(table, row, cell) });
      }
    }
  }
  return out;
}

/** The row of a table by id (and table 二 item), when its figures were read. */
export function findRow(report: Report, kind: Table['kind'], id: string, item?: string): { table: Table; row: TableRow } | null {
  const table = report.tables.find((t) => t.kind === kind);
  const row = table?.rows.find((r) => r.id === id && (item === undefined || r.item === item) && r.shapeOk && !r.isGroup);
  return table && row ? { table, row } : null;
}
