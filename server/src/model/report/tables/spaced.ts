/**
 * Table rows without ruling: a PDF extraction sometimes writes one row of a table as a text line whose
 * cells are separated by single spaces (`2.没有现成信息需要另行制作 5 0 0 0 0 0 5`) between the rows it
 * did separate. A line beside a table region whose words are a known row label followed by exactly the
 * columns' count of figures is that row, and joins the region; any other line stays text.
 */
import type { Block, Cell, Line, Row } from '../../../syntax/parse';
import { T2_ITEMS, T3_COLUMNS } from '../../template';
import { normalizeLabel } from '../../text';
import { isTextCell, valueOf } from './cells';
import { matchT3 } from './t3';

type Region = Extract<Block, { type: 'region' }>;

/** The line's words (runs without white space), each a cell with its offsets. */
function words(line: Line): Cell[] {
  const out: Cell[] = [];
  const re = /[^\s\u3000]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line.text)) !== null) {
    out.push({ text: m[0], start: line.start + m.index, end: line.start + m.index + m[0].length, line: line.index });
  }
  return out;
}

/** Table 二's row labels (either version) with the numbers of figures their rows may hold. */
const T2_COUNTS: Map<string, Set<number>> = (() => {
  const out = new Map<string, Set<number>>();
  for (const it of T2_ITEMS) for (const v of Object.values(it.versions)) {
    for (const r of v.rows) {
      const key = normalizeLabel(r.label);
      if (!out.has(key)) out.set(key, new Set());
      out.get(key)!.add(v.columns.length);
    }
  }
  return out;
})();

/**
 * The line as a table row, or null: for table 三, label words (the last a known row label) then exactly
 * seven figures; for table 二, one known label then the figures of that row in either version.
 */
export function spacedRow(line: Line): Row | null {
  const t = line.text;
  if (t.length > 300 || !/\d/.test(t) || /[\t|｜。；，：]/.test(t)) return null;
  const cells = words(line);
  const figures = T3_COLUMNS.length;
  let n = 0;
  while (n < cells.length && !isTextCell(cells[cells.length - 1 - n]) && valueOf(cells[cells.length - 1 - n]).kind !== 'invalid') n++;
  if (n === 0 || n === cells.length) return null;
  const labels = cells.slice(0, cells.length - n);
  if (!labels.every(isTextCell)) return null;
  if (labels.length === 1 && T2_COUNTS.get(normalizeLabel(labels[0].text))?.has(n)) {
    return { cells, line: line.index, endLine: line.index, layout: 'tab' };
  }
  if (n !== figures) return null;
  const values = cells.slice(cells.length - figures);
  // The label may itself hold a space (`(一) 予以公开`): the longest run of last words (up to three) that names a row.
  for (let k = Math.max(0, labels.length - 3); k < labels.length; k++) {
    const text = t.slice(labels[k].start - line.start, labels[labels.length - 1].end - line.start);
    if (!matchT3(text)) continue;
    const label: Cell = { text, start: labels[k].start, end: labels[labels.length - 1].end, line: line.index };
    return { cells: [...labels.slice(0, k), label, ...values], line: line.index, endLine: line.index, layout: 'tab' };
  }
  return null;
}

/**
 * The blocks with each such line moved into the table region beside it: a line joins when a region or
 * another such line that joins is next to it (a run of spaced rows beside a region joins whole).
 */
export function joinSpacedRows(blocks: Block[]): Block[] {
  const rows = blocks.map((b) => (b.type === 'text' ? spacedRow(b.line) : null));
  const joins = blocks.map(() => false);
  const near = (i: number) => blocks[i]?.type === 'region' || joins[i] === true;
  for (let i = 0; i < blocks.length; i++) joins[i] = !!rows[i] && near(i - 1);
  for (let i = blocks.length - 1; i >= 0; i--) joins[i] ||= !!rows[i] && near(i + 1);
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const row = joins[i] ? rows[i] : null;
    if (!row) {
      out.push(blocks[i]);
      continue;
    }
    const prev = out[out.length - 1];
    if (prev?.type === 'region') {
      out[out.length - 1] = { ...prev, rows: [...prev.rows, { ...row, layout: prev.layout }], endLine: row.line } satisfies Region;
    } else {
      const next = blocks.slice(i + 1).find((b): b is Region => b.type === 'region');
      const layout = next?.layout ?? 'tab';
      out.push({ type: 'region', rows: [{ ...row, layout }], startLine: row.line, endLine: row.line, layout });
    }
  }
  return out;
}
