/**
 * Column hints: the name of a figure's column (自然人, 总计 …) shown before the figure where the figures
 * of a table do not line up on screen — one cell per line, or tab-separated rows whose figures start at
 * other screen columns than the table's other rows. A hint is a decoration, never text in the document.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import type { Analysis } from './analyze';
import type { TableRow } from '../model/report';
import type { ColumnDef } from '../model/template';
import type { Line } from '../syntax/parse';
import { positionAt } from '../syntax/parse';

export interface ColumnHint {
  offset: number;
  line: number;
  character: number;
  label: string;
  /** The column's full name when the label is shortened. */
  tooltip?: string;
}

/**
 * VS Code shows at most this many characters of inlay hints on one line: the hints after it are cut off
 * (a row of table 四 would lose its ten 行政诉讼 labels). Lines whose labels would not fit get short ones.
 */
export const LINE_BUDGET = 43;

export interface ColumnHintOptions {
  /** Screen columns per tab, as the editor renders them. */
  tabSize?: number;
  /** Only hints with offsets in [start, end]. */
  start?: number;
  end?: number;
}

/** The screen column of `offset` on its line: tabs advance to the next tab stop, wide characters take two. */
export function displayColumn(line: Line, offset: number, tabSize: number): number {
  let col = 0;
  const stop = Math.min(offset, line.end) - line.start;
  for (let i = 0; i < stop; i++) {
    const code = line.text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (code === 9) col += tabSize - (col % tabSize);
    else col += eastAsianWidth(code, { ambiguousAsWide: false });
  }
  return col;
}

export function columnHints(a: Analysis, options: ColumnHintOptions = {}): ColumnHint[] {
  const tabSize = options.tabSize && options.tabSize > 0 ? options.tabSize : 4;
  const from = options.start ?? 0;
  const to = options.end ?? a.text.length;
  const lines = a.report.tree.lines;
  const out: ColumnHint[] = [];
  const hint = (r: TableRow) => {
    if (r.cells.every((c) => c.cell.start < from || c.cell.start > to)) return;
    const hints = r.cells.map((c) => {
      const p = positionAt(lines, c.cell.start);
      return { offset: c.cell.start, line: p.line, character: p.character, label: c.column.label, column: c.column };
    });
    for (const h of fitLabels(hints)) if (h.offset >= from && h.offset <= to) out.push(h);
  };
  for (const table of a.report.tables) {
    if (table.end < from || table.start > to) continue;
    const rows = table.rows.filter((r) => r.shapeOk && r.cells.length > 0);
    if (table.layout === 'cells') {
      rows.forEach(hint);
      continue;
    }
    // Rows with the same columns should put each figure at the same screen column; the most common
    // placement is the table's, and every row placed otherwise gets its figures named.
    const groups = new Map<string, { row: TableRow; key: string }[]>();
    for (const r of rows) {
      const cols = r.cells.map((c) => c.column.id).join(',');
      const key = r.cells.map((c) => displayColumn(lines[c.cell.line], c.cell.start, tabSize)).join(',');
      const g = groups.get(cols) ?? [];
      g.push({ row: r, key });
      groups.set(cols, g);
    }
    for (const g of groups.values()) {
      const counts = new Map<string, number>();
      for (const { key } of g) counts.set(key, (counts.get(key) ?? 0) + 1);
      let mode = '';
      let best = 0;
      for (const [k, n] of counts) if (n > best) { mode = k; best = n; }
      // A placement only one row has is no table-wide alignment: every row is named then, except a
      // lone row of one or two figures (table 二's items), which a reader places without help.
      if (best === 1 && g.length === 1 && g[0].row.cells.length < 3) continue;
      const aligned = best > 1 ? mode : null;
      for (const { row, key } of g) if (key !== aligned) hint(row);
    }
  }
  return out.sort((x, y) => x.offset - y.offset);
}

type Draft = ColumnHint & { column: ColumnDef };

/**
 * A row's labels within the line budget: full names when they fit; else on each line the first figure of
 * a group is named by group and column (复议维持) and the rest by column only (纠正, 其他 …); else the
 * column only. Every figure keeps a label; a shortened one carries the full name as its tooltip.
 */
function fitLabels(hints: Draft[]): ColumnHint[] {
  const byLine = new Map<number, Draft[]>();
  for (const h of hints) byLine.set(h.line, [...(byLine.get(h.line) ?? []), h]);
  const out: ColumnHint[] = [];
  const width = (labels: string[]) => labels.reduce((n, l) => n + l.length, 0);
  for (const line of byLine.values()) {
    const full = line.map((h) => h.label);
    let labels = full;
    if (width(full) > LINE_BUDGET && line.every((h) => h.column.short)) {
      const grouped = line.map((h, i) => (i === 0 || line[i - 1].column.short!.group !== h.column.short!.group ? h.column.short!.group : '') + h.column.short!.part);
      labels = width(grouped) <= LINE_BUDGET ? grouped : line.map((h) => h.column.short!.part);
    }
    line.forEach((h, i) => out.push({
      offset: h.offset, line: h.line, character: h.character, label: labels[i], ...(labels[i] !== full[i] ? { tooltip: full[i] } : {}),
    }));
  }
  return out;
}
