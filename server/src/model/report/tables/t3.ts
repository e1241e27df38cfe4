/** Lowering table 三 (applications received and how they were handled): rows by label, the 2019/2021 version. */
import type { Cell, Row } from '../../../syntax/parse';
import { FormatVersion, T3_COLUMNS, T3_ROWS, T3_RESULT_GROUP, T3RowDef, VERSIONS } from '../../template';
import { labelMatcher } from '../../text';
import type { LoweredTable, TableRow } from '../types';
import { alignValues } from './align';
import { isTextCell, norm, typed, valueOf } from './cells';

/** Placeholder headers that converters write over table pieces: | 类别 | 数据1 | … | 数据6 | 总计 |. */
const PLACEHOLDER_HEADER = /^(?:类别|项目|数据\d{1,2}|列\d{1,2}|column\d{1,2})$/i;

const T3_HEADER_WORDS = ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '勾稽关系'];

type T3Candidate = { def: T3RowDef | { id: 'results'; label: string; role: 'group' } };
/** Every row of both versions once (（六）其他处理 is a row in 2019 and a group in 2021), plus 三、本年度办理结果. */
const T3_CANDIDATES: T3Candidate[] = (() => {
  const out: T3Candidate[] = [{ def: { id: 'results', label: T3_RESULT_GROUP, role: 'group' } }];
  const seen = new Set<string>();
  for (const v of VERSIONS) {
    for (const def of T3_ROWS[v]) {
      const key = `${def.id}:${def.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ def });
    }
  }
  return out;
})();

export const matchT3 = labelMatcher(T3_CANDIDATES, (c) => [c.def.label, ...((c.def as T3RowDef).aliases ?? [])]);

/**
 * A table whose rows put an empty cell between the label and a full row of figures (Word's merged label
 * columns pasted as tabs): there an empty cell right after a label is padding, not a blank figure.
 */
function padsLabels(rows: Row[], expected: number): boolean {
  return rows.some(({ cells }) => {
    let i = 0;
    while (i < cells.length && (cells[i].text === '' || isTextCell(cells[i]))) i++;
    if (i >= cells.length || i < 1 || cells[i - 1].text !== '' || i + expected > cells.length) return false;
    let label = false;
    for (let k = 0; k < i && !label; k++) label = isTextCell(cells[k]);
    if (!label) return false;
    for (let k = i; k < i + expected; k++) if (cells[k].text === '' || isTextCell(cells[k])) return false;
    return true;
  });
}

export function lowerT3(rows: Row[], yearVersion: FormatVersion): LoweredTable {
  const out: TableRow[] = [];
  const positional = !padsLabels(rows, T3_COLUMNS.length);
  let otherRow: Cell | null = null;
  let otherHasFigures = false;
  let sawOtherSub: Cell | null = null;
  let sawKnown = false;
  for (const row of rows) {
    const texts = row.cells.map(norm);
    if (texts.some((t) => T3_HEADER_WORDS.some((w) => t.includes(w)) || PLACEHOLDER_HEADER.test(t))) continue;
    if (texts.every((t) => t === '')) continue;
    // Label cells: the text cells before the figures. The last one that names a row is the row's identity.
    let leaf: { cand: T3Candidate; cell: Cell; cost: number } | null = null;
    let lastLabel = -1;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i];
      if (!cell.text) continue;
      if (!isTextCell(cell)) break;
      const m = matchT3(cell.text);
      if (m) {
        leaf = { cand: m.item, cell, cost: m.cost };
        lastLabel = i;
      } else if (leaf) break; // text after a known label is a mistyped figure
      else lastLabel = i;
    }
    const labelCells = row.cells.slice(0, lastLabel + 1).filter((c) => c.text);
    const after = row.cells.slice(lastLabel + 1);
    const hasFigures = after.some((c) => c.text);
    const def = leaf?.cand.def;
    // Before the first known row, a row without a figure or a known label is header: the placeholder
    // sub-tables converters write over table 三 (`| (数据项目) | 数量 |` over `| - | - |`).
    if (!def && !sawKnown && !row.cells.some((c) => valueOf(c).kind === 'number')) continue;
    sawKnown ||= !!def;
    const isGroup = !!def && def.role === 'group' && def.id !== 'other';
    if (isGroup && !hasFigures) continue;
    if (def?.id === 'other') {
      otherRow = leaf!.cell;
      otherHasFigures ||= hasFigures;
    }
    if (def && /^other-/.test(def.id)) sawOtherSub ??= leaf!.cell;
    const aligned = alignValues(after, T3_COLUMNS.length, positional);
    out.push({
      id: def && !isGroup ? def.id : null,
      label: leaf?.cell ?? labelCells[labelCells.length - 1] ?? null,
      officialLabel: def ? def.label : null,
      labelCost: leaf?.cost ?? 0,
      labelCells,
      expected: T3_COLUMNS.length,
      found: aligned.found,
      shapeOk: aligned.values !== null,
      cells: aligned.values ? typed(aligned.values, T3_COLUMNS) : [],
      row,
      isGroup,
    });
  }
  // 2021 splits （六）其他处理 into three rows; 2019 has it as one row of figures.
  const version: FormatVersion | null = sawOtherSub ? (otherHasFigures ? null : '2021') : otherRow ? '2019' : null;
  const evidence = version === '2021' ? sawOtherSub : version === '2019' ? otherRow : null;
  const v = version ?? yearVersion;
  for (const r of out) {
    if (r.id === 'other' && v === '2021' && !r.row.cells.slice(r.row.cells.indexOf(r.label!) + 1).some((c) => c.text)) {
      r.isGroup = true;
      r.cells = [];
      r.shapeOk = true;
    }
  }
  const present = new Set(out.map((r) => r.id));
  const missingRows = T3_ROWS[v].filter((d) => d.role !== 'group' && !present.has(d.id)).map((d) => d.label);
  return { kind: 't3', version, versionEvidence: evidence, rows: out, missingRows };
}
