/**
 * Evidence beyond the table identities, for when they leave several minimal candidate sets of cells
 * (model/error-location.ts, `Ambiguity`): a prose figure that names one cell's quantity
 * (`全年被申请行政复议3件` is 表四 行政复议·总计 = 3; model/claims reads it) and last year's
 * 结转下年度继续办理 for this year's 上年结转 (ctx.previous, read only when a candidate set changes that row).
 * The evidence orders the sets and decides when exactly one of them agrees with it all.
 */
import type { Ambiguity, CandidateSet, Localization } from '../../model/error-location';
import { CountClaim, NoneClaim, Part, Topic, readClaims } from '../../model/claims';
import type { Report, TableRow, TypedCell } from '../../model/report';
import { T3_TOTAL_COL } from '../../model/template';
import { t4Groups } from '../../model/totals';
import { cellName } from '../../model/names';
import { fileName, type OtherReport } from '../../workspace';
import { findRow, numberOf, rowLabel } from '../../workspace/figures';
import { Msg, msg } from '../rule';
import { Memo } from '../../base/memo';

/** What a rule context gives the identity views: the report and, on demand, last year's report. */
export interface EvidenceSource {
  report: Report;
  readonly previous: OtherReport | null;
}

/** One cell's value as something outside the identities states it. */
export interface Evidence {
  cell: TypedCell;
  value: number;
  /** “按正文“全年被申请行政复议3件”” */
  source: Msg;
}

export interface Weighed {
  /** Candidate sets that agree with the evidence (all of them when none does), best first. */
  sets: { set: CandidateSet; support: Evidence[] }[];
  /** The evidence that ruled out the sets not listed (empty when none was). */
  against: Evidence[];
  /** The one set every piece of evidence agrees with, and that evidence. */
  decided: { set: CandidateSet; evidence: Evidence[] } | null;
}

const T3_ROW: Partial<Record<CountClaim['quantity'], string>> = {
  new: 'new', carried: 'carried', answered: 'total', grant: 'grant', partial: 'partial', carryover: 'carryover',
};
const PART_INDEX: Record<Part, number> = { maintain: 0, correct: 1, other: 2, pending: 3 };
const T4_TOPICS: Topic[] = ['review', 'direct', 'after'];

function t3Cell(report: Report, known: Map<TypedCell, number>, rowId: string, col: number): TypedCell | null {
  for (const t of report.tables) {
    if (t.kind !== 't3') continue;
    for (const r of t.rows) if (r.id === rowId && known.has(r.cells[col])) return r.cells[col];
  }
  return null;
}

function t4Cell(report: Report, known: Map<TypedCell, number>, topic: Topic, part: Part | undefined): TypedCell | null {
  for (const t of report.tables) {
    if (t.kind !== 't4') continue;
    for (const r of t.rows) {
      const g = t4Groups(r).find((x) => x.id === topic);
      const cell = g && (part ? g.parts[PART_INDEX[part]] : g.total);
      if (cell && known.has(cell)) return cell;
    }
  }
  return null;
}

function claimCell(c: CountClaim | NoneClaim, report: Report, known: Map<TypedCell, number>): TypedCell | null {
  if (c.kind === 'none') return T4_TOPICS.includes(c.quantity as Topic) ? t4Cell(report, known, c.quantity as Topic, undefined) : null;
  if (T4_TOPICS.includes(c.quantity as Topic)) return c.columns ? null : t4Cell(report, known, c.quantity as Topic, c.part);
  const row = T3_ROW[c.quantity];
  if (!row || c.part) return null;
  if (c.columns && c.columns.length !== 1) return null;
  return t3Cell(report, known, row, c.columns ? c.columns[0] : T3_TOTAL_COL);
}

const CLAUSE_STOP = /[，。；：！？,;:!?\n]/;

/** The clause around a claim as the writer put it (“全年被申请行政复议3件”), or null when it is long. */
function clause(text: string, start: number, end: number): string | null {
  let a = start;
  while (a > 0 && start - a < 40 && !CLAUSE_STOP.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < 20 && !CLAUSE_STOP.test(text[b])) b++;
  const out = text.slice(a, b).trim();
  return out && out.length <= 40 ? out : null;
}

/** The prose figures that each name one cell of the identities (two different figures for one cell: neither). */
function proseEvidence(report: Report, loc: Localization): Evidence[] {
  const byCell = new Map<TypedCell, Evidence | null>();
  for (const c of readClaims(report)) {
    if (c.kind !== 'count' && c.kind !== 'none') continue;
    const cell = claimCell(c, report, loc.values);
    if (!cell) continue;
    const value = c.kind === 'none' ? 0 : c.value;
    const had = byCell.get(cell);
    const said = clause(report.tree.text, c.start, c.end) ?? c.phrase;
    if (had === undefined) byCell.set(cell, { cell, value, source: msg(`按正文“${said}”`, `by the text “${said}”`) });
    else if (had && had.value !== value) byCell.set(cell, null);
  }
  return [...byCell.values()].filter((e): e is Evidence => !!e);
}

/** Last year's 结转下年度继续办理, per column, for this year's 上年结转 cells. */
function previousEvidence(src: EvidenceSource, cells: Set<TypedCell>): Evidence[] {
  const carried: { row: TableRow } | null = findRow(src.report, 't3', 'carried');
  if (!carried || !carried.row.cells.some((c) => cells.has(c))) return [];
  const prev = src.previous;
  if (!prev) return [];
  const then = findRow(prev.report, 't3', 'carryover');
  if (!then) return [];
  const file = fileName(prev.entry.path);
  const label = rowLabel(then.table, then.row);
  const out: Evidence[] = [];
  carried.row.cells.forEach((cell, c) => {
    const v = numberOf(then.row.cells[c]);
    if (v === null || !cells.has(cell)) return;
    const name = cellName(label, cell.column.label);
    out.push({ cell, value: v, source: msg(`按上年报告 ${file} 的“${name}”${v}`, `by last year's report ${file}: “${name}” ${v}`) });
  });
  return out;
}

const after = (set: CandidateSet, cell: TypedCell, loc: Localization) =>
  set.changes.find((ch) => ch.cell === cell)?.value ?? loc.values.get(cell);

const WEIGHED = new Memo<Ambiguity, Weighed>();

/** The ambiguity's candidate sets weighed by the evidence (computed once per localization). */
export function weigh(amb: Ambiguity, loc: Localization, src: EvidenceSource | undefined): Weighed {
  const cached = WEIGHED.get(amb);
  if (cached) return cached;
  const plain: Weighed = { sets: amb.sets.map((set) => ({ set, support: [] })), against: [], decided: null };
  if (!src || !amb.sets.length) return plain;
  const cells = new Set(amb.sets.flatMap((s) => s.changes.map((ch) => ch.cell)));
  let evidence: Evidence[] = [];
  try {
    evidence = [...proseEvidence(src.report, loc), ...previousEvidence(src, cells)].filter((e) => cells.has(e.cell));
  } catch {
    evidence = [];
  }
  if (!evidence.length) { WEIGHED.set(amb, plain); return plain; }
  const scored = amb.sets.map((set, i) => ({
    set, i,
    agrees: evidence.every((e) => after(set, e.cell, loc) === e.value),
    support: evidence.filter((e) => set.changes.some((ch) => ch.cell === e.cell) && after(set, e.cell, loc) === e.value),
  }));
  const agreeing = scored.filter((s) => s.agrees);
  const kept = (agreeing.length ? agreeing : scored).sort((a, b) => b.support.length - a.support.length || a.i - b.i);
  const decided = agreeing.length === 1 && !amb.open ? { set: agreeing[0].set, evidence } : null;
  const ruledOut = agreeing.length ? scored.filter((s) => !s.agrees) : [];
  const against = evidence.filter((e) => ruledOut.some((s) => after(s.set, e.cell, loc) !== e.value));
  const out: Weighed = { sets: kept.map((s) => ({ set: s.set, support: s.support })), against, decided };
  WEIGHED.set(amb, out);
  return out;
}
