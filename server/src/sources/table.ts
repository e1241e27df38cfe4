/**
 * The one way every importer writes a table as text: one line per table row, cells separated by tabs,
 * label cells first and figures after them, as the engine's tab layout reads them. Merged cells are
 * expanded the way a reader of the printed table understands them: in rows that hold figures a label
 * merged over several rows is repeated on each of them and a label merged over several columns is
 * written once; in heading rows a merged cell is written once and the positions it covers stay blank.
 */
import type { LineBox } from './types';

/** One position of the expanded grid: the text of the cell that covers it and where that cell starts. */
export interface GridCell {
  text: string;
  /** 0 at the cell's own top-left position; otherwise how far this position is from it. */
  rowOffset: number;
  colOffset: number;
  /** Where the position's row stands on its page (PDF tables; see `LineBox`), on the row's first position. */
  at?: { page?: number; box: LineBox };
}

const FIGURE = /^[-+－]?\d[\d,，]*(\.\d+)?%?$/;

/** Whether a cell's text is a figure (a whole number or a decimal, as tables print them). */
export function isFigure(text: string): boolean {
  return FIGURE.test(text.trim());
}

/** Cleans a cell's text: no tabs or line breaks inside a cell, whitespace runs become one space. */
export function cleanCell(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const CJK_CHAR = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const LETTER_SPACED = new RegExp(`^(${CJK_CHAR}[ \\u00a0\\u3000]+)+${CJK_CHAR}$`);

/**
 * Renders an expanded grid (rows of positions) as tab-separated lines. The columns left of the first
 * column that holds a figure are label columns: in rows with figures their empty positions are
 * dropped, so that a row reads "labels, then figures" whatever the label columns' merging. Figure
 * columns keep every position, blanks included, so that each figure stays under its column. A short letter-spaced label
 * (`总 计`) is written without its spacing.
 */
export function renderGrid(grid: GridCell[][]): string[] {
  return renderGridRows(grid).map((r) => r.line);
}

/** As `renderGrid`, with the index in `grid` of the row each line comes from. */
export function renderGridRows(grid: GridCell[][]): { line: string; row: number }[] {
  let firstFigure = Infinity;
  for (const row of grid) row.forEach((c, i) => { if (c.rowOffset === 0 && c.colOffset === 0 && isFigure(c.text)) firstFigure = Math.min(firstFigure, i); });
  const lines: { line: string; row: number }[] = [];
  grid.forEach((row, r) => {
    const dataRow = row.some((c) => c.rowOffset === 0 && c.colOffset === 0 && isFigure(c.text));
    const cells: string[] = [];
    row.forEach((c, i) => {
      let text = cleanCell(c.text);
      if (LETTER_SPACED.test(text)) text = text.replace(/[ \u00a0\u3000]+/g, '');
      if (c.colOffset > 0) text = dataRow ? '\0' : '';
      else if (c.rowOffset > 0 && !(dataRow && !isFigure(text))) text = '';
      if (text === '\0' || (dataRow && text === '' && i < firstFigure)) return;
      cells.push(text);
    });
    while (cells.length > 1 && cells[cells.length - 1] === '' && !dataRow) cells.pop();
    if (cells.every((c) => c === '')) return;
    // A row that is one cell (a caption row merged across the table) is a line of its own.
    lines.push({ line: cells.length === 1 ? cells[0] : cells.join('\t'), row: r });
  });
  return lines;
}

/** A table as its rows of cells with spans, before expansion (HTML and Word tables come this way). */
export interface SpanCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/**
 * Expands rows of cells with `colSpan`/`rowSpan` into a grid, placing each cell at the first position
 * not already covered by a cell from a row above (the HTML table model). Spans are bounded (at most
 * `maxCols` columns, no further than the last row, never over a position already covered) so that a
 * hostile `rowspan=100000` cannot blow up the grid: the cost is linear in rows × `maxCols`.
 */
export function expandSpans(rows: SpanCell[][], maxCols = 64): GridCell[][] {
  const grid: (GridCell | undefined)[][] = rows.map(() => []);
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const cell of rows[r]) {
      while (grid[r][c]) c++;
      if (c >= maxCols) break;
      const colSpan = Math.max(1, Math.min(cell.colSpan || 1, maxCols - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan || 1, rows.length - r));
      // A span stops where a cell from above already lies (overlapping spans are a table error), so
      // every position is written once and a table is expanded in time linear in its positions.
      for (let dr = 0; dr < rowSpan && (dr === 0 || !grid[r + dr][c]); dr++) {
        for (let dc = 0; dc < colSpan && (dc === 0 || !grid[r + dr][c + dc]); dc++) grid[r + dr][c + dc] = { text: cell.text, rowOffset: dr, colOffset: dc };
      }
      c += colSpan;
      if (c >= maxCols) break;
    }
  }
  return grid.map((row) => {
    const out: GridCell[] = [];
    for (let c = 0; c < row.length; c++) out.push(row[c] ?? { text: '', rowOffset: 0, colOffset: 0 });
    return out;
  });
}

/** An item numbered after the first of its group: "2.", "3、", "（二）". */
const CONTINUED_ITEM = /^\s*(([2-9]|[1-9]\d)\s*[.．、]|[（(][二三四五六七八九十][)）])/;

/**
 * Appends the part of a table printed after a page break (the next PDF page, or a second Word
 * table after a page break) to `grid`, in place, and returns `grid`. Heading rows that the word
 * processor repeats on each page are dropped, and a label cell that was cut by the page break (empty
 * on the new page, a label just above it) carries on the label, as the merged cell it is. The cost is
 * that of the new part (plus the merged cell above when its text grows), never of the whole grid.
 */
export function continueTable(grid: GridCell[][], next: GridCell[][]): GridCell[][] {
  const key = (row: GridCell[]) => row.map((c) => c.text).join('\t');
  let skip = 0;
  while (skip < next.length && skip < grid.length && key(next[skip]) === key(grid[skip]) && !next[skip].some((c) => isFigure(c.text))) skip++;
  const rows = next.slice(skip).map((row) => row.map((c) => ({ ...c })));
  const last = grid[grid.length - 1];
  if (rows.length && last) {
    for (let c = 0; c < rows[0].length && c < last.length; c++) {
      const above = last[c], below = rows[0][c];
      if (below.rowOffset !== 0 || !above.text || isFigure(above.text) || isFigure(below.text) || above.colOffset !== below.colOffset) continue;
      // The cell goes on when it is empty here, or when the item beside it is numbered on from
      // the row above ("2." after "1."): then its text was cut by the page break ("（四）无" + "法提供").
      const besideNext = rows[0].slice(c + 1).find((x) => x.text !== '' && x.rowOffset === 0)?.text ?? '';
      if (below.text !== '' && !CONTINUED_ITEM.test(besideNext)) continue;
      const text = below.text === '' || above.text.endsWith(below.text) ? above.text : above.text + below.text;
      // The positions above already hold the text unless it grew.
      if (text !== above.text) for (let r = grid.length - 1, k = above.rowOffset; r >= 0 && k >= 0 && grid[r][c]?.rowOffset === k; r--, k--) grid[r][c] = { ...grid[r][c], text };
      for (let r = 0; r < rows.length && rows[r][c].rowOffset === r; r++) {
        rows[r][c] = { ...rows[r][c], text, rowOffset: above.rowOffset + 1 + r, colOffset: above.colOffset };
      }
    }
  }
  for (const row of rows) grid.push(row);
  return grid;
}
