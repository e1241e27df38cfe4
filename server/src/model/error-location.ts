/**
 * Error localization for the statistics tables (Fellegi–Holt): the table identities are data, and an
 * exact search over integers finds the fewest cells whose change satisfies every identity. A unique
 * explanation names the culprit cells and their values (cells that share an identity form one set,
 * corrected together); otherwise the broken identities are reported honestly with their `Ambiguity`:
 * the minimal candidate sets, which evidence outside the tables may still decide (rules/lib/evidence.ts).
 * Row-total, column-total, balance and review-total are
 * views of this one result, so two diagnostics can never point at different cells for one wrong figure.
 */
import { T3_TOTAL_COL } from './template';
import type { Report, TableRow, TypedCell } from './report';
import { T3Totals, countValue, t4Groups } from './totals';

/** The identity kinds; each is the id of the rule that reports it (rules tagged 'identity'). */
export type IdentityKind = 'row-total' | 'column-total' | 'balance' | 'review-total';

export interface Term {
  cell: TypedCell;
  coef: 1 | -1;
}

/** sum(coef × value) = 0. The anchor is the cell on which a broken identity is reported. */
export interface Identity {
  kind: IdentityKind;
  terms: Term[];
  anchor: TypedCell;
  /** Row label for row identities (row-total, review-total); column label for column ones. */
  label: string;
  /** Table 四 group label, for review-total. */
  group?: string;
}

export interface Culprit {
  cell: TypedCell;
  rowLabel: string;
  actual: number;
  expected: number;
  /** Identities this cell breaks, in reporting order; the first gives the diagnostic id. */
  broken: Identity[];
  kind: IdentityKind;
  /** The whole explanation this cell belongs to, when it changes more than this cell: one correction. */
  set?: CandidateSet;
}

/** One way to satisfy every identity of a system: these cells changed together, to these values. */
export interface CandidateSet {
  changes: { cell: TypedCell; value: number }[];
}

/**
 * The broken identities of one system whose wrong cells cannot be told from the identities alone,
 * and the fewest-cells ways to satisfy them all. Every Unresolved of the system shares this object.
 */
export interface Ambiguity {
  identities: Identity[];
  /** The minimal candidate sets, in table order (at most MAX_SETS). */
  sets: CandidateSet[];
  /** More minimal sets exist than `sets` lists, or they are not determined (then `sets` may be empty). */
  open: boolean;
}

export interface Unresolved {
  identity: Identity;
  ambiguity: Ambiguity;
  /** Left side minus right side, as printed. */
  residual: number;
  /** Cells that could each be the wrong one (at the fewest changes), or the identity's own cells. */
  candidates: TypedCell[];
}

export interface Localization {
  culprits: Culprit[];
  unresolved: Unresolved[];
  /** Value of every cell that entered an identity (blank totals stand for their computed value). */
  values: Map<TypedCell, number>;
  /** Row label of every cell that entered an identity (group label in table 四). */
  rowLabels: Map<TypedCell, string>;
}

const MAX_PAIR_CANDIDATES = 80;
const MAX_SETS = 40;

interface System {
  identities: Identity[];
  rowLabel: Map<TypedCell, string>;
}

function label(row: TableRow): string {
  return row.label?.text ?? row.officialLabel ?? '';
}

/** Table 三's identities: R3 per row, R2 per column over the result rows, R1 per column. */
function t3System(totals: T3Totals, values: Map<TypedCell, number>, rowLabel: Map<TypedCell, string>): System {
  const identities: Identity[] = [];
  const usable = (r: TableRow | undefined): r is TableRow =>
    !!r && r.shapeOk && r.cells.length === T3_TOTAL_COL + 1 && r.cells.every((c) => values.has(c));
  for (const r of totals.table.rows) {
    if (r.isGroup || !r.id) continue;
    for (const c of r.cells) {
      rowLabel.set(c, label(r));
      const v = countValue(c);
      if (v !== undefined && c.value.kind !== 'blank') values.set(c, v);
      else if (c.value.kind === 'blank' && c.col !== T3_TOTAL_COL) values.set(c, 0);
    }
    // A blank 总计 stands for the sum of its row (blank-cell reports it and offers that value).
    const total = r.cells[T3_TOTAL_COL];
    if (total && total.value.kind === 'blank' && r.cells.slice(0, T3_TOTAL_COL).every((c) => values.has(c))) {
      values.set(total, r.cells.slice(0, T3_TOTAL_COL).reduce((a, c) => a + values.get(c)!, 0));
    }
  }
  for (const r of totals.table.rows) {
    if (r.isGroup || !r.id || !usable(r)) continue;
    identities.push({
      kind: 'row-total', label: label(r), anchor: r.cells[T3_TOTAL_COL],
      terms: r.cells.map((cell, c): Term => ({ cell, coef: c === T3_TOTAL_COL ? -1 : 1 })),
    });
  }
  const total = totals.byId.get('total');
  if (usable(total) && totals.results.length && totals.results.every(usable) && totals.resultsUsable) {
    for (let c = 0; c <= T3_TOTAL_COL; c++) {
      identities.push({
        kind: 'column-total', label: total.cells[c].column.label, anchor: total.cells[c],
        terms: [...totals.results.map((r): Term => ({ cell: r.cells[c], coef: 1 })), { cell: total.cells[c], coef: -1 }],
      });
    }
  }
  const [n, k, t, o] = ['new', 'carried', 'total', 'carryover'].map((id) => totals.byId.get(id));
  if (usable(n) && usable(k) && usable(t) && usable(o)) {
    for (let c = 0; c <= T3_TOTAL_COL; c++) {
      identities.push({
        kind: 'balance', label: o.cells[c].column.label, anchor: o.cells[c],
        terms: [{ cell: n.cells[c], coef: 1 }, { cell: k.cells[c], coef: 1 }, { cell: t.cells[c], coef: -1 }, { cell: o.cells[c], coef: -1 }],
      });
    }
  }
  return { identities, rowLabel };
}

/** Values read by an identity: the table's, or a few of them changed (see `changed`). */
interface Values { get(cell: TypedCell): number | undefined }

/** `values` with some cells changed, without copying the report's whole map. */
function changed(values: Map<TypedCell, number>): Values & { set(cell: TypedCell, v: number): void } {
  const own = new Map<TypedCell, number>();
  return {
    get: (cell) => (own.has(cell) ? own.get(cell) : values.get(cell)),
    set: (cell, v) => { own.set(cell, v); },
  };
}

function residual(id: Identity, values: Values): number {
  let s = 0;
  for (const t of id.terms) s += t.coef * values.get(t.cell)!;
  return s;
}

type Solution = CandidateSet;

/**
 * The fewest-cells explanations (one cell, else two) of the broken identities of one system.
 * `ambiguous` is set when a pair's change is not determined (infinitely many solutions).
 */
function explain(sys: System, values: Map<TypedCell, number>, candidatesOnly: (c: TypedCell) => boolean):
  { size: number; solutions: Solution[]; ambiguous: boolean } {
  const res = sys.identities.map((id) => residual(id, values));
  const broken = res.map((r, i) => (r !== 0 ? i : -1)).filter((i) => i >= 0);
  if (!broken.length) return { size: 0, solutions: [], ambiguous: false };
  // Coefficients of each cell in each identity.
  const coef = new Map<TypedCell, Map<number, number>>();
  sys.identities.forEach((id, i) => {
    for (const t of id.terms) {
      let m = coef.get(t.cell);
      if (!m) coef.set(t.cell, (m = new Map()));
      m.set(i, (m.get(i) ?? 0) + t.coef);
    }
  });
  const seen = new Set<TypedCell>();
  const candidates: TypedCell[] = [];
  for (const i of broken) {
    for (const t of sys.identities[i].terms) {
      if (seen.has(t.cell)) continue;
      seen.add(t.cell);
      if (candidatesOnly(t.cell)) candidates.push(t.cell);
    }
  }
  const ok = (cell: TypedCell, d: number) => Number.isInteger(d) && d !== 0 && values.get(cell)! + d >= 0;

  const singles: Solution[] = [];
  for (const cell of candidates) {
    const a = coef.get(cell)!;
    if (broken.some((i) => !a.has(i))) continue;
    const first = broken[0];
    const d = -res[first] / a.get(first)!;
    if (!ok(cell, d)) continue;
    let fits = true;
    for (const [i, ci] of a) if (res[i] + ci * d !== 0) { fits = false; break; }
    if (fits) singles.push({ changes: [{ cell, value: values.get(cell)! + d }] });
  }
  if (singles.length) return { size: 1, solutions: singles, ambiguous: false };
  if (candidates.length > MAX_PAIR_CANDIDATES) return { size: -1, solutions: [], ambiguous: true };
  // Two cells cannot touch more identities than they are in: then no pair explains the table.
  let degree = 0;
  for (const cell of candidates) degree = Math.max(degree, coef.get(cell)!.size);
  if (broken.length > 2 * degree) return { size: -1, solutions: [], ambiguous: false };

  const pairs: Solution[] = [];
  let ambiguous = false;
  for (let x = 0; x < candidates.length; x++) {
    const u = candidates[x];
    const au = coef.get(u)!;
    for (let y = x + 1; y < candidates.length; y++) {
      const v = candidates[y];
      const av = coef.get(v)!;
      if (broken.some((i) => !au.has(i) && !av.has(i))) continue;
      const rows = new Set([...au.keys(), ...av.keys()]);
      let du: number | null = null;
      let dv: number | null = null;
      for (const i of rows) {
        if (au.has(i) && !av.has(i)) { du = -res[i] / au.get(i)!; break; }
      }
      for (const i of rows) {
        if (av.has(i) && !au.has(i)) { dv = -res[i] / av.get(i)!; break; }
      }
      if (du === null && dv === null) { ambiguous = true; continue; }
      if (du === null || dv === null) {
        // Solve the missing change from an identity holding both.
        for (const i of rows) {
          if (!au.has(i) || !av.has(i)) continue;
          if (du === null) du = -(res[i] + av.get(i)! * dv!) / au.get(i)!;
          else dv = -(res[i] + au.get(i)! * du) / av.get(i)!;
          break;
        }
      }
      if (du === null || dv === null || !ok(u, du) || !ok(v, dv)) continue;
      let fits = true;
      for (const i of rows) {
        if (res[i] + (au.get(i) ?? 0) * du + (av.get(i) ?? 0) * dv !== 0) { fits = false; break; }
      }
      if (fits) pairs.push({ changes: [{ cell: u, value: values.get(u)! + du }, { cell: v, value: values.get(v)! + dv }] });
    }
  }
  return { size: pairs.length ? 2 : -1, solutions: pairs, ambiguous };
}

/**
 * Totals left at 0 beside figures that are not (a skeleton being filled in, or a total printed as 0):
 * when no explanation of one or two cells exists, fill every such total from its parts, in dependency
 * order. If every identity then holds, those totals are the explanation.
 */
function fillZeroTotals(sys: System, values: Map<TypedCell, number>): Solution | null {
  const after = changed(values);
  const filled = new Set<TypedCell>();
  const totals = sys.identities.filter((id) => id.kind !== 'balance' && values.get(id.anchor) === 0 && id.anchor.value.kind !== 'blank');
  for (let pass = 0; pass < 6; pass++) {
    // Totals still short of their parts; a total is filled once none of its parts is itself still short.
    const short = new Set(totals.filter((id) => residual(id, after) > 0).map((id) => id.anchor));
    if (!short.size) break;
    let progress = false;
    for (const id of totals) {
      if (!short.has(id.anchor) || id.terms.some((t) => t.cell !== id.anchor && short.has(t.cell))) continue;
      after.set(id.anchor, id.terms.filter((t) => t.cell !== id.anchor).reduce((a, t) => a + t.coef * after.get(t.cell)!, 0));
      short.delete(id.anchor);
      filled.add(id.anchor);
      progress = true;
    }
    if (!progress) return null;
  }
  if (!filled.size || sys.identities.some((id) => residual(id, after) !== 0)) return null;
  return { changes: [...filled].map((cell) => ({ cell, value: after.get(cell)! })) };
}

/**
 * The changes of one explanation grouped by the identities they share: cells in one identity (a row's
 * detail and its 总计) are right only together, so they are corrected together; independent cells
 * are corrected one by one.
 */
function coupled(sys: System, sol: Solution): Map<TypedCell, CandidateSet> {
  const group = new Map<TypedCell, CandidateSet>(sol.changes.map((ch) => [ch.cell, { changes: [ch] }]));
  for (const id of sys.identities) {
    const inside = sol.changes.filter((ch) => id.terms.some((t) => t.cell === ch.cell));
    for (let i = 1; i < inside.length; i++) {
      const a = group.get(inside[0].cell)!;
      const b = group.get(inside[i].cell)!;
      if (a === b) continue;
      a.changes.push(...b.changes);
      for (const ch of b.changes) group.set(ch.cell, a);
    }
  }
  // In table order, as the explanation lists them.
  for (const set of new Set(group.values())) set.changes.sort((x, y) => sol.changes.indexOf(x) - sol.changes.indexOf(y));
  return group;
}

function resolve(sys: System, values: Map<TypedCell, number>, out: Localization): void {
  if (sys.rowLabel !== out.rowLabels) for (const [c, l] of sys.rowLabel) out.rowLabels.set(c, l);
  let { size, solutions, ambiguous } = explain(sys, values, (c) => c.value.kind !== 'blank');
  if (size === 0) return;
  if (!solutions.length) {
    const filled = fillZeroTotals(sys, values);
    if (filled) ({ size, solutions, ambiguous } = { size: filled.changes.length, solutions: [filled], ambiguous: false });
  }
  if (solutions.length === 1 && !ambiguous) {
    const together = coupled(sys, solutions[0]);
    for (const ch of solutions[0].changes) {
      // A system's identities are built in reporting order (row, column, balance; review in table 四),
      // so a culprit takes the id of the first identity it breaks.
      const broken = sys.identities.filter((id) => id.terms.some((t) => t.cell === ch.cell) && residual(id, values) !== 0);
      if (!broken.length) continue;
      out.culprits.push({
        cell: ch.cell, rowLabel: sys.rowLabel.get(ch.cell) ?? '', actual: values.get(ch.cell)!, expected: ch.value, broken, kind: broken[0].kind,
        ...(together.get(ch.cell)!.changes.length > 1 ? { set: together.get(ch.cell)! } : {}),
      });
    }
    return;
  }
  const named = [...new Set(solutions.flatMap((s) => s.changes.map((c) => c.cell)))];
  const ambiguity: Ambiguity = {
    identities: sys.identities.filter((id) => residual(id, values) !== 0),
    sets: size > 0 ? solutions.slice(0, MAX_SETS) : [],
    open: ambiguous || size <= 0 || solutions.length > MAX_SETS,
  };
  for (const id of ambiguity.identities) {
    const r = residual(id, values);
    const own = id.terms.map((t) => t.cell);
    const candidates = named.length ? own.filter((c) => named.includes(c)) : own;
    out.unresolved.push({ identity: id, ambiguity, residual: r, candidates: candidates.length ? candidates : own });
  }
}

/** Localizes the errors of every table 三 and every table 四 group of a report. */
export function locateErrors(report: Report, t3: T3Totals[]): Localization {
  const out: Localization = { culprits: [], unresolved: [], values: new Map(), rowLabels: new Map() };
  for (const totals of t3) resolve(t3System(totals, out.values, out.rowLabels), out.values, out);
  for (const table of report.tables) {
    if (table.kind !== 't4') continue;
    for (const row of table.rows) for (const g of t4Groups(row)) {
      const cells = [...g.parts, g.total];
      if (cells.some((c) => countValue(c) === undefined)) continue;
      for (const c of cells) out.values.set(c, countValue(c)!);
      const rowLabel = new Map(cells.map((c) => [c, g.label] as const));
      const id: Identity = {
        kind: 'review-total', label: g.label, group: g.label, anchor: g.total,
        terms: [...g.parts.map((cell): Term => ({ cell, coef: 1 })), { cell: g.total, coef: -1 }],
      };
      // A blank total stands for the sum (blank-cell reports it).
      if (g.total.value.kind === 'blank') continue;
      resolve({ identities: [id], rowLabel }, out.values, out);
    }
  }
  return out;
}
