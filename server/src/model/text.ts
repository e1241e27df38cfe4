/**
 * Text helpers of the model: label normalisation and fuzzy matching against the template, and typed
 * cell values. Punctuation width (（一） / (一), ， / ,), spaces and quote styles never make a label
 * different; wording does.
 */
import { distance } from 'fastest-levenshtein';
import { countTrailing } from '../syntax/parse';

/** NFKC, no whitespace, one quote style: the form in which two labels are compared. */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u200b\uFEFF*]+/g, '')
    .replace(/[“”"‘’'「」]/g, '"')
    .replace(/[．]/g, '.');
}

/** A label without its leading numbering: （一）, 1., 1、, 一、, (三). */
export function labelBody(s: string): string {
  return normalizeLabel(s).replace(/^(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+[、.]|\d+[.、,)]?)/, '');
}

export interface LabelMatch<T> {
  item: T;
  /** 0 when the label is the official wording, up to punctuation width and spacing. */
  cost: number;
}

/**
 * The best template label for `text`, or null. An exact body match wins; otherwise the wording may
 * differ by a few characters (typos such as 行政止公开), scaled to the label's length.
 */
export function matchLabel<T>(text: string, items: readonly T[], labelsOf: (item: T) => string[]): LabelMatch<T> | null {
  const norm = normalizeLabel(text);
  const body = labelBody(text);
  if (body.length === 0) return null;
  let best: LabelMatch<T> | null = null;
  for (const item of items) {
    for (const label of labelsOf(item)) {
      const ln = normalizeLabel(label);
      if (ln === norm) return { item, cost: 0 };
      const lb = labelBody(label);
      let cost: number;
      if (lb === body) cost = 1; // numbering differs only, e.g. 1、 for 1.
      else {
        if (lb.length < 4 || body.length < 3) continue;
        if (Math.abs(lb.length - body.length) > 4) continue;
        const d = distance(lb, body);
        const allowed = Math.max(1, Math.min(4, Math.floor(lb.length / 4)));
        if (d > allowed) continue;
        cost = 1 + d;
      }
      if (!best || cost < best.cost) best = { item, cost };
    }
  }
  return best;
}

export type CellValue =
  | { kind: 'blank'; marker: string }
  | { kind: 'number'; text: string; /** exact decimal, normalised: "552.91", "-3", "821" */ decimal: string; integer: number | null }
  | { kind: 'invalid'; text: string };

const BLANK_MARKERS = new Set(['', '/', '／', '-', '－', '—', '——', '–', '无', '\\', '、']);
const UNIT = /(?:万元|元|件|个|条|项|次|人|份|宗|家)$/;

export function parseCellValue(raw: string): CellValue {
  const t = raw.trim();
  if (BLANK_MARKERS.has(t)) return { kind: 'blank', marker: t };
  let s = t.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(UNIT, '');
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { kind: 'invalid', text: t };
  const intPart = m[2].replace(/^0+(?=\d)/, '');
  const rawFrac = m[3] ?? '';
  const frac = rawFrac.slice(0, rawFrac.length - countTrailing(rawFrac, /0/));
  const sign = m[1] === '-' && !(/^0+$/.test(intPart) && frac === '') ? '-' : '';
  const decimal = sign + intPart + (frac ? '.' + frac : '');
  const integer = frac === '' && intPart.length <= 15 ? Number(sign + intPart) : null;
  return { kind: 'number', text: t, decimal, integer };
}

/** Could this cell hold a figure (a number, a blank marker or a mistyped number)? */
export function looksLikeValue(raw: string): boolean {
  const v = parseCellValue(raw);
  if (v.kind !== 'invalid') return true;
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  // Chinese numerals alone, or a number with stray characters (12.5.1, 3件多): a mistyped figure.
  return /^[零〇一二三四五六七八九十百千万两]+$/.test(s) || /^[+-]?\d[\d.,]*$/.test(s);
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 四十四 → 44, for a message that names the number the writer meant; null when not a numeral. */
export function chineseToNumber(s: string): number | null {
  if (!/^[零〇一二三四五六七八九十百千两]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else {
      total += (digit === 0 ? 1 : digit) * CN_UNITS[ch];
      digit = 0;
    }
  }
  return total + digit;
}
