/**
 * Reading one sentence: its clauses, the count each states (a number whose clause names exactly one
 * known quantity and nothing unknown), the shares stated of them, and the qualitative statements.
 */
import { Segment, offsetAt, splitClauses } from '../segments';
import { COLUMN_WORDS, NEGATIONS, SHARE_BASE } from '../vocabulary/claims';
import { NOT_REPORT_YEAR_WORDS } from '../vocabulary/years';
import { Ctx, isTopic, mentionsApplications, span } from './context';
import { SentenceInfo, firstApplication, readQualitative } from './qualitative';
import { ALL_VOCAB, CARRYOVER_VOCAB, Hit, NumTok, findWords, numbers, residue, toAscii } from './tokens';
import type { CountClaim, Part, PercentClaim, Quantity, Topic } from './types';

const BASE_Q: Quantity[] = ['received', 'new', 'handled', 'answered'];

export const INFO_RE = /信息公开|依申请|政务公开/;
/** A clause can hold a claim only if it has a unit, a share, a negation, an "all" word, a fee or a review/litigation topic. */
const TRIGGER = /[件宗%％未无没均所全费复诉]/;
/** A clause right after a 予以公开 count that says it includes 部分公开. */
const INCLUDES_PARTIAL = /^\s*(?:含|包括|包含)\s*部分公开/;
/** A bracket right after a count that widens its scope: （含县区、部门）, （包括下属单位）. */
const WIDER_SCOPE = /^\s*(?:含|包括|包含)[^部]*?(?:县|区|乡|镇|村|社区|街道|部门|单位|下属|所属|直属|系统|各)/;
const YEAR_RE = /((?:19|20)[0-9]{2})\s*年/g;

function otherYear(text: string, year: number | null): boolean {
  if (year === null) return false;
  for (const m of text.matchAll(YEAR_RE)) if (Number(m[1]) !== year) return true;
  return false;
}

/** A year inside 《》 or 〔〕 names a document, not the time of the sentence. */
function cited(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf('《') > before.lastIndexOf('》') || before.lastIndexOf('〔') > before.lastIndexOf('〕');
}

/**
 * The one year a sentence speaks of, with where it is written, or null: none, several, a cited document's
 * year, or a year of a comparison, a span or a plan (较2021年, 2021年以来, 计划2023年).
 */
function onlyYear(text: string): { year: number; at: number } | null {
  const found = [...text.matchAll(YEAR_RE)];
  if (found.length !== 1 || cited(text, found[0].index!) || NOT_REPORT_YEAR_WORDS.some((w) => text.includes(w))) return null;
  if (/[较比自从至到]\s*$/.test(text.slice(0, found[0].index!))) return null;
  if (!headsSentence(text, found[0].index!, found[0].index! + found[0][0].length)) return null;
  return { year: Number(found[0][1]), at: found[0].index! };
}

/**
 * Whether the year dates the sentence: it heads it ("2023年，…", "2023年全年…", "我局2023年共…"), not a
 * comparison (与2023年相比, 与2023年持平), a bracket ((2023年为2800件)), a date (2023年12月), a document's
 * revision (2023年修订的) or a carry-over (2023年度结转) later in the sentence.
 */
function headsSentence(text: string, at: number, end: number): boolean {
  const before = text.slice(0, at).trim();
  if (!/^[\u4e00-\u9fff]{0,8}$/.test(before) || /[与和同跟较比及为]/.test(before)) return false;
  return !/^\s*(?:度\s*)?(?:[0-9０-９一二三四五六七八九十]+\s*月|结转|修订|印发|出台|制定|发布|颁布|相比|持平|同期)/.test(text.slice(end));
}

/** A sentence about one other year: its counts, read as if that year were the report's, go to ctx.dated. */
function readDated(sentence: Segment, prev: { apps: boolean; info: boolean }, ctx: Ctx): void {
  const only = onlyYear(sentence.text);
  if (!only || ctx.year === null || only.year === ctx.year) return;
  const sub: Ctx = { ...ctx, year: only.year, claims: [], dated: [] };
  readSentence(sentence, prev, sub);
  ctx.budget = sub.budget;
  const yearStart = offsetAt(sentence, only.at);
  for (const claim of sub.claims) {
    if (claim.kind !== 'count') continue;
    ctx.dated.push({ year: only.year, claim, yearStart, yearEnd: offsetAt(sentence, only.at + 3) + 1, sentence: sentence.text.trim() });
  }
}

export function readSentence(sentence: Segment, prev: { apps: boolean; info: boolean }, ctx: Ctx): { apps: boolean; info: boolean } {
  const prevHasApps = prev.apps;
  const hasApps = mentionsApplications(sentence.text);
  const appDomain = hasApps || prevHasApps;
  // Review and litigation counts only where they are about 政府信息公开 (a 司法局 also reports its own caseload).
  const s4 = ctx.section4;
  const hasInfo = INFO_RE.test(sentence.text);
  // Most sentences state nothing we read (no unit, share, negation, fee or topic): nothing more to do.
  if (!TRIGGER.test(sentence.text)) return { apps: hasApps, info: hasInfo };
  const infoDomain = hasInfo || prev.info || (!!s4 && offsetAt(sentence, 0) >= s4.start && offsetAt(sentence, 0) <= s4.end);
  let topic: Topic | null = null;
  const topicsSeen: Topic[] = [];
  // The first total and the last topic total of the sentence: the bases a share may be taken of.
  let sentenceBase: CountClaim | null = null;
  const topicTotals = new Map<Quantity, CountClaim>();
  let lastCount: CountClaim | null = null;
  /** The last application count of the sentence: "涉及自然人72件" breaks it down by applicant. */
  let parentCount: CountClaim | null = null;
  // "被申请行政复议、提起行政诉讼共3件" is one clause: a list's part without a number does not stand alone.
  const clauses = splitClauses(sentence, (part) => numbers(part.text, ['件', '宗']).length === 0);
  // A sentence about another year (2022年收到申请 98 件, in a 2023 report) states no figure of this report.
  const aboutOtherYear = otherYear(sentence.text, ctx.year);
  if (aboutOtherYear) readDated(sentence, prev, ctx);
  let uncertain = aboutOtherYear;
  const info: SentenceInfo = {
    reviewOrLitigation: /复议|诉讼/.test(sentence.text), firstApp: firstApplication(sentence.text),
    carryover: findWords(sentence.text, CARRYOVER_VOCAB).length > 0,
  };
  for (const clause of clauses) {
    const text = clause.text;
    // "予以公开1816件（含部分公开454件）": the count covers 部分公开 too.
    if (lastCount?.quantity === 'grant' && INCLUDES_PARTIAL.test(text)) {
      lastCount.quantity = 'grant-partial';
      delete lastCount.orWithPartial;
    }
    // "受理申请 12000 件（含县区、部门）": a wider scope than the reporting body's; the rest of the sentence is uncertain.
    if (lastCount && /[（(]/.test(sentence.text[(clause.at ?? 0) - 1] ?? '') && WIDER_SCOPE.test(text)) {
      const k = ctx.claims.indexOf(lastCount);
      if (k >= 0) ctx.claims.splice(k, 1);
      if (ctx.paraBase === lastCount) ctx.paraBase = null;
      if (sentenceBase === lastCount) sentenceBase = null;
      parentCount = lastCount = null;
      uncertain = true;
      continue;
    }
    // Most clauses state nothing we read: skip them cheaply, and stop after a budget (pathological input).
    if (!TRIGGER.test(text)) {
      lastCount = null;
      continue;
    }
    if (--ctx.budget < 0) return { apps: hasApps, info: hasInfo };
    const hits = findWords(text, ALL_VOCAB);
    const clauseTopics = hits.map((h) => h.word.quantity).filter(isTopic);
    const nums = numbers(text, ['件', '宗']);
    const prevCount = lastCount;
    let here: CountClaim | null = null;
    if (!aboutOtherYear) readQualitative(clause, hits, infoDomain ? topicsSeen : [], appDomain, infoDomain, info, ctx);
    const negated = hits.some((h) => NEGATIONS.some((n) => text.slice(Math.max(0, h.start - n.length), h.start) === n));
    if (nums.length === 1 && !negated && !uncertain) {
      // A bare verb (办结 N 件) continues the applications of the clause before it, and nothing else.
      const chained: boolean = lastCount !== null && !isTopic(lastCount.quantity);
      const claim: CountClaim | null = readCount(clause, nums[0], hits, topic, appDomain, infoDomain, chained, ctx)
        ?? (parentCount && !hits.length ? readColumnCount(clause, nums[0], parentCount, ctx) : null);
      if (claim) {
        if (BASE_Q.includes(claim.quantity)) ctx.paraBase = claim;
        ctx.claims.push(claim);
        if (BASE_Q.includes(claim.quantity)) sentenceBase ??= claim;
        if (isTopic(claim.quantity) && !claim.part) topicTotals.set(claim.quantity, claim);
        lastCount = claim;
        here = claim;
        if (!claim.columns && !isTopic(claim.quantity)) parentCount = claim;
      } else {
        lastCount = null;
        // A count we could not place makes the rest of the sentence uncertain ("某中心受理办件 N 件，办结 M 件").
        uncertain = true;
      }
    } else if (nums.length) {
      lastCount = null;
      uncertain = true;
    }
    const pct = percentOf(clause, here, prevCount, sentenceBase, topicTotals, ctx);
    if (pct) ctx.claims.push(pct);
    for (const t of clauseTopics) if (!topicsSeen.includes(t)) topicsSeen.push(t);
    if (clauseTopics.length === 1) topic = clauseTopics[0];
    else if (clauseTopics.length > 1) topic = null;
  }
  return { apps: hasApps, info: hasInfo };
}

function readCount(clause: Segment, num: NumTok, hits: Hit[], inherited: Topic | null, appDomain: boolean, infoDomain: boolean, chained: boolean, ctx: Ctx): CountClaim | null {
  const text = clause.text;
  const strong = hits.filter((h) => !h.word.weak);
  const parts = [...new Set(strong.map((h) => h.word.part).filter((p): p is Part => !!p))];
  const topics = [...new Set(strong.map((h) => h.word.quantity).filter(isTopic))];
  const others = [...new Set(strong.map((h) => h.word.quantity).filter((q): q is Quantity => !!q && !isTopic(q)))];
  let quantity: Quantity | null = null;
  let part: Part | undefined;
  if (parts.length) {
    if (parts.length > 1 || others.length || topics.length > 1) return null;
    const t = topics[0] ?? inherited;
    if (!t) return null;
    quantity = t;
    part = parts[0];
  } else if (topics.length) {
    if (topics.length > 1 || others.length) return null;
    quantity = topics[0];
  } else if (others.length) {
    if (others.length === 2 && others.includes('grant') && others.includes('partial')) quantity = 'grant-partial';
    else if (others.length === 1) quantity = others[0];
    else return null;
  } else {
    const weak = [...new Set(hits.map((h) => h.word.quantity!))];
    if (weak.length !== 1) return null;
    if (!mentionsApplications(text) && !chained) return null;
    // "收到申请20件，其中18件已办结": a part of the count before, not the table's （七）总计.
    if (text.includes('其中')) return null;
    quantity = weak[0];
  }
  if (!isTopic(quantity) && !appDomain) return null;
  if (isTopic(quantity) && !infoDomain) return null;
  if (isTopic(quantity) && !part && hits.some((h) => h.word.weak)) return null;
  // Every word of the clause must be understood; a subject or object we do not know makes it uncertain.
  const rest = residue(text, [...hits, { start: num.start, end: num.unitEnd }], ctx.agency);
  if (rest) return null;
  const used = hits.filter((h) => !h.word.weak || !strong.length);
  const from = Math.min(num.start, ...used.map((h) => h.start));
  const to = Math.max(num.unitEnd, ...used.map((h) => h.end));
  const orWithPartial = quantity === 'grant' && strong.some((h) => h.word.text === '同意公开');
  return {
    kind: 'count', quantity, ...(part ? { part } : {}), ...(orWithPartial ? { orWithPartial } : {}), value: num.value, unit: num.unit,
    ...span(clause, from, to), numStart: offsetAt(clause, num.start), numEnd: offsetAt(clause, num.end - 1) + 1,
  };
}

/** 自然人 N 件, 法人或其他组织 N 件 after an application count: the same quantity in those columns. */
function readColumnCount(clause: Segment, num: NumTok, parent: CountClaim, ctx: Ctx): CountClaim | null {
  const text = clause.text;
  const found = COLUMN_WORDS.map((c) => ({ c, at: text.indexOf(c.text) })).filter((x) => x.at >= 0);
  if (found.length !== 1 || parent.columns || parent.part) return null;
  const { c, at } = found[0];
  if (residue(text, [{ start: at, end: at + c.text.length }, { start: num.start, end: num.unitEnd }], ctx.agency, ['提出', '提交', '来自'])) return null;
  return {
    kind: 'count', quantity: parent.quantity, columns: c.columns, value: num.value, unit: num.unit,
    ...span(clause, Math.min(at, num.start), Math.max(at + c.text.length, num.unitEnd)),
    numStart: offsetAt(clause, num.start), numEnd: offsetAt(clause, num.end - 1) + 1,
  };
}

function percentOf(clause: Segment, here: CountClaim | null, prevCount: CountClaim | null, sentenceBase: CountClaim | null, topicTotals: Map<Quantity, CountClaim>, ctx: Ctx): PercentClaim | null {
  const text = clause.text;
  const pcts = numbers(text, ['%', '％']);
  if (pcts.length !== 1) return null;
  const p = pcts[0];
  const zhan = text.lastIndexOf('占', p.start);
  if (zhan < 0) return null;
  // The count is in this clause (before 占) or the one before it; the words between 占 and the figure name the base.
  const counts = numbers(text, ['件', '宗']);
  const count = counts.length ? (counts.length === 1 && counts[0].start < zhan ? here : null) : prevCount;
  if (!count) return null;
  // A subject named before 占 (自然人申请占96%, 予以公开的占40%) makes it another figure's share, not this count's.
  const subjectFrom = counts.length ? counts[0].unitEnd : 0;
  if (residue(text.slice(subjectFrom, zhan), [], ctx.agency)) return null;
  const baseWords = text.slice(zhan, p.start);
  if (residue(baseWords, [], null, SHARE_BASE)) return null;
  const raw = toAscii(text.slice(p.start, p.end));
  const decimals = raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0;
  const base = (sentenceBase !== count ? sentenceBase : null) ?? (ctx.paraBase !== count ? ctx.paraBase : null);
  const parentBase = count.part ? topicTotals.get(count.quantity) ?? null : null;
  return {
    kind: 'percent', value: Number(raw), decimals, count, base: count.part ? parentBase : base, ...span(clause, zhan, p.unitEnd),
    numStart: offsetAt(clause, p.start), numEnd: offsetAt(clause, p.unitEnd - 1) + 1,
  };
}
