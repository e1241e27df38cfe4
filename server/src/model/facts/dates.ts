/**
 * Dates and numerals as reports write them (2024年1月20日, 二〇二四年一月二十日, 2024-01-20), and the
 * 落款 date: the date under the signature, or a stated publication date.
 */
import type { Report } from '../report';
import { chineseToNumber } from '../text';
import { SIGNER_SUFFIXES } from '../vocabulary/body';

const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

export function numeral(s: string): number | null {
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
  /** Read from a stated publication date (`发布时间: 2024-01-30 15:01`), not the signature. */
  published?: boolean;
}

const DIG = '\\d{1,2}';
const CN = '[一二三四五六七八九十]{1,3}';
/** 2024年1月20日, 2024 年 1 月 20 日, 二〇二四年一月二十日, 2024-01-20, 2024.1.20, 2024/1/20. */
const DATE_RE = new RegExp(
  `((?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(${DIG}|${CN})\\s*月\\s*(${DIG}|${CN})\\s*日|((?:19|20)\\d{2})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)`,
  'g',
);

export function datesIn(text: string): { year: number; month: number; day: number; index: number; length: number }[] {
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

// ------------------------------------------------------------------ the 落款 date

const SIGNER = new RegExp(`(?:${SIGNER_SUFFIXES.join('|')})$`);
const PUBLISHED_RE = /^\s*(?:发布|公开|成文|印发)(?:日期|时间)\s*[:：]\s*/;

/**
 * The date under the signature: one of the last three non-blank lines, holding only a date (or a
 * body's name and a date), after the last table; or a "发布日期：" line before the first section.
 */
export function signedDate(report: Report): DateMention | null {
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
      return { year: d[0].year, month: d[0].month, day: d[0].day, start: at, end: at + d[0].length, published: true };
    }
  }
  return null;
}
