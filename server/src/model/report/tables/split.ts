/**
 * Splitting the document's table regions into tables: which rows belong to table 二, 三 or 四, and the
 * lone 第二十条 label lines that converters leave between the rows of one table.
 */
import { Block, Row, SyntaxTree, countTrailing } from '../../../syntax/parse';
import { TABLE_HINTS, TableKind } from '../../template';
import { normalizeLabel, remembered } from '../../text';
import { norm } from './cells';

const FIGURE = /^[0-9.,]*$/;
const HINT_KINDS: TableKind[] = ['t2', 't3', 't4'];

/** How strongly one cell points at each table (the summed length of the hint words it contains). */
const hintScores = remembered(4096, (n: string): number[] => HINT_KINDS.map((kind) => {
  let score = 0;
  for (const w of TABLE_HINTS[kind]) if (n.includes(w)) score += w.length;
  return score;
}));

function tableHint(norms: string[]): TableKind | null {
  const totals = [0, 0, 0];
  for (const n of norms) {
    if (FIGURE.test(n)) continue;
    const s = hintScores(n);
    for (let k = 0; k < 3; k++) totals[k] += s[k];
  }
  let best: TableKind | null = null;
  let bestScore = 0;
  for (let k = 0; k < 3; k++) {
    if (totals[k] > bestScore) {
      best = HINT_KINDS[k];
      bestScore = totals[k];
    }
  }
  return best;
}

/**
 * Splits a region into runs of rows that belong to one table each. `continues` is the table the
 * region may continue (the previous table of the same section, or the section's own table): rows of
 * a table broken into pieces by a page break or by a converter carry no header, and still belong to it.
 */
export function splitRegion(rows: Row[], continues: TableKind | null): { kind: TableKind; rows: Row[] }[] {
  const runs: { kind: TableKind; rows: Row[]; hinted: boolean }[] = [];
  let current: (typeof runs)[number] | null = null;
  if (continues) {
    current = { kind: continues, rows: [], hinted: true };
    runs.push(current);
  }
  for (const row of rows) {
    const norms = row.cells.map(norm);
    const hint = tableHint(norms);
    // 总计 and 其他 appear in tables 三 and 四 alike; they never start a new table.
    const starts = hint && (!current || (current.rows.length === 0 && hint !== current.kind) || (hint !== current.kind && startsTable(norms.join('|'), hint, current.kind)));
    if (starts) {
      current = { kind: hint!, rows: [row], hinted: true };
      runs.push(current);
    } else if (current) {
      current.rows.push(row);
      current.hinted ||= hint !== null;
    } else if (row.cells.some((c) => c.text)) {
      current = { kind: 't4', rows: [row], hinted: hint !== null };
      runs.push(current);
    }
  }
  return runs.filter((r) => r.hinted && r.rows.length > 0);
}

function startsTable(text: string, hint: TableKind, current: TableKind): boolean {
  if (hint === 't2') return /第二十条第/.test(text);
  if (hint === 't3') return /勾稽|申请人情况|本年新收/.test(text) && current !== 't3';
  return /行政复议/.test(text) && /行政诉讼|结果维持/.test(text);
}

/** A line that is a table label on its own (第二十条第（一）项 pasted without its empty cells). */
const LONE_ROW_RE = /^第二十条第\([一二三四五六七八九十]{1,3}\)项$/;

/** Whether a line or cell is such a label; most are sentences or figures, which never name 第二十条. */
function isLoneLabel(text: string): boolean {
  return text.includes('项') && text.includes('第') && LONE_ROW_RE.test(normalizeLabel(text));
}

/** Joins regions that a lone table label line split apart, so one table stays one table. */
export function mergeLoneRows(tree: SyntaxTree): Block[] {
  type Region = Extract<Block, { type: 'region' }>;
  const out: Block[] = [];
  // Regions made here (rows may be appended to them in place: the tree's own blocks are never changed),
  // and the regions that hold a lone label row: each row is looked at once, however long the chain.
  const owned = new Set<Block>();
  const withLone = new Set<Block>();
  const isLoneRow = (r: Row) => r.cells.length === 1 && isLoneLabel(r.cells[0]?.text ?? '');
  const append = (prev: Region, rows: Row[], endLine: number, lone: boolean) => {
    let r = prev;
    if (!owned.has(prev)) {
      r = { ...prev, rows: [...prev.rows] };
      owned.add(r);
      if (withLone.has(prev)) withLone.add(r);
      out[out.length - 1] = r;
    }
    for (const row of rows) r.rows.push(row);
    r.endLine = endLine;
    if (lone) withLone.add(r);
  };
  for (const block of tree.blocks) {
    const lone = block.type === 'text' && isLoneLabel(block.line.text);
    if (!lone) {
      const prev = out[out.length - 1];
      if (block.type === 'region' && prev?.type === 'region' && withLone.has(prev)) {
        append(prev, block.rows, block.endLine, block.rows.some(isLoneRow));
      } else {
        out.push(block);
        if (block.type === 'region' && block.rows.some(isLoneRow)) withLone.add(block);
      }
      continue;
    }
    const line = (block as Extract<Block, { type: 'text' }>).line;
    const lead = /^[\s\uFEFF]*/.exec(line.text)![0].length;
    const trail = countTrailing(line.text, /\s/);
    const row: Row = { cells: [{ text: line.text.trim(), start: line.start + lead, end: line.end - trail, line: line.index }], line: line.index, endLine: line.index, layout: 'tab' };
    const prev = out[out.length - 1];
    if (prev?.type === 'region') append(prev, [row], line.index, true);
    else {
      const region: Region = { type: 'region', rows: [row], startLine: line.index, endLine: line.index, layout: 'tab' };
      out.push(region);
      owned.add(region);
      withLone.add(region);
    }
  }
  return out.map((b) => {
    if (b.type !== 'region' || b.layout !== 'tab') return b;
    // A region that started with a lone label takes the layout of the rows that follow it.
    const real = b.rows.find((r) => r.cells.length > 1);
    return real ? { ...b, layout: real.layout } : b;
  });
}

/** A page number or 续表 a PDF extraction leaves between the rows of a table split across pages. */
const PAGE_FURNITURE = /^(?:[-—–－] ?\d{1,3} ?[-—–－]|第 ?\d{1,3} ?页(?:[,，]? ?共 ?\d{1,3} ?页)?|\d{1,3} ?\/ ?\d{1,3}|[（(]?续表[）)]?)$/;

/** Whether a row holds nothing but page furniture (a page number, 续表). */
export function isPageFurniture(row: Row): boolean {
  let any = false;
  for (const c of row.cells) {
    if (!c.text) continue;
    if (c.text.length > 16 || !PAGE_FURNITURE.test(c.text)) return false;
    any = true;
  }
  return any;
}
