/**
 * The table preview as data: tables 二, 三 and 四 laid out as the official grids (headers and row labels
 * from the template), each cell with its figure, its status from the diagnostics that cover exactly that
 * cell, the value it should have when a fix or a recomputed total says so, and where it is in the text.
 * Pure: the editor client only draws this model.
 */
import type { Analysis, Diagnostic } from './analyze';
import type { Table, TableRow, TypedCell } from '../model/report';
import type { Severity } from '../rules/rule';
import { Msg, join, msg } from '../base/msg';
import {
  FormatVersion, T2_HEADER, T2_ITEMS, T3_BALANCE_NOTE, T3_COLUMNS, T3_HEADER, T3_ROWS, T4_COLUMNS, T4_GROUPS, T4_PARTS, TableKind,
  versionForYear,
} from '../model/template';
import { countValue, groupSum, t4Groups } from '../model/totals';
import { countParts, tableCounts } from '../model/table-counts';
import { positionAt } from '../syntax/parse';

export interface Position { line: number; character: number }
export interface Span { start: number; end: number; from: Position; to: Position }

export type CellStatus = 'ok' | 'error' | 'warning' | 'info' | 'blank' | 'invalid' | 'unplaced' | 'missing';

export interface PreviewCell {
  text: string;
  status: CellStatus;
  /** The value the cell should have (a fix or a recomputed total), shown next to a wrong figure. */
  expected?: string;
  /** The findings on this cell. */
  messages: Msg[];
  /** The column's official name, for tooltips. */
  column: string;
  span?: Span;
}

export interface HeaderCell { text: string; colspan: number; rowspan: number }

export type PreviewRow =
  | { kind: 'header'; cells: HeaderCell[] }
  | { kind: 'group'; label: string; depth: number; span?: Span }
  | {
    kind: 'data' | 'missing' | 'unreadable' | 'unknown';
    label: string;
    depth: number;
    cells: PreviewCell[];
    /** Findings on the row that are not on one cell (a row that cannot be read, a wrong label). */
    messages: Msg[];
    level: 'ok' | Severity;
    span?: Span;
  };

export interface PreviewTable {
  kind: TableKind;
  title: Msg;
  version: FormatVersion | null;
  status: { level: 'ok' | 'error' | 'warning' | 'unreadable'; text: Msg };
  /** Whether the grid has a row-label column (table 四 has none). */
  labels: boolean;
  /** Number of figure columns. */
  columns: number;
  header: HeaderCell[][];
  rows: PreviewRow[];
  span: Span;
}

export interface PreviewModel {
  title: string | null;
  version: FormatVersion | null;
  tables: PreviewTable[];
  /** Tables of the format that the document does not contain. */
  absent: Msg[];
}

export const TABLE_TITLE: Record<TableKind, Msg> = {
  t2: msg('表二 主动公开政府信息情况', 'Table 二 proactive disclosure'),
  t3: msg('表三 收到和处理政府信息公开申请情况', 'Table 三 applications received and handled'),
  t4: msg('表四 政府信息公开行政复议、行政诉讼情况', 'Table 四 administrative reviews and lawsuits'),
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function previewModel(a: Analysis): PreviewModel {
  const { report } = a;
  const fallback = report.formatVersion ?? versionForYear(report.year);
  const lines = report.tree.lines;
  const span = (start: number, end: number): Span => ({ start, end, from: positionAt(lines, start), to: positionAt(lines, end) });
  const tables = report.tables.map((t) => previewTable(a, t, t.version ?? fallback, span));
  const kinds = new Set(report.tables.map((t) => t.kind));
  const absent = (['t2', 't3', 't4'] as const).filter((k) => !kinds.has(k)).map((k) => TABLE_TITLE[k]);
  return { title: report.title?.text ?? null, version: report.formatVersion, tables, absent };
}

type SpanOf = (start: number, end: number) => Span;

function previewTable(a: Analysis, table: Table, version: FormatVersion, span: SpanOf): PreviewTable {
  const inTable = a.diagnostics.filter((d) => d.start >= table.start && d.end <= table.end);
  const used = new Set<Diagnostic>();
  const expectedOf = expectedValues(a, table);

  const cellOf = (tc: TypedCell): PreviewCell => {
    const { cell } = tc;
    const on = inTable.filter((d) => d.start >= cell.start && d.end <= cell.end && (d.start < d.end || cell.start === cell.end || d.start === cell.start));
    on.forEach((d) => used.add(d));
    const worst = on.reduce<Diagnostic | null>((w, d) => (!w || RANK[d.severity] > RANK[w.severity] ? d : w), null);
    let status: CellStatus = tc.value.kind === 'blank' ? 'blank' : tc.value.kind === 'invalid' ? 'invalid' : 'ok';
    if (worst && (worst.severity === 'error' || worst.severity === 'warning')) status = worst.severity === 'error' ? 'error' : status === 'ok' ? 'warning' : status;
    else if (worst && status === 'ok') status = 'info';
    let expected: string | undefined;
    if (status === 'error' || status === 'warning' || status === 'invalid' || status === 'blank') {
      // Blank cells are one finding per table: its fix fills every blank, so look for this cell's edit in it.
      const candidates = status === 'blank' ? [...on, ...inTable.filter((d) => d.code === 'blank-cell' && !on.includes(d))] : on;
      for (const d of candidates) {
        const edit = [d.fix, ...d.suggestions].flatMap((f) => f?.edits ?? []).find((e) => e.start === cell.start && e.end === cell.end);
        if (edit) { expected = edit.newText; break; }
      }
      // A blank cell that should hold 0 needs no hint beyond being marked blank.
      if (status === 'blank' && expected === '0') expected = undefined;
      const computed = expectedOf.get(tc);
      if (expected === undefined && computed !== undefined && computed !== countValue(tc)) expected = String(computed);
    }
    return { text: cell.text, status, expected, messages: on.map((d) => d.message), column: tc.column.label, span: span(cell.start, cell.end) };
  };

  const rowOf = (r: TableRow, label: string, depth: number, width: number, columns: readonly { label: string }[]): PreviewRow => {
    const labelCell = r.label ?? r.labelCells[r.labelCells.length - 1] ?? null;
    let cells: PreviewCell[];
    let kind: 'data' | 'unreadable' | 'unknown' = r.id === null && table.kind !== 't4' ? 'unknown' : 'data';
    if (r.shapeOk && r.cells.length) cells = r.cells.map(cellOf);
    else {
      // Figures that could not be placed in columns: shown as typed, in order, for the writer to find.
      kind = 'unreadable';
      const rest = r.row.cells.filter((c) => !r.labelCells.includes(c) && c !== r.label);
      const figures = rest.slice(Math.max(0, rest.findIndex((c) => c.text)));
      cells = figures.slice(0, Math.max(width, figures.length)).map((c, i) => ({
        text: c.text, status: 'unplaced' as const, messages: [], column: columns[i]?.label ?? '', span: span(c.start, c.end),
      }));
    }
    const first = r.row.cells[0];
    const last = r.row.cells[r.row.cells.length - 1];
    const rowDiags = inTable.filter((d) => !used.has(d) && first && d.start >= first.start && d.start <= (last?.end ?? first.end));
    rowDiags.forEach((d) => used.add(d));
    const level = rowDiags.reduce<'ok' | Severity>((w, d) => (w === 'ok' || RANK[d.severity] > RANK[w] ? d.severity : w), 'ok');
    const at = labelCell ?? first;
    return {
      kind, label, depth, cells, messages: rowDiags.map((d) => d.message), level,
      span: at ? span(at.start, at.end) : undefined,
    };
  };
  const missingRow = (label: string, depth: number, columns: readonly { label: string }[]): PreviewRow => ({
    kind: 'missing', label, depth, level: 'ok', messages: [msg('表中缺少此行', 'This row is missing')],
    cells: columns.map((c) => ({ text: '', status: 'missing' as const, messages: [], column: c.label })),
  });

  let header: HeaderCell[][] = [];
  const rows: PreviewRow[] = [];
  let columns = 0;
  let labels = true;
  if (table.kind === 't3') {
    columns = T3_COLUMNS.length;
    const col = (id: string) => T3_COLUMNS.find((c) => c.id === id)!.label;
    const legal = new Set<string>(T3_HEADER.legalColumns);
    const first = T3_COLUMNS.findIndex((c) => legal.has(c.id));
    header = [
      [{ text: T3_BALANCE_NOTE, colspan: 1, rowspan: 3 }, { text: T3_HEADER.applicants, colspan: columns, rowspan: 1 }],
      [
        ...T3_COLUMNS.slice(0, first).map((c) => ({ text: c.label, colspan: 1, rowspan: 2 })),
        { text: T3_HEADER.legalPersons, colspan: legal.size, rowspan: 1 },
        ...T3_COLUMNS.slice(first + legal.size).map((c) => ({ text: c.label, colspan: 1, rowspan: 2 })),
      ],
      T3_HEADER.legalColumns.map((id) => ({ text: col(id), colspan: 1, rowspan: 1 })),
    ];
    const defs = T3_ROWS[version];
    const byId = new Map<string, TableRow>();
    const unknown: { after: string | null; row: TableRow }[] = [];
    let prev: string | null = null;
    for (const r of table.rows) {
      if (r.isGroup) continue;
      if (r.id && !byId.has(r.id) && defs.some((d) => d.id === r.id)) { byId.set(r.id, r); prev = r.id; } else unknown.push({ after: prev, row: r });
    }
    const labelsOfDefs = new Set(defs.map((d) => d.label));
    const emitted = new Set<string>();
    const emitUnknown = (after: string | null) => {
      for (const u of unknown.filter((x) => x.after === after)) rows.push(rowOf(u.row, u.row.label?.text ?? u.row.labelCells.map((c) => c.text).join(' '), 1, columns, T3_COLUMNS));
    };
    emitUnknown(null);
    for (const def of defs) {
      def.groups.forEach((g, depth) => {
        if (!emitted.has(g) && !labelsOfDefs.has(g)) { emitted.add(g); rows.push({ kind: 'group', label: g, depth }); }
      });
      emitted.add(def.label);
      if (def.role === 'group') {
        const model = table.rows.find((r) => r.isGroup && r.officialLabel === def.label && r.label);
        rows.push({ kind: 'group', label: def.label, depth: def.groups.length, span: model?.label ? span(model.label.start, model.label.end) : undefined });
        continue;
      }
      const r = byId.get(def.id);
      rows.push(r ? rowOf(r, def.label, def.groups.length, columns, T3_COLUMNS) : missingRow(def.label, def.groups.length, T3_COLUMNS));
      if (r) emitUnknown(def.id);
    }
  } else if (table.kind === 't4') {
    labels = false;
    columns = T4_COLUMNS.length;
    const parents: HeaderCell[] = [];
    const subs: HeaderCell[] = [];
    for (const g of T4_GROUPS) {
      if (g.parent === g.label) { parents.push({ text: g.label, colspan: T4_PARTS.length, rowspan: 2 }); continue; }
      const last = parents[parents.length - 1];
      if (last && last.text === g.parent && last.rowspan === 1) last.colspan += T4_PARTS.length;
      else parents.push({ text: g.parent, colspan: T4_PARTS.length, rowspan: 1 });
      subs.push({ text: g.label, colspan: T4_PARTS.length, rowspan: 1 });
    }
    header = [parents, subs, T4_GROUPS.flatMap(() => T4_PARTS.map((p) => ({ text: p, colspan: 1, rowspan: 1 })))];
    for (const r of table.rows) rows.push(rowOf(r, '', 0, columns, T4_COLUMNS));
    if (!table.rows.length) rows.push(missingRow('', 0, T4_COLUMNS));
  } else {
    for (const item of T2_ITEMS) {
      const def = item.versions[version];
      if (!def) continue;
      columns = Math.max(columns, def.columns.length);
    }
    for (const item of T2_ITEMS) {
      const def = item.versions[version];
      if (!def) continue;
      rows.push({ kind: 'header', cells: [{ text: item.label, colspan: columns + 1, rowspan: 1 }] });
      rows.push({ kind: 'header', cells: [{ text: T2_HEADER, colspan: 1, rowspan: 1 }, ...def.columns.map((c, i) => ({ text: c.label, colspan: i === def.columns.length - 1 ? columns - i : 1, rowspan: 1 }))] });
      for (const rd of def.rows) {
        const r = table.rows.find((x) => x.item === item.id && x.id === rd.id);
        rows.push(r ? rowOf(r, rd.label, 0, def.columns.length, def.columns) : missingRow(rd.label, 0, def.columns));
      }
    }
    for (const r of table.rows.filter((x) => !x.id || !T2_ITEMS.some((it) => it.id === x.item && it.versions[version]?.rows.some((rd) => rd.id === x.id)))) {
      rows.push(rowOf(r, r.label?.text ?? '', 0, columns, []));
    }
  }
  return {
    kind: table.kind, title: TABLE_TITLE[table.kind], version: table.kind === 't4' ? null : version, labels, columns, header, rows,
    status: tableStatus(table, inTable), span: span(table.start, table.end),
  };
}

/** Recomputed totals of table 三 and table 四, keyed by the total cell. */
function expectedValues(a: Analysis, table: Table): Map<TypedCell, number> {
  const out = new Map<TypedCell, number>();
  if (table.kind === 't3') {
    for (const [cell, v] of a.t3.find((t) => t.table === table)?.expected ?? []) out.set(cell, v);
  } else if (table.kind === 't4') {
    for (const r of table.rows) for (const g of t4Groups(r)) {
      const sum = groupSum(g);
      if (sum !== undefined) out.set(g.total, sum);
    }
  }
  return out;
}

/**
 * The table's status for its header: errors, then what stops the check (rows that cannot be read, unknown
 * and missing rows, blank cells — counted by `tableCounts`, as the lens and the findings count them),
 * then warnings; a tick only when there is none of these.
 */
function tableStatus(table: Table, inTable: Diagnostic[]): PreviewTable['status'] {
  const counts = tableCounts(table);
  const errors = inTable.filter((d) => d.severity === 'error').length;
  const warnings = inTable.filter((d) => d.severity === 'warning' && d.code !== 'blank-cell').length;
  const plural = (n: number) => (n > 1 ? 's' : '');
  const parts: Msg[] = [];
  if (errors) parts.push(msg(`${errors} 处错误`, `${errors} error${plural(errors)}`));
  parts.push(...countParts(counts));
  if (warnings) parts.push(msg(`${warnings} 处警告`, `${warnings} warning${plural(warnings)}`));
  const listed = (mark: string) => join([mark, join(parts, msg('，', ', '))], ' ');
  if (errors) return { level: 'error', text: listed('✗') };
  if (counts.unreadable.length || counts.missing.length) return { level: 'unreadable', text: listed('⚠') };
  if (warnings || counts.blanks.length || counts.unknown.length) return { level: 'warning', text: listed('⚠') };
  return { level: 'ok', text: msg('✓ 无错误', '✓ no errors') };
}
