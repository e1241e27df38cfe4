/**
 * PDF page geometry, pure (no WebAssembly): the glyphs and ruling lines that `pdfium.ts` reads from a
 * page become the page as a reader sees it. Glyphs are gathered into runs and runs into lines by their
 * baseline; ruled tables are found from the lines drawn on the page (the cell borders), runs are placed
 * in the cells they sit in, and each table row becomes one tab-separated line with merged labels
 * repeated. Outside tables, lines are gathered into paragraphs by indentation and the right margin, and
 * page numbers are dropped. Coordinates are as the page is shown, in points, y growing upwards.
 */
import type { LineBox, LineOrigin, SourceText } from './types';
import { findGrids, mergedCells, Segment, TOL } from './pdf-grid';
import { continueTable, GridCell, renderGridRows } from './table';

export { findGrids, TOL } from './pdf-grid';
export type { Grid, Segment } from './pdf-grid';

/** One character as the page shows it: its origin, the span of its advance (left…right) and its size. */
export interface Glyph {
  ch: string;
  x: number;
  y: number;
  left: number;
  right: number;
  size: number;
}

/** A text run placed on the page as it is shown (y grows upwards). */
export interface Run {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  size: number;
}


/** The ruling lines of a page: horizontal and vertical. */
export interface Segments {
  h: Segment[];
  v: Segment[];
}

export interface Block {
  top: number;
  lines: { text: string; size: number; left: number; right: number; top: number; bottom: number; box?: LineBox }[];
  table?: { grid: GridCell[][]; xs: number[] };
}


// ---------- glyphs → runs ----------

/**
 * The page's glyphs gathered into runs: characters that follow one another on one baseline at one
 * size. As a reader would, a gap of a tenth of an em or more is a space, and a gap over 0.6 em (or a
 * step back, a new baseline or size) starts a new run, which the layout then spaces or tabs by its
 * distance. `chars` counts the visible characters (a page without any is blank or scanned).
 */
export function glyphRuns(glyphs: readonly Glyph[]): { runs: Run[]; chars: number } {
  const runs: Run[] = [];
  let chars = 0;
  let run: Run | null = null;
  let end = 0;
  // Whether the run ends in a space (kept here: testing the growing string would cost its length).
  let endsSpace = false;
  const push = () => {
    // A blank run only marks a space between its neighbours.
    if (run) runs.push(run.str.trim() === '' ? { ...run, str: ' ', w: 0 } : run);
    run = null;
  };
  for (const { ch, x, y, left, right, size } of glyphs) {
    const blank = ch.trim() === '';
    if (!blank) chars++;
    const r: Run | null = run;
    const gap = r ? x - end : 0;
    if (r && Math.abs(y - r.y) <= r.size * 0.2 && Math.abs(size - r.size) <= 0.5 && gap >= -r.size * 0.3 && gap <= r.size * 0.6) {
      if (gap > r.size * 0.102 && !blank && !endsSpace) r.str += ' ';
      r.str += ch;
      endsSpace = /\s$/.test(ch);
      end = Math.max(end, right);
      r.w = end - r.x;
    } else {
      push();
      // A new font or size in mid-line still keeps its word space (the runs' gap alone says it only when wide).
      if (r && !blank && Math.abs(y - r.y) <= Math.max(r.size, size) * 0.5 && gap > Math.min(r.size, size) * 0.102 && gap <= Math.max(r.size, size) * 0.6) runs.push({ str: ' ', x: end, y: r.y, w: 0, h: r.h, size: r.size });
      run = { str: ch, x: left, y, w: right - left, h: size, size };
      endsSpace = /\s$/.test(ch);
      end = right;
    }
  }
  push();
  return { runs, chars };
}

// ---------- ruling lines ----------

/** Adds a stroked straight piece from (x1,y1) to (x2,y2) when it is horizontal or vertical. */
export function addStroke(segs: Segments, x1: number, y1: number, x2: number, y2: number): void {
  if (Math.abs(y1 - y2) < 0.8 && Math.abs(x1 - x2) > TOL) segs.h.push({ pos: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) });
  else if (Math.abs(x1 - x2) < 0.8 && Math.abs(y1 - y2) > TOL) segs.v.push({ pos: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) });
}

/** Adds a filled shape of four points or more when it is a bar thinner than 2.5pt (a rule drawn as a bar). */
export function addBar(segs: Segments, points: readonly (readonly [number, number])[]): void {
  if (points.length < 4) return;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (y1 - y0 < 2.5 && x1 - x0 > TOL) segs.h.push({ pos: (y0 + y1) / 2, a: x0, b: x1 });
  else if (x1 - x0 < 2.5 && y1 - y0 > TOL) segs.v.push({ pos: (x0 + x1) / 2, a: y0, b: y1 });
}

// ---------- page layout ----------

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Joins the runs of one line: a gap is a space (except between CJK runs inside a table cell), and
 * outside tables a wide gap is a tab, so that a table printed without borders still reads as cells.
 */
export function joinRuns(runs: Run[], cell = false): string {
  // The line is kept in parts, so that looking at its end costs nothing however long it grows.
  const parts: string[] = [];
  const lastChar = () => {
    const p = parts[parts.length - 1];
    return p ? p.charAt(p.length - 1) : '';
  };
  let end = -Infinity;
  let space = false;
  for (const r of runs) {
    if (r.str === ' ') {
      space = true;
      continue;
    }
    const gap = r.x - end;
    const cjk = cell && (CJK.test(lastChar()) || CJK.test(r.str.charAt(0)));
    // Outside ruled tables, a gap of two characters or more separates the columns of a borderless table.
    if (parts.length && !cell && gap > r.size * 2) {
      while (parts.length) {
        const p = parts.pop()!.trimEnd();
        if (p) {
          parts.push(p);
          break;
        }
      }
      parts.push('\t');
    } else if (parts.length && (space || gap > r.size * 0.6) && !cjk && !/\s/.test(lastChar()) && !/^\s/.test(r.str)) parts.push(' ');
    if (r.str) parts.push(r.str);
    end = Math.max(end, r.x + r.w);
    space = false;
  }
  return parts.join('');
}

/** Whether some line of the page has runs set apart by a wide gap, as table cells are. */
export function hasCells(runs: Run[]): boolean {
  return toLines(runs.filter((r) => r.str !== ' ')).some((line) => line.some((r, i) => i > 0 && r.x - (line[i - 1].x + line[i - 1].w) > r.size * 1.5));
}

/**
 * Runs grouped into lines by baseline (top to bottom), each sorted left to right. A run joins the first
 * line (from the top) whose baseline is within half the smaller size (at least 2pt); only the lines
 * within the run's own reach can be that line, so each run looks at those alone.
 */
export function toLines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    // Baselines only go down: the lines within reach are the last ones, from the first below r.y + reach.
    const reach = Math.max(2, r.size * 0.5);
    let lo = 0, hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].y - r.y < reach) hi = mid;
      else lo = mid + 1;
    }
    let line: (typeof lines)[number] | undefined;
    for (let i = lo; i < lines.length && !line; i++) {
      const l = lines[i];
      if (Math.abs(l.y - r.y) < Math.max(2, Math.min(l.size, r.size) * 0.5)) line = l;
    }
    if (line) line.runs.push(r);
    else lines.push({ y: r.y, size: r.size, runs: [r] });
  }
  return lines.sort((p, q) => q.y - p.y).map((l) => l.runs.sort((p, q) => p.x - q.x));
}

/** The text of one table cell: its lines joined; spaces that only pad justified CJK text are dropped. */
function cellText(runs: Run[]): string {
  if (!runs.length) return '';
  const lines = toLines(runs).map((l) => joinRuns(l, true).trim());
  let text = lines.join('');
  if (lines.length > 1) text = text.replace(new RegExp(`(?<=${CJK.source})\\s+(?=${CJK.source})`, 'g'), '');
  return text;
}

/** Most grid positions (rows × columns, over all the ruled tables of a page) the layout builds. */
export const MAX_GRID_CELLS = 1_000_000;

/** A page beyond a bound of the layout (`MAX_GRID_CELLS`). */
export class LayoutLimit extends Error {}

/**
 * The blocks of one page, top to bottom: each ruled table (its runs placed in its cells, cells no
 * border separates merged), and each line of the runs outside tables. Linear in the runs, lines and
 * grid positions, up to a log factor; throws `LayoutLimit` over `MAX_GRID_CELLS` grid positions.
 */
export function layoutPage(runs: Run[], segs: { h: Segment[]; v: Segment[] }, bottom: number, top: number): Block[] {
  const grids = findGrids(segs.h, segs.v);
  let cells = 0;
  for (const g of grids) cells += (g.ys.length - 1) * (g.xs.length - 1);
  if (cells > MAX_GRID_CELLS) throw new LayoutLimit(`${cells}`);
  const used = new Set<Run>();
  const blocks: Block[] = [];
  // Runs by the height of their centre, so that each grid finds its runs by a binary search.
  const cxs = runs.map((run) => run.x + run.w / 2);
  const cys = runs.map((run) => run.y + Math.min(run.h, run.size) * 0.35);
  const byCy = grids.length ? [...runs.keys()].filter((i) => !Number.isNaN(cys[i])).sort((p, q) => cys[p] - cys[q]) : [];
  const noCy = grids.length ? [...runs.keys()].filter((i) => Number.isNaN(cys[i])) : [];
  const firstCy = (y: number, above: boolean) => lowerBound(byCy.length, (k) => (above ? cys[byCy[k]] > y : cys[byCy[k]] >= y));
  for (const g of grids) {
    const nr = g.ys.length - 1, nc = g.xs.length - 1;
    // Grid positions that no border separates are one merged cell.
    const cellOf = mergedCells(g);
    const cellRuns = new Map<number, Run[]>();
    const inside = byCy.slice(firstCy(g.ys[nr], false), firstCy(g.ys[0], true)).concat(noCy).sort((p, q) => p - q);
    for (const i of inside) {
      const run = runs[i], cx = cxs[i], cy = cys[i];
      if (cx < g.xs[0] || cx > g.xs[nc] || cy > g.ys[0] || cy < g.ys[nr]) continue;
      const c = lowerBound(nc - 1, (k) => !(cx > g.xs[k + 1]));
      const r = lowerBound(nr - 1, (k) => !(cy < g.ys[k + 1]));
      const k = cellOf(r, c);
      const list = cellRuns.get(k);
      if (list) list.push(run);
      else cellRuns.set(k, [run]);
      used.add(run);
    }
    const texts = new Map<number, string>();
    for (const [k, list] of cellRuns) texts.set(k, cellText(list));
    // Top-left position of every merged cell.
    const origin = new Map<number, [number, number]>();
    for (let r = 0; r < nr; r++) for (let c = 0; c < nc; c++) if (!origin.has(cellOf(r, c))) origin.set(cellOf(r, c), [r, c]);
    const grid: GridCell[][] = [];
    for (let r = 0; r < nr; r++) {
      if (g.ys[r] - g.ys[r + 1] < 1) continue;
      const row: GridCell[] = [];
      for (let c = 0; c < nc; c++) {
        if (g.xs[c + 1] - g.xs[c] < 1) continue;
        const k = cellOf(r, c);
        const [r0, c0] = origin.get(k)!;
        row.push({ text: texts.get(k) ?? '', rowOffset: r - r0, colOffset: c - c0 });
      }
      // The row's box: the table's width, between the row's rules.
      if (row.length) row[0] = { ...row[0], at: { box: boxOf(g.xs[0], g.xs[nc], g.ys[r], g.ys[r + 1], top) } };
      grid.push(row);
    }
    const xs = g.xs.filter((x, i) => i === 0 || x - g.xs[i - 1] >= 1);
    if (grid.length) blocks.push({ top: g.ys[0], lines: [], table: { grid, xs } });
  }
  const height = top - bottom;
  for (const line of toLines(runs.filter((r) => !used.has(r)))) {
    const text = joinRuns(line).trim();
    if (!text) continue;
    const y = line[0].y;
    let size = -Infinity, right = -Infinity;
    for (const r of line) {
      size = Math.max(size, r.size);
      right = Math.max(right, r.x + r.w);
    }
    // Page numbers in the top or bottom margin: "- 3 -", "第 3 页", "3/10".
    if ((y < bottom + height * 0.1 || y > top - height * 0.08) && /^第?\d+页?([/／]\d+)?(共\d+页)?$/.test(text.replace(/[-－—–\s]/g, ''))) continue;
    const left = line[0].x;
    blocks.push({ top: y + size, lines: [{ text, size, left, right, top: y + size, bottom: y, box: boxOf(left, right, y + size, y, top) }] });
  }
  return blocks.sort((p, q) => q.top - p.top);
}

/** A box of the page (y growing upwards, `pageTop` its top) as a `LineBox` from the top-left corner, to 0.1 pt. */
function boxOf(left: number, right: number, top: number, bottom: number, pageTop: number): LineBox {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(left), y: r(pageTop - top), width: r(right - left), height: r(top - bottom) };
}

/** The union of two boxes (lines of one paragraph). */
function union(a: LineBox, b: LineBox): LineBox {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x, y, width: r(Math.max(a.x + a.width, b.x + b.width) - x), height: r(Math.max(a.y + a.height, b.y + b.height) - y) };
}

/** The first k in 0…n for which `pred` holds (n when none), `pred` being false then true. */
function lowerBound(n: number, pred: (k: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------- paragraphs ----------

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = values[0] ?? 0, n = 0;
  for (const [v, k] of counts) if (k > n) [best, n] = [v, k];
  return best;
}

export function assemble(pages: { blocks: Block[]; page: number }[]): SourceText {
  const textLines = pages.flatMap((p) => p.blocks.flatMap((b) => b.lines));
  const body = mode(textLines.map((l) => l.size));
  const bodyLines = textLines.filter((l) => Math.abs(l.size - body) < 0.5);
  const leftMargin = mode(bodyLines.map((l) => l.left));
  let rightMargin = 0;
  for (const l of bodyLines) rightMargin = Math.max(rightMargin, l.right);

  const out: string[] = [];
  const origins: LineOrigin[] = [];
  // A table is written when the next block is not its continuation on the following page.
  let table: { grid: GridCell[][]; xs: number[]; pages: number[]; lastPage: number } | null = null;
  // Whether the last line written holds a tab, and ends in a Latin letter (kept, not searched for: a paragraph can grow long).
  let lastTabbed = false, lastLatin = false;
  const flush = () => {
    if (!table) return;
    for (const { line, row } of renderGridRows(table.grid)) {
      out.push(line);
      const at = table.grid[row][0]?.at;
      origins.push(at?.page === undefined ? { page: table.pages[0] } : { page: at.page, box: at.box });
      lastTabbed = line.includes('\t');
      lastLatin = /[A-Za-z]$/.test(line);
    }
    table = null;
  };
  type Prev = { size: number; right: number; bottom: number } | null;
  let prev: Prev = null;
  for (const { blocks, page } of pages) {
    blocks.forEach((b, i) => {
      if (b.table) {
        for (const row of b.table.grid) if (row[0]?.at) row[0] = { ...row[0], at: { ...row[0].at, page } };
        if (table && i === 0 && table.lastPage === page - 1 && sameColumns(table.xs, b.table.xs)) {
          table.grid = continueTable(table.grid, b.table.grid);
          table.lastPage = page;
        } else {
          flush();
          table = { grid: b.table.grid, xs: b.table.xs, pages: [page], lastPage: page };
        }
        prev = null;
        return;
      }
      flush();
      const l = b.lines[0];
      const sameSize = prev && Math.abs(prev.size - l.size) < 0.5;
      const prevFull = prev && prev.right >= rightMargin - l.size * 1.5;
      const notIndented = l.left <= leftMargin + l.size * 0.5;
      // A heading (larger than the body) wrapped over lines is one heading.
      const headingWrap = sameSize && l.size > body * 1.15 && prev && prev.bottom - l.top < l.size * 1.5;
      const tabbed = l.text.includes('\t') || (out.length > 0 && lastTabbed);
      const continues = prev && sameSize && !tabbed && ((prevFull && notIndented) || headingWrap);
      if (continues && out.length) {
        out[out.length - 1] += (lastLatin && /^[A-Za-z]/.test(l.text) ? ' ' : '') + l.text;
        // A paragraph's box holds its lines on the page it starts on.
        const o = origins[origins.length - 1];
        if (o.box && l.box && o.page === page) o.box = union(o.box, l.box);
      } else {
        out.push(l.text);
        origins.push(l.box ? { page, box: l.box } : { page });
        lastTabbed = l.text.includes('\t');
      }
      lastLatin = /[A-Za-z]$/.test(l.text);
      prev = { size: l.size, right: l.right, bottom: l.bottom };
    });
  }
  flush();
  return { kind: 'pdf', text: out.join('\n') + '\n', origins };
}

function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 3);
}
