/** Placing a row's figures into the columns of its table. */
import type { Cell } from '../../../syntax/parse';

function isEmpty(c: Cell): boolean {
  return c.text === '';
}

/**
 * Places the figures after a row's label into `expected` columns. Empty cells at either end are
 * layout padding unless they are needed: a row that ends in empty cells has blank totals, and a row
 * holding only its total is right-aligned. Anything else that does not fit is a shape error.
 */
export function alignValues(cells: Cell[], expected: number, positional = true): { values: Cell[] | null; found: number } {
  // Exactly one cell per column after the label: every empty cell between separators is a positional
  // blank (an HTML table copied with its empty cells), wherever it is — unless the table pads its
  // labels with an empty cell (Word's merged label columns), which `positional: false` says.
  if (positional && cells.length === expected && cells.some((c) => !isEmpty(c))) {
    return { values: cells, found: cells.filter((c) => !isEmpty(c)).length };
  }
  let lead = 0;
  while (lead < cells.length && isEmpty(cells[lead])) lead++;
  if (lead === cells.length) {
    return cells.length >= expected ? { values: cells.slice(0, expected), found: 0 } : { values: null, found: 0 };
  }
  let last = cells.length - 1;
  while (isEmpty(cells[last])) last--;
  const core = cells.slice(lead, last + 1);
  const trail = cells.length - 1 - last;
  if (core.length === expected) return { values: core, found: core.length };
  if (core.length > expected) return { values: null, found: core.length };
  const missing = expected - core.length;
  if (lead === 0 && trail >= missing) return { values: cells.slice(0, expected), found: core.length };
  if (core.length === 1 && lead >= missing) return { values: cells.slice(last + 1 - expected, last + 1), found: core.length };
  return { values: null, found: core.length };
}
