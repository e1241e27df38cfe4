/**
 * Per-cell derived values, computed once (cells are compared many times while a table is lowered), and
 * typing a row's figures against its columns.
 */
import type { Cell } from '../../../syntax/parse';
import type { ColumnDef } from '../../template';
import { CellValue, looksLikeValue, normalizeLabel, parseCellValue } from '../../text';
import type { TypedCell } from '../types';

// They live on the cell itself: a side table (WeakMap) lookup cost more than the work it saved.
const NORM = Symbol('norm');
const VALUE = Symbol('value');
const TEXTY = Symbol('texty');
type MemoCell = Cell & { [NORM]?: string; [VALUE]?: CellValue; [TEXTY]?: boolean };

export function norm(c: Cell): string {
  return ((c as MemoCell)[NORM] ??= normalizeLabel(c.text));
}

export function valueOf(c: Cell): CellValue {
  return ((c as MemoCell)[VALUE] ??= parseCellValue(c.text));
}

export function isTextCell(c: Cell): boolean {
  return ((c as MemoCell)[TEXTY] ??= c.text !== '' && !looksLikeValue(c.text, valueOf(c)));
}

export function typed(values: Cell[], columns: readonly ColumnDef[]): TypedCell[] {
  return values.map((cell, col) => ({ cell, value: valueOf(cell), column: columns[col], col }));
}
