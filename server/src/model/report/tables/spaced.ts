/**
 * Table rows without ruling: a PDF extraction sometimes writes one row of a table as a text line whose
 * cells are separated by single spaces (`2.没有现成信息需要另行制作 5 0 0 0 0 0 5`) between the rows it
 * did separate. A line beside a table region whose words are a known row label followed by exactly the
 * columns' count of figures is that row, and joins the region; any other line stays text.
 */
import type { Block, Cell, Line, Row } from '../../../syntax/parse';
import { T3_COLUMNS } from '../../template';
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

/** The line as a row of table 三, or null: label words, the last a known row label, then exactly seven figures. */
export function spacedRow(line: Line): Row | null {
  const t = line.text;
  if (t.length > 300 || !/\d\s+\d/.test(t) || /[\t|｜。；]/.test(t)) return null;
  const cells = words(line);
  const figures = T3_COLUMNS.length;
  if (cells.length < figures + 1) return null;
  const values = cells.slice(cells.length - figures);
  if (!values.every((c) => !isTextCell(c) && valueOf(c).kind !== 'invalid')) return null;
  const labels = cells.slice(0, cells.length - figures);
  if (!labels.every(isTextCell)) return null;
  // The label may itself hold a space (`(一) 予以公开`): the longest run of last words (up to three) that names a row.
  for (let k = Math.max(0, labels.length - 3); k < labels.length; k++) {
    const text = t.slice(labels[k].start - line.start, labels[labels.length - 1].end - line.start);
    if (!matchT3(text)) continue;
    const label: Cell = { text, start: labels[k].start, end: labels[labels.length - 1].end, line: line.index };
    return { cells: [...labels.slice(0, k), label, ...values], line: line.index, endLine: line.index, layout: 'tab' };
  }
  return null;
}

/** The blocks with each such line moved into the table region before it (or after it). */
export function joinSpacedRows(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const prev = out[out.length - 1];
    const next = blocks[i + 1];
    const row = block.type === 'text' && (prev?.type === 'region' || next?.type === 'region') ? spacedRow(block.line) : null;
    if (!row) {
      out.push(block);
      continue;
    }
    if (prev?.type === 'region') {
      out[out.length - 1] = { ...prev, rows: [...prev.rows, { ...row, layout: prev.layout }], endLine: row.line } satisfies Region;
    } else {
      const layout = (next as Region).layout;
      out.push({ type: 'region', rows: [{ ...row, layout }], startLine: row.line, endLine: row.line, layout });
    }
  }
  return out;
}
