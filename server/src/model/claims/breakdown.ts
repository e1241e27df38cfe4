/**
 * Breakdowns the prose states: a whole and the parts it is divided into, in one sentence
 * (共梳理信息400条，其中主动公开150条，依申请公开120条，不予公开100条; 在主动公开的52条信息中，政策文件3条，…),
 * and the shares stated of its parts (主动公开的占37.5%). A list is read only when its wording makes it
 * whole: introduced by 其中 (or 在…中), every part a label and an exact figure in the whole's unit, and
 * no word that makes it partial (等, 包括, 主要…) or a figure inexact (余, 约…). Lists of table figures
 * (收到申请…件，其中予以公开…件) are left to the table check. Never throws: a failure means no breakdowns.
 */
import type { Report } from '../report';
import { PART_STOPS, Paragraph, SENTENCE_STOPS, Segment, offsetAt, paragraphs, splitSegment, subSegment } from '../segments';
import { codesOf } from '../text';
import {
  BREAKDOWN_UNITS, CHANGE_WORDS, CHANNEL_WORDS, INEXACT_WORDS, PARTIAL_WORDS, PART_FILLERS, PART_LEAD, REMAINDER_WORDS, SHARE_FILLERS,
} from '../vocabulary/breakdowns';
import { readClaims } from './index';
import { ALL_VOCAB, NumTok, findWords, isCjk, numbers, toAscii } from './tokens';
import { Memo } from '../../base/memo';

/** A figure of the prose: its label as written, its value and unit, the whole phrase and the number's range. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  phrase: string;
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
}

/** A share stated of one part (占37.5%): the figure with its % sign. */
export interface Share {
  part: number;
  value: number;
  decimals: number;
  phrase: string;
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
}

export interface Breakdown {
  total: Figure;
  parts: Figure[];
  /** The last part is the rest (其他, 其余): by its own wording the parts add up to the whole. */
  closed: boolean;
  /** The parts name channels of publication (网站, 微信): they may overlap, so more than the whole is no error. */
  channels: boolean;
  shares: Share[];
}

const CLAUSE_AND_PART_STOPS = codesOf('，,、：:；;');
const BRACKETS = /[（）()【】]/;
const CACHE = new Memo<Report, Breakdown[]>();
/** The units of tables 三 and 四. */
const TABLE_UNITS = ['件', '宗'];
const MAX_PROSE = 200_000;

/** Every breakdown of the report's prose, in text order (computed once per report). */
export function readBreakdowns(report: Report): Breakdown[] {
  const cached = CACHE.get(report);
  if (cached) return cached;
  let out: Breakdown[] = [];
  try {
    // Parts the claims reader placed in the tables (收到申请…件，其中予以公开…件) are checked against the tables instead.
    const tableFigures = new Set(readClaims(report).flatMap((c) => (c.kind === 'count' ? [c.numStart] : [])));
    let total = 0;
    const paras = paragraphs(report);
    for (let k = 0; k < paras.length; k++) {
      const para = paras[k];
      if ((total += para.text.length) > MAX_PROSE) break;
      if (!para.text.includes('中')) continue; // 其中, 在…中: a paragraph without 中 holds no breakdown
      for (const b of [...readParagraph(para), ...readItems(para, paras, k)]) {
        if (b.parts.some((p) => tableFigures.has(p.numStart))) continue;
        // Applications by outcome in words the claims reader did not place (作出不予公开答复12件): still table figures.
        if (TABLE_UNITS.includes(b.total.unit) && b.parts.some((p) => findWords(p.label, ALL_VOCAB).some((h) => !h.word.weak))) continue;
        out.push(b);
      }
    }
  } catch {
    out = [];
  }
  CACHE.set(report, out);
  return out;
}

/** A clause of a sentence (cut at ，、：；) as a view of its paragraph. */
interface Clause { seg: Segment; text: string }

function clausesOf(sentence: Segment): Clause[] {
  return splitSegment(sentence, CLAUSE_AND_PART_STOPS).map((seg) => ({ seg, text: seg.text }));
}

function readParagraph(para: Paragraph): Breakdown[] {
  const out: Breakdown[] = [];
  // The last clause of the sentence before: "共梳理信息400条。其中，主动公开150条，…".
  let before: Clause | null = null;
  for (const sentence of splitSegment(para, SENTENCE_STOPS)) {
    const clauses = clausesOf(sentence);
    out.push(...readClauses(clauses, before));
    before = clauses.length ? clauses[clauses.length - 1] : null;
  }
  // Shares stated later in the paragraph: "主动公开的占37.5%".
  for (const b of out) readLaterShares(para, b);
  return out;
}

/** A list item on a line of its own: 1.机构职能类3条； （二）政策文件类9条； 三是规划计划类14条。 */
const ITEM_RE = /^\s*(?:[（(]?[0-9０-９一二三四五六七八九十]{1,2}[）)、.．]|[一二三四五六七八九十]是)/;
const MAX_ITEMS = 30;

/** A whole introduced at the end of a paragraph (其中： / 在…中：) with its parts as list items on the lines after it. */
function readItems(para: Paragraph, paras: Paragraph[], k: number): Breakdown[] {
  if (!/[：:]\s*$/.test(para.text)) return [];
  const items: Clause[] = [];
  for (let j = k + 1; j < paras.length && j <= k + MAX_ITEMS && ITEM_RE.test(paras[j].text); j++) {
    const sentences = splitSegment(paras[j], SENTENCE_STOPS);
    const item = sentences.length === 1 ? clausesOf(sentences[0]) : [];
    if (item.length !== 1) return []; // an item that says more than a label and a figure
    items.push(item[0]);
  }
  if (items.length < 2) return [];
  const sentences = splitSegment(para, SENTENCE_STOPS);
  const own = clausesOf(sentences[sentences.length - 1]);
  return readClauses([...own, ...items], null).filter((b) => b.parts.some((p) => p.start >= items[0].seg.offsets[items[0].seg.base]));
}

/** The breakdowns of a run of clauses: a whole (before 其中, or 在…中) and the parts after it. */
function readClauses(clauses: Clause[], before: Clause | null): Breakdown[] {
  const out: Breakdown[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const t = clauses[i].text.trim();
    let whole: Figure | null = null;
    let from = i;
    if (t.startsWith('其中')) {
      const prev = i > 0 ? clauses[i - 1] : before;
      whole = prev ? totalOf(prev) : null;
      // 办理人大建议15件、政协提案20件，其中…: 其中 may speak of both; a whole after another figure in its unit must say it is one (共, 合计).
      const unit = whole?.unit;
      if (unit && i > 1 && !/共|合计|总计|累计/.test(clauses[i - 1].text) && clauses.slice(0, i - 1).some((c) => figureIn(c.text, unit))) whole = null;
      if (t === '其中') from = i + 1;
    } else if (t.endsWith('中')) {
      whole = inTotalOf(clauses[i]);
      from = i + 1;
    }
    if (!whole) continue;
    const b = partsOf(clauses, from, whole);
    if (b) out.push(b);
  }
  return out;
}

function hasAny(text: string, words: string[]): boolean {
  return words.some((w) => text.includes(w));
}

/** The one exact figure of a clause in a breakdown unit, digits only. */
function figureIn(text: string, unit?: string): NumTok | null {
  const nums = numbers(text, unit ? [unit] : BREAKDOWN_UNITS).filter((n) => /[0-9０-９]/.test(text.slice(n.start, n.end)));
  if (nums.length !== 1) return null;
  const n = nums[0];
  // An inexact figure: 约400条, 400条左右 (400余条 has no unit after the digits and is not read at all).
  const beforeNum = text.slice(Math.max(0, n.start - 2), n.start);
  const afterUnit = text.slice(n.unitEnd, n.unitEnd + 2);
  if (INEXACT_WORDS.some((w) => beforeNum.endsWith(w) || afterUnit.startsWith(w))) return null;
  if (/[.．]/.test(text.slice(n.start, n.end))) return null;
  return n;
}

function figure(c: Clause, n: NumTok, label: string, from: number, to: number): Figure {
  return {
    label, value: n.value, unit: n.unit, phrase: c.text.slice(from, to).trim(),
    start: offsetAt(c.seg, from), end: offsetAt(c.seg, to - 1) + 1,
    numStart: offsetAt(c.seg, n.start), numEnd: offsetAt(c.seg, n.end - 1) + 1,
  };
}

/** "共梳理信息400条": a clause with one exact figure that is not a change or a rate. */
function totalOf(c: Clause): Figure | null {
  const n = figureIn(c.text);
  if (!n || hasAny(c.text, CHANGE_WORDS) || /[%％]/.test(c.text) || BRACKETS.test(c.text)) return null;
  const label = c.text.slice(0, n.start).trim();
  return figure(c, n, label, 0, c.text.trimEnd().length);
}

/** "在主动公开的52条信息中": the whole named around its figure. */
function inTotalOf(c: Clause): Figure | null {
  const t = c.text.trim();
  if (!/^[在从]/.test(t) || t.length > 40) return null;
  const lead = c.text.length - c.text.trimStart().length;
  const n = figureIn(c.text);
  if (!n || hasAny(c.text, CHANGE_WORDS) || BRACKETS.test(c.text)) return null;
  const label = (c.text.slice(lead + 1, n.start) + c.text.slice(n.unitEnd, c.text.trimEnd().length - 1)).replace(/的/g, '');
  return figure(c, n, label, lead, c.text.trimEnd().length);
}

function stripLead(text: string): { text: string; cut: number } {
  const item = ITEM_RE.exec(text);
  let s = item ? text.slice(item[0].length) : text;
  let cut = item ? item[0].length : 0;
  for (let again = true; again;) {
    again = false;
    for (const w of PART_LEAD) {
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        cut += w.length;
        again = true;
      }
    }
  }
  return { text: s, cut };
}

function stripFillers(label: string): string {
  let s = label;
  for (let again = true; again;) {
    again = false;
    for (const w of PART_FILLERS) {
      if (s.length > w.length && s.endsWith(w)) {
        s = s.slice(0, -w.length);
        again = true;
      }
    }
  }
  return s;
}

/** A share clause after a part: "占37.5%", "占比37.5%", "占总数的37.5%". */
function shareIn(c: Clause, part: number, base: string): Share | null {
  const m = /占(?:比|总数的?|全部的?|总量的?|比重)?为?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]$/.exec(c.text.trim());
  if (!m) return null;
  const lead = c.text.length - c.text.trimStart().length;
  const before = c.text.trim().slice(0, m.index);
  if (before && normalise(before) !== base) return null;
  const raw = toAscii(m[1]);
  const numFrom = lead + m.index + m[0].indexOf(m[1]);
  const end = lead + m.index + m[0].length;
  return {
    part, value: Number(raw), decimals: raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0,
    phrase: c.text.trim(), start: offsetAt(c.seg, lead), end: offsetAt(c.seg, end - 1) + 1,
    numStart: offsetAt(c.seg, numFrom), numEnd: offsetAt(c.seg, end - 1) + 1,
  };
}

/** A label as a share may name it: 主动公开 for 主动公开信息, 主动公开的. */
function normalise(label: string): string {
  let s = label.trim();
  for (const w of SHARE_FILLERS) s = s.split(w).join('');
  return s;
}

/** A bracketed share at the end of a clause: 占37.5%, 占比37.5%. Bounded, so linear. */
const PAREN_SHARE = /[（(]([^（）()]{1,16}[%％])[）)]\s*$/;

function splitShare(c: Clause): { clause: Clause; share: Clause | null } {
  const m = PAREN_SHARE.exec(c.text);
  if (!m) return { clause: c, share: null };
  const from = m.index + 1;
  return {
    clause: { seg: subSegment(c.seg, 0, m.index), text: c.text.slice(0, m.index) },
    share: { seg: subSegment(c.seg, from, from + m[1].length), text: m[1] },
  };
}

function partsOf(clauses: Clause[], from: number, whole: Figure): Breakdown | null {
  const parts: Figure[] = [];
  const shares: Share[] = [];
  let aside = false;
  let i = from;
  for (; i < clauses.length; i++) {
    // A share in brackets after the figure (主动公开150条（占37.5%）) is read as the part's share.
    const { clause: c, share: paren } = splitShare(clauses[i]);
    const raw = c.text;
    // An item's own number (（二）) is not a bracketed aside.
    const plain = raw.replace(ITEM_RE, '');
    if (BRACKETS.test(plain) || hasAny(plain, PARTIAL_WORDS)) return null;
    if (parts.length) {
      const share = shareIn(c, parts.length - 1, '');
      if (share) {
        shares.push({ ...share, phrase: `${parts[parts.length - 1].phrase}，${share.phrase}` });
        continue;
      }
    }
    // A nested 其中 (工作动态120条，其中图片新闻100条) breaks a part down; 另… (另转载上级信息30条) is outside the whole.
    if (parts.length && /^(?:其中|另)/.test(plain.trim())) {
      aside = true;
      break;
    }
    const lead = raw.length - raw.trimStart().length;
    const { text: body, cut } = stripLead(raw.trim());
    const n = figureIn(body, whole.unit);
    if (!n || body.slice(n.unitEnd).trim() !== '') break;
    const label = stripFillers(body.slice(0, n.start).trim());
    if (!label || label.length > 24 || ![...label].every(isCjk) || hasAny(label, CHANGE_WORDS)) break;
    const offset = lead + cut;
    parts.push(figure(c, { ...n, start: n.start + offset, end: n.end + offset, unitEnd: n.unitEnd + offset }, label, offset, offset + n.unitEnd));
    if (paren) {
      const share = shareIn(paren, parts.length - 1, '');
      if (!share) return null; // an aside we do not understand
      shares.push({ ...share, phrase: `${parts[parts.length - 1].phrase}（${share.phrase}）` });
    }
  }
  if (parts.length < 2) return null;
  // After a sub-item or an addition the writer may have listed some parts only: a list that does not add up says nothing.
  if (aside && parts.reduce((a, p) => a + p.value, 0) !== whole.value) return null;
  // The list must end the sentence, or be followed by words only (做到应公开尽公开), never by more figures or "the rest".
  for (let k = aside ? clauses.length : i; k < clauses.length; k++) {
    const rest = clauses[k].text;
    if (/[0-9０-９]/.test(rest) || hasAny(rest, REMAINDER_WORDS) || hasAny(rest, PARTIAL_WORDS) || rest.includes('其中')) return null;
  }
  const labels = new Set(parts.map((p) => p.label));
  if (labels.size !== parts.length) return null;
  const last = parts[parts.length - 1].label;
  return {
    total: whole, parts, shares,
    closed: REMAINDER_WORDS.some((w) => last.startsWith(w)),
    channels: parts.some((p) => hasAny(p.label, CHANNEL_WORDS)),
  };
}

/** Later clauses of the paragraph that state a share of one of the parts by its label. */
function readLaterShares(para: Paragraph, b: Breakdown): void {
  const after = b.parts[b.parts.length - 1].end;
  const bases = b.parts.map((p) => normalise(p.label));
  for (const sentence of splitSegment(para, SENTENCE_STOPS)) {
    for (const part of splitSegment(sentence, PART_STOPS)) {
      for (const c of clausesOf(part)) {
        if (offsetAt(c.seg, 0) <= after || !c.text.includes('占')) continue;
        const before = c.text.trim().split('占')[0];
        const k = bases.indexOf(normalise(before));
        if (k < 0 || !before.trim()) continue;
        const share = shareIn(c, k, bases[k]);
        if (share && !b.shares.some((s) => s.numStart === share.numStart)) b.shares.push(share);
      }
    }
  }
}
