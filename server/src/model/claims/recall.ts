/**
 * The claims of a paragraph read in an earlier analysis, reused when the paragraph comes back unchanged.
 * In the editor every keystroke re-analyses the report, and all its paragraphs but one are as they were:
 * reading them again was a sixth of the analysis. A paragraph's reading depends only on its text, the
 * line breaks inside it, the domain the heading before it sets (applications, 信息公开), the report's
 * agency and year, and whether it lies in section 四; those make the key. The claims are stored relative
 * to the paragraph's first character and moved to where it now is; a stored reading is never handed out
 * itself (rules may annotate what they get), only copies. Bounded: the least recently used readings go.
 */
import type { Paragraph } from '../segments';
import type { Ctx } from './context';
import type { Claim, DatedClaim } from './types';

/** A paragraph's claims, their offsets relative to its first character. */
interface Reading {
  claims: Claim[];
  dated: DatedClaim[];
  /** Clauses the reading took from the budget. */
  clauses: number;
}

const MAX_READINGS = 2000;
/** At most this many characters of kept paragraphs' keys (about 2 MB), whatever their number. */
const MAX_KEPT_CHARS = 1_000_000;
let keptChars = 0;
/** Paragraphs longer than this are not kept (a run-on text's one paragraph would only fill the memory). */
const MAX_TEXT = 4000;
const READINGS = new Map<string, Reading>();

/** Fields of a claim that hold document offsets. */
const OFFSETS = new Set(['start', 'end', 'numStart', 'numEnd', 'yearStart', 'yearEnd']);

/**
 * The key of a paragraph's reading, or null when it is not to be kept: too long, or partly in section 四
 * (a sentence's section decides its topic).
 */
export function readingKey(para: Paragraph, heading: { apps: boolean; info: boolean }, ctx: Ctx): string | null {
  const n = para.text.length;
  if (n === 0 || n > MAX_TEXT) return null;
  const first = para.offsets[para.base];
  const last = para.offsets[para.base + n - 1];
  const s4 = ctx.section4;
  const inFirst = !!s4 && first >= s4.start && first <= s4.end;
  const inLast = !!s4 && last >= s4.start && last <= s4.end;
  if (inFirst !== inLast) return null;
  // Where the paragraph's characters are not contiguous in the document (a joined line break), and how far.
  let breaks = '';
  // Most paragraphs are one line: contiguous, nothing to list.
  if (last - first !== n - 1) for (let k = 1; k < n; k++) {
    const gap = para.offsets[para.base + k] - para.offsets[para.base + k - 1];
    if (gap !== 1) breaks += `${k}+${gap},`;
  }
  return `${heading.apps ? 1 : 0}${heading.info ? 1 : 0}${inFirst ? 1 : 0}|${ctx.year ?? ''}|${ctx.agency ?? ''}|${breaks}|${para.text}`;
}

/** The earlier reading under `key`, if there is one that fits within the clauses left. */
export function recall(key: string, budget: number): Reading | undefined {
  const r = READINGS.get(key);
  if (!r || r.clauses > budget) return undefined;
  READINGS.delete(key);
  READINGS.set(key, r);
  return r;
}

/** Keeps what the paragraph starting at `at` added to ctx since `from`. */
export function remember(key: string, at: number, from: { claims: number; dated: number; budget: number }, ctx: Ctx): void {
  const seen = new Map<object, object>();
  const old = READINGS.get(key);
  if (old) READINGS.delete(key);
  else keptChars += key.length;
  READINGS.set(key, {
    claims: ctx.claims.slice(from.claims).map((c) => moved(c, -at, seen)),
    dated: ctx.dated.slice(from.dated).map((d) => moved(d, -at, seen)),
    clauses: from.budget - ctx.budget,
  });
  while (READINGS.size > MAX_READINGS || keptChars > MAX_KEPT_CHARS) {
    const oldest = READINGS.keys().next().value!;
    READINGS.delete(oldest);
    keptChars -= oldest.length;
  }
}

/** Adds copies of a reading's claims to ctx, moved to a paragraph starting at document offset `by`. */
export function appendMoved(r: Reading, by: number, ctx: Ctx): void {
  const seen = new Map<object, object>();
  for (const c of r.claims) ctx.claims.push(moved(c, by, seen));
  for (const d of r.dated) ctx.dated.push(moved(d, by, seen));
}

/** A copy of a claim with its offsets moved; objects it shares with other claims stay shared. */
function moved<T extends object>(value: T, by: number, seen: Map<object, object>): T {
  const done = seen.get(value);
  if (done) return done as T;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'number' && OFFSETS.has(k)) out[k] = v + by;
    else if (Array.isArray(v)) out[k] = v.map((x) => (x !== null && typeof x === 'object' ? moved(x as object, by, seen) : x));
    else if (v !== null && typeof v === 'object') out[k] = moved(v as object, by, seen);
    else out[k] = v;
  }
  return out as T;
}

/** Forgets every kept reading (tests compare a reading reused with one made afresh). */
export function forgetReadings(): void {
  READINGS.clear();
  keptChars = 0;
}
