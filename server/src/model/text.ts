/**
 * Text helpers of the model: label normalisation and fuzzy matching against the template, and typed
 * cell values. Punctuation width (（一） / (一), ， / ,), spaces and quote styles never make a label
 * different; wording does.
 */
import { distance } from 'fastest-levenshtein';
import { countTrailing } from '../syntax/parse';

const PLAIN = /^[\u4e00-\u9fff0-9A-Za-z]*$/;

const MEMO_MAX_LENGTH = 256;

/**
 * A function of a string remembered for the strings it has seen: labels and headings repeat across the
 * rows and reports of a batch. The memory is bounded: past `limit` entries it starts again, and long
 * strings (a paragraph, a garbled line) are not kept at all.
 */
export function remembered<T>(limit: number, f: (s: string) => T): (s: string) => T {
  let seen = new Map<string, T>();
  return (s) => {
    if (s.length > MEMO_MAX_LENGTH) return f(s);
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    if (seen.size >= limit) seen = new Map();
    const v = f(s);
    seen.set(s, v);
    return v;
  };
}

/** NFKC, no whitespace, one quote style: the form in which two labels are compared. */
export function normalizeLabel(s: string): string {
  if (PLAIN.test(s)) return s; // ideographs and ASCII digits/letters are their own normal form
  return normalized(s);
}

const normalized = remembered(4096, (s) => s
  .normalize('NFKC')
  .replace(/[\s\u200b\uFEFF*]+/g, '')
  .replace(/[“”"‘’'「」]/g, '"')
  .replace(/[．]/g, '.'));

/** A label without its leading numbering: （一）, 1., 1、, 一、, (三). */
export function labelBody(s: string): string {
  return bodyOf(normalizeLabel(s));
}

const bodyOf = remembered(4096, (n) => n.replace(/^(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+[、.]|\d+[.、,)]?)/, ''));

export interface LabelMatch<T> {
  item: T;
  /** 0 when the label is the official wording, up to punctuation width and spacing. */
  cost: number;
}

/**
 * A matcher for a fixed list of template labels, prepared once: `match(text)` gives the best label
 * for `text`, or null. An exact match (up to punctuation width and spacing) costs 0 and a match that
 * differs only in numbering (1、 for 1.) costs 1; otherwise the wording may differ by a few characters
 * (typos such as 行政止公开), scaled to the label's length, at 1 + the edit distance.
 */
export function labelMatcher<T>(items: readonly T[], labelsOf: (item: T) => string[]): (text: string) => LabelMatch<T> | null {
  const exact = new Map<string, T>();
  const byBody = new Map<string, T>();
  const fuzzy: { item: T; body: string; allowed: number }[] = [];
  for (const item of items) {
    for (const label of labelsOf(item)) {
      const norm = normalizeLabel(label);
      const body = labelBody(label);
      if (!exact.has(norm)) exact.set(norm, item);
      if (!byBody.has(body)) byBody.set(body, item);
      if (body.length >= 4) fuzzy.push({ item, body, allowed: Math.max(1, Math.min(4, Math.floor(body.length / 4))) });
    }
  }
  // Results are shared between calls with the same text: callers only read them.
  return remembered(2048, (text: string) => {
    const norm = normalizeLabel(text);
    const hit = exact.get(norm);
    if (hit !== undefined) return { item: hit, cost: 0 };
    const body = labelBody(text);
    if (body.length === 0) return null;
    const bodyHit = byBody.get(body);
    if (bodyHit !== undefined) return { item: bodyHit, cost: 1 };
    if (body.length < 3) return null;
    let best: LabelMatch<T> | null = null;
    for (const f of fuzzy) {
      if (Math.abs(f.body.length - body.length) > 4) continue;
      const d = distance(f.body, body);
      if (d > f.allowed) continue;
      if (!best || 1 + d < best.cost) best = { item: f.item, cost: 1 + d };
    }
    return best;
  });
}

export type CellValue =
  | { kind: 'blank'; marker: string }
  | { kind: 'number'; text: string; /** exact decimal, normalised: "552.91", "-3", "821" */ decimal: string; integer: number | null }
  | { kind: 'invalid'; text: string };

/** A CJK unified ideograph (U+4E00–U+9FFF), by character code. */
export function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** The character codes of a set of characters: hot loops compare codes, as `t[i]` on CJK text makes a new string each time. */
export function codesOf(chars: string): Set<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

const CN_NUMERALS = new Set('零〇一二三四五六七八九十百千万两');

const BLANK_MARKERS = new Set(['', '/', '／', '-', '－', '—', '——', '–', '无', '\\', '、']);
const UNIT = /(?:万元|元|件|个|条|项|次|人|份|宗|家)$/;

const ASCII_DIGITS = /^\d{1,15}$/;

export function parseCellValue(raw: string): CellValue {
  // Most cells are plain ASCII figures: their normal form is themselves.
  if (ASCII_DIGITS.test(raw)) {
    const intPart = raw.length > 1 && raw.charCodeAt(0) === 48 ? raw.replace(/^0+(?=\d)/, '') : raw;
    return { kind: 'number', text: raw, decimal: intPart, integer: Number(intPart) };
  }
  const t = raw.trim();
  if (BLANK_MARKERS.has(t)) return { kind: 'blank', marker: t };
  // A label: an ideograph first is never a figure (NFKC leaves ideographs as they are).
  if (isIdeograph(t.charCodeAt(0))) return { kind: 'invalid', text: t };
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
export function looksLikeValue(raw: string, parsed?: CellValue): boolean {
  const v = parsed ?? parseCellValue(raw);
  if (v.kind !== 'invalid') return true;
  if (isIdeograph(raw.charCodeAt(0)) && !CN_NUMERALS.has(raw[0])) return false;
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
