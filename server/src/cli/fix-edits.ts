/**
 * `--fix` as a record of what changed: `fixAll`'s rounds (safe and figure fixes, re-checked until
 * nothing more is fixable), with every applied edit kept with its rule code and mapped back
 * to the original text, so that the run can say what it changed and the writer can splice only the
 * changed spans into the original bytes. Pure: no file is read or written here.
 */
import { Analysis, AnalyzeOptions, AppliedEdit, fixAll } from '../service/analyze';
import { lineAt, textLineStarts } from './fix-bytes';

/** One change, in the original text: 1-based line and column (UTF-16), the text before and after. */
export interface FixChange {
  code: string;
  line: number;
  column: number;
  from: string;
  to: string;
}

/** A span of the original text and what replaces it; spans are sorted and do not touch. */
export interface Hunk {
  start: number;
  end: number;
  text: string;
}

export interface FixPlan {
  text: string;
  analysis: Analysis;
  changes: FixChange[];
  hunks: Hunk[];
}

type Applied = AppliedEdit;

/** A position in the text after `round` back to the text before it; inside an edit, its start or end. */
function back(round: Applied[], p: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of round) {
    const a = e.start + delta;
    const b = a + e.newText.length;
    if (p < a) return p - delta;
    if (p <= b) {
      if (p === a && (side === 'start' || p < b)) return e.start;
      if (p === b) return e.end;
      return side === 'start' ? e.start : e.end;
    }
    delta += e.newText.length - (e.end - e.start);
  }
  return p - delta;
}

/** A position before `round` to the text after it (boundaries of hunks never fall inside an edit). */
function forward(round: Applied[], p: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of round) {
    if (p < e.start || (p === e.start && !(side === 'end' && e.end === e.start))) return p + delta;
    if (p < e.end) return side === 'start' ? e.start + delta : e.start + delta + e.newText.length;
    delta += e.newText.length - (e.end - e.start);
  }
  return p + delta;
}

function applyHunks(text: string, hunks: Hunk[]): string {
  let out = '';
  let pos = 0;
  for (const h of hunks) { out += text.slice(pos, h.start) + h.text; pos = h.end; }
  return out + text.slice(pos);
}

/** The one span that differs between two texts (common prefix and suffix removed). */
function wholeDiff(a: string, b: string): Hunk[] {
  if (a === b) return [];
  let s = 0;
  while (s < a.length && s < b.length && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a.charCodeAt(a.length - 1 - e) === b.charCodeAt(b.length - 1 - e)) e++;
  return [{ start: s, end: a.length - e, text: b.slice(s, b.length - e) }];
}

/** Applies the safe and figure fixes as `fixAll` does, and says what changed where. */
export function planFix(text: string, options: AnalyzeOptions): FixPlan {
  const rounds: Applied[][] = [];
  const { text: current, analysis } = fixAll(text, { ...options, kinds: ['safe', 'figure'], onRound: (applied) => rounds.push(applied) });
  // Every edit as a span of the original text, with its code and values.
  const spans: { start: number; end: number; code: string; from: string; to: string }[] = [];
  const byPlace = new Map<string, (typeof spans)[number]>();
  rounds.forEach((round, k) => {
    for (const e of round) {
      let s = e.start;
      let t = e.end;
      for (let r = k - 1; r >= 0; r--) { s = back(rounds[r], s, 'start'); t = back(rounds[r], t, 'end'); }
      // A later round changing what an earlier one wrote is one change, from the first value to the last.
      const place = `${s}:${t}:${e.code}`;
      const same = byPlace.get(place);
      if (same) same.to = e.newText;
      else {
        const span = { start: s, end: t, code: e.code, from: k === 0 ? e.oldText : text.slice(s, t), to: e.newText };
        spans.push(span);
        byPlace.set(place, span);
      }
    }
  });
  const starts = textLineStarts(text);
  const changes = spans.sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((x) => x.from !== x.to)
    .map((x) => { const line = lineAt(starts, x.start); return { code: x.code, line: line + 1, column: x.start - starts[line] + 1, from: x.from, to: x.to }; });
  // Hunks: the spans merged where they overlap or touch, each replaced by what the final text holds there.
  const merged: { start: number; end: number }[] = [];
  for (const x of spans) {
    const last = merged[merged.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else merged.push({ start: x.start, end: x.end });
  }
  let hunks: Hunk[] = merged.map((h) => {
    let s = h.start;
    let e = h.end;
    for (const round of rounds) { s = forward(round, s, 'start'); e = forward(round, e, 'end'); }
    return { start: h.start, end: h.end, text: current.slice(s, e) };
  }).filter((h) => text.slice(h.start, h.end) !== h.text);
  if (applyHunks(text, hunks) !== current) hunks = wholeDiff(text, current);
  return { text: current, analysis, changes, hunks };
}
