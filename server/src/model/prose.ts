/**
 * What the prose says, apart from counts: the years it presents as the reporting year, the statistics
 * period, the documents it cites as its basis (the regulation and the format notices), its references
 * to articles of the regulation, the 落款 date, and what kind of body wrote it. Everything is read once
 * per report and carries exact offsets; anything the text does not make certain is left out (null or
 * absent), so that rules report only what is sure. The vocabulary of these readings lives here.
 */
import { countTrailing } from '../syntax/parse';
import type { Report } from './report';
import { T2_ITEMS } from './template';
import { Paragraph, paragraphs, proseLines, sentenceAround, spanOf } from './segments';
import { chineseToNumber, normalizeLabel } from './text';

export { proseLines } from './segments';
export type { Paragraph } from './segments';

// ------------------------------------------------------------------ dates and numerals

const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function numeral(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  return chineseToNumber(t);
}

function yearNumeral(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (/^\d{4}$/.test(t)) return Number(t);
  if (/^[〇零一二三四五六七八九]{4}$/.test(t)) return Number([...t].map((c) => CN_YEAR_DIGITS[c]).join(''));
  return null;
}

export interface DateMention {
  year: number;
  month: number;
  day: number;
  start: number;
  end: number;
}

const DIG = '\\d{1,2}';
const CN = '[一二三四五六七八九十]{1,3}';
/** 2024年1月20日, 2024 年 1 月 20 日, 二〇二四年一月二十日, 2024-01-20, 2024.1.20, 2024/1/20. */
const DATE_RE = new RegExp(
  `((?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(${DIG}|${CN})\\s*月\\s*(${DIG}|${CN})\\s*日|((?:19|20)\\d{2})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)`,
  'g',
);

function datesIn(text: string): { year: number; month: number; day: number; index: number; length: number }[] {
  const out: { year: number; month: number; day: number; index: number; length: number }[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const year = m[1] ? yearNumeral(m[1]) : Number(m[4]);
    const month = m[1] ? numeral(m[2]) : Number(m[5]);
    const day = m[1] ? numeral(m[3]) : Number(m[6]);
    if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) continue;
    out.push({ year, month, day, index: m.index!, length: m[0].length });
  }
  return out;
}

// ------------------------------------------------------------------ the report year in the prose

export interface YearClaim {
  year: number;
  start: number;
  end: number;
  /** period: the statistics period; self: the report naming itself; opening: the overview's first sentence; statement: a sentence of section 一 stating this year's figures. */
  role: 'period' | 'self' | 'opening' | 'statement';
}

export interface Period {
  from: DateMention;
  /** The end date; its year may be implied ("2024年1月1日至12月31日"). */
  to: DateMention;
  start: number;
  end: number;
}

export interface YearTypo {
  text: string;
  start: number;
  end: number;
  /** Years the digits may have meant (the first or the last four digits). */
  candidates: number[];
}

const PERIOD_KEY = /统计(?:期限|时限|时间|周期|区间|时段|范围|期间)|数据(?:期限|时限|时间|区间)|报告期/;
const PERIOD_RE = new RegExp(
  `((?:19|20)\\d{2})\\s*年\\s*(${DIG})\\s*月\\s*(${DIG})\\s*日\\s*(?:起)?\\s*(?:至|到|—|－|-|~|～)\\s*(?:((?:19|20)\\d{2})\\s*年\\s*)?(${DIG})\\s*月\\s*(${DIG})\\s*日`,
);
/** Words that make a year a comparison or a plan, not the reporting year. */
const NOT_REPORT_YEAR = /同比|较上年|比上年|上年|上一年|去年|前年|以来|以前|之前|将|计划|预计|力争|拟|争取|下一步|明年|今后|截至|截止/;
const COUNT_RE = /\d ?(?:件|条|篇|个|期|次|项|场|批)/;
/** A multi-digit run glued before 年 that holds a year: 202020年, 20212年. */
const YEAR_TYPO_RE = /(?<![\d.\-－/])((?:19|20)\d{3,6})(?=\s*年)/g;

/** Years inside 《》 (titles of cited documents), 〔〕 or [] (document numbers) are never the report year. */
function insideCitation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  const open = Math.max(before.lastIndexOf('《'), before.lastIndexOf('<'));
  const close = Math.max(before.lastIndexOf('》'), before.lastIndexOf('>'));
  if (open > close) return true;
  return /[〔\[［(（]\s*$/.test(before) && /^\d{4}\s*[〕\]］)）]/.test(text.slice(at, at + 8));
}

// ------------------------------------------------------------------ cited documents

export type CitationKind = 'format-2019' | 'format-2021' | 'format-trial' | 'format-misnumbered' | 'regulation-2007';

export interface Citation {
  kind: CitationKind;
  text: string;
  start: number;
  end: number;
}

const NUMBER_BRACKETS = '[〔\\[［(（]\\s*';
const NUMBER_CLOSE = '\\s*[〕\\]］)）]';
const DOC_NO_RE = new RegExp(`(国办[\\u4e00-\\u9fff]{0,4}函)\\s*${NUMBER_BRACKETS}((?:19|20)\\d{2})${NUMBER_CLOSE}\\s*(\\d{1,4})\\s*号`, 'g');
const FORMAT_NAME = /年度报告(?:统一)?格式|年报格式/;
const KNOWN_FORMAT_NOTICES: Record<string, { year: number; no: number }> = { '2019': { year: 2019, no: 60 }, '2021': { year: 2021, no: 30 } };
const TRIAL = /试行/;
const REG_2007 = /(?:国务院令|国令) ?第? ?492 ?号|第 ?492 ?号 ?(?:国务院)?令/g;
const REG_2019 = /711\s*号|修订|2019/;

function citationsIn(p: Paragraph, out: Citation[]): void {
  const t = p.text;
  for (const m of t.matchAll(DOC_NO_RE)) {
    const year = Number(m[2]);
    const no = Number(m[3]);
    const s = sentenceAround(t, m.index!);
    const before = t.slice(Math.max(s.from, m.index! - 80), m.index!);
    const aboutFormat = FORMAT_NAME.test(before) || /公开办函/.test(m[1]);
    if (!aboutFormat) continue;
    const span = spanOf(p, m.index!, m.index! + m[0].length);
    const isFormatName = FORMAT_NAME.test(before);
    if (m[1] === '国办公开办函' && year === 2019 && no === 60) out.push({ kind: 'format-2019', text: m[0], ...span });
    else if (m[1] === '国办公开办函' && year === 2021 && no === 30) {
      // The 2021 notice cited under the trial format's name.
      const name = /《[^《》]*》\s*[^《》]{0,6}$/.exec(before)?.[0] ?? '';
      out.push({ kind: TRIAL.test(name) && FORMAT_NAME.test(name) ? 'format-trial' : 'format-2021', text: m[0], ...span });
    } else if (isFormatName) {
      // Named as the format notice, numbered as neither of the two.
      const near = Object.values(KNOWN_FORMAT_NOTICES).some((k) => k.year === year || k.no === no);
      if (near) out.push({ kind: 'format-misnumbered', text: m[0], ...span });
    }
  }
  // The trial format by name, without a number.
  for (const m of t.matchAll(/《[^《》]{0,40}年度报告格式[（(]试行[）)][^《》]{0,4}》/g)) {
    const after = t.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
    if (new RegExp(DOC_NO_RE.source).test(after)) continue;
    out.push({ kind: 'format-trial', text: m[0], ...spanOf(p, m.index!, m.index! + m[0].length) });
  }
  for (const m of t.matchAll(REG_2007)) {
    const s = sentenceAround(t, m.index!);
    const sentence = t.slice(s.from, s.to);
    if (REG_2019.test(sentence)) continue; // "2007年…第492号公布，2019年…第711号修订" names the history, not the basis
    out.push({ kind: 'regulation-2007', text: m[0], ...spanOf(p, m.index!, m.index! + m[0].length) });
  }
}

// ------------------------------------------------------------------ references to the regulation's articles

/** Articles of the 2019 regulation. */
export const REGULATION_ARTICLES = 56;
/** 第四条 (who compiles the report), 第四十九条 (deadline), 第五十条 (content): what an article cited for the annual report may be. */
export const REPORT_ARTICLES = new Set([4, 49, 50]);

export interface ArticleRef {
  article: number;
  start: number;
  end: number;
  /** The sentence is about compiling, publishing or the deadline of the annual report. */
  aboutReport: boolean;
}

const REGULATION_NAME = /《(?:中华人民共和国)?政府信息公开条例》|《条例》/g;
const ARTICLE_RE = /第\s*([一二三四五六七八九十百]{1,4}|\d{1,3})\s*条/g;
/** The sentence is about compiling or publishing this report, or about the deadline: 编制本年度报告, 本报告根据, 3月31日前. */
const REPORT_SENTENCE = /(?:编制|公布|发布)了?本年?度?报告|本年?度?报告(?:由|根据|依据|按照)|(?:1|3|一|三)月31日前/;
function aboutReportSentence(s: string): boolean {
  return s.length <= 150 && REPORT_SENTENCE.test(s);
}

function articlesIn(p: Paragraph, out: ArticleRef[], shortIsRegulation: boolean): void {
  const t = p.text;
  for (const m of t.matchAll(REGULATION_NAME)) {
    if (m[0] === '《条例》' && !shortIsRegulation) continue;
    const s = sentenceAround(t, m.index!);
    // The articles that follow the name in this sentence, until another document is named.
    const tailEnd = (() => {
      const next = t.indexOf('《', m.index! + m[0].length);
      return next >= 0 && next < s.to ? next : s.to;
    })();
    const tail = t.slice(m.index! + m[0].length, tailEnd);
    const sentence = t.slice(s.from, s.to);
    const aboutReport = aboutReportSentence(sentence);
    // Only a chain directly after the name: 《条例》第十九条、第二十条 / 第十四条至第十六条 / （国令第711号）第五十条.
    const lead = /^(?:\s*[（(][^（()）]{0,20}[）)])?\s*/.exec(tail)![0].length;
    const chain = /^(?:第\s*(?:[一二三四五六七八九十百]{1,4}|\d{1,3})\s*条(?:\s*第\s*[一二三四五六七八九十\d]+\s*款)?(?:\s*第\s*[（(]\s*[一二三四五六七八九十\d]+\s*[）)]\s*项)?\s*(?:[、，,和及与至到]\s*)?)+/.exec(tail.slice(lead));
    if (!chain) continue;
    const base = m.index! + m[0].length + lead;
    const single = [...chain[0].matchAll(ARTICLE_RE)].length === 1;
    // Only an article given as the basis (根据《条例》第五十条…编制) is read as what the report rests on.
    const basis = aboutReport && single && /(?:根据|依据|按照|依照)\s*$/.test(t.slice(Math.max(s.from, m.index! - 6), m.index!));
    for (const a of chain[0].matchAll(ARTICLE_RE)) {
      const n = numeral(a[1]);
      if (n === null) continue;
      out.push({ article: n, aboutReport: basis, ...spanOf(p, base + a.index!, base + a.index! + a[0].length) });
    }
  }
}

// ------------------------------------------------------------------ table 二 item headers

export interface ItemRef {
  /** Item id of table 二 ('1', '5', …) or the clause number when the table has no such item. */
  item: string;
  clause: number;
  start: number;
  end: number;
}

export interface MisplacedRow {
  label: string;
  start: number;
  end: number;
  /** The item the row belongs to. */
  belongs: string;
  /** The header it sits under. */
  under: ItemRef;
}

const ITEM_REF_RE = /^第二十条第\(([一二三四五六七八九十]{1,3})\)项$/;
const ROW_ITEM = new Map<string, string>();
for (const it of T2_ITEMS) for (const v of Object.values(it.versions)) for (const r of v!.rows) ROW_ITEM.set(normalizeLabel(r.label), it.id);

/**
 * Rows of table 二 under the header of another 第二十条 item: read from the rows as written, a header
 * followed directly by its rows. Any line of prose, heading or marker between them ends the block, so
 * a table broken apart by a converter is never read as a misplaced row.
 */
function misplacedRows(report: Report): MisplacedRow[] {
  const out: MisplacedRow[] = [];
  let under: ItemRef | null = null;
  let rowsSince = 0;
  const itemOf = (text: string, start: number, end: number): ItemRef | null => {
    // Most lines are sentences, not item headers: leave them before normalising.
    if (!text.includes('项') || !text.includes('条')) return null;
    const m = ITEM_REF_RE.exec(normalizeLabel(text));
    if (!m) return null;
    const clause = chineseToNumber(m[1]) ?? 0;
    return { item: String(clause), clause, start, end };
  };
  for (const b of report.tree.blocks) {
    if (b.type === 'text') {
      const t = b.line.text.trim();
      if (!t) continue;
      const lead = b.line.text.indexOf(t);
      under = itemOf(t, b.line.start + lead, b.line.start + lead + t.length);
      rowsSince = 0;
      continue;
    }
    for (const row of b.rows) {
      if (!row.cells.some((c) => c.text)) continue;
      rowsSince++;
      for (const cell of row.cells) {
        if (!cell.text) continue;
        const ref = itemOf(cell.text, cell.start, cell.end);
        if (ref) {
          under = ref;
          rowsSince = 0;
          continue;
        }
        const belongs = ROW_ITEM.get(normalizeLabel(cell.text));
        // Only the rows right under the header (its column header, then at most two rows of figures).
        if (belongs && under && belongs !== under.item && rowsSince <= 4) out.push({ label: cell.text, start: cell.start, end: cell.end, belongs, under });
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------ the body that reports

export type BodyKind = 'government' | 'department';
export type BodyLevel = 'township' | 'county' | 'municipal' | 'prefecture' | 'province';

export interface Body {
  name: string;
  kind: BodyKind;
  /** 'municipal' is a 市 that may be a 县级市 or a 设区的市; the text does not say which. */
  level: BodyLevel;
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
const NAME = '[^省市县区乡镇旗盟\\s]';
const PLACE_RE = new RegExp(
  `^(${NAME}{2,}?(?:省|自治区))?(${NAME}{1,}?(?:自治州|市|盟|地区))?(${NAME}{1,}?(?:自治县|自治旗|县|旗|区))?(${NAME}{1,}?(?:民族乡|乡|镇|苏木))?`,
);
/** Zones run by a 管委会 and other 区 that are not a level of government. */
const SPECIAL_ZONE = /(?:新区|开发区|实验区|示范区|试验区|高新区|园区|管理区|保税区|合作区|风景区|旅游区|度假区|片区|景区|社区|城区|矿区|林区|港区|功能区)$/;
const DEPARTMENT = /(?:局|委员会|委|厅|办公室|办公厅|署)$/;
/** Vertically managed systems and branch offices, whose deadlines and powers are not those of a local department. */
const NOT_LOCAL_DEPARTMENT = /分局|税务|海关|气象|地震|烟草|邮政|金融|银保监|证监|调查队|消防|国家|中国|总局/;

export function classifyBody(raw: string): Body | null {
  const s = raw.normalize('NFKC').replace(/[\s《》"“”]/g, '');
  if (!s || s.length > 40) return null;
  const m = PLACE_RE.exec(s)!;
  const [whole, prov, city, county, town] = m;
  if (!whole) return null;
  const rest = s.slice(whole.length);
  let kind: BodyKind | null = null;
  if (rest === '' || rest === '人民政府') kind = 'government';
  else if (DEPARTMENT.test(rest) && !NOT_LOCAL_DEPARTMENT.test(s)) kind = 'department';
  if (!kind) return null;
  let level: BodyLevel | null = null;
  if (town) level = 'township';
  else if (county) level = /区$/.test(county) && SPECIAL_ZONE.test(county) ? null : 'county';
  else if (city) level = MUNICIPALITIES.has(city) ? 'province' : /市$/.test(city) ? 'municipal' : 'prefecture';
  else if (prov) level = 'province';
  if (!level) return null;
  return { name: s, kind, level };
}

/** The body named by the title: the text before the year, or after it. Both must agree when both name one. */
function bodyOf(report: Report): Body | null {
  const found: Body[] = [];
  if (report.agency) {
    const b = classifyBody(report.agency);
    if (b) found.push(b);
  }
  const t = report.title?.text.normalize('NFKC').replace(/\s+/g, '') ?? '';
  const m = /((?:19|20)\d{2})年度?/.exec(t);
  if (m) {
    for (const part of [t.slice(0, m.index), (/^(.*?)(?:政府信息公开|政务公开)/.exec(t.slice(m.index + m[0].length)) ?? [])[1] ?? '']) {
      const b = part ? classifyBody(part) : null;
      if (b) found.push(b);
    }
  }
  if (!found.length) return null;
  const first = found[0];
  return found.every((b) => b.kind === first.kind && b.level === first.level) ? first : null;
}

// ------------------------------------------------------------------ the prose model

export interface Prose {
  paragraphs: Paragraph[];
  yearClaims: YearClaim[];
  yearTypos: YearTypo[];
  period: Period | null;
  citations: Citation[];
  articles: ArticleRef[];
  misplacedRows: MisplacedRow[];
  /** The 落款 date or a stated publication date, when the document shows one. */
  signed: DateMention | null;
  body: Body | null;
}

const CACHE = new WeakMap<Report, Prose>();

export function readProse(report: Report): Prose {
  let p = CACHE.get(report);
  if (!p) CACHE.set(report, (p = buildProse(report)));
  return p;
}

function sectionOf(report: Report, line: number): number | null {
  return report.sections.find((s) => line >= s.startLine && line <= s.endLine)?.index ?? null;
}

function buildProse(report: Report): Prose {
  const paras = paragraphs(report);
  const yearClaims: YearClaim[] = [];
  const yearTypos: YearTypo[] = [];
  const citations: Citation[] = [];
  const articles: ArticleRef[] = [];
  let period: Period | null = null;
  const firstOfSection1 = new Set<Paragraph>();
  const s1 = report.sections.find((s) => s.index === 1);
  if (s1) {
    const first = paras.find((p) => p.lastLine >= s1.startLine && p.firstLine <= s1.endLine && p.text.slice(headingCut(report, p)).trim());
    if (first) firstOfSection1.add(first);
  }
  for (const p of paras) {
    const t = p.text;
    const section = sectionOf(report, p.firstLine);
    // Typos: a year with extra digits glued to it.
    for (const m of t.matchAll(YEAR_TYPO_RE)) {
      const run = m[1];
      if (insideCitation(t, m.index!)) continue;
      const candidates = [run.slice(0, 4), run.slice(-4)].filter((y) => /^(?:19|20)\d{2}$/.test(y)).map(Number);
      yearTypos.push({ text: run, candidates: [...new Set(candidates)], ...spanOf(p, m.index!, m.index! + run.length) });
    }
    // The statistics period.
    if (!period) {
      for (const key of t.matchAll(new RegExp(PERIOD_KEY.source, 'g'))) {
        const window = t.slice(key.index!, key.index! + 60);
        const m = PERIOD_RE.exec(window);
        if (!m) continue;
        const at = key.index! + m.index;
        const fromYear = Number(m[1]);
        const toYear = m[4] ? Number(m[4]) : fromYear;
        const mStart = spanOf(p, at, at + m[0].length);
        period = {
          from: { year: fromYear, month: Number(m[2]), day: Number(m[3]), ...spanOf(p, at, at + m[1].length) },
          to: { year: toYear, month: Number(m[5]), day: Number(m[6]), ...mStart },
          ...mStart,
        };
        yearClaims.push({ year: fromYear, role: 'period', ...spanOf(p, at, at + m[1].length) });
        if (m[4]) {
          const i = at + m[0].indexOf(m[4], m[1].length);
          yearClaims.push({ year: toYear, role: 'period', ...spanOf(p, i, i + 4) });
        }
        break;
      }
    }
    // The report naming itself: 编制了2024年度…报告 / 现将2021年…工作报告如下 (not inside a cited title).
    for (const m of t.matchAll(/(?:编制(?:了|完成)?|现将|本报告为|形成)\s*((?:19|20)\d{2})\s*年度?[^。；，,《》]{0,24}?(?:年度报告|工作报告|报告)/g)) {
      const at = m.index! + m[0].indexOf(m[1]);
      if (insideCitation(t, at)) continue;
      yearClaims.push({ year: Number(m[1]), role: 'self', ...spanOf(p, at, at + 4) });
    }
    if (section !== 1 && !firstOfSection1.has(p)) continue;
    // Section 一: the overview's opening year, and sentences that state this year's figures.
    const cut = headingCut(report, p);
    for (const m of t.slice(cut).matchAll(/((?:19|20)\d{2})\s*年度?\s*(?:[，,]|(?=[我全本]))/g)) {
      const at = cut + m.index!;
      const s = sentenceAround(t, at);
      const lead = t.slice(s.from, at).replace(/^[\s（(]*[一二三四五六七八九十\d]+[）)、.]?[^。，,]{0,16}?[。：:]?/, '').trim();
      const sentence = t.slice(s.from, s.to);
      const years = sentence.match(/(?:19|20)\d{2}(?=\s*年)/g) ?? [];
      if (years.length !== 1 || NOT_REPORT_YEAR.test(sentence) || insideCitation(t, at)) continue;
      const opening = firstOfSection1.has(p) && s.from <= cut + 1 && lead === '';
      const startsSentence = lead === '' || at === s.from;
      if (opening) yearClaims.push({ year: Number(m[1]), role: 'opening', ...spanOf(p, at, at + 4) });
      else if (startsSentence && COUNT_RE.test(sentence)) yearClaims.push({ year: Number(m[1]), role: 'statement', ...spanOf(p, at, at + 4) });
    }
  }
  // 《条例》 is the regulation unless the report gives that short name to another 条例.
  const alias = /《([^《》]{2,40})》[^《》。]{0,12}以下简称《条例》/.exec(report.tree.text);
  const shortIsRegulation = !alias || /^(?:中华人民共和国)?政府信息公开条例$/.test(alias[1]);
  for (const p of paras) {
    citationsIn(p, citations);
    articlesIn(p, articles, shortIsRegulation);
  }
  return {
    paragraphs: paras, yearClaims, yearTypos, period, citations, articles, misplacedRows: misplacedRows(report),
    signed: signedDate(report), body: bodyOf(report),
  };
}

/** Where the prose of a paragraph starts when a heading runs into it on the same line. */
function headingCut(report: Report, p: Paragraph): number {
  const h = report.headings.find((x) => x.line.index === p.firstLine);
  if (!h) return 0;
  const i = p.offsets.findIndex((o) => o >= h.titleEnd);
  return i < 0 ? p.text.length : i;
}

// ------------------------------------------------------------------ the 落款 date

const SIGNER = /(?:政府|局|委员会|委|办公室|办|厅|署|中心|院|处|所|站|队)$/;
const PUBLISHED_RE = /^\s*(?:发布|公开|成文|印发)(?:日期|时间)\s*[:：]\s*/;

/**
 * The date under the signature: one of the last three non-blank lines, holding only a date (or a
 * body's name and a date), after the last table; or a "发布日期：" line before the first section.
 */
function signedDate(report: Report): DateMention | null {
  const lines = report.tree.lines;
  const lastTable = Math.max(-1, ...report.tables.map((t) => t.endLine));
  const tail = lines.filter((l) => l.text.trim() && l.index > lastTable).slice(-3).reverse();
  for (const l of tail) {
    const t = l.text.trim();
    const d = datesIn(t);
    if (d.length !== 1) continue;
    const before = t.slice(0, d[0].index);
    const after = t.slice(d[0].index + d[0].length).trim();
    // Nothing after the date; before it, nothing or the body's name (not 截至…, 于…).
    if (after || (before.trim() && !SIGNER.test(before.trim())) || before.length > 30) continue;
    const lead = l.text.indexOf(t);
    return { year: d[0].year, month: d[0].month, day: d[0].day, start: l.start + lead + d[0].index, end: l.start + lead + d[0].index + d[0].length };
  }
  const firstSection = report.sections[0]?.startLine ?? lines.length;
  for (const l of lines.slice(0, Math.min(firstSection, 8))) {
    const m = PUBLISHED_RE.exec(l.text);
    if (!m) continue;
    const d = datesIn(l.text.slice(m[0].length));
    if (d.length && d[0].index === 0) {
      const at = l.start + m[0].length;
      return { year: d[0].year, month: d[0].month, day: d[0].day, start: at, end: at + d[0].length };
    }
  }
  return null;
}

// ------------------------------------------------------------------ section text

/** The text of a section after its heading title, and whether it holds a table. */
export function sectionContent(report: Report, index: number): { text: string; hasTable: boolean; start: number; end: number } | null {
  const s = report.sections.find((x) => x.index === index);
  if (!s) return null;
  const lines = report.tree.lines;
  const parts: string[] = [lines[s.startLine].text.slice(s.heading.titleEnd - lines[s.startLine].start)];
  for (let i = s.startLine + 1; i <= s.endLine && i < lines.length; i++) parts.push(lines[i].text);
  const hasTable = report.tables.some((t) => t.startLine > s.startLine && t.startLine <= s.endLine);
  return { text: parts.join('\n'), hasTable, start: s.heading.line.start, end: s.heading.titleEnd };
}

/** Text that only says "nothing": 无, 暂无, 无。, 没有. */
export function saysNothing(text: string): boolean {
  const t = text.normalize('NFKC').replace(/[\s。.，,；;：:！!*#\-—]/g, '');
  return /^(?:无|暂无|没有|本年度无|本年无|无相关情况|无相关内容|无此项|无此类情况)$/.test(t);
}

// ------------------------------------------------------------------ vocabulary shared by rules

/**
 * Words that show the report speaks of 工作考核、社会评议和责任追究 (第五十条第（四）项), in any of the
 * usual wordings. 监督保障 counts too: the 2021 format places this item under 监督保障 in section 一, and
 * a report that reports on 监督保障 has addressed it where the format asks; its wording is not judged.
 */
export const ASSESSMENT_WORDS = /考核|考评|评议|评估|测评|追究|问责|督查|督导|监督检查|奖惩|监督保障/;

// ------------------------------------------------------------------ conversion leftovers

export interface Artifact {
  kind: 'bookmark' | 'form-feed' | 'zero-width' | 'page-number' | 'glued-page-number';
  start: number;
  end: number;
  /** What deleting it removes (a page-number line goes with its line break, and with the form feed of the same page break). */
  deletes: { start: number; end: number }[];
  line: number;
}

const DASH = '[-—–－]';
const PAGE_LINE = new RegExp(`^\\s*(?:${DASH}\\s*\\d{1,3}\\s*${DASH}|第\\s*\\d{1,3}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,3}\\s*页)?)\\s*$`);
const PAGE_LEAD = new RegExp(`^\\s*${DASH}\\s*\\d{1,3}\\s*${DASH}\\s*(?=[\\u4e00-\\u9fff（(一二三四五六七八九十])`);
const PAGE_TAIL = new RegExp(`(?<=[\\u4e00-\\u9fff）)。])\\s*${DASH}\\s*\\d{1,3}\\s*${DASH}\\s*$`);
const INLINE_ARTIFACTS: RegExp[] = [/\f+/g, /[\u200B-\u200D\u2060\u00AD\uFEFF]+/g];
const ANY_INLINE = /[\f\u200B-\u200D\u2060\u00AD\uFEFF]/;
const BOOKMARK = '[bookmark:';
const DASHES = '-—–－';

export function conversionArtifacts(report: Report): Artifact[] {
  const out: Artifact[] = [];
  const lines = report.tree.lines;
  for (const line of lines) {
    const t = line.text;
    if (PAGE_LINE.test(t) && t.trim()) {
      const lead = t.length - t.trimStart().length;
      const next = lines[line.index + 1];
      const [ds, de] = next ? [line.start, next.start] : [line.index > 0 ? lines[line.index - 1].end : line.start, line.end];
      out.push({ kind: 'page-number', start: line.start + lead, end: line.start + t.trimEnd().length, deletes: [{ start: ds, end: de }], line: line.index });
      continue;
    }
    const lead = PAGE_LEAD.exec(t);
    if (lead) out.push({ kind: 'glued-page-number', start: line.start, end: line.start + lead[0].length, deletes: [{ start: line.start, end: line.start + lead[0].length }], line: line.index });
    const end = t[t.length - 1 - countTrailing(t, /\s/)]; // the last visible character (none on a blank line)
    const tail = end && DASHES.includes(end) ? PAGE_TAIL.exec(t) : null;
    if (tail) out.push({ kind: 'glued-page-number', start: line.start + tail.index, end: line.end, deletes: [{ start: line.start + tail.index, end: line.end }], line: line.index });
    const found: { index: number; text: string }[] = [];
    for (let i = t.indexOf(BOOKMARK); i >= 0; i = t.indexOf(BOOKMARK, i + 1)) {
      const close = t.indexOf(']', i);
      if (close > i && close - i <= 90) found.push({ index: i, text: t.slice(i, close + 1) });
    }
    if (ANY_INLINE.test(t)) for (const re of INLINE_ARTIFACTS) for (const m of t.matchAll(re)) found.push({ index: m.index!, text: m[0] });
    for (const f of found.sort((a, b) => a.index - b.index)) {
      const at = line.start + f.index;
      if (at === 0 && f.text === '\uFEFF') continue; // a byte-order mark at the start is encoding, not content
      const kind = f.text.startsWith('[') ? 'bookmark' : f.text.startsWith('\f') ? 'form-feed' : 'zero-width';
      // One page break is one finding: a form feed just after a page-number line goes with it.
      const page = kind === 'form-feed' ? out.find((a) => a.kind === 'page-number' && a.line >= line.index - 2 && a.line < line.index) : undefined;
      if (page) page.deletes.push({ start: at, end: at + f.text.length });
      else out.push({ kind, start: at, end: at + f.text.length, deletes: [{ start: at, end: at + f.text.length }], line: line.index });
    }
  }
  return out;
}

// ------------------------------------------------------------------ doubled words

export interface RepeatedWord {
  word: string;
  /** Covers both copies. */
  start: number;
  end: number;
}

/** Verbs that are doubled on purpose (a tentative "do a little"): 研究研究. */
const DOUBLED_VERBS = new Set(['研究', '讨论', '学习', '商量', '考虑', '休息', '了解', '检查', '整理', '打扫', '锻炼', '活动', '介绍', '交流', '比较', '认识', '总结', '琢磨', '思考', '看看', '走走', '说说', '想想', '试试', '谈谈', '问问', '听听', '议论', '打听', '收拾', '准备', '清理', '梳理', '提高']);
/** Words ending in 的, so that 的的 after them is word + particle: 目的的, 有的的. */
const DE_WORDS = /[目标有别似真端]$/;
/** Terms that often follow a word ending in their own first characters (人民政府政府信息公开, 年度报告报告期). */
const STRADDLING_TERMS = ['政府信息', '信息公开', '信息化', '公开目录', '公开指南', '公开专栏', '报告期', '工作机构', '工作人员', '信息处理费', '会议纪要', '管理制度', '服务事项', '服务中心', '项目建设', '建设项目'];
const DOUBLE_RE = /([\u4e00-\u9fff]{2,6})\1/g;

export function repeatedWords(report: Report): RepeatedWord[] {
  const out: RepeatedWord[] = [];
  for (const line of proseLines(report)) {
    const t = line.text;
    const re = new RegExp(DOUBLE_RE.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      const w = m[1];
      if (w.length === 2 && w[0] === w[1]) continue; // AAAA: 常常常常 is not a typo we can judge
      if (w[0] === '一' || DOUBLED_VERBS.has(w)) continue; // 一个一个, 一步一步; 研究研究
      if (/^(.)\1/.test(w) || /(.)\1$/.test(w)) continue; // part of an AABB reduplication
      // The end of one term and the start of the next: 人民政府 + 政府信息公开.
      const second = t.slice(m.index + w.length);
      if (STRADDLING_TERMS.some((term) => term.startsWith(w) && second.startsWith(term))) continue;
      // A run of copies (问题问题问题) is one finding.
      let endIdx = m.index + m[0].length;
      while (t.startsWith(w, endIdx)) endIdx += w.length;
      re.lastIndex = endIdx;
      out.push({ word: w, start: line.start + m.index, end: line.start + endIdx });
    }
    for (const m of t.matchAll(/的的/g)) {
      if (DE_WORDS.test(t.slice(0, m.index!)) || t.startsWith('的的确确', m.index!)) continue;
      out.push({ word: '的', start: line.start + m.index!, end: line.start + m.index! + 2 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ------------------------------------------------------------------ half-width punctuation

export interface PunctuationMark {
  start: number;
  end: number;
  replacement: string;
}

export interface HalfWidth {
  kind: 'numbering' | 'marks';
  text: string;
  fixed: string;
  marks: PunctuationMark[];
}

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
const CJK = /[\u4e00-\u9fff]/;
const CJK_CLOSE = /[\u4e00-\u9fff）》」”』】]/;
const CJK_OPEN = /[\u4e00-\u9fff（《“「『【]/;
const NUMBERING_RE = /[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]/g;

export function halfWidthPunctuation(report: Report): HalfWidth[] {
  const out: HalfWidth[] = [];
  for (const line of proseLines(report)) {
    const t = line.text;
    const found: HalfWidth[] = [];
    for (const m of t.matchAll(NUMBERING_RE)) {
      if (!/[()]/.test(m[0])) continue;
      const fixed = `（${m[1]}）`;
      found.push({ kind: 'numbering', text: m[0], fixed, marks: [{ start: line.start + m.index!, end: line.start + m.index! + m[0].length, replacement: fixed }] });
    }
    const marks: PunctuationMark[] = [];
    let text = '';
    for (let i = 1; i < t.length; i++) {
      const code = t.charCodeAt(i);
      if (code !== 44 && code !== 58 && code !== 59) continue; // , : ;
      const c = t[i];
      if (!CJK_CLOSE.test(t[i - 1])) continue;
      let j = i + 1;
      while (j < t.length && j <= i + 2 && t[j] === ' ') j++;
      const right = t[j] ?? '';
      const ok = CJK_OPEN.test(right) || (c !== ':' && /\d/.test(right) && CJK.test(t[i - 1]));
      if (!ok) continue;
      marks.push({ start: line.start + i, end: line.start + j, replacement: FULL[c] });
      text ||= t.slice(i, j);
    }
    if (marks.length) found.push({ kind: 'marks', text, fixed: marks[0].replacement, marks });
    out.push(...found.sort((a, b) => a.marks[0].start - b.marks[0].start));
  }
  return out;
}
