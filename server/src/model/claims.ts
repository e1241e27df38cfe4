/**
 * What the prose states: every numeric or yes/no statement the engine can read with certainty from
 * the narrative (收到申请 3119 件, 予以公开及部分公开 258 件, 行政复议 7 件, 均获维持, 未收取信息处理费,
 * 占 45.6%), with the quantity it speaks of, its value, unit and exact range. A number is read only
 * when its clause names exactly one known quantity and every other word of the clause is a known
 * filler (time, scope, adverbs); anything else is uncertain and left out. Rules compare these claims
 * with the tables (see claim-check.ts); they never scan the text themselves.
 */
import type { Report } from './report';
import { CLAUSE_STOPS, PART_STOPS, SENTENCE_STOPS, Segment, offsetAt, paragraphs, splitSegment, subSegment } from './segments';
import { chineseToNumber, codesOf, isIdeograph } from './text';

/** Quantities of table 三 (applications) and table 四 (review and litigation) a count may speak of. */
export type Quantity =
  | 'received' | 'new' | 'carried' | 'answered' | 'handled'
  | 'grant' | 'partial' | 'grant-partial' | 'deny' | 'unable' | 'reject' | 'other'
  | 'carryover'
  | 'review' | 'litigation' | 'direct' | 'after';
export type Topic = 'review' | 'litigation' | 'direct' | 'after';
/** A part of a table 四 group: 结果维持, 结果纠正, 其他结果, 尚未审结. */
export type Part = 'maintain' | 'correct' | 'other' | 'pending';

interface Span {
  start: number;
  end: number;
  /** The words that make the statement, as written (for messages). */
  phrase: string;
}

export interface CountClaim extends Span {
  kind: 'count';
  quantity: Quantity;
  part?: Part;
  /** Applicant columns of table 三 the count is restricted to (自然人 = [0], 法人或其他组织 = [1..5]). */
  columns?: number[];
  value: number;
  unit: string;
  /** The number itself: a diagnostic covers exactly this. */
  numStart: number;
  numEnd: number;
}
/** "未收到政府信息公开申请", "未发生…行政复议": the quantity is zero. */
export interface NoneClaim extends Span { kind: 'none'; quantity: 'received' | Topic }
/** "均获维持" (every case upheld) or "均已结案" (none pending) about the topics named before it. */
export interface AllClaim extends Span { kind: 'all-upheld' | 'all-closed'; topics: Topic[] }
/** "所有申请均已办理完成": nothing carried over to next year. */
export interface SettledClaim extends Span { kind: 'all-settled' }
/** A statement about fees: 信息处理费 (info) or 行政事业性收费 (admin); value 0 for "未收取". */
export interface FeeClaim extends Span { kind: 'fee'; fee: 'info' | 'admin'; value: number; unit: string | null; numStart?: number; numEnd?: number }
/** "占总数的45.6%": a share of a stated count over a total. */
export interface PercentClaim extends Span {
  kind: 'percent';
  value: number;
  /** The figure with its % sign. */
  numStart: number;
  numEnd: number;
  decimals: number;
  count: CountClaim;
  /** The stated total of the same paragraph the share may be taken of, if any. */
  base: CountClaim | null;
}

export type Claim = CountClaim | NoneClaim | AllClaim | SettledClaim | FeeClaim | PercentClaim;

// ------------------------------------------------------------------ vocabulary (the only place it is spelled)

interface Word { text: string; quantity?: Quantity; part?: Part; weak?: boolean }

function words(list: string[], q: Omit<Word, 'text'>): Word[] {
  return list.map((text) => ({ text, ...q }));
}
function product(...parts: string[][]): string[] {
  return parts.reduce<string[]>((acc, p) => acc.flatMap((a) => p.map((b) => a + b)), ['']);
}

const CARRYOVER_WORDS = [
  ...product(['结转', '顺延', '转入', '转至', '转到', '转', '结转至', '结转到', '顺延至', '顺延到'], ['下年度', '下一年度', '下年', '下一年'], ['', '继续办理', '办理', '答复', '办理答复', '继续答复']),
  '跨年度办理',
];
const CARRIED_WORDS = product(['上年', '上年度', '上一年度', '上一年'], ['结转', '转入', '遗留']);

const VOCAB: Word[] = [
  ...words(['收到', '受理', '接收', '接到', '共收到'], { quantity: 'received', weak: true }),
  ...words(['新收', '本年新收', '新收到'], { quantity: 'new' }),
  ...words(CARRIED_WORDS, { quantity: 'carried' }),
  ...words(['办结', '答复', '回复', '办理完毕', '办理完成', '处理完毕', '完成办理', '作出答复', '予以答复'], { quantity: 'answered', weak: true }),
  ...words(['办理', '处理'], { quantity: 'handled', weak: true }),
  ...words(['予以公开', '同意公开', '全部公开'], { quantity: 'grant' }),
  ...words(['部分公开'], { quantity: 'partial' }),
  ...words(product(['予以公开', '同意公开', '全部公开', '公开'], ['及', '和', '与', '或', '、'], ['部分公开']), { quantity: 'grant-partial' }),
  ...words(['全部或部分公开'], { quantity: 'grant-partial' }),
  ...words(['不予公开'], { quantity: 'deny' }),
  ...words(['无法提供'], { quantity: 'unable' }),
  ...words(['不予处理'], { quantity: 'reject' }),
  ...words(['其他处理'], { quantity: 'other' }),
  ...words(CARRYOVER_WORDS, { quantity: 'carryover' }),
  ...words(['行政复议', '复议'], { quantity: 'review' }),
  ...words(['行政诉讼', '诉讼'], { quantity: 'litigation' }),
  ...words(['未经复议直接起诉', '直接起诉', '直接提起行政诉讼', '直接提起诉讼'], { quantity: 'direct' }),
  ...words(['复议后起诉', '经复议后起诉', '复议后提起行政诉讼', '复议后提起诉讼'], { quantity: 'after' }),
  ...words(['结果维持', '维持', '获维持', '被维持'], { part: 'maintain' }),
  ...words(['结果纠正', '纠正', '被纠正', '纠错', '被纠错'], { part: 'correct' }),
  ...words(['其他结果'], { part: 'other' }),
  ...words(['尚未审结', '未审结', '正在审理', '审理中', '尚在审理'], { part: 'pending' }),
].sort((a, b) => b.text.length - a.text.length);

/** Applicant columns of table 三 (indices into its columns). */
const COLUMN_WORDS: { text: string; columns: number[] }[] = [
  { text: '法人或其他组织', columns: [1, 2, 3, 4, 5] },
  { text: '自然人', columns: [0] },
  { text: '商业企业', columns: [1] },
  { text: '科研机构', columns: [2] },
  { text: '社会公益组织', columns: [3] },
  { text: '法律服务机构', columns: [4] },
];

const CARRYOVER_VOCAB = vocab(VOCAB.filter((w) => w.quantity === 'carryover'));
const ALL_VOCAB = vocab(VOCAB);

/** Words that carry no quantity and no subject: time, the reporting body as a whole, adverbs, the object 申请. */
const FILLERS = [
  '全年', '本年度', '本年', '今年', '年内', '当年', '一年来', '年度', '截至目前', '截至年底',
  ...product(['全', '我', '本'], ['市', '区', '县', '镇', '乡', '省', '州', '旗', '委', '局', '厅', '办', '院', '部', '署', '中心', '街道', '机关', '单位', '部门']),
  '共计', '累计', '合计', '一共', '总共', '共有', '共', '其中', '另有', '另', '含', '包括', '包含', '已经', '均已', '均', '已', '先后',
  '依法依规', '依法', '依规', '及时', '按时', '按期', '按要求', '在法定期限内', '在法定时限内', '法定期限内', '规定时限内',
  '政府信息公开申请', '信息公开申请', '公开申请', '依申请公开', '政府信息公开', '信息公开', '申请', '案件', '案', '件数', '数量', '数',
  '所有', '全部', '有', '的', '了', '为', '是', '并', '且', '达', '约', '中', '等', '工作', '方面', '被申请', '提起', '被提起', '被', '获',
  '结果', '涉及', '总数', '件', '宗', '因',
].sort((a, b) => b.length - a.length);

const NEGATIONS = ['未', '没有', '无', '尚无', '暂无', '不存在'];
const NONE_VERBS = ['收到', '受理', '接到', '发生', '产生', '出现'];
const UPHELD = ['均获维持', '均被维持', '全部维持', '均维持', '均予维持', '均为维持', '结果均为维持', '全部获得维持', '均获得维持', '全部被维持'];
const CLOSED = ['均已结案', '均已审结', '全部审结', '全部结案', '已全部结案', '已全部审结'];
const SETTLED_VERBS = ['办结', '办理完成', '办理完毕', '处理完毕', '答复完毕', '完成办理', '完成答复'];
const SETTLED_ANSWERED = ['均已答复', '全部答复', '已全部答复', '全部予以答复', '均已予以答复'];
const ALL_WORDS = ['所有', '全部', '均'];
const EXCEPT_WORDS = ['其余', '其他', '除', '剩余', '余下'];
const SHARE_BASE = ['占', '总数', '总量', '全部', '所有', '申请', '总件数', '件数', '案件', '收到', '受理', '办结', '的', '比', '为', '约', '政府信息公开', '信息公开', '比例', '比重'];

const CLAIM_WORDS = { FEE_INFO: '信息处理费', FEE_ADMIN: '行政事业性收费' } as const;

const MAX_PROSE = 200_000;
const SENTENCE_END = '。！？!?；;';
const DUN = 0x3001; // 、

function isCjk(ch: string): boolean {
  return isIdeograph(ch.charCodeAt(0));
}

// ------------------------------------------------------------------ tokens

interface NumTok { value: number; start: number; end: number; unit: string; unitEnd: number }

const CN_NUM = '零〇一二两三四五六七八九十百千';

function toAscii(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

const CN_NUM_SET = codesOf(CN_NUM);

/** Numbers followed by a unit among `units` (spaces allowed between), in clause positions. */
function numbers(text: string, units: string[]): NumTok[] {
  const out: NumTok[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i;
    let value: number | null = null;
    if (isDigit(text.charCodeAt(i))) {
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (isDigit(c)) continue;
        if ((c === 46 || c === 0xff0e) && isDigit(text.charCodeAt(j + 1))) continue; // . ．
        if (c === 44 && /^[0-9]{3}(?![0-9])/.test(text.slice(j + 1, j + 5))) continue; // ,
        break;
      }
      value = Number(toAscii(text.slice(i, j)).replace(/,/g, ''));
    } else if (CN_NUM_SET.has(text.charCodeAt(i)) && (i === 0 || !CN_NUM_SET.has(text.charCodeAt(i - 1)))) {
      while (j < text.length && CN_NUM_SET.has(text.charCodeAt(j))) j++;
      value = chineseToNumber(text.slice(i, j));
    }
    if (value === null || j === i) {
      i++;
      continue;
    }
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    const unit = units.find((u) => text.startsWith(u, k));
    // A digit run glued to a preceding letter or digit is part of something else (编号, 〔2021〕30号).
    if (unit && !(i > 0 && /[A-Za-z〔\[]/.test(text[i - 1]))) out.push({ value, start: i, end: j, unit, unitEnd: k + unit.length });
    i = j;
  }
  return out;
}

interface Hit { word: Word; start: number; end: number }

/** A vocabulary prepared for scanning: its words in priority order (longest first), indexed by first character. */
interface Vocab { words: Word[]; byFirst: Map<number, number[]> }

function vocab(list: Word[]): Vocab {
  const byFirst = new Map<number, number[]>();
  list.forEach((w, k) => {
    const at = byFirst.get(w.text.charCodeAt(0));
    if (at) at.push(k);
    else byFirst.set(w.text.charCodeAt(0), [k]);
  });
  return { words: list, byFirst };
}

/**
 * Every occurrence of the vocabulary's words, a longer word taking its characters before a shorter one
 * (收到 inside 共收到 is not a second hit). One pass over the text finds where each word occurs.
 */
function findWords(text: string, v: Vocab): Hit[] {
  const found: { k: number; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ks = v.byFirst.get(text.charCodeAt(i));
    if (ks) for (const k of ks) if (text.startsWith(v.words[k].text, i)) found.push({ k, at: i });
  }
  if (!found.length) return [];
  found.sort((a, b) => a.k - b.k || a.at - b.at);
  const taken = new Array<boolean>(text.length).fill(false);
  const hits: Hit[] = [];
  for (const { k, at } of found) {
    const w = v.words[k];
    let free = true;
    for (let j = at; j < at + w.text.length; j++) if (taken[j]) free = false;
    if (!free) continue;
    for (let j = at; j < at + w.text.length; j++) taken[j] = true;
    hits.push({ word: w, start: at, end: at + w.text.length });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** CJK characters left after removing the given ranges and every filler word: words the engine does not understand. */
function residue(text: string, remove: { start: number; end: number }[], agency: string | null, extra: string[] = []): string {
  const keep = text.split('');
  for (const r of remove) for (let k = r.start; k < r.end; k++) keep[k] = ' ';
  let s = keep.join('').replace(/[0-9０-９]{4}\s*年度?/g, ' ');
  for (const f of extra) if (s.includes(f)) s = s.split(f).join(' ');
  for (const f of FILLERS) if (s.includes(f)) s = s.split(f).join(' ');
  let rest = '';
  for (const ch of s) rest += isCjk(ch) ? ch : ' ';
  // The reporting body's own name as subject (市科委 in 上海市科委) is not a narrower scope.
  return rest.split(' ').filter((part) => part && !(agency && part.length >= 2 && agency.includes(part))).join('');
}

// ------------------------------------------------------------------ reading

interface Ctx {
  /** Clauses left to read: a report has a few hundred at most. */
  budget: number;
  agency: string | null;
  year: number | null;
  claims: Claim[];
  /** The last stated total of applications in the paragraph: the base of a share stated later. */
  paraBase: CountClaim | null;
  /** Line ranges of section 四 (review and litigation), where the topic is implied. */
  section4: { start: number; end: number } | null;
}

const BASE_Q: Quantity[] = ['received', 'new', 'handled', 'answered'];

const TOPICS: Quantity[] = ['review', 'litigation', 'direct', 'after'];

function isTopic(q: Quantity | undefined): q is Topic {
  return !!q && TOPICS.includes(q);
}

const INFO_RE = /信息公开|依申请|政务公开/;
/** A clause can hold a claim only if it has a unit, a share, a negation, an "all" word, a fee or a review/litigation topic. */
const TRIGGER = /[件宗%％未无没均所全费复诉]/;
const YEAR_RE = /((?:19|20)[0-9]{2})\s*年/g;

function otherYear(text: string, year: number | null): boolean {
  if (year === null) return false;
  for (const m of text.matchAll(YEAR_RE)) if (Number(m[1]) !== year) return true;
  return false;
}

function mentionsApplications(text: string): boolean {
  return text.replace(/被申请|复议申请|申请行政复议|申请复议/g, '').includes('申请');
}

/** Joins "X、Y" and "X和Y" lists whose first part has no number: "被申请行政复议、提起行政诉讼共3件" is one clause. */
function clausesOf(sentence: Segment): Segment[] {
  const parts: Segment[] = [];
  // The piece last taken in (pushed or joined): a 、 after it joins the next piece when it has no number.
  let last: Segment | null = null;
  const hasNumber = (seg: Segment) => numbers(seg.text, ['件', '宗']).length > 0;
  let from = 0;
  for (let i = 0; i <= sentence.text.length; i++) {
    if (i === sentence.text.length || CLAUSE_STOPS.has(sentence.text.charCodeAt(i))) {
      const piece = subSegment(sentence, from, i);
      const prev = parts[parts.length - 1];
      if (prev && sentence.text.charCodeAt(from - 1) === DUN && !hasNumber(last!)) {
        // A clause skipped in between (，、) breaks the view: the joined clause gets offsets of its own.
        if (prev.offsets !== piece.offsets || prev.base + prev.text.length !== piece.base - 1) {
          const own: number[] = [];
          for (let k = 0; k < prev.text.length; k++) own.push(offsetAt(prev, k));
          own.push(offsetAt(sentence, from - 1));
          for (let k = 0; k < piece.text.length; k++) own.push(offsetAt(piece, k));
          prev.offsets = own;
          prev.base = 0;
        }
        prev.text += '、' + piece.text;
        last = piece;
      } else if (piece.text.trim()) {
        parts.push({ text: piece.text, offsets: piece.offsets, base: piece.base, at: from });
        last = piece;
      }
      from = i + 1;
    }
  }
  return parts;
}

function span(seg: Segment, from: number, to: number): Span {
  return { start: offsetAt(seg, from), end: offsetAt(seg, to - 1) + 1, phrase: seg.text.slice(from, to).trim() };
}

function readSentence(sentence: Segment, prev: { apps: boolean; info: boolean }, ctx: Ctx): { apps: boolean; info: boolean } {
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
  const clauses = clausesOf(sentence);
  // A sentence about another year (2022年收到申请 98 件, in a 2023 report) states no figure of this report.
  const aboutOtherYear = otherYear(sentence.text, ctx.year);
  let uncertain = aboutOtherYear;
  const info: SentenceInfo = {
    reviewOrLitigation: /复议|诉讼/.test(sentence.text), firstApp: firstApplication(sentence.text),
    carryover: findWords(sentence.text, CARRYOVER_VOCAB).length > 0,
  };
  for (const clause of clauses) {
    const text = clause.text;
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
  return {
    kind: 'count', quantity, ...(part ? { part } : {}), value: num.value, unit: num.unit,
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

interface SentenceInfo { reviewOrLitigation: boolean; firstApp: number; carryover: boolean }

function firstApplication(text: string): number {
  const i = text.replace(/被申请|复议申请|申请行政复议|申请复议/g, (m) => '＿'.repeat(m.length)).indexOf('申请');
  return i < 0 ? Infinity : i;
}

function readQualitative(clause: Segment, hits: Hit[], topicsSeen: Topic[], appDomain: boolean, infoDomain: boolean, sentence: SentenceInfo, ctx: Ctx): void {
  const text = clause.text;
  const hasNumber = numbers(text, ['件', '宗']).length > 0;
  const topicsHere = hits.map((h) => h.word.quantity).filter(isTopic);
  // 均获维持 / 均已结案 about the topics named before it in the sentence.
  for (const [list, kind] of [[UPHELD, 'all-upheld'], [CLOSED, 'all-closed']] as const) {
    for (const w of list) {
      const at = text.indexOf(w);
      if (at < 0) continue;
      const before = [...topicsSeen, ...(infoDomain ? hits.filter((h) => h.start < at).map((h) => h.word.quantity).filter(isTopic) : [])];
      const topics = [...new Set(before)];
      if (topics.length) ctx.claims.push({ kind, topics, ...span(clause, at, at + w.length) });
      break;
    }
  }
  // 未收到…申请, 未发生…行政复议、行政诉讼.
  if (!hasNumber) {
    for (const neg of NEGATIONS) {
      const at = text.indexOf(neg);
      if (at < 0) continue;
      const after = text.slice(at + neg.length);
      const verb = NONE_VERBS.find((v) => after.startsWith(v));
      const objStart = at + neg.length + (verb?.length ?? 0);
      const tail = text.slice(objStart);
      const topicHits = hits.filter((h) => h.start >= objStart && isTopic(h.word.quantity) && !h.word.part);
      if (topicHits.length && verb) {
        if (!infoDomain) break;
        const gap = text.slice(objStart, topicHits[0].start);
        if (residue(gap, [], null, ['因', '引起', '而', '任何', '针对', '公开']) || /[0-9]/.test(gap)) break;
        const last = topicHits[topicHits.length - 1];
        for (const h of topicHits) {
          const q = h.word.quantity as Topic;
          if (q === 'review' || q === 'litigation') ctx.claims.push({ kind: 'none', quantity: q, ...span(clause, at, last.end) });
        }
        break;
      }
      const obj = ['政府信息公开申请', '依申请公开', '信息公开申请', '申请'].map((o) => ({ o, i: tail.indexOf(o) })).find((x) => x.i >= 0);
      if (obj && (verb || (neg === '无' && obj.i === 0)) && !topicsHere.length && !/复议|诉讼/.test(tail)) {
        const gap = tail.slice(0, obj.i);
        if (residue(gap, [], null, ['任何', '公开']) === '' && residue(text.slice(0, at), [], ctx.agency) === '') {
          ctx.claims.push({ kind: 'none', quantity: 'received', ...span(clause, at, objStart + obj.i + obj.o.length) });
        }
      }
      break;
    }
  }
  // 所有申请均已办理完成.
  if (!hasNumber && appDomain && !sentence.reviewOrLitigation && !EXCEPT_WORDS.some((w) => text.includes(w))
    && !sentence.carryover) {
    let found: { from: number; to: number } | null = null;
    for (const v of SETTLED_VERBS) {
      const at = text.indexOf(v);
      if (at < 0) continue;
      const all = ALL_WORDS.map((w) => text.lastIndexOf(w, at)).filter((i) => i >= 0);
      if (all.length && !/率/.test(text.slice(at, at + v.length + 1))) found = { from: Math.min(...all), to: at + v.length };
      break;
    }
    if (!found) {
      for (const v of SETTLED_ANSWERED) {
        const at = text.indexOf(v);
        if (at >= 0) {
          found = { from: at, to: at + v.length };
          break;
        }
      }
    }
    if (found && (mentionsApplications(text) || sentence.firstApp < (clause.at ?? 0))) {
      ctx.claims.push({ kind: 'all-settled', ...span(clause, found.from, found.to) });
    }
  }
  readFee(clause, ctx);
}

function readFee(clause: Segment, ctx: Ctx): void {
  const text = clause.text;
  const info = text.includes(CLAIM_WORDS.FEE_INFO) || (text.includes('政府信息公开') && text.includes('收费'));
  const admin = text.includes(CLAIM_WORDS.FEE_ADMIN);
  if (info === admin) return;
  const fee = info ? 'info' : 'admin';
  const neg = NEGATIONS.map((n) => ({ n, i: text.indexOf(n) })).filter((x) => x.i >= 0).sort((a, b) => a.i - b.i)[0];
  const amounts = numbers(text, ['万元', '元']);
  const w = info ? (text.includes(CLAIM_WORDS.FEE_INFO) ? CLAIM_WORDS.FEE_INFO : '收费') : CLAIM_WORDS.FEE_ADMIN;
  const word = text.indexOf(w);
  if (neg && !amounts.length) {
    // "未收取信息处理费", "无收取信息处理费情况", "未发生政府信息公开收费事项".
    if (residue(text.slice(neg.i + neg.n.length, word), [], null, ['收取', '收', '发生', '产生', '任何', '政府信息公开', '信息公开', '的', '相关']) !== '') return;
    ctx.claims.push({ kind: 'fee', fee, value: 0, unit: null, ...span(clause, Math.min(neg.i, word), Math.max(neg.i + neg.n.length, word + w.length)) });
    return;
  }
  const collect = text.indexOf('收取');
  if (!neg && amounts.length === 1 && collect >= 0 && collect < amounts[0].start) {
    const a = amounts[0];
    ctx.claims.push({
      kind: 'fee', fee, value: a.value, unit: a.unit, ...span(clause, Math.min(collect, word), a.unitEnd),
      numStart: offsetAt(clause, a.start), numEnd: offsetAt(clause, a.end - 1) + 1,
    });
  }
}

const CACHE = new WeakMap<Report, Claim[]>();

/** Every claim the prose of the report makes, in text order (computed once per report). */
export function readClaims(report: Report): Claim[] {
  const cached = CACHE.get(report);
  if (cached) return cached;
  const s4 = report.sections.find((s) => s.index === 4);
  const lines = report.tree.lines;
  const section4 = s4 ? { start: lines[s4.startLine].start, end: lines[Math.min(s4.endLine, lines.length - 1)].end } : null;
  const ctx: Ctx = { budget: 2000, agency: report.agency, year: report.year, claims: [], paraBase: null, section4 };
  try {
    let heading = { apps: false, info: false };
    let total = 0;
    for (const para of paragraphs(report)) {
      // A report's prose is a few tens of thousands of characters; beyond this the input is not a report we read.
      if ((total += para.text.length) > MAX_PROSE) break;
      // A sub-heading line ("（三）政府信息公开行政复议、行政诉讼情况") sets the subject of the paragraph under it.
      let prev = heading;
      const trimmed = para.text.trim();
      heading = trimmed.length <= 40 && !SENTENCE_END.includes(trimmed[trimmed.length - 1] ?? '')
        ? { apps: mentionsApplications(trimmed), info: INFO_RE.test(trimmed) }
        : { apps: false, info: false };
      ctx.paraBase = null;
      // A sentence's parts separated by ；share its subject: the domain is that of the whole sentence.
      for (const sentence of splitSegment(para, SENTENCE_STOPS)) {
        const whole = { apps: mentionsApplications(sentence.text), info: INFO_RE.test(sentence.text) };
        const domain = { apps: prev.apps || whole.apps, info: prev.info || whole.info };
        for (const part of splitSegment(sentence, PART_STOPS)) readSentence(part, domain, ctx);
        prev = whole;
      }
    }
  } catch {
    // Reading prose must never take the analysis down; a failure means no claims.
    ctx.claims.length = 0;
  }
  CACHE.set(report, ctx.claims);
  return ctx.claims;
}

