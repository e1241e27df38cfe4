/**
 * Stable fingerprints of findings, independent of line numbers, line ends, encodings and the form a
 * report was read from (text, .docx, web page, PDF): the rule id, the report's identity (agency and
 * year when the report names them, else a hash of its normalised text) and the finding's place by
 * content — the table, row and column ids of the cell it is on, else the normalised prose around it
 * with its occurrence number. A supervisor's review ledger and a baseline match findings by it.
 *
 * Shape: `<report 16 hex>:<finding 16 hex>`, the first half the report's identity (so a ledger knows
 * which report an entry belongs to), under the versioned key {@link FINGERPRINT_VERSION}.
 */
import type { Analysis, Diagnostic } from './analyze';
import type { Report } from '../model/report';
import { agencyKey } from '../workspace/agency';
import { contentHash } from '../workspace/reports';

/** The version of the fingerprint scheme; a ledger or baseline written under another one is warned about once. */
export const FINGERPRINT_VERSION = 'ogiReport/v1';
/** SARIF `partialFingerprints` keys of the parts. */
export const PARTIAL_KEYS = { report: 'ogiReport/report/v1', place: 'ogiReport/place/v1' } as const;

/** Where a finding is, by content. */
export type TablePlace = { table: string; row?: string; column?: string };
export type Place = TablePlace | { context: string; occurrence: number };

export interface FindingPrint {
  /** The full identity: `<report>:<finding>`. */
  fingerprint: string;
  /** The report's identity (16 hex). */
  report: string;
  /** The finding's place, readable. */
  place: Place;
}

/** A 64-bit hash as 16 hex digits (the workspace's content hash: spaces and line ends do not count). */
function hash16(s: string): string {
  return contentHash(s).padStart(16, '0').slice(-16);
}

/** The text as compared across forms: NFKC, no whitespace at all (PDF and web pages wrap lines anywhere). */
function squeeze(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
}

/** Only letters and digits: what every form of a report keeps (table rulings, separators and punctuation vary). */
function letters(s: string): string {
  return s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The report's identity: agency and year when both are known, else the hash of its normalised text. */
export function reportIdentity(report: Report, text: string): string {
  if (report.agency && report.year !== null) {
    const key = agencyKey(report.agency);
    if (key) return hash16(`${key}|${report.year}`);
  }
  return hash16(squeeze(text));
}

/** The table cell (or row, or table) an offset is on, by template ids; null in prose. */
export function tablePlace(report: Report, start: number, end: number): TablePlace | null {
  for (const t of report.tables) {
    if (start < t.start || start > t.end) continue;
    for (const r of t.rows) {
      const rowId = r.id ? (r.item ? `${r.item}.${r.id}` : r.id) : null;
      for (const c of r.cells) {
        const cell = c.cell;
        const on = cell.start === cell.end ? start === cell.start : start >= cell.start && start < cell.end;
        if (on) return { table: t.kind, ...(rowId ? { row: rowId } : {}), column: c.column.id };
      }
      if (r.row.cells.some((c) => start >= c.start && start <= c.end && end <= Math.max(c.end, start))) {
        if (rowId) return { table: t.kind, row: rowId };
      }
    }
    // On the table but on no known row: the table and the text of what is covered.
    return null;
  }
  return null;
}

/** How many squeezed characters of prose either side of a finding its place takes. */
const AROUND = 10;

function prosePlace(text: string, start: number, end: number): string {
  const covered = squeeze(text.slice(start, end));
  // A finding that covers some words is told apart by them; a short or empty one by the words around it.
  if (letters(covered).length >= 4) return covered.slice(0, 4 * AROUND);
  const before = letters(text.slice(Math.max(0, start - 6 * AROUND), start)).slice(-AROUND);
  const after = letters(text.slice(end, end + 6 * AROUND)).slice(0, AROUND);
  return `${before}⟨${covered}⟩${after}`;
}

/** The fingerprints of an analysis's diagnostics, in their order. */
export function fingerprintAll(a: Pick<Analysis, 'report' | 'text'>, diagnostics: readonly Pick<Diagnostic, 'code' | 'start' | 'end'>[]): FindingPrint[] {
  const report = reportIdentity(a.report, a.text);
  const seen = new Map<string, number>();
  const order = diagnostics.map((d, i) => i).sort((x, y) => diagnostics[x].start - diagnostics[y].start || x - y);
  const out: FindingPrint[] = new Array(diagnostics.length);
  for (const i of order) {
    const d = diagnostics[i];
    const cell = tablePlace(a.report, d.start, d.end);
    let place: Place;
    let key: string;
    if (cell) {
      place = cell;
      key = `t|${cell.table}|${cell.row ?? ''}|${cell.column ?? ''}`;
    } else {
      const context = prosePlace(a.text, d.start, d.end);
      key = `p|${context}`;
      place = { context, occurrence: 0 };
    }
    const n = seen.get(`${d.code}|${key}`) ?? 0;
    seen.set(`${d.code}|${key}`, n + 1);
    if ('occurrence' in place) place.occurrence = n;
    out[i] = { fingerprint: `${report}:${hash16(`${FINGERPRINT_VERSION}|${d.code}|${key}|${n}`)}`, report, place };
  }
  return out;
}

/** The report half of a fingerprint (null when it is not one of this version's). */
export function reportOf(fingerprint: string): string | null {
  const m = /^([0-9a-f]{16}):[0-9a-f]{16}$/.exec(fingerprint);
  return m ? m[1] : null;
}

/** The SARIF parts of a fingerprint: the report and the finding's place. */
export function partialFingerprints(fingerprint: string): Record<string, string> {
  const cut = fingerprint.indexOf(':');
  return { [PARTIAL_KEYS.report]: fingerprint.slice(0, cut), [PARTIAL_KEYS.place]: fingerprint.slice(cut + 1) };
}
