/** Lowering table 四 (administrative review and litigation): one or more rows of fifteen figures. */
import type { Row } from '../../../syntax/parse';
import { T4_COLUMNS } from '../../template';
import type { LoweredTable, TableRow } from '../types';
import { alignValues } from './align';
import { isTextCell, typed } from './cells';

export function lowerT4(rows: Row[]): LoweredTable {
  const out: TableRow[] = [];
  for (const row of rows) {
    const valueCells = row.cells.filter((c) => c.text && !isTextCell(c));
    const textCells = row.cells.filter((c) => isTextCell(c));
    // An empty skeleton's data row has no figures yet but the full width and no text.
    const emptySkeleton = textCells.length === 0 && row.cells.length >= T4_COLUMNS.length;
    if ((valueCells.length < 3 && !emptySkeleton) || textCells.some((c) => /行政复议|结果|起诉|总计/.test(c.text))) continue;
    let lastLabel = -1;
    for (let i = 0; i < row.cells.length; i++) {
      if (!row.cells[i].text) continue;
      if (isTextCell(row.cells[i]) && valueCells.length < row.cells.length) lastLabel = i;
      else break;
    }
    const after = row.cells.slice(lastLabel + 1);
    const aligned = alignValues(after, T4_COLUMNS.length);
    out.push({
      id: 'results', label: null, officialLabel: null, labelCost: 0, labelCells: row.cells.slice(0, lastLabel + 1),
      expected: T4_COLUMNS.length, found: aligned.found, shapeOk: aligned.values !== null,
      cells: aligned.values ? typed(aligned.values, T4_COLUMNS) : [], row, isGroup: false,
    });
  }
  return { kind: 't4', version: null, versionEvidence: null, rows: out, missingRows: out.length ? [] : ['数据行'] };
}
