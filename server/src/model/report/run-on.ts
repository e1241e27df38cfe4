/**
 * Run-on text: pages saved by crawlers and some sites' full-text views put the whole body on one physical
 * line, headings in mid-line (`…联系。一、总体情况2024年，…`) and table cells run together without
 * separators (`…申请数量230000023二、…`). Such a line is cut into pieces — one per heading, paragraph run
 * and table row — that the rest of the model reads as lines. Each piece keeps its offsets in the text
 * and the physical line it came from (positions stay those of the document). A row's figures are
 * re-separated with the table's identities where exactly one split satisfies them; otherwise the row is
 * kept whole and marked (`runTogether`), for the table to say so once.
 */
import type { Block, Cell, Line, Row, SyntaxTree } from '../../syntax/parse';
import { FormatVersion, T2_ITEMS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../template';
import { parseHeading, titleAt } from './headings';

const MIN_LENGTH = 400;
const NUMERALS = '一二三四五六';
const DIGIT = /[0-9０-９]/;
const FIGURE_CHAR = /[0-9０-９\s\u00a0\u3000]/;
/** Splits tried per row before it counts as not splittable one way. */
const BUDGET = 200_000;

/** Rows whose figures ran together and could not be split one way. */
export const runTogether = new WeakSet<Row>();

interface Hit { at: number; titleEnd: number; index: number }

/** Section headings in mid-line: a numeral 一…六 with 、 and an accepted title of that section. */
function headingHits(text: string, line: Line): Hit[] {
  const hits: Hit[] = [];
  for (let i = line.start; i < line.end - 2; i++) {
    const n = NUMERALS.indexOf(text[i]);
    if (n < 0 || text[i + 1] !== '、') continue;
    const t = titleAt(text.slice(i + 2, Math.min(line.end, i + 2 + 48)));
    if (t && t.index === n + 1) hits.push({ at: i, titleEnd: i + 2 + t.length, index: t.index });
  }
  return hits;
}

interface Piece { start: number; end: number; cells?: Cell[]; runTogether?: boolean }

const cell = (text: string, start: number, end: number): Cell => {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { text: text.slice(start, end), start, end, line: -1 };
};

type Part = { start: number; end: number; value: number };
/** At most this many splits of one row are kept for the table's column identities to choose from. */
const MAX_SPLITS = 24;

/**
 * The splits of the digit runs `tokens` into `n` figures (no leading zeros) that `check` accepts, or null
 * when there are more than MAX_SPLITS or the search ran out of budget.
 */
function splits(tokens: { text: string; start: number }[], n: number, check: (v: number[]) => boolean): Part[][] | null {
  const digits = tokens.reduce((k, t) => k + t.text.length, 0);
  if (digits < n || digits > n * 6) return [];
  const found: Part[][] = [];
  let steps = 0;
  const parts: Part[] = [];
  const walk = (ti: number, from: number): boolean => {
    if (++steps > BUDGET) return false;
    if (ti === tokens.length) {
      if (parts.length === n && check(parts.map((p) => p.value))) found.push([...parts]);
      return found.length <= MAX_SPLITS;
    }
    const t = tokens[ti];
    if (parts.length >= n) return true;
    for (let k = from + 1; k <= t.text.length; k++) {
      const s = t.text.slice(from, k);
      if (s.length > 1 && (s[0] === '0' || s[0] === '０')) break;
      parts.push({ start: t.start + from, end: t.start + k, value: Number(s.normalize('NFKC')) });
      const ok = k === t.text.length ? walk(ti + 1, 0) : walk(ti, k);
      parts.pop();
      if (!ok) return false;
    }
    return true;
  };
  if (!walk(0, 0)) return null;
  // No split adds up: the one split there is at all (the runs are the figures) still places them, for the
  // identities to report the wrong one.
  if (found.length === 0 && check !== ANY) {
    const all = splits(tokens, n, ANY);
    if (all?.length === 1) return all;
  }
  return found;
}
const ANY = () => true;

/** The digit runs of [start, end). */
function digitTokens(text: string, start: number, end: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (let i = start; i < end;) {
    if (!DIGIT.test(text[i])) { i++; continue; }
    let j = i;
    while (j < end && DIGIT.test(text[j])) j++;
    out.push({ text: text.slice(i, j), start: i });
    i = j;
  }
  return out;
}

interface Spec { id: string; labels: string[]; n: number; check: (v: number[]) => boolean }

const PREFIX = /(?:\d[.、．]|[（(][一二三四五六七][）)]|[一二三四]、)\s?$/;
const bodyOf = (label: string) => label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])/, '');

const T3_CHECK = (v: number[]) => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];
const T3_SPECS: Spec[] = (() => {
  const seen = new Set<string>();
  const out: Spec[] = [];
  for (const def of [...T3_ROWS['2021'], ...T3_ROWS['2019']]) {
    if (seen.has(def.id) || (def.role === 'group' && def.id !== 'other')) continue;
    seen.add(def.id);
    const body = bodyOf(def.label);
    const open = body.endsWith('）') ? body.lastIndexOf('（') : -1;
    const core = open > 0 ? body.slice(0, open) : body;
    out.push({ id: def.id, labels: [def.label, ...(def.aliases ?? []), body, ...(core !== body ? [core] : [])], n: T3_COLUMNS.length, check: T3_CHECK });
  }
  // Template order of both versions: （六） before its sub-rows.
  const order = T3_ROWS['2021'].map((d) => bodyOf(d.label));
  return out.sort((a, b) => order.indexOf(bodyOf(a.labels[0])) - order.indexOf(bodyOf(b.labels[0])));
})();

function t2Specs(version: FormatVersion): Spec[] {
  return T2_ITEMS.flatMap((it) => {
    const v = it.versions[version];
    return v ? v.rows.map((r) => ({ id: r.id, labels: [r.label], n: v.columns.length, check: () => true })) : [];
  });
}

const T4_CHECK = (v: number[]) => T4_GROUPS.every((_, g) => v.slice(g * 5, g * 5 + 4).reduce((a, b) => a + b, 0) === v[g * 5 + 4]);

/** The end of a label at `p`: a parenthesised note after its core words (`部分公开(区分处理的，…)`) belongs to it. */
function labelEnd(text: string, p: number, label: string): number {
  let le = p + label.length;
  if (/[（(]/.test(text[le] ?? '')) {
    const close = text.slice(le, le + 40).search(/[）)]/);
    if (close > 0 && !/\d/.test(text.slice(le, le + close))) le += close + 1;
  }
  return le;
}

/** A figure followed by a unit is prose (`本年新收政府信息公开申请134件`), not a table cell. */
const UNIT = /[件条个份人次项%％万元]/;

/**
 * Where `label` stands in [from, to) as a table label: the first occurrence followed by figures that are
 * not prose, else the first occurrence.
 */
function occurrence(text: string, label: string, from: number, to: number): { p: number; le: number } | null {
  let first: { p: number; le: number } | null = null;
  for (let p = text.indexOf(label, from); p >= 0 && p < to; p = text.indexOf(label, p + 1)) {
    const le = labelEnd(text, p, label);
    first ??= { p, le };
    let i = le;
    while (i < to && /\s/.test(text[i])) i++;
    if (!DIGIT.test(text[i] ?? '')) continue;
    while (i < to && FIGURE_CHAR.test(text[i])) i++;
    if (!UNIT.test(text[i] ?? '')) return { p, le };
  }
  return first;
}

/** The rows of a table run together in [a, b): labels found in template order, each with its figures. */
function tableRows(text: string, a: number, b: number, specs: Spec[], headerRows: boolean): Piece[] {
  const found: { ls: number; le: number; spec: Spec }[] = [];
  let cursor = a;
  for (const spec of specs) {
    let best: { ls: number; le: number } | null = null;
    for (const label of spec.labels) {
      const at = occurrence(text, label, cursor, b);
      if (!at) continue;
      const prefix = PREFIX.exec(text.slice(Math.max(a, at.p - 4), at.p));
      const ls = label === bodyOf(label) ? at.p - (prefix?.[0].length ?? 0) : at.p;
      if (!best || ls < best.ls) best = { ls, le: at.le };
    }
    if (!best) continue;
    found.push({ ...best, spec });
    cursor = best.le;
  }
  const pieces: Piece[] = [];
  const pending: { piece: Piece; id: string; run: Cell; splits: Part[][] | null }[] = [];
  let pos = a;
  for (let j = 0; j < found.length; j++) {
    const { ls, le, spec } = found[j];
    const limit = found[j + 1]?.ls ?? b;
    let runEnd = le;
    while (runEnd < limit && FIGURE_CHAR.test(text[runEnd])) runEnd++;
    const tokens = digitTokens(text, le, runEnd);
    if (!tokens.length) continue; // a group label: it leads the next row
    const gap = cell(text, pos, ls);
    const lead: Cell[] = [];
    if (gap.text) {
      if (headerRows || pieces.length === 0) {
        // Prose before the table (up to its last full stop) stays text; the rest is the table's header.
        const stop = text.lastIndexOf('。', ls - 1);
        const from = stop >= pos ? stop + 1 : pos;
        if (from > pos) pieces.push({ start: pos, end: from });
        const header = cell(text, from, ls);
        if (header.text) pieces.push({ start: from, end: ls, cells: [header] });
      }
      else lead.push(gap);
    }
    const piece: Piece = { start: lead.length ? pos : ls, end: runEnd, cells: [...lead, cell(text, ls, le)] };
    pieces.push(piece);
    pending.push({ piece, id: spec.id, run: cell(text, le, runEnd), splits: splits(tokens, spec.n, spec.check) });
    pos = runEnd;
  }
  if (specs === T3_SPECS) resolveByColumns(pending);
  for (const p of pending) {
    const one = p.splits?.length === 1 ? p.splits[0] : null;
    p.piece.cells!.push(...(one ? one.map((x) => cell(text, x.start, x.end)) : [p.run]));
    p.piece.runTogether = !one;
  }
  if (pos < b) pieces.push({ start: pos, end: b });
  return pieces;
}

const NOT_RESULTS = new Set(['new', 'carried', 'total', 'carryover']);
/** Combinations of the ambiguous rows' splits tried against table 三's column identities. */
const MAX_COMBINATIONS = 4096;

/**
 * Rows of table 三 with several splits: the one combination of them under which every column adds up
 * (一 + 二 = （七）总计 + 四, and （七）总计 = the sum of the result rows) is the split.
 */
function resolveByColumns(rows: { id: string; splits: Part[][] | null }[]): void {
  const open = rows.filter((r) => r.splits && r.splits.length > 1);
  if (!open.length || rows.some((r) => !r.splits || r.splits.length === 0)) return;
  const ids = new Set(rows.map((r) => r.id));
  if (!['new', 'carried', 'total', 'carryover'].every((id) => ids.has(id))) return;
  if (open.reduce((k, r) => k * r.splits!.length, 1) > MAX_COMBINATIONS) return;
  const choice = rows.map((r) => (r.splits!.length === 1 ? r.splits![0] : null));
  const holds = () => {
    const v = (id: string, c: number) => choice[rows.findIndex((r) => r.id === id)]![c].value;
    for (let c = 0; c < T3_COLUMNS.length; c++) {
      let results = 0;
      rows.forEach((r, i) => { if (!NOT_RESULTS.has(r.id)) results += choice[i]![c].value; });
      if (results !== v('total', c) || v('new', c) + v('carried', c) !== v('total', c) + v('carryover', c)) return false;
    }
    return true;
  };
  const good: Part[][][] = [];
  const walk = (k: number): void => {
    if (good.length > 1) return;
    if (k === open.length) {
      if (holds()) good.push(open.map((r) => choice[rows.indexOf(r)]!));
      return;
    }
    const i = rows.indexOf(open[k]);
    for (const split of open[k].splits!) {
      choice[i] = split;
      walk(k + 1);
    }
  };
  walk(0);
  if (good.length === 1) open.forEach((r, k) => { r.splits = [good[0][k]]; });
}

/** Table 四 run together: its header, then one run of fifteen figures. */
function t4Rows(text: string, a: number, b: number): Piece[] {
  let i = a;
  while (i < b && !DIGIT.test(text[i])) i++;
  if (i >= b) return [{ start: a, end: b }];
  let end = i;
  while (end < b && FIGURE_CHAR.test(text[end])) end++;
  const pieces: Piece[] = [];
  const header = cell(text, a, i);
  if (header.text) pieces.push({ start: a, end: i, cells: [header] });
  const found = splits(digitTokens(text, i, end), T4_COLUMNS.length, T4_CHECK);
  const one = found?.length === 1 ? found[0] : null;
  pieces.push({ start: i, end, cells: one ? one.map((p) => cell(text, p.start, p.end)) : [cell(text, i, end)], runTogether: !one });
  if (end < b) pieces.push({ start: end, end: b });
  return pieces;
}

/**
 * The pieces of one line, or null when it is not cut. A run-on line (long, with headings of three
 * sections) is cut at every heading and its tables are re-separated. Any other line is cut only at a
 * heading of a section found nowhere else that follows the end of a sentence (`…联系。一、总体情况2021年，…`),
 * and its text stays text.
 */
function cutLine(text: string, line: Line, found: Set<number>): Piece[] | null {
  let hits = headingHits(text, line);
  if (!hits.length) return null;
  const runOn = line.text.length >= MIN_LENGTH && new Set(hits.map((h) => h.index)).size >= 3 && found.size < 3;
  if (!runOn) hits = hits.filter((h) => !found.has(h.index) && h.at > line.start && /[。！？；]/.test(text[h.at - 1]));
  if (!hits.length) return null;
  const version: FormatVersion = /本年制发件数|行政规范性文件|本年处理决定数量/.test(line.text) ? '2021' : '2019';
  const pieces: Piece[] = [{ start: line.start, end: hits[0].at }];
  hits.forEach((h, k) => {
    const next = hits[k + 1]?.at ?? line.end;
    pieces.push({ start: h.at, end: h.titleEnd });
    if (runOn && h.index === 2) pieces.push(...tableRows(text, h.titleEnd, next, t2Specs(version), true));
    else if (runOn && h.index === 3) pieces.push(...tableRows(text, h.titleEnd, next, T3_SPECS, false));
    else if (runOn && h.index === 4) pieces.push(...t4Rows(text, h.titleEnd, next));
    else pieces.push({ start: h.titleEnd, end: next });
  });
  return pieces.filter((p) => p.end > p.start);
}

/** The tree with each run-on line cut into pieces; the tree itself when it has none. */
export function cutRunOn(tree: SyntaxTree): SyntaxTree {
  const { text } = tree;
  // Sections whose heading stands at the start of a line of its own (a preamble that lists 一、总体情况 …
  // 六、… in a report whose headings stand on lines of their own is not run-on text).
  const found = new Set<number>();
  for (const block of tree.blocks) {
    if (block.type !== 'text' || block.line.text.length >= MIN_LENGTH) continue;
    const h = parseHeading(block.line);
    if (h?.numeral) found.add(h.index);
  }
  const cut = new Map<number, Piece[]>();
  for (const block of tree.blocks) {
    if (block.type !== 'text') continue;
    const pieces = cutLine(text, block.line, found);
    if (pieces) cut.set(block.line.index, pieces);
  }
  if (!cut.size) return tree;
  const lines: Line[] = [];
  const map: number[] = [];
  const pieceBlocks = new Map<number, Block[]>();
  for (const line of tree.lines) {
    const pieces = cut.get(line.index);
    if (!pieces) {
      map[line.index] = lines.length;
      lines.push({ ...line, index: lines.length, physical: { line: line.index, start: line.start } });
      continue;
    }
    const blocks: Block[] = [];
    for (const p of pieces) {
      const v: Line = { index: lines.length, start: p.start, end: p.end, text: text.slice(p.start, p.end), physical: { line: line.index, start: line.start } };
      lines.push(v);
      if (!p.cells) {
        if (v.text.trim()) blocks.push({ type: 'text', line: v });
        continue;
      }
      const row: Row = { cells: p.cells.map((c) => ({ ...c, line: v.index })), line: v.index, endLine: v.index, layout: 'tab' };
      if (p.runTogether) runTogether.add(row);
      const last = blocks[blocks.length - 1];
      if (last?.type === 'region') {
        last.rows.push(row);
        last.endLine = v.index;
      } else blocks.push({ type: 'region', rows: [row], startLine: v.index, endLine: v.index, layout: 'tab' });
    }
    pieceBlocks.set(line.index, blocks);
  }
  const blocks: Block[] = [];
  for (const block of tree.blocks) {
    if (block.type === 'text') {
      const own = pieceBlocks.get(block.line.index);
      if (own) blocks.push(...own);
      else blocks.push({ type: 'text', line: lines[map[block.line.index]] });
      continue;
    }
    const rows = block.rows.map((r) => ({ ...r, line: map[r.line], endLine: map[r.endLine], cells: r.cells.map((c) => ({ ...c, line: map[c.line] })) }));
    blocks.push({ ...block, rows, startLine: map[block.startLine], endLine: map[block.endLine] });
  }
  return { text, lines, blocks };
}
