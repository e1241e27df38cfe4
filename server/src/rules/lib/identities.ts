/**
 * Findings of the table identities, shared by row-total, column-total, balance and review-total:
 * each is a view of the one localization (model/error-location.ts). A culprit cell gets one diagnostic,
 * with its fix, under the id of the first identity it breaks. When the identities leave several
 * minimal candidate sets of cells, the evidence of the report (lib/evidence.ts) may decide one: its
 * cells are then culprits whose message names the evidence. Otherwise each broken identity is
 * reported on its total cell, naming the candidate sets, with one suggestion per set that changes
 * the whole set at once (up to three, ordered by evidence), never one cell of a set on its own.
 */
import type { Ambiguity, CandidateSet, Culprit, Identity, IdentityKind, Localization, Unresolved } from '../../model/error-location';
import type { TypedCell } from '../../model/report';
import { cellName, tableName } from '../../model/names';
import { Finding, Fix, Msg, msg, setCell } from '../rule';
import { Evidence, EvidenceSource, Weighed, weigh } from './evidence';

/** A table 三 cell, quoted: “（七）总计·自然人”. */
function quotedCell(c: TypedCell, rowLabel: string): string {
  const total = /total/.test(c.column.id) && !c.column.label.includes('·');
  return `“${cellName(rowLabel, total ? '总计' : c.column.label)}”`;
}

function termsText(id: Identity, values: Map<TypedCell, number>, sign: 1 | -1, replace?: { cell: TypedCell; value: number }): string {
  return id.terms.filter((t) => t.coef === sign).map((t) => (t.cell === replace?.cell ? replace.value : values.get(t.cell)!)).join('+');
}

/** Why the culprit must have its value: each identity it breaks, with the value in place. */
function reason(id: Identity, c: Culprit, values: Map<TypedCell, number>): Msg {
  const fixed = { cell: c.cell, value: c.expected };
  const left = termsText(id, values, 1, fixed);
  const right = termsText(id, values, -1, fixed);
  switch (id.kind) {
    case 'row-total':
      return msg(`本行 ${left} = ${right}`, `its row: ${left} = ${right}`);
    case 'column-total':
      return msg(`${id.label}列（一）至（六）之和 = （七）总计 = ${right}`, `column ${id.label}: （一）…（六） sum to （七） = ${right}`);
    case 'balance': {
      // The figures as printed on both sides, then the side both take once the cell is corrected.
      const [a, b, x, y] = id.terms.map((t) => values.get(t.cell)!);
      const both = id.terms.filter((t) => t.coef === 1).reduce((s, t) => s + (t.cell === c.cell ? c.expected : values.get(t.cell)!), 0);
      return msg(`${id.label}列勾稽关系 一 + 二 = 三（七）+ 四 不平衡：${a}+${b} = ${a + b}，${x}+${y} = ${x + y}；改为 ${c.expected} 后两边均为 ${both}`,
        `column ${id.label} balance 一 + 二 = 三（七） + 四 fails: ${a}+${b} = ${a + b}, ${x}+${y} = ${x + y}; with ${c.expected} both sides are ${both}`);
    }
    default:
      return msg(`${id.group ?? ''} ${left} = ${right}`, `${id.group ?? ''}: ${left} = ${right}`);
  }
}

function culpritFinding(c: Culprit, loc: Localization, evidence: Evidence[] = []): Finding {
  const table = tableName(c.kind === 'review-total' ? 't4' : 't3');
  const name = c.kind === 'review-total' ? `“${c.cell.column.label}”` : quotedCell(c.cell, c.rowLabel);
  const reasons = [...evidence.map((e) => e.source), ...c.broken.map((id) => reason(id, c, loc.values))];
  const isTotal = c.broken.some((id) => id.anchor === c.cell && id.kind !== 'balance');
  return {
    start: c.cell.cell.start, end: c.cell.cell.end,
    message: msg(`${table.zh}${name}应为 ${c.expected}，实为 ${c.actual}（${reasons.map((r) => r.zh).join('；')}）`,
      `${table.en} ${name} should be ${c.expected}, found ${c.actual} (${reasons.map((r) => r.en).join('; ')})`),
    // Cells that are wrong together are corrected together: each of their findings' fix changes the whole set.
    fix: c.set && c.set.changes.length > 1
      ? { kind: 'figure', title: setTitle(c.set, loc), edits: c.set.changes.map((x) => setCell(x.cell, x.value)) }
      : {
        kind: 'figure',
        title: isTotal ? msg(`重新计算总计：${c.expected}`, `Recompute total: ${c.expected}`) : msg(`改为 ${c.expected}`, `Set to ${c.expected}`),
        edits: [setCell(c.cell, c.expected)],
      },
    related: c.broken.filter((id) => id.anchor !== c.cell).map((id) => ({
      start: id.anchor.cell.start, end: id.anchor.cell.end,
      message: id.kind === 'row-total' ? msg('本行总计', "its row's total")
        : id.kind === 'column-total' ? msg(`${cellName('（七）总计', id.label)}（本列合计）`, `（七） ${id.label}, its column's total`)
          : id.kind === 'balance' ? msg(`${cellName('四、结转下年度继续办理', id.label)}（勾稽关系）`, `carry-over, ${id.label} (balance)`)
            : msg(`${id.label}总计`, `${id.label} total`),
    })),
  };
}

const COULD_BE_WRONG = msg('可能有误的数字', 'A figure that could be wrong');
/** At most this many candidate sets are offered as suggestions. */
const MAX_OFFERED = 3;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨';

/** A row label without its printed explanation in brackets: “（二）部分公开”. */
const shortRow = (label: string) => label.replace(/^(（.）[^（]+)（.*$/, '$1');

/** “（一）…”一行的自然人改为 52、总计改为 57; cells of different rows are named in full. */
function setText(set: CandidateSet, loc: Localization): Msg {
  const rows = new Set(set.changes.map((ch) => loc.rowLabels.get(ch.cell) ?? ''));
  const t4 = set.changes.some((ch) => ch.cell.column.label.includes('·'));
  if (rows.size === 1 && set.changes.length > 1 && !t4) {
    const row = shortRow([...rows][0]);
    return msg(`“${row}”一行的${set.changes.map((ch) => `${ch.cell.column.label}改为 ${ch.value}`).join('、')}`,
      `in row “${row}”, ${set.changes.map((ch) => `${ch.cell.column.label} to ${ch.value}`).join(', ')}`);
  }
  const name = (c: TypedCell) => (c.column.label.includes('·') ? `“${c.column.label}”` : `“${cellName(shortRow(loc.rowLabels.get(c) ?? ''), /total/.test(c.column.id) ? '总计' : c.column.label)}”`);
  return msg(set.changes.map((ch) => `${name(ch.cell)}改为 ${ch.value}`).join('、'), set.changes.map((ch) => `${name(ch.cell)} to ${ch.value}`).join(', '));
}

function setTitle(set: CandidateSet, loc: Localization): Msg {
  const what = setText(set, loc);
  return msg(`改正这一组数字（${set.changes.length} 处一起改）：${what.zh}`, `Correct these ${set.changes.length} figures together: ${what.en}`);
}

/** The sets offered as suggestions: all of them when there are at most three, else those the evidence supports. */
function offered(w: Weighed, amb: Ambiguity): Weighed['sets'] {
  if (!amb.open && w.sets.length <= MAX_OFFERED) return w.sets;
  return w.sets.filter((s) => s.support.length).slice(0, MAX_OFFERED);
}

function setSuggestion(s: Weighed['sets'][number], i: number, loc: Localization): Fix {
  const what = setText(s.set, loc);
  const n = s.set.changes.length;
  const why = s.support.length ? msg(`，与${s.support.map((e) => e.source.zh.replace(/^按/, '')).join('、')}一致`, `, as ${s.support.map((e) => e.source.en.replace(/^by /, '')).join(', ')}`) : msg('', '');
  return {
    kind: 'suggestion',
    title: n > 1
      ? msg(`可能的改法${CIRCLED[i]}：${what.zh}（${n} 处一起改${why.zh}）`, `Possible correction ${i + 1}: set ${what.en} (all ${n} together${why.en})`)
      : msg(`可能的改法${CIRCLED[i]}：${what.zh}${why.zh ? `（${why.zh.slice(1)}）` : ''}`, `Possible correction ${i + 1}: set ${what.en}${why.en ? ` (${why.en.slice(2)})` : ''}`),
    edits: s.set.changes.map((ch) => setCell(ch.cell, ch.value)),
  };
}

function names(u: Unresolved, rowLabels: Map<TypedCell, string>): string {
  const shown = u.candidates.slice(0, 4).map((c) => (u.identity.kind === 'review-total' ? `“${c.column.label}”` : quotedCell(c, rowLabels.get(c) ?? '')));
  return shown.join('、') + (u.candidates.length > 4 ? ` 等 ${u.candidates.length} 处` : '');
}

/** What the identities leave open: the candidate sets when few, else the cells that could be wrong. */
function openText(u: Unresolved, w: Weighed, loc: Localization): Msg {
  const amb = u.ambiguity;
  if (!amb.open && w.sets.length && w.sets.length <= CIRCLED.length) {
    const list = w.sets.map((s) => setText(s.set, loc));
    const multi = w.sets.some((s) => s.set.changes.length > 1);
    const but = w.against.length
      ? msg(`（${w.against.map((e) => e.source.zh).join('、')}，排除了其他改法）`, ` (${w.against.map((e) => e.source.en).join(', ')} rules out the others)`) : msg('', '');
    return msg(`表内勾稽关系无法确定哪${multi ? '些' : '个'}数字有误，可能的改法（各为一整组）：${list.map((m, i) => `${CIRCLED[i]}${m.zh}`).join('；')}${but.zh}`,
      `the identities cannot tell which figure${multi ? 's are' : ' is'} wrong; possible corrections (each a whole set): ${list.map((m, i) => `(${i + 1}) ${m.en}`).join('; ')}${but.en}`);
  }
  const who = names(u, loc.rowLabels);
  const count = amb.sets.length && !amb.open ? `（共 ${amb.sets.length} 种可能）` : '';
  return msg(`表内勾稽关系无法确定哪个数字有误${count}，可能是：${who}`, `which figure is wrong cannot be told${count ? ` (${amb.sets.length} possibilities)` : ''}; it could be: ${who}`);
}

function unresolvedFinding(u: Unresolved, loc: Localization, w: Weighed): Finding {
  const id = u.identity;
  const v = loc.values;
  const anchorValue = v.get(id.anchor)!;
  const sum = anchorValue + u.residual * (id.terms.find((t) => t.cell === id.anchor)!.coef === -1 ? 1 : -1);
  const left = termsText(id, v, 1);
  let head: Msg;
  // The head states the figures only: which of them is wrong is what the identities cannot tell.
  switch (id.kind) {
    case 'row-total':
      head = msg(`“${cellName(id.label, '总计')}”为 ${anchorValue}，本行各数之和为 ${sum}（${left}）`, `"${id.label}" total is ${anchorValue}, its row sums to ${sum} (${left})`);
      break;
    case 'column-total': {
      const parts = id.terms.filter((t) => t.coef === 1).map((t) => v.get(t.cell)!).filter((x) => x !== 0);
      head = msg(`${cellName('（七）总计', id.label)}为 ${anchorValue}，（一）至（六）各行之和为 ${sum}（${parts.join('+') || '0'}）`,
        `（七）total, ${id.label}: is ${anchorValue}, the rows （一）…（六） sum to ${sum} (${parts.join('+') || '0'})`);
      break;
    }
    case 'balance': {
      const [a, b, x, y] = id.terms.map((t) => v.get(t.cell)!);
      head = msg(`勾稽关系不平衡（${id.label}）：一 + 二 = ${a} + ${b} = ${a + b}，三（七）+ 四 = ${x} + ${y} = ${x + y}`,
        `${tableName('t3').en} does not balance (${id.label}): 一 + 二 = ${a} + ${b} = ${a + b}, 三（七） + 四 = ${x} + ${y} = ${x + y}`);
      break;
    }
    default:
      head = msg(`${id.label}总计为 ${anchorValue}，各分项之和为 ${sum}（${left}）`, `${id.label} total is ${anchorValue}, its parts sum to ${sum} (${left})`);
  }
  const open = openText(u, w, loc);
  const cells = [...new Set(w.sets.length ? w.sets.flatMap((s) => s.set.changes.map((ch) => ch.cell)) : u.candidates)];
  return {
    start: id.anchor.cell.start, end: id.anchor.cell.end,
    message: msg(`${head.zh}；${open.zh}`, `${head.en}; ${open.en}`),
    suggestions: offered(w, u.ambiguity).map((s, i) => setSuggestion(s, i, loc)),
    related: cells.slice(0, 20).map((c) => ({ start: c.cell.start, end: c.cell.end, message: COULD_BE_WRONG })),
  };
}

/**
 * The cells the evidence decided, with their values: carry-over leaves a 上年结转 cell to the identity
 * finding that already names last year's figure (one problem, one finding).
 */
export function decidedCells(loc: Localization, src: EvidenceSource): Map<TypedCell, number> {
  const out = new Map<TypedCell, number>();
  for (const u of loc.unresolved) {
    const w = weigh(u.ambiguity, loc, src);
    for (const ch of w.decided?.set.changes ?? []) out.set(ch.cell, ch.value);
  }
  return out;
}

/** Every finding of one identity kind; `src` (the rule context) gives the evidence that may decide an ambiguity. */
export function identityFindings(kind: IdentityKind, loc: Localization, src?: EvidenceSource): Finding[] {
  const out: Finding[] = [];
  for (const c of loc.culprits) if (c.kind === kind) out.push(culpritFinding(c, loc));
  const decidedDone = new Set<Ambiguity>();
  for (const u of loc.unresolved) {
    const amb = u.ambiguity;
    const w = weigh(amb, loc, src);
    if (!w.decided) {
      if (u.identity.kind === kind) out.push(unresolvedFinding(u, loc, w));
      continue;
    }
    if (decidedDone.has(amb)) continue;
    decidedDone.add(amb);
    for (const ch of w.decided.set.changes) {
      const broken = amb.identities.filter((id) => id.terms.some((t) => t.cell === ch.cell));
      if (!broken.length || broken[0].kind !== kind) continue;
      const culprit: Culprit = { cell: ch.cell, rowLabel: loc.rowLabels.get(ch.cell) ?? '', actual: loc.values.get(ch.cell)!, expected: ch.value, broken, kind };
      const own = w.decided.evidence.filter((e) => e.cell === ch.cell);
      out.push(culpritFinding({ ...culprit, set: w.decided.set }, loc, own.length ? own : w.decided.evidence));
    }
  }
  return out;
}
