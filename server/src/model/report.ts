/**
 * Model layer: lowers the syntax tree into a report — title, year, agency, the six sections and the
 * tables 二, 三 and 四 — with every row and column tied to its official identity in the template and
 * every figure typed (number, blank or invalid). Lowering never throws and never guesses silently:
 * a row whose figures cannot be placed in columns is marked `shapeOk: false` for the rules to report.
 */
import { Block, Cell, Layout, Line, Row, SyntaxTree, countTrailing, parseSyntax, trimWhere } from '../syntax/parse';
import {
  ColumnDef, FormatVersion, SECTIONS, T2_ITEMS, T2_VERSION_MARKERS, T3_COLUMNS, T3_ROWS, T3_RESULT_GROUP, T3RowDef,
  T4_COLUMNS, TABLE_HINTS, TableKind, VERSIONS, versionForYear,
} from './template';
import { CellValue, labelMatcher, looksLikeValue, normalizeLabel, parseCellValue, remembered } from './text';

export interface TypedCell {
  cell: Cell;
  value: CellValue;
  column: ColumnDef;
  col: number;
}

export interface TableRow {
  /** Template row id ('grant', 'deny-1', …; for table 二 'rules', 'license', …), null when unknown. */
  id: string | null;
  item?: string; // table 二: the 第二十条 item id
  label: Cell | null;
  officialLabel: string | null;
  /** 0 = official wording; >0 = close to it (see matchLabel). */
  labelCost: number;
  labelCells: Cell[];
  expected: number;
  /** Number of figures found after the label. */
  found: number;
  shapeOk: boolean;
  cells: TypedCell[];
  row: Row;
  isGroup: boolean;
}

export interface Table {
  kind: TableKind;
  version: FormatVersion | null;
  /** The cell that shows the version (a version-specific header or label). */
  versionEvidence: Cell | null;
  layout: Layout;
  rows: TableRow[];
  startLine: number;
  endLine: number;
  start: number;
  end: number;
  /** Official rows of this table's version that were not found. */
  missingRows: string[];
  section: number | null;
}

export interface Heading {
  index: number;
  line: Line;
  numeral: string;
  numeralStart: number;
  /** End of numeral plus separator, e.g. after "6、 ". */
  numeralEnd: number;
  title: string;
  titleStart: number;
  titleEnd: number;
  /** True when the title is close to, but not, an accepted wording. */
  wordingTypo: boolean;
}

export interface Section {
  index: number;
  heading: Heading;
  startLine: number;
  endLine: number;
}

export interface Title {
  text: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

export interface Report {
  tree: SyntaxTree;
  title: Title | null;
  year: number | null;
  yearSource: 'title' | 'period' | 'body' | null;
  agency: string | null;
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  formatVersion: FormatVersion | null;
  /** The table layout the document itself uses, for inserted skeletons. */
  layout: Layout;
}

// ------------------------------------------------------------------ headings and title

const SECTION_MATCHERS = SECTIONS.map((s) => {
  const variants = [...s.variants, s.title['2019'], s.title['2021']];
  return { index: s.index, keys: s.keys, variants: new Set(variants.map(normalizeLabel)), match: labelMatcher(variants, (v) => [v]) };
});

const NUMERAL_RE = /^([一二三四五六七八九十]|[0-9０-９]{1,2})\s*(?:[、.．,，:：]\s*|\s+)/;

/** Every accepted section title, normalised, for headings that run straight into their first paragraph. */
const GLUED_TITLES = SECTION_MATCHERS.flatMap((s) => [...s.variants].map((v) => ({ index: s.index, norm: v }))).sort((a, b) => b.norm.length - a.norm.length);
const MAX_TITLE = Math.max(...GLUED_TITLES.map((g) => g.norm.length)) + 8;

/**
 * A numbered heading followed on the same line by its first paragraph (`五、存在的主要问题及改进情况存在的问题…`,
 * `一、总体情况 2023年，…`), as web copies produce: the longest accepted title at the start of the text.
 */
function gluedTitle(titleRaw: string): number {
  const limit = Math.min(titleRaw.length, MAX_TITLE);
  for (let k = limit; k >= 4; k--) {
    const n = normalizeLabel(titleRaw.slice(0, k));
    if (GLUED_TITLES.some((g) => g.norm === n)) return k;
  }
  return 0;
}

export function parseHeading(line: Line): Heading | null {
  const t = line.text;
  if (/\t/.test(t)) return null;
  const lead = /^[\s#*\uFEFF]*/.exec(t)![0].length;
  const rest = t.slice(lead);
  const m = NUMERAL_RE.exec(rest);
  let numeral = '';
  let numeralEnd = lead;
  if (m) {
    numeral = m[1];
    numeralEnd = lead + m[0].length;
  } else if (/^[（(]/.test(rest)) return null;
  let titleRaw = t.slice(numeralEnd);
  let titleTrimmed = trimWhere(titleRaw, /[\s*：:。.]/, 'end');
  if (t.length > 80 || titleTrimmed.length > 32 || /[。；;]/.test(titleTrimmed)) {
    const k = m ? gluedTitle(titleRaw) : 0;
    if (!k) return null;
    titleRaw = titleRaw.slice(0, k);
    titleTrimmed = trimWhere(titleRaw, /[\s*：:。.]/, 'end');
  }
  if (titleTrimmed.length === 0) return null;
  const norm = normalizeLabel(titleTrimmed);
  let best: { index: number; typo: boolean; exact: boolean } | null = null;
  for (const s of SECTION_MATCHERS) {
    const exact = s.variants.has(norm);
    const keyHit = s.keys.some((group) => group.every((k) => norm.includes(k)));
    const d = exact ? null : s.match(titleTrimmed);
    if (!exact && !keyHit && !d) continue;
    if (!m && !exact && !(d && d.cost <= 2)) continue; // without a numeral only a known title is a heading
    const typo = !exact && !!d && d.cost > 0;
    if (!best || (exact && !best.exact)) best = { index: s.index, typo, exact };
  }
  if (!best) return null;
  const titleStart = line.start + numeralEnd;
  return {
    index: best.index,
    line,
    numeral,
    numeralStart: line.start + lead,
    numeralEnd: line.start + numeralEnd,
    title: titleTrimmed,
    titleStart,
    titleEnd: titleStart + titleTrimmed.length,
    wordingTypo: best.typo,
  };
}

const YEAR_RE = /((?:19|20)\d{2})\s*年/;

function findTitle(lines: Line[], stopLine: number): Title | null {
  const candidates: Line[] = [];
  for (const line of lines) {
    if (line.index >= stopLine) break;
    const s = line.text.trim();
    if (!s || s.startsWith('<!--')) continue;
    if (s.length > 60 || /[。；]/.test(s) || /\t/.test(line.text)) break;
    candidates.push(line);
    if (/报告|年报/.test(s)) {
      // A title split over lines: join the short lines before it that carry no sentence.
      const parts = candidates.slice(-3);
      const first = parts[0];
      const text = parts.map((l) => trimWhere(trimWhere(l.text, /[\s*]/, 'end'), /[\s#*\uFEFF]/)).join('');
      const lead = /^[\s#*\uFEFF]*/.exec(first.text)![0].length;
      const trail = countTrailing(line.text, /[\s*]/);
      return { text, start: first.start + lead, end: line.end - trail, startLine: first.index, endLine: line.index };
    }
    if (candidates.length >= 3) break;
  }
  return null;
}

function findYear(title: Title | null, text: string): { year: number | null; source: Report['yearSource'] } {
  const fromTitle = title && YEAR_RE.exec(title.text.normalize('NFKC'));
  if (fromTitle) return { year: Number(fromTitle[1]), source: 'title' };
  const norm = text.normalize('NFKC');
  const period = /统计(?:期限|时限|时间|区间)[^。\n]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(norm);
  if (period) return { year: Number(period[1]), source: 'period' };
  const counts = new Map<number, number>();
  for (const m of norm.matchAll(/((?:19|20)\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && y < best)) best = y;
  return { year: best, source: best === null ? null : 'body' };
}

function findAgency(title: Title | null): string | null {
  if (!title) return null;
  const t = title.text.normalize('NFKC');
  const m = YEAR_RE.exec(t);
  if (m) {
    const before = t.slice(0, m.index).replace(/[\s《》"“”]+/g, '');
    if (before) return before;
    const after = /^(?:度)?(.*?)(?:政府信息公开|政务公开)/.exec(t.slice(m.index + m[0].length));
    if (after && after[1].replace(/\s+/g, '')) return after[1].replace(/\s+/g, '');
    return null;
  }
  const noYear = /^(.*?)(?:政府信息公开|政务公开)/.exec(t);
  return noYear && noYear[1].trim() ? noYear[1].trim() : null;
}

// ------------------------------------------------------------------ value alignment

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

function typed(values: Cell[], columns: readonly ColumnDef[]): TypedCell[] {
  return values.map((cell, col) => ({ cell, value: valueOf(cell), column: columns[col], col }));
}

// ------------------------------------------------------------------ tables

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
function splitRegion(rows: Row[], continues: TableKind | null): { kind: TableKind; rows: Row[] }[] {
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

/**
 * Per-cell derived values, computed once (cells are compared many times while a table is lowered). They
 * live on the cell itself: a side table (WeakMap) lookup cost more than the work it saved.
 */
const NORM = Symbol('norm');
const VALUE = Symbol('value');
const TEXTY = Symbol('texty');
type MemoCell = Cell & { [NORM]?: string; [VALUE]?: CellValue; [TEXTY]?: boolean };

function norm(c: Cell): string {
  return ((c as MemoCell)[NORM] ??= normalizeLabel(c.text));
}

function valueOf(c: Cell): CellValue {
  return ((c as MemoCell)[VALUE] ??= parseCellValue(c.text));
}

function isTextCell(c: Cell): boolean {
  return ((c as MemoCell)[TEXTY] ??= c.text !== '' && !looksLikeValue(c.text, valueOf(c)));
}

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

const matchT3 = labelMatcher(T3_CANDIDATES, (c) => [c.def.label, ...((c.def as T3RowDef).aliases ?? [])]);

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

function lowerT3(rows: Row[], yearVersion: FormatVersion): Omit<Table, 'startLine' | 'endLine' | 'start' | 'end' | 'layout' | 'section'> {
  const out: TableRow[] = [];
  const positional = !padsLabels(rows, T3_COLUMNS.length);
  let otherRow: Cell | null = null;
  let otherHasFigures = false;
  let sawOtherSub: Cell | null = null;
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

function lowerT4(rows: Row[]): Omit<Table, 'startLine' | 'endLine' | 'start' | 'end' | 'layout' | 'section'> {
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

const T2_MARKERS = Object.fromEntries(VERSIONS.map((v) => [v, T2_VERSION_MARKERS[v].map(normalizeLabel)])) as Record<FormatVersion, string[]>;
/** A header or label only one version prints; longer markers also match with a suffix (（单位：万元，保留4位小数）). */
function isVersionMarker(n: string, v: FormatVersion): boolean {
  return T2_MARKERS[v].some((mk) => n === mk || (mk.length >= 5 && n.startsWith(mk)));
}

type T2Candidate = { itemId: string; id: string; label: string };
const T2_CANDIDATES: T2Candidate[] = T2_ITEMS.flatMap((it) => VERSIONS.flatMap((ver) => (it.versions[ver]?.rows ?? []).map((r) => ({ itemId: it.id, id: r.id, label: r.label }))));
const T2_CANDIDATES_BY_ITEM = new Map(T2_ITEMS.map((it) => [it.id, T2_CANDIDATES.filter((c) => c.itemId === it.id)]));
const T2_MATCH_BY_ITEM = new Map([...T2_CANDIDATES_BY_ITEM].map(([id, cs]) => [id, labelMatcher(cs, (c) => [c.label])]));
const matchT2Any = labelMatcher(T2_CANDIDATES, (c) => [c.label]);

const ITEM_RE = /第二十条第\(?([一二三四五六七八九十]+)\)?项/;
const CN_TO_ITEM: Record<string, string> = { 一: '1', 五: '5', 六: '6', 八: '8', 九: '9' };

function lowerT2(rows: Row[], yearVersion: FormatVersion): Omit<Table, 'startLine' | 'endLine' | 'start' | 'end' | 'layout' | 'section'> {
  // Version first: the column headers and labels that only one version prints.
  let version: FormatVersion | null = null;
  let evidence: Cell | null = null;
  const votes: Record<FormatVersion, number> = { '2019': 0, '2021': 0 };
  for (const row of rows) for (const cell of row.cells) {
    const n = norm(cell);
    if (!n) continue;
    for (const v of VERSIONS) {
      if (isVersionMarker(n, v)) {
        votes[v]++;
        if (!evidence || (version === null && votes[v] === 1)) evidence ??= cell;
      }
    }
  }
  if (votes['2019'] > 0 || votes['2021'] > 0) version = votes['2019'] >= votes['2021'] ? '2019' : '2021';
  if (evidence && version) {
    // Point at a marker of the winning version.
    search: for (const row of rows) for (const cell of row.cells) {
      const n = norm(cell);
      if (n && isVersionMarker(n, version)) {
        evidence = cell;
        break search;
      }
    }
  }
  const v = version ?? yearVersion;
  const out: TableRow[] = [];
  const seenRows = new Set<string>();
  let item: (typeof T2_ITEMS)[number] | null = null;
  for (const row of rows) {
    const first = row.cells.find((c) => c.text);
    if (!first) continue;
    const im = ITEM_RE.exec(norm(first));
    if (im) {
      item = T2_ITEMS.find((it) => it.id === CN_TO_ITEM[im[1]]) ?? null;
      continue;
    }
    if (norm(first) === '信息内容') continue;
    const cands = item ? T2_CANDIDATES_BY_ITEM.get(item.id)! : T2_CANDIDATES;
    const labelIdx = row.cells.indexOf(first);
    const m = isTextCell(first) ? (item ? T2_MATCH_BY_ITEM.get(item.id)! : matchT2Any)(first.text) : null;
    const itemDef = T2_ITEMS.find((it) => it.id === (m?.item.itemId ?? item?.id));
    const verDef = itemDef?.versions[v] ?? (itemDef ? Object.values(itemDef.versions)[0] : undefined);
    const columns = verDef?.columns ?? [];
    // The official label of this version (规范性文件 vs 行政规范性文件 is a version difference, not a typo).
    const official = m ? verDef?.rows.find((r) => r.id === m.item.id)?.label ?? m.item.label : null;
    const anyVersionLabel = m ? cands.some((c) => c.id === m.item.id && normalizeLabel(c.label) === norm(first)) : false;
    const cost = !m || anyVersionLabel ? 0 : m.cost;
    const after = row.cells.slice(labelIdx + (isTextCell(first) ? 1 : 0));
    const aligned = columns.length ? alignValues(after, columns.length, false) : { values: null, found: after.filter((c) => c.text).length };
    if (m) seenRows.add(`${m.item.itemId}:${m.item.id}`);
    out.push({
      id: m ? m.item.id : null, item: m?.item.itemId ?? item?.id, label: isTextCell(first) ? first : null,
      officialLabel: official, labelCost: cost,
      labelCells: isTextCell(first) ? [first] : [], expected: columns.length, found: aligned.found,
      shapeOk: aligned.values !== null, cells: aligned.values ? typed(aligned.values, columns) : [], row, isGroup: false,
    });
  }
  const missingRows: string[] = [];
  for (const it of T2_ITEMS) for (const r of it.versions[v]?.rows ?? []) if (!seenRows.has(`${it.id}:${r.id}`)) missingRows.push(`${it.label} ${r.label}`);
  return { kind: 't2', version, versionEvidence: version ? evidence : null, rows: out, missingRows };
}

// ------------------------------------------------------------------ report

/** A line that is a table label on its own (第二十条第（一）项 pasted without its empty cells). */
const LONE_ROW_RE = /^第二十条第\([一二三四五六七八九十]{1,3}\)项$/;

/** Whether a line or cell is such a label; most are sentences or figures, which never name 第二十条. */
function isLoneLabel(text: string): boolean {
  return text.includes('项') && text.includes('第') && LONE_ROW_RE.test(normalizeLabel(text));
}

/** Joins regions that a lone table label line split apart, so one table stays one table. */
function mergeLoneRows(tree: SyntaxTree): Block[] {
  const out: Block[] = [];
  for (const block of tree.blocks) {
    const lone = block.type === 'text' && isLoneLabel(block.line.text);
    if (!lone) {
      const prev = out[out.length - 1];
      if (block.type === 'region' && prev?.type === 'region' && prev.rows.some((r) => r.cells.length === 1 && isLoneLabel(r.cells[0]?.text ?? ''))) {
        out[out.length - 1] = { ...prev, rows: [...prev.rows, ...block.rows], endLine: block.endLine };
      } else out.push(block);
      continue;
    }
    const line = (block as Extract<Block, { type: 'text' }>).line;
    const lead = /^[\s\uFEFF]*/.exec(line.text)![0].length;
    const trail = countTrailing(line.text, /\s/);
    const row: Row = { cells: [{ text: line.text.trim(), start: line.start + lead, end: line.end - trail, line: line.index }], line: line.index, endLine: line.index, layout: 'tab' };
    const prev = out[out.length - 1];
    if (prev?.type === 'region') out[out.length - 1] = { ...prev, rows: [...prev.rows, row], endLine: line.index };
    else out.push({ type: 'region', rows: [row], startLine: line.index, endLine: line.index, layout: 'tab' });
  }
  return out.map((b) => {
    if (b.type !== 'region' || b.layout !== 'tab') return b;
    // A region that started with a lone label takes the layout of the rows that follow it.
    const real = b.rows.find((r) => r.cells.length > 1);
    return real ? { ...b, layout: real.layout } : b;
  });
}

export function lowerReport(tree: SyntaxTree): Report {
  const { lines } = tree;
  const headings: Heading[] = [];
  const regions: Extract<Block, { type: 'region' }>[] = [];
  for (const block of mergeLoneRows(tree)) {
    if (block.type === 'text') {
      const h = parseHeading(block.line);
      if (h) headings.push(h);
    } else {
      // A lone cell that is a section heading (a heading indented with a tab) splits the region.
      let rows: Row[] = [];
      const flush = (endLine: number) => {
        if (rows.length) regions.push({ type: 'region', rows, startLine: rows[0].line, endLine, layout: block.layout });
        rows = [];
      };
      for (const row of block.rows) {
        const h = row.cells.length <= 2 && row.cells.filter((c) => c.text).length === 1 ? parseHeading({ ...lines[row.line], text: lines[row.line].text }) : null;
        if (h && h.numeral) {
          flush(row.line - 1);
          headings.push(h);
        } else rows.push(row);
      }
      flush(block.endLine);
    }
  }
  headings.sort((a, b) => a.line.index - b.line.index);

  const firstContent = Math.min(headings[0]?.line.index ?? lines.length, regions[0]?.startLine ?? lines.length);
  const title = findTitle(lines, firstContent);
  const { year, source } = findYear(title, tree.text);
  const yearVersion = versionForYear(year);

  const sections: Section[] = [];
  const seen = new Set<number>();
  headings.forEach((h, i) => {
    const endLine = (headings[i + 1]?.line.index ?? lines.length) - 1;
    if (!seen.has(h.index)) {
      seen.add(h.index);
      sections.push({ index: h.index, heading: h, startLine: h.line.index, endLine });
    }
  });

  // Runs of rows per table. Pieces of one table within one section (a table split by a page break,
  // or emitted as one small table per row group with placeholder headers) are joined into one table.
  const sectionAt = (line: number) => [...headings].reverse().find((h) => h.line.index <= line)?.index ?? null;
  const runs: { kind: TableKind; rows: Row[]; layout: Layout; section: number | null }[] = [];
  for (const region of regions) {
    const section = sectionAt(region.startLine);
    const prev = runs[runs.length - 1];
    const continues = prev && prev.section === section ? prev.kind : section !== null ? SECTIONS[section - 1].table ?? null : null;
    for (const run of splitRegion(region.rows, continues)) {
      const last = runs[runs.length - 1];
      if (last && last.kind === run.kind && last.section === section) last.rows.push(...run.rows);
      else runs.push({ kind: run.kind, rows: run.rows, layout: region.layout, section });
    }
  }
  const tables: Table[] = [];
  for (const run of runs) {
    const lowered = run.kind === 't2' ? lowerT2(run.rows, yearVersion) : run.kind === 't3' ? lowerT3(run.rows, yearVersion) : lowerT4(run.rows);
    const startLine = run.rows[0].line;
    const endLine = run.rows[run.rows.length - 1].endLine;
    tables.push({
      ...lowered, layout: run.layout, startLine, endLine, start: lines[startLine].start, end: lines[endLine].end, section: run.section,
    });
  }
  const versioned = tables.find((t) => t.kind === 't2' && t.version) ?? tables.find((t) => t.version);
  const layout = tables[0]?.layout ?? 'tab';
  return {
    tree, title, year, yearSource: source, agency: findAgency(title), headings, sections, tables,
    formatVersion: versioned?.version ?? null, layout,
  };
}

export function parseReport(text: string): Report {
  return lowerReport(parseSyntax(text));
}

