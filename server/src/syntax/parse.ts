/**
 * Syntax layer: any string becomes lines, text lines and table regions made of rows of cells, each
 * with its exact offsets in the input. It knows the four table layouts users paste (tab-separated,
 * ` | `-separated, Markdown pipe tables, and Word's one cell per line) and nothing about reports.
 * It never throws: every input has a tree.
 */

export type Layout = 'tab' | 'pipe' | 'markdown' | 'cells';

export interface Line {
  index: number;
  start: number;
  /** Offset just past the line's text, before its line break. */
  end: number;
  text: string;
  /** For a piece of a physical line (run-on text cut by the model): that line's index and start. */
  physical?: { line: number; start: number };
}

export interface Cell {
  text: string;
  /** The trimmed content; an empty cell is a zero-width range where its content would be. */
  start: number;
  end: number;
  line: number;
}

export interface Row {
  cells: Cell[];
  line: number;
  endLine: number;
  layout: Layout;
}

export type Block =
  | { type: 'text'; line: Line }
  | { type: 'region'; rows: Row[]; startLine: number; endLine: number; layout: Layout };

export interface SyntaxTree {
  text: string;
  lines: Line[];
  blocks: Block[];
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++; // \r\n
    start = i + 1;
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

const CELL_LINE = /^\t[^\t]*$/;

/** Characters at the end of `s` that pass `test`, counted without a backtracking regex. */
export function countTrailing(s: string, test: RegExp): number {
  let n = 0;
  while (n < s.length && test.test(s[s.length - 1 - n])) n++;
  return n;
}

export function countLeading(s: string, test: RegExp): number {
  let n = 0;
  while (n < s.length && test.test(s[n])) n++;
  return n;
}

/** `s` without the characters at either end that pass `test` (one character class, e.g. /[\s*]/). */
export function trimWhere(s: string, test: RegExp, ends: 'both' | 'end' = 'both'): string {
  const lead = ends === 'both' ? countLeading(s, test) : 0;
  if (lead === s.length) return '';
  return s.slice(lead, s.length - countTrailing(s, test));
}

/** A Markdown table separator row: | --- | :---: | (at least one run of three dashes). */
function isMarkdownSeparator(t: string): boolean {
  if (!t.includes('---')) return false;
  const body = trimWhere(t, /[\s|]/);
  if (!body.includes('---')) return false;
  return body.split('|').every((part) => /^:?-+:?$/.test(part.trim()));
}

/**
 * Characters trimmed from cell content: ASCII and Unicode spaces, BOM, and Markdown bold marks — the
 * class /[\s\uFEFF*]/, told by code (no one-character string per test).
 */
function isTrimCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return c === 0x2a;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function makeCell(text: string, from: number, to: number, line: number): Cell {
  let a = from;
  while (a < to && isTrimCode(text.charCodeAt(a))) a++;
  if (a === to) return { text: '', start: from, end: from, line };
  let b = to;
  while (b > a && isTrimCode(text.charCodeAt(b - 1))) b--;
  return { text: text.slice(a, b), start: a, end: b, line };
}

const TAB = (c: number) => c === 9;
const PIPE = (c: number) => c === 0x7c || c === 0xff5c; // | ｜

function splitOn(text: string, line: Line, isSep: (code: number) => boolean): Cell[] {
  const cells: Cell[] = [];
  let from = line.start;
  for (let i = line.start; i < line.end; i++) {
    if (!isSep(text.charCodeAt(i))) continue;
    cells.push(makeCell(text, from, i, line.index));
    from = i + 1;
  }
  cells.push(makeCell(text, from, line.end, line.index));
  return cells;
}

function isPipeRow(t: string): boolean {
  if (!/[|｜]/.test(t)) return false;
  const trimmed = t.trim();
  if (/^[|｜]/.test(trimmed) || /[|｜]$/.test(trimmed)) return true;
  return /\s[|｜]\s/.test(t) || (t.match(/[|｜]/g)?.length ?? 0) >= 2;
}

function pipeCells(text: string, line: Line): Cell[] {
  const cells = splitOn(text, line, PIPE);
  const trimmed = line.text.trim();
  // Outer pipes are borders only when the row has both (Markdown): in `a | 14 |  | ` every pipe
  // separates, and the empty cell after the last one is a positional blank (an HTML table's empty cell).
  const outer = /^[|｜]/.test(trimmed);
  if (outer && cells.length > 1 && cells[0].text === '') cells.shift();
  if (outer && /[|｜]$/.test(trimmed) && cells.length > 1 && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

/** A short line straight after a one-cell-per-line cell continues that cell (Word wraps 商业 / 企业). */
function isContinuation(t: string): boolean {
  const s = t.trim();
  return s.length > 0 && s.length <= 20 && !/[。；;:：\t|｜]/.test(s) && !/^#/.test(s);
}

export function parseSyntax(text: string): SyntaxTree {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let region: { rows: Row[]; startLine: number; endLine: number; layouts: Set<Layout> } | null = null;
  let cellRow: Row | null = null; // the one-cell-per-line row being collected

  const closeCellRow = () => {
    if (cellRow && region) region.rows.push(cellRow);
    cellRow = null;
  };
  const closeRegion = () => {
    closeCellRow();
    if (region && region.rows.length > 0) {
      const layout: Layout = region.layouts.has('cells') ? 'cells'
        : region.layouts.has('markdown') ? 'markdown'
          : region.layouts.has('pipe') ? 'pipe' : 'tab';
      blocks.push({ type: 'region', rows: region.rows, startLine: region.startLine, endLine: region.endLine, layout });
    }
    region = null;
  };
  const openRegion = (line: number) => {
    if (!region) region = { rows: [], startLine: line, endLine: line, layouts: new Set() };
    return region;
  };

  for (const line of lines) {
    const t = line.text;
    if (t.trim() === '' && !/\t/.test(t)) {
      closeCellRow();
      continue;
    }
    if (CELL_LINE.test(t)) {
      const r = openRegion(line.index);
      r.layouts.add('cells');
      r.endLine = line.index;
      const cell = makeCell(text, line.start + 1, line.end, line.index);
      if (!cellRow) cellRow = { cells: [], line: line.index, endLine: line.index, layout: 'cells' };
      cellRow.cells.push(cell);
      cellRow.endLine = line.index;
      continue;
    }
    if (cellRow && isContinuation(t)) {
      const last = cellRow.cells[cellRow.cells.length - 1];
      const part = makeCell(text, line.start, line.end, line.index);
      if (last.text === '') {
        cellRow.cells[cellRow.cells.length - 1] = part;
      } else {
        last.text += part.text;
        last.end = part.end;
      }
      cellRow.endLine = line.index;
      region!.endLine = line.index;
      continue;
    }
    closeCellRow();
    if (isMarkdownSeparator(t)) {
      const r = openRegion(line.index);
      r.layouts.add('markdown');
      r.endLine = line.index;
      continue;
    }
    if (/\t/.test(t)) {
      const r = openRegion(line.index);
      r.layouts.add('tab');
      r.rows.push({ cells: splitOn(text, line, TAB), line: line.index, endLine: line.index, layout: 'tab' });
      r.endLine = line.index;
      continue;
    }
    if (isPipeRow(t)) {
      const r = openRegion(line.index);
      r.layouts.add('pipe');
      r.rows.push({ cells: pipeCells(text, line), line: line.index, endLine: line.index, layout: 'pipe' });
      r.endLine = line.index;
      continue;
    }
    closeRegion();
    blocks.push({ type: 'text', line });
  }
  closeRegion();
  return { text, lines, blocks };
}

/** The document's line number of the tree's line `index` (the model may cut a run-on line into pieces). */
export function documentLine(lines: Line[], index: number): number {
  return lines[index]?.physical?.line ?? index;
}

/** Offset → 0-based line and UTF-16 column. */
export function positionAt(lines: Line[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  const p = line.physical;
  return { line: p ? p.line : lo, character: Math.max(0, Math.min(offset, line.end) - (p ? p.start : line.start)) };
}
