/**
 * The reporting year as the prose states it: the statistics period (统计期限), the report naming itself,
 * the overview's opening year and its statements of this year's figures; and years with digits glued to
 * them (202020年). Years of comparisons, plans and cited documents are never read as the report year.
 */
import type { Heading, Report } from '../report';
import { Paragraph, sentenceAround, spanOf } from '../segments';
import { NOT_REPORT_YEAR_WORDS, PERIOD_WORDS } from '../vocabulary/years';
import type { DateMention } from './dates';

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

const DIG = '\\d{1,2}';
const PERIOD_KEY = new RegExp(PERIOD_WORDS.join('|'), 'g');
const PERIOD_RE = new RegExp(
  `((?:19|20)\\d{2})\\s*年\\s*(${DIG})\\s*月\\s*(${DIG})\\s*日\\s*(?:起)?\\s*(?:至|到|—|－|-|~|～)\\s*(?:((?:19|20)\\d{2})\\s*年\\s*)?(${DIG})\\s*月\\s*(${DIG})\\s*日`,
);
const NOT_REPORT_YEAR = new RegExp(NOT_REPORT_YEAR_WORDS.join('|'));
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

function sectionOf(report: Report, line: number): number | null {
  return report.sections.find((s) => line >= s.startLine && line <= s.endLine)?.index ?? null;
}

/** The years the prose presents as the reporting year, mistyped years and the statistics period. */
export function readYears(report: Report, paras: Paragraph[]): { yearClaims: YearClaim[]; yearTypos: YearTypo[]; period: Period | null } {
  const yearClaims: YearClaim[] = [];
  const yearTypos: YearTypo[] = [];
  let period: Period | null = null;
  // The first heading of each line (a paragraph's first line may be a heading running into its prose).
  const headingAt = new Map<number, Heading>();
  for (const h of report.headings) if (!headingAt.has(h.line.index)) headingAt.set(h.line.index, h);
  const firstOfSection1 = new Set<Paragraph>();
  const s1 = report.sections.find((s) => s.index === 1);
  if (s1) {
    const first = paras.find((p) => p.lastLine >= s1.startLine && p.firstLine <= s1.endLine && p.text.slice(headingCut(headingAt, p)).trim());
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
      for (const key of t.matchAll(PERIOD_KEY)) {
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
    const cut = headingCut(headingAt, p);
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
  return { yearClaims, yearTypos, period };
}

/** Where the prose of a paragraph starts when a heading runs into it on the same line. */
function headingCut(headingAt: Map<number, Heading>, p: Paragraph): number {
  const h = headingAt.get(p.firstLine);
  if (!h) return 0;
  const i = p.offsets.findIndex((o) => o >= h.titleEnd);
  return i < 0 ? p.text.length : i;
}
