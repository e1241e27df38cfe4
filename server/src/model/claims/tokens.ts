/** Tokens of a clause: numbers with their units, words of the vocabulary, and the words left unexplained. */
import { chineseToNumber, codesOf, isIdeograph } from '../text';
import { FILLERS, VOCAB } from '../vocabulary/claims';
import type { Word } from './types';

export function isCjk(ch: string): boolean {
  return isIdeograph(ch.charCodeAt(0));
}

export interface NumTok { value: number; start: number; end: number; unit: string; unitEnd: number }

const CN_NUM = '零〇一二两三四五六七八九十百千';

export function toAscii(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

const CN_NUM_SET = codesOf(CN_NUM);

/** Numbers followed by a unit among `units` (spaces allowed between), in clause positions. */
export function numbers(text: string, units: string[]): NumTok[] {
  // Every number kept is followed by one of the units: a text without any has none (most clauses).
  if (!units.some((u) => text.includes(u))) return [];
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

export interface Hit { word: Word; start: number; end: number }

/** A vocabulary prepared for scanning: its words in priority order (longest first), indexed by first character. */
interface Vocab {
  words: Word[];
  /** 1 at the codes that start a word. */
  first: Uint8Array;
  /** The words of two characters or more by their first and second character; the shorter ones by their first. */
  byPair: Map<number, Map<number, number[]>>;
  short: Map<number, number[]>;
}

function vocab(list: Word[]): Vocab {
  const first = new Uint8Array(0x10000);
  const byPair = new Map<number, Map<number, number[]>>();
  const short = new Map<number, number[]>();
  const add = <K>(m: Map<K, number[]>, key: K, k: number) => {
    const at = m.get(key);
    if (at) at.push(k);
    else m.set(key, [k]);
  };
  list.forEach((w, k) => {
    if (w.text === '') return; // matches nowhere
    const c = w.text.charCodeAt(0);
    first[c] = 1;
    if (w.text.length < 2) return add(short, c, k);
    let second = byPair.get(c);
    if (!second) byPair.set(c, (second = new Map()));
    add(second, w.text.charCodeAt(1), k);
  });
  return { words: list, first, byPair, short };
}

/**
 * Every occurrence of the vocabulary's words, a longer word taking its characters before a shorter one
 * (收到 inside 共收到 is not a second hit). One pass over the text finds where each word occurs.
 */
export function findWords(text: string, v: Vocab): Hit[] {
  const found: { k: number; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (v.first[c] === 0) continue;
    const ones = v.short.get(c);
    if (ones) for (const k of ones) found.push({ k, at: i });
    const ks = i + 1 < text.length ? v.byPair.get(c)?.get(text.charCodeAt(i + 1)) : undefined;
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

/** Scratch table for `residue`: 1 at the codes of the text being reduced, cleared after. */
const PRESENT = new Uint8Array(0x10000);

/** CJK characters left after removing the given ranges and every filler word: words the engine does not understand. */
export function residue(text: string, remove: { start: number; end: number }[], agency: string | null, extra: string[] = []): string {
  let s = text;
  if (remove.length) {
    const keep = text.split('');
    for (const r of remove) for (let k = r.start; k < r.end; k++) keep[k] = ' ';
    s = keep.join('');
  }
  s = s.replace(/[0-9０-９]{4}\s*年度?/g, ' ');
  for (const f of extra) if (s.includes(f)) s = s.split(f).join(' ');
  // Taking a filler out only removes characters (a space takes their place): a filler whose first
  // character is not in the text now is not in it later either.
  for (let i = 0; i < s.length; i++) PRESENT[s.charCodeAt(i)] = 1;
  const codes = s;
  for (const f of FILLERS) if (PRESENT[f.charCodeAt(0)] === 1 && s.includes(f)) s = s.split(f).join(' ');
  for (let i = 0; i < codes.length; i++) PRESENT[codes.charCodeAt(i)] = 0;
  let rest = '';
  for (const ch of s) rest += isCjk(ch) ? ch : ' ';
  // The reporting body's own name as subject (市科委 in 上海市科委) is not a narrower scope.
  return rest.split(' ').filter((part) => part && !(agency && part.length >= 2 && agency.includes(part))).join('');
}

export const CARRYOVER_VOCAB = vocab(VOCAB.filter((w) => w.quantity === 'carryover'));
export const ALL_VOCAB = vocab(VOCAB);

