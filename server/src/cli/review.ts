/**
 * `--review 审核记录.json` and `--baseline earlier.json|.sarif` on the command line: read once in the
 * main thread, applied to each file's result before it is counted and reported. A dismissed finding
 * stays listed (with its reason) but out of the counts and the exit status; a confirmed one is marked.
 * An entry or a baseline finding of a report checked in this run whose finding has gone is reported
 * (resolved, absent); those of reports not in this run are left alone.
 */
import { Msg, msg } from '../base/msg';
import { reportOf } from '../service/fingerprint';
import { Baseline, BaselineFinding, Ledger, ReviewEntry, parseBaseline, parseLedger } from '../service/review';
import type { FileResult } from './check';
import { readRegular } from './safe-read';

export interface ReviewMark {
  status: ReviewEntry['status'];
  reason?: string;
  reviewer?: string;
  at?: string;
}

export type ResolvedEntry = ReviewEntry;
export type AbsentFinding = Omit<BaselineFinding, 'file'> & { file: string };

function byReport<T extends { fingerprint: string }>(all: Iterable<T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of all) {
    const r = reportOf(e.fingerprint);
    if (!r) continue;
    const list = out.get(r);
    if (list) list.push(e);
    else out.set(r, [e]);
  }
  return out;
}

export interface LoadedLedger { ledger: Ledger; byReport: Map<string, ReviewEntry[]> }
export interface LoadedBaseline { baseline: Baseline; byReport: Map<string, BaselineFinding[]> }

/** Reads a file as text; a problem when it cannot be read. */
function readText(file: string): string | Msg {
  const raw = readRegular(file);
  if (!Buffer.isBuffer(raw)) return raw.message;
  return raw.toString('utf8');
}

export function loadLedger(file: string): LoadedLedger | Msg {
  const text = readText(file);
  if (typeof text !== 'string') return text;
  const ledger = parseLedger(text);
  return { ledger, byReport: byReport(ledger.entries.values()) };
}

export function loadBaseline(file: string): LoadedBaseline | Msg {
  const text = readText(file);
  if (typeof text !== 'string') return text;
  const baseline = parseBaseline(text);
  return { baseline, byReport: byReport(baseline.findings.values()) };
}

/** Marks a result's findings with the ledger's decisions and lists the entries whose finding has gone. */
export function applyLedger(r: FileResult, l: LoadedLedger): void {
  if (!r.identity) return;
  const here = new Set<string>();
  for (const d of r.diagnostics) {
    if (!d.fingerprint) continue;
    here.add(d.fingerprint);
    const e = l.ledger.entries.get(d.fingerprint);
    if (!e) continue;
    const mark: ReviewMark = { status: e.status };
    if (e.reason) mark.reason = e.reason;
    if (e.reviewer) mark.reviewer = e.reviewer;
    if (e.at) mark.at = e.at;
    d.review = mark;
  }
  const gone = (l.byReport.get(r.identity) ?? []).filter((e) => !here.has(e.fingerprint));
  if (gone.length) r.resolved = gone;
  // The file's status counts only what is not dismissed.
  if (r.status === 'errors' || r.status === 'warnings') {
    const live = r.diagnostics.filter((d) => d.review?.status !== 'dismissed');
    r.status = live.some((d) => d.severity === 'error') ? 'errors' : live.some((d) => d.severity === 'warning') ? 'warnings' : 'clean';
  }
}

/** Marks a result's findings new or unchanged against the baseline and lists the absent ones. */
export function applyBaseline(r: FileResult, b: LoadedBaseline): void {
  if (!r.identity) return;
  const here = new Set<string>();
  for (const d of r.diagnostics) {
    if (!d.fingerprint) continue;
    here.add(d.fingerprint);
    d.baseline = b.baseline.findings.has(d.fingerprint) ? 'unchanged' : 'new';
  }
  r.absent = (b.byReport.get(r.identity) ?? []).filter((f) => !here.has(f.fingerprint));
}

export const DISMISSED_NOTE = (n: number): Msg => msg(`另有 ${n} 处已驳回`, `${n} more dismissed`);
