/**
 * The prose of a report, segmented once: the lines of running text, the paragraphs they form (wrapped
 * lines joined), and sentences and clauses as views of a paragraph. Every segment maps each of its
 * characters back to its document offset. Every reader of the prose (the claims, the facts, the rules that
 * scan sentences) uses these segments, so the model has one definition of a paragraph; they are computed
 * once per report.
 */
import type { Line } from '../syntax/parse';
import type { Report } from './report';
import { codesOf } from './text';
import { Memo } from '../base/memo';

/**
 * A run of prose with the document offset of every character. Sentences and clauses are views of their
 * paragraph: they share its `offsets` from `base` on (a clause joined over a gap gets offsets of its own).
 */
export interface Segment {
  text: string;
  offsets: number[];
  base: number;
  /** For a clause: where it starts in its sentence. */
  at?: number;
}

/** Running text joined over hard line breaks (PDF extractions wrap mid-sentence). */
export interface Paragraph extends Segment {
  firstLine: number;
  lastLine: number;
}

/** The document offset of the segment's `k`-th character. */
export function offsetAt(seg: Segment, k: number): number {
  return seg.offsets[seg.base + k];
}

/** The document range of the segment's characters `from` (inclusive) to `to` (exclusive). */
export function spanOf(seg: Segment, from: number, to: number): { start: number; end: number } {
  return { start: offsetAt(seg, from), end: offsetAt(seg, to - 1) + 1 };
}

/** A view of characters `from` to `to` of a segment. */
export function subSegment(seg: Segment, from: number, to: number): Segment {
  return { text: seg.text.slice(from, to), offsets: seg.offsets, base: seg.base + from };
}

/** Sentence ends: a sentence is cut at these, its parts (clauses of one subject) at ；. */
export const SENTENCE_STOPS = codesOf('。！？!?');
export const PART_STOPS = codesOf('；;');
export const CLAUSE_STOPS = codesOf('，,、：:（）()【】');

/** A set of UTF-16 codes as a table indexed by code: a lookup per character of the prose, without hashing. */
const tables = new WeakMap<Set<number>, Uint8Array>();
function tableOf(codes: Set<number>): Uint8Array {
  let t = tables.get(codes);
  if (!t) {
    t = new Uint8Array(0x10000);
    for (const c of codes) t[c] = 1;
    tables.set(codes, t);
  }
  return t;
}

/** The non-empty pieces of a segment between the characters of `stops`. */
export function splitSegment(seg: Segment, stops: Set<number>): Segment[] {
  const out: Segment[] = [];
  const stop = tableOf(stops);
  const text = seg.text;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || stop[text.charCodeAt(i)] === 1) {
      if (i > from) out.push(subSegment(seg, from, i));
      from = i + 1;
    }
  }
  return out;
}

/** The sentences of a paragraph (cut at 。！？), each cut into its parts at ；. */
export function sentences(para: Segment): Segment[][] {
  return splitSegment(para, SENTENCE_STOPS).map((s) => splitSegment(s, PART_STOPS));
}

const DUN = 0x3001; // 、

/**
 * The clauses of a sentence (cut at ，、：（）【】). A list "X、Y" stays one clause while `joinsList` says the
 * part before 、 does not stand alone (the claims reader: it holds no number).
 */
export function splitClauses(sentence: Segment, joinsList: (part: Segment) => boolean = () => false): Segment[] {
  const parts: Segment[] = [];
  // The piece last taken in (pushed or joined): a 、 after it joins the next piece when `joinsList` says so.
  let last: Segment | null = null;
  const stop = tableOf(CLAUSE_STOPS);
  let from = 0;
  for (let i = 0; i <= sentence.text.length; i++) {
    if (i === sentence.text.length || stop[sentence.text.charCodeAt(i)] === 1) {
      const piece = subSegment(sentence, from, i);
      const prev = parts[parts.length - 1];
      if (prev && sentence.text.charCodeAt(from - 1) === DUN && joinsList(last!)) {
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

/** Stops of the window around one place: a sentence end, ；, or a hard line break. */
const WINDOW_STOPS = codesOf('。！？；\n');

/** The sentence around `at` in `text`, at most 200 characters either way (a run-on line is not one sentence). */
export function sentenceAround(text: string, at: number): { from: number; to: number } {
  let from = at;
  const minFrom = Math.max(0, at - 200);
  while (from > minFrom && !WINDOW_STOPS.has(text.charCodeAt(from - 1))) from--;
  let to = at;
  const maxTo = Math.min(text.length, at + 200);
  while (to < maxTo && !WINDOW_STOPS.has(text.charCodeAt(to))) to++;
  return { from, to };
}

// ------------------------------------------------------------------ lines and paragraphs

interface Segmentation {
  lines: Line[];
  paragraphs: Paragraph[];
}

const CACHE = new Memo<Report, Segmentation>();

function segmentation(report: Report): Segmentation {
  let s = CACHE.get(report);
  if (!s) {
    const lines = readProseLines(report);
    CACHE.set(report, (s = { lines, paragraphs: joinLines(report, lines) }));
  }
  return s;
}

/** The lines of running text: not a table row, not blank, not a piece of a broken table (computed once). */
export function proseLines(report: Report): Line[] {
  return segmentation(report).lines;
}

/** The paragraphs of the report's prose, in document order (computed once). */
export function paragraphs(report: Report): Paragraph[] {
  return segmentation(report).paragraphs;
}

const SENTENCE_PUNCT = /[。，,；;！？、]/;

function readProseLines(report: Report): Line[] {
  const count = report.tree.lines.length;
  // One pass over the tables and sections, then one over the lines: no per-line scan of every table.
  const inTable = new Uint8Array(count);
  for (const t of report.tables) inTable.fill(1, Math.max(0, t.startLine), Math.min(count, t.endLine + 1));
  // Sections 二–四 hold the tables; a short line there without sentence punctuation is a piece of a
  // table that a converter broke apart (结果结果其他尚未), not a sentence.
  const tableSection = new Uint8Array(count);
  for (const s of report.sections) if (s.index >= 2 && s.index <= 4) tableSection.fill(1, Math.max(0, s.startLine + 1), Math.min(count, s.endLine + 1));
  const headingLines = new Set(report.headings.map((h) => h.line.index));
  const out: Line[] = [];
  for (const b of report.tree.blocks) {
    if (b.type !== 'text') continue;
    const i = b.line.index;
    const t = b.line.text.trim();
    if (!t || inTable[i]) continue;
    if (tableSection[i] && !headingLines.has(i) && t.length <= 40 && !SENTENCE_PUNCT.test(t)) continue;
    out.push(b.line);
  }
  return out;
}

/**
 * A line that ends a sentence, a clause introducing a list (：) or a quotation or bracket closes its
 * paragraph; so does a numbered line starting the next. Everything else wrapped onto the next line
 * continues there (PDF extractions break lines mid-sentence).
 */
const CLOSES_LINE = /[。！？!?：；:;」”）)》]\s*$/;
const NUMBERED = /^\s*[（(]?[一二三四五六七八九十\d]+[）)、.．]/;

function joinLines(report: Report, lines: Line[]): Paragraph[] {
  const headingLines = new Set(report.headings.map((h) => h.line.index));
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let prevIndex = -2;
  for (const line of lines) {
    const joinable = cur && line.index === prevIndex + 1 && !headingLines.has(line.index) && !headingLines.has(prevIndex)
      && !CLOSES_LINE.test(report.tree.lines[prevIndex].text) && !NUMBERED.test(line.text);
    if (!joinable) {
      cur = { text: '', offsets: [], base: 0, firstLine: line.index, lastLine: line.index };
      out.push(cur);
    }
    const t = line.text.trimEnd();
    cur!.text += t;
    for (let i = 0; i < t.length; i++) cur!.offsets.push(line.start + i);
    cur!.lastLine = line.index;
    prevIndex = line.index;
  }
  return out;
}
