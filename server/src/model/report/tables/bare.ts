/**
 * One cell per line without a tab, a blank line between rows: Word's and some converters' table text
 * with the leading tab lost (`规章` / `1` / `0` / `11`, blank line, `行政规范性文件` / `8` / …). The syntax
 * layer reads such lines as text; here a stretch of short lines between headings and prose, grouped by
 * blank lines, whose groups are rows (labels, then figures) is read as a table region, the same rows the
 * tab layout gives. An empty cell has no line there, so a row with empty cells stays what it looks like.
 * Any stretch that does not clearly look like a table stays text.
 */
import type { Block, Cell, Line, Row } from '../../../syntax/parse';
import { TABLE_HINTS } from '../../template';
import { normalizeLabel } from '../../text';
import { parseHeading } from '../headings';
import { isTextCell, valueOf } from './cells';

type TextBlock = Extract<Block, { type: 'text' }>;
type Group = { lines: Line[]; cells: Cell[]; kind: 'header' | 'data' | 'stray'; figures: number };

/** Longest line read as one cell (table 三's longest label is 35 characters). */
const MAX_CELL = 64;
const HINTS = [...new Set(Object.values(TABLE_HINTS).flat())];

function cellOf(line: Line): Cell {
  const t = line.text;
  let a = 0;
  let b = t.length;
  while (a < b && /[\s\uFEFF]/.test(t[a])) a++;
  while (b > a && /\s/.test(t[b - 1])) b--;
  return { text: t.slice(a, b), start: line.start + a, end: line.start + b, line: line.index };
}

/**
 * A line that may be a cell: short, no sentence, not a heading in an accepted wording. A heading read
 * loosely (`3.补正后申请内容仍不明确` reads as section 三's numeral and key word) may be a row label.
 */
function cellLike(line: Line): boolean {
  const s = line.text.trim();
  if (!s || s.length > MAX_CELL || /[。；;]/.test(s) || /^(?:#|<!--)/.test(s)) return false;
  const h = parseHeading(line);
  return h === null || h.loose === true;
}

const isLooseHeading = (line: Line) => parseHeading(line)?.loose === true;

const isFigure = (c: Cell) => c.text !== '' && !isTextCell(c) && valueOf(c).kind !== 'invalid';

function group(lines: Line[]): Group {
  const cells = lines.map(cellOf);
  let figures = 0;
  while (figures < cells.length && isFigure(cells[cells.length - 1 - figures])) figures++;
  const labels = cells.slice(0, cells.length - figures);
  const stray = labels.some(isFigure) || (labels.length === 0 && figures < 2);
  return { lines, cells, figures, kind: stray ? 'stray' : figures > 0 ? 'data' : 'header' };
}

/** The groups as one region when they look like a table; trailing header groups stay text. */
function asRegion(groups: Group[]): { region: Block | null; rest: Group[] } {
  let last = groups.length - 1;
  while (last >= 0 && groups[last].kind !== 'data') last--;
  const rows = groups.slice(0, last + 1);
  const data = rows.filter((g) => g.kind === 'data');
  const figures = data.reduce((n, g) => n + g.figures, 0);
  const hinted = rows.reduce((n, g) => n + g.cells.filter((c) => HINTS.some((w) => normalizeLabel(c.text).includes(w))).length, 0);
  if (rows.length < 2 || data.length === 0 || figures < 3 || hinted < 2) return { region: null, rest: groups };
  const out: Row[] = rows.map((g) => ({ cells: g.cells, line: g.lines[0].index, endLine: g.lines[g.lines.length - 1].index, layout: 'cells' }));
  return {
    region: { type: 'region', rows: out, startLine: out[0].line, endLine: out[out.length - 1].endLine, layout: 'cells' },
    rest: groups.slice(last + 1),
  };
}

/** The blocks with each stretch of one-cell-per-line rows (no tab, blank lines between rows) as a region. */
export function readBareCells(blocks: Block[], lines: Line[]): Block[] {
  const out: Block[] = [];
  const blank = (from: number, to: number) => {
    for (let k = from + 1; k < to; k++) if (lines[k].text.trim() !== '') return false;
    return to > from + 1;
  };
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    if (b.type !== 'text' || !cellLike(b.line)) {
      out.push(b);
      i++;
      continue;
    }
    // A stretch of cell-like lines, cut into groups at blank lines.
    const stretch: TextBlock[] = [];
    while (i < blocks.length && blocks[i].type === 'text' && cellLike((blocks[i] as TextBlock).line)) stretch.push(blocks[i++] as TextBlock);
    const groups: Line[][] = [];
    let sawBlank = false;
    for (const t of stretch) {
      const prev = groups[groups.length - 1];
      const prevLine = prev?.[prev.length - 1];
      if (prev && prevLine.index + 1 === t.line.index) prev.push(t.line);
      else {
        if (prev && blank(prevLine.index, t.line.index)) sawBlank = true;
        groups.push([t.line]);
      }
    }
    if (!sawBlank || groups.length < 2) {
      out.push(...stretch);
      continue;
    }
    // Runs of groups between stray ones (figures among labels, a lone figure): each may be a table.
    let run: Group[] = [];
    const text = (line: Line) => { out.push({ type: 'text', line }); };
    const flush = () => {
      const { region, rest } = asRegion(run);
      if (region) out.push(region);
      for (const g of rest) g.lines.forEach(text);
      run = [];
    };
    const take = (g: Group) => {
      const prev = run[run.length - 1];
      // Header cells around an empty one (no line for it) are one header row, as with tabs.
      if (g.kind === 'header' && prev?.kind === 'header') run[run.length - 1] = { ...prev, lines: [...prev.lines, ...g.lines], cells: [...prev.cells, ...g.cells] };
      else run.push(g);
    };
    for (const lines of groups) {
      const g = group(lines);
      if (g.kind === 'data') take(g);
      else if (g.kind === 'stray') {
        flush();
        g.lines.forEach(text);
      } else {
        // A loosely read heading among header cells is a heading (a data row's label never is).
        let part: Line[] = [];
        for (const line of lines) {
          if (!isLooseHeading(line)) {
            part.push(line);
            continue;
          }
          if (part.length) take(group(part));
          flush();
          text(line);
          part = [];
        }
        if (part.length) take(group(part));
      }
    }
    flush();
  }
  return out;
}
