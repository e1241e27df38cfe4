/**
 * The claims of the prose (claims.ts) set against the tables: for each claim, the table cells or sums
 * it may mean (its readings), and whether it agrees with one of them. A claim disagrees only when
 * every reading is known and none equals it; a printed total and the total recomputed from its
 * details both count as the table's word. Rules and hover read the verdicts from here.
 */
import { Locale, Msg, msg, text } from '../../base/msg';
import { AllClaim, CountClaim, FeeClaim, NoneClaim, Part, PercentClaim, Quantity, SettledClaim, Topic, readClaims } from '../../model/claims';
import type { Report, Table, TableRow, TypedCell } from '../../model/report';
import { T2_ITEMS, T3_ROWS, T3_TOTAL_COL, T4_GROUPS, T4_PARTS } from '../../model/template';
import { countValue, t4Groups } from '../../model/totals';
import { Memo } from '../../base/memo';

/** One table figure: a cell, or a group of rows summed. */
export interface Term {
  label: Msg;
  /** As printed (a blank total falls back to its details). */
  value: number;
  /** Recomputed from the detail cells. */
  alt: number;
  cell: TypedCell | null;
  /** A group's rows (（三）不予公开 is the sum of its eight sub-rows): shown in messages and as related cells. */
  parts?: Term[];
}

export interface Reading {
  terms: Term[];
  value: number;
  alt: number;
}

export type Verdict = 'match' | 'mismatch' | 'unknown';

export interface CountCheck { claim: CountClaim; readings: Reading[]; verdict: Verdict; matched: Reading | null }
export interface NoneCheck { claim: NoneClaim; readings: Reading[]; verdict: Verdict }
export interface AllCheck { claim: AllClaim; /** Cells that contradict it (non-zero 纠正/其他/尚未审结). */ against: Term[]; verdict: Verdict }
export interface PercentCheck { claim: PercentClaim; bases: { label: Msg; value: number }[]; verdict: Verdict; matched: { label: Msg; value: number } | null }
export interface SettledCheck { claim: SettledClaim; evidence: { label: Msg; value: number; start: number; end: number }[]; verdict: Verdict }
export interface FeeCheck { claim: FeeClaim; evidence: { label: Msg; value: number; start: number; end: number }[]; verdict: Verdict }

export type Check = CountCheck | NoneCheck | AllCheck | PercentCheck | SettledCheck | FeeCheck;

/** The report's words in quotation marks; its own “ ” inside become ‘ ’ (正文称“‘上海科技’网站…”). */
export function quote(words: string): string {
  return `“${words.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

// ------------------------------------------------------------------ table figures

function shortLabel(label: string): string {
  return label.replace(/政府信息公开申请数量$/, '').replace(/^(（.）[^（]+)（.*$/, '$1');
}

const T3_DEFS = [...T3_ROWS['2021'], ...T3_ROWS['2019']];
function t3Label(id: string): Msg {
  const def = T3_DEFS.find((d) => d.id === id);
  const zh = def ? shortLabel(def.label) : id;
  return msg(`表三${zh.startsWith('（') ? '' : ' '}${zh}`, `table 三 ${zh}`);
}

export interface Tables {
  t3: Table | null; t3Rows: Map<string, TableRow>; t4: TableRow | null; t2Fees: TypedCell | null;
  /** Figures read as corrected (the identity findings' values for the cells they say are wrong), else as printed. */
  fix?: ReadonlyMap<TypedCell, number>;
}

/** A cell's figure: as corrected when `tables.fix` corrects it, else as printed. */
function figure(tables: Tables, c: TypedCell): number | undefined {
  return tables.fix?.get(c) ?? countValue(c);
}

export function tablesOf(report: Report): Tables {
  // Table 三 may come in parts (split at a page break): the table that starts with 一 and the parts after it.
  const t3s = report.tables.filter((t) => t.kind === 't3');
  const first = t3s.findIndex((t) => t.rows.some((r) => r.id === 'new'));
  const t3 = first >= 0 ? t3s[first] : null;
  const t3Rows = new Map<string, TableRow>();
  if (first >= 0) {
    for (let i = first; i < t3s.length; i++) {
      if (i > first && t3s[i].rows.some((r) => r.id === 'new')) break;
      for (const r of t3s[i].rows) if (r.id && !r.isGroup && !t3Rows.has(r.id)) t3Rows.set(r.id, r);
    }
  }
  const t4 = report.tables.filter((t) => t.kind === 't4').flatMap((t) => t.rows).find((r) => r.shapeOk && r.cells.length === T4_GROUPS.length * T4_PARTS.length) ?? null;
  let t2Fees: TypedCell | null = null;
  for (const t of report.tables) {
    if (t.kind !== 't2' || (t.version ?? report.formatVersion) !== '2021') continue;
    const row = t.rows.find((r) => r.id === 'fees' && r.shapeOk && r.cells.length === 1);
    if (row && row.cells[0].column.kind === 'amount') t2Fees = row.cells[0];
  }
  return { t3, t3Rows, t4, t2Fees };
}

function rowTerm(tables: Tables, id: string, columns?: number[]): Term | null {
  const row = tables.t3Rows.get(id);
  if (!row || !row.shapeOk || row.cells.length !== T3_TOTAL_COL + 1) return null;
  if (columns) {
    const vals = columns.map((c) => figure(tables, row.cells[c]));
    if (vals.some((v) => v === undefined)) return null;
    const v = (vals as number[]).reduce((a, b) => a + b, 0);
    const col = columns.length === 1 ? row.cells[columns[0]].column.label : `${row.cells[columns[0]].column.label}至${row.cells[columns[columns.length - 1]].column.label}`;
    const label = t3Label(id);
    return { label: msg(`${label.zh}·${col}`, `${label.en}·${col}`), value: v, alt: v, cell: columns.length === 1 ? row.cells[columns[0]] : null };
  }
  const details = row.cells.slice(0, T3_TOTAL_COL).map((c) => figure(tables, c));
  const detailSum = details.every((d) => d !== undefined) ? (details as number[]).reduce((a, b) => a + b, 0) : undefined;
  const total = row.cells[T3_TOTAL_COL];
  const printed = tables.fix?.has(total) ? tables.fix.get(total) : total.value.kind === 'number' ? countValue(total) : total.value.kind === 'blank' ? detailSum : undefined;
  if (printed === undefined) return null;
  return { label: t3Label(id), value: printed, alt: detailSum ?? printed, cell: total };
}

function groupTerm(tables: Tables, ids: string[], label: Msg): Term | null {
  const terms = ids.map((id) => rowTerm(tables, id));
  if (!terms.length || terms.some((t) => !t)) return null;
  const parts = terms as Term[];
  return { label, value: parts.reduce((a, t) => a + t.value, 0), alt: parts.reduce((a, t) => a + t.alt, 0), cell: null, parts };
}

function resultGroup(tables: Tables, prefix: string, groupId: string): Term | null {
  const ids = [...tables.t3Rows.keys()].filter((id) => id.startsWith(prefix + '-'));
  const def = T3_DEFS.find((d) => d.id === groupId)!;
  const label = msg(`表三${def.label}`, `table 三 ${def.label}`); // group labels start with （
  if (groupId === 'other' && !ids.length) return rowTerm(tables, 'other');
  const expected = T3_ROWS['2021'].filter((d) => d.id.startsWith(prefix + '-')).length;
  if (ids.length !== expected) return null;
  return groupTerm(tables, ids, label);
}

const PART_INDEX: Record<Part, number> = { maintain: 0, correct: 1, other: 2, pending: 3 };

function t4Term(tables: Tables, group: 'review' | 'direct' | 'after', part: Part | 'total'): Term | null {
  if (!tables.t4) return null;
  const g = t4Groups(tables.t4).find((x) => x.id === group);
  if (!g) return null;
  const partLabel = part === 'total' ? T4_PARTS[4] : T4_PARTS[PART_INDEX[part]];
  const label = msg(`表四 ${g.label}·${partLabel}`, `table 四 ${g.label}·${partLabel}`);
  if (part !== 'total') {
    const v = figure(tables, g.parts[PART_INDEX[part]]);
    return v === undefined ? null : { label, value: v, alt: v, cell: g.parts[PART_INDEX[part]] };
  }
  const parts = g.parts.map((c) => figure(tables, c));
  const sum = parts.every((p) => p !== undefined) ? (parts as number[]).reduce((a, b) => a + b, 0) : undefined;
  const printed = tables.fix?.has(g.total) ? tables.fix.get(g.total) : g.total.value.kind === 'number' ? countValue(g.total) : g.total.value.kind === 'blank' ? sum : undefined;
  if (printed === undefined) return null;
  return { label, value: printed, alt: sum ?? printed, cell: g.total };
}

function reading(terms: (Term | null)[]): Reading | null {
  if (!terms.length || terms.some((t) => !t)) return null;
  const ts = terms as Term[];
  return { terms: ts, value: ts.reduce((a, t) => a + t.value, 0), alt: ts.reduce((a, t) => a + t.alt, 0) };
}

function topicTerms(tables: Tables, topic: Topic, part: Part | 'total'): (Term | null)[] {
  if (topic === 'litigation') return [t4Term(tables, 'direct', part), t4Term(tables, 'after', part)];
  return [t4Term(tables, topic, part)];
}

/** What a count may mean in the tables; the claim agrees when it equals one of these. */
export function readingsOf(quantity: Quantity, part: Part | undefined, tables: Tables, columns?: number[]): Reading[] {
  const r = (id: string) => rowTerm(tables, id, columns);
  // By applicant only the rows of 一, 二, （七） and 四 are compared (result groups would need a sum per column).
  if (columns && !['received', 'new', 'carried', 'answered', 'handled', 'carryover', 'grant', 'partial', 'grant-partial'].includes(quantity)) return [];
  const list: (Reading | null)[] = [];
  switch (quantity) {
    case 'received': list.push(reading([r('new')]), reading([r('new'), r('carried')])); break;
    case 'new': list.push(reading([r('new')])); break;
    case 'carried': list.push(reading([r('carried')])); break;
    case 'answered': list.push(reading([r('total')])); break;
    case 'handled': list.push(reading([r('new')]), reading([r('new'), r('carried')]), reading([r('total')])); break;
    case 'grant': list.push(reading([r('grant')])); break;
    case 'partial': list.push(reading([r('partial')])); break;
    case 'grant-partial': list.push(reading([r('grant'), r('partial')])); break;
    case 'deny': list.push(reading([resultGroup(tables, 'deny', 'deny')])); break;
    case 'unable': list.push(reading([resultGroup(tables, 'unable', 'unable')])); break;
    case 'reject': list.push(reading([resultGroup(tables, 'reject', 'reject')])); break;
    case 'other': list.push(reading([resultGroup(tables, 'other', 'other')])); break;
    case 'carryover': list.push(reading([r('carryover')])); break;
    default: list.push(reading(topicTerms(tables, quantity, part ?? 'total')));
  }
  return list.filter((x): x is Reading => !!x);
}

export const agrees = (v: number, rd: Reading) => rd.value === v || rd.alt === v;

function readingLabel(rd: Reading, locale: Locale): string {
  return rd.terms.map((t, i) => (i === 0 ? text(t.label, locale) : text(t.label, locale).replace(/^表[三四] ?|^table [三四] /, ''))).join(' + ');
}

/** The terms, their figures and the sum: "表三（一）… + （二）… = 200 + 75 = 275". */
export function renderReading(rd: Reading, locale: Locale = 'zh-cn'): string {
  const labels = rd.terms.map((t, i) => (i === 0 ? text(t.label, locale) : text(t.label, locale).replace(/^表[三四] ?|^table [三四] /, '')));
  const only = rd.terms.length === 1 ? rd.terms[0] : null;
  // A group's figure is the sum of its sub-rows: show them, so the writer sees where it comes from.
  if (only?.parts && only.parts.length > 1) return `${labels[0]} = ${only.parts.map((t) => t.value).join(' + ')} = ${rd.value}`;
  if (only) return `${labels[0]} = ${rd.value}`;
  return `${labels.join(' + ')} = ${rd.terms.map((t) => t.value).join(' + ')} = ${rd.value}`;
}

// ------------------------------------------------------------------ checks

/** Whether `count / base` gives the stated share, rounded half up or truncated at its last decimal. */
export function gives(count: number, base: number, value: number, decimals: number): boolean {
  if (base <= 0) return false;
  const scale = 10 ** decimals;
  const stated = Math.round(value * scale);
  const num = 100 * count * scale;
  return Math.floor(num / base) === stated || Math.floor((2 * num + base) / (2 * base)) === stated;
}

function checkPercent(claim: PercentClaim, tables: Tables): PercentCheck {
  const bases: { label: Msg; value: number }[] = [];
  if (claim.base) bases.push({ label: msg(`正文所称${quote(claim.base.phrase)}`, `the stated ${quote(claim.base.phrase)}`), value: claim.base.value });
  const baseQuantities: Quantity[] = claim.count.part ? [claim.count.quantity] : ['handled'];
  for (const q of baseQuantities) {
    for (const rd of readingsOf(q, undefined, tables)) {
      const label = msg(readingLabel(rd, 'zh-cn'), readingLabel(rd, 'en'));
      bases.push({ label, value: rd.value });
    }
  }
  const usable = bases.filter((b) => b.value > 0);
  if (!usable.length) return { claim, bases, verdict: 'unknown', matched: null };
  // In units of the last stated decimal: the share rounded half up, or truncated, must equal the figure.
  const scale = 10 ** claim.decimals;
  const stated = Math.round(claim.value * scale);
  const matched = usable.find((b) => {
    const num = 100 * claim.count.value * scale;
    return Math.floor(num / b.value) === stated || Math.floor((2 * num + b.value) / (2 * b.value)) === stated;
  }) ?? null;
  return { claim, bases: usable, verdict: matched ? 'match' : 'mismatch', matched };
}

function positiveTerms(terms: (Term | null)[]): Term[] {
  return terms.filter((t): t is Term => !!t && t.value > 0);
}

function checkAll(claim: AllClaim, tables: Tables): AllCheck {
  const parts: Part[] = claim.kind === 'all-upheld' ? ['correct', 'other', 'pending'] : ['pending'];
  const terms = claim.topics.flatMap((t) => parts.flatMap((p) => topicTerms(tables, t, p)));
  if (terms.some((t) => !t)) return { claim, against: [], verdict: 'unknown' };
  const against = positiveTerms(terms);
  return { claim, against, verdict: against.length ? 'mismatch' : 'match' };
}

function checkAllClaims(report: Report, fix?: ReadonlyMap<TypedCell, number>): Check[] {
  const { t3, t3Rows, t4, t2Fees } = tablesOf(report);
  const tables: Tables = { t3, t3Rows, t4, t2Fees, fix }; // not `{ ...tablesOf(report), fix }`: see model/report/index.ts
  const claims = readClaims(report);
  const out: Check[] = [];
  // Prose evidence for self-contradictions, gathered once.
  const carriedOver = claims.filter((c): c is CountClaim => c.kind === 'count' && c.quantity === 'carryover' && c.value > 0).slice(0, 3);
  const infoFees = claims.filter((c): c is FeeClaim => c.kind === 'fee' && c.fee === 'info' && c.value > 0).slice(0, 3);
  for (const claim of claims) {
    switch (claim.kind) {
      case 'count': {
        const readings = readingsOf(claim.quantity, claim.part, tables, claim.columns);
        if (claim.orWithPartial) readings.push(...readingsOf('grant-partial', undefined, tables, claim.columns));
        const matched = readings.find((rd) => agrees(claim.value, rd)) ?? null;
        out.push({ claim, readings, matched, verdict: !readings.length ? 'unknown' : matched ? 'match' : 'mismatch' });
        break;
      }
      case 'none': {
        const readings = claim.quantity === 'received' ? readingsOf('new', undefined, tables) : readingsOf(claim.quantity, undefined, tables);
        const verdict: Verdict = !readings.length ? 'unknown' : readings.every((rd) => rd.value > 0 && rd.alt > 0) ? 'mismatch' : 'match';
        out.push({ claim, readings, verdict });
        break;
      }
      case 'all-upheld':
      case 'all-closed':
        out.push(checkAll(claim, tables));
        break;
      case 'percent':
        out.push(checkPercent(claim, tables));
        break;
      case 'all-settled': {
        const evidence: SettledCheck['evidence'] = [];
        const carry = rowTerm(tables, 'carryover');
        if (carry && (carry.value > 0 || carry.alt > 0)) {
          const row = tables.t3Rows.get('carryover')!;
          const cell = carry.value > 0 ? row.cells[T3_TOTAL_COL] : row.cells.find((c, i) => i < T3_TOTAL_COL && (figure(tables, c) ?? 0) > 0)!;
          evidence.push({ label: t3Label('carryover'), value: Math.max(carry.value, carry.alt), start: cell.cell.start, end: cell.cell.end });
        }
        for (const c of carriedOver) {
          {
            evidence.push({ label: msg(`正文另称${quote(c.phrase)}`, `the prose also says ${quote(c.phrase)}`), value: c.value, start: c.numStart, end: c.numEnd });
          }
        }
        out.push({ claim, evidence, verdict: evidence.length ? 'mismatch' : carry ? 'match' : 'unknown' });
        break;
      }
      case 'fee': {
        const evidence: FeeCheck['evidence'] = [];
        if (claim.fee === 'admin' && tables.t2Fees && tables.t2Fees.value.kind === 'number') {
          const v = Number(tables.t2Fees.value.decimal);
          const feeLabel = T2_ITEMS.find((it) => it.id === '8')?.versions['2021']?.rows[0].label ?? '';
          if ((claim.value === 0) !== (v === 0)) {
            evidence.push({ label: msg(`表二 ${feeLabel}`, `table 二 ${feeLabel}`), value: v, start: tables.t2Fees.cell.start, end: tables.t2Fees.cell.end });
          }
        }
        if (claim.fee === 'info' && claim.value === 0) {
          for (const c of infoFees) {
            {
              evidence.push({ label: msg(`正文另称${quote(c.phrase)}`, `the prose also says ${quote(c.phrase)}`), value: c.value, start: c.numStart ?? c.start, end: c.numEnd ?? c.end });
            }
          }
        }
        out.push({ claim, evidence, verdict: evidence.length ? 'mismatch' : 'match' });
        break;
      }
    }
  }
  return out;
}

const CACHE = new Memo<Report, Check[]>();

/** Every claim of the report with its verdict against the tables (computed once per report). */
export function checkClaims(report: Report): Check[] {
  let c = CACHE.get(report);
  if (!c) {
    try {
      c = checkAllClaims(report);
    } catch {
      c = [];
    }
    CACHE.set(report, c);
  }
  return c;
}

/**
 * The claims' verdicts against the tables as the identity findings correct them (`fix`: cell → the
 * value its finding says it should have), in the order of `checkClaims`. A prose figure that
 * disagrees with a printed cell but agrees with its correction is the evidence for that correction,
 * not a second problem.
 */
export function checkClaimsCorrected(report: Report, fix: ReadonlyMap<TypedCell, number>): Check[] {
  if (!fix.size) return checkClaims(report);
  try {
    return checkAllClaims(report, fix);
  } catch {
    return [];
  }
}
