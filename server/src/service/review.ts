/**
 * A supervisor's review ledger and a baseline, read from their JSON text (pure: the front ends read
 * the files). The ledger (`审核记录.json`, `ogi-report.review.json`) holds one decision per finding,
 * keyed by its stable fingerprint (service/fingerprint.ts): confirmed, or dismissed with a reason. A
 * baseline is an earlier run's JSON or SARIF output: its findings by fingerprint, for new / unchanged
 * / absent. Never throws: what cannot be used is a problem (a `Msg`), and the rest still applies.
 */
import { Msg, msg } from '../base/msg';
import { parseJsonText } from '../base/json';
import { FINGERPRINT_VERSION, reportOf } from './fingerprint';

export type ReviewStatus = 'confirmed' | 'dismissed';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['confirmed', 'dismissed'];
/** The name the editor looks for beside a report or above it. */
export const REVIEW_FILE_NAME = 'ogi-report.review.json';
export const REVIEW_SCHEMA_URL = 'https://ogi-report.invalid/schemas/ogi-report.review.schema.json';

export interface ReviewEntry {
  fingerprint: string;
  rule: string;
  file: string;
  status: ReviewStatus;
  reason?: string;
  reviewer?: string;
  at?: string;
}

export interface Ledger {
  entries: Map<string, ReviewEntry>;
  /** Entries that cannot be used (a dismissal without a reason, a bad status): one line each. */
  problems: Msg[];
  /** Said once: the ledger was written under another fingerprint version. */
  warnings: Msg[];
}

function otherVersion(what: Msg, version: string): Msg {
  return msg(`${what.zh}按另一版本的指纹（${version}）写成，与本次（${FINGERPRINT_VERSION}）的问题对不上，请重新导出`,
    `${what.en} was written under another fingerprint version (${version}), so its findings do not match this run's (${FINGERPRINT_VERSION}); export it again`);
}

const LEDGER = msg('审核记录', 'the review ledger');
const BASELINE = msg('基线', 'the baseline');

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

/** Reads a ledger: `{ version, entries: [...] }` or a bare array of entries. */
export function parseLedger(text: string): Ledger {
  const out: Ledger = { entries: new Map(), problems: [], warnings: [] };
  const parsed = parseJsonText(text);
  if ('problem' in parsed) { out.problems.push(parsed.problem); return out; }
  const data = parsed.value;
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(list)) {
    out.problems.push(msg('应为审核记录的数组，或含 "entries" 数组的对象', 'must be an array of entries or an object with an "entries" array'));
    return out;
  }
  const version = !Array.isArray(data) ? str((data as { version?: unknown }).version) : undefined;
  let foreign = version !== undefined && version !== FINGERPRINT_VERSION;
  list.forEach((e: unknown, i) => {
    const at = msg(`第 ${i + 1} 条`, `entry ${i + 1}`);
    if (!e || typeof e !== 'object') { out.problems.push(msg(`${at.zh}不是对象`, `${at.en} is not an object`)); return; }
    const o = e as Record<string, unknown>;
    const fingerprint = str(o.fingerprint);
    const status = o.status as ReviewStatus;
    if (!fingerprint) { out.problems.push(msg(`${at.zh}缺少 fingerprint`, `${at.en} has no fingerprint`)); return; }
    if (!reportOf(fingerprint)) { foreign = true; return; }
    if (!REVIEW_STATUSES.includes(status)) {
      out.problems.push(msg(`${at.zh}的 status 应为 confirmed 或 dismissed`, `${at.en}: status must be confirmed or dismissed`));
      return;
    }
    const reason = str(o.reason);
    if (status === 'dismissed' && !reason) {
      out.problems.push(msg(`${at.zh}驳回时须写明理由（reason），本条未采用`, `${at.en} dismisses a finding without a reason; not applied`));
      return;
    }
    const entry: ReviewEntry = { fingerprint, rule: str(o.rule) ?? '', file: str(o.file) ?? '', status };
    if (reason) entry.reason = reason;
    const reviewer = str(o.reviewer);
    if (reviewer) entry.reviewer = reviewer;
    const when = str(o.at);
    if (when) entry.at = when;
    // A later entry for the same finding is the later decision.
    out.entries.set(fingerprint, entry);
  });
  if (foreign) out.warnings.push(otherVersion(LEDGER, version ?? '?'));
  return out;
}

/** One finding of a baseline: where it was last. */
export interface BaselineFinding {
  fingerprint: string;
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface Baseline {
  findings: Map<string, BaselineFinding>;
  /** The earlier SARIF run's `automationDetails.guid`, when it had one. */
  guid?: string;
  problems: Msg[];
  warnings: Msg[];
}

/** Reads an earlier run's `--format json` or `--format sarif` output. */
export function parseBaseline(text: string): Baseline {
  const out: Baseline = { findings: new Map(), problems: [], warnings: [] };
  const parsed = parseJsonText(text);
  if ('problem' in parsed) { out.problems.push(parsed.problem); return out; }
  const data = parsed.value;
  let foreign = false;
  const add = (f: BaselineFinding) => {
    if (!reportOf(f.fingerprint)) { foreign = true; return; }
    out.findings.set(f.fingerprint, f);
  };
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  // JSON output: `{"tool", "files": [entries]}`, or the bare array of entries earlier versions wrote.
  const entries = Array.isArray(data) ? data
    : data && typeof data === 'object' && Array.isArray((data as { files?: unknown }).files) ? (data as { files: unknown[] }).files : null;
  if (entries) {
    for (const el of entries) {
      if (!el || typeof el !== 'object' || !Array.isArray((el as { diagnostics?: unknown }).diagnostics)) continue;
      const file = String((el as { file?: unknown }).file ?? '');
      for (const d of (el as { diagnostics: Record<string, unknown>[] }).diagnostics) {
        if (!d || typeof d !== 'object') continue;
        if (typeof d.fingerprint !== 'string') { foreign = true; continue; }
        add({ fingerprint: d.fingerprint, code: String(d.code ?? ''), file, line: num(d.line), column: num(d.column), message: String(d.message ?? '') });
      }
    }
  } else if (data && typeof data === 'object' && Array.isArray((data as { runs?: unknown }).runs)) {
    for (const run of (data as { runs: Record<string, unknown>[] }).runs) {
      const guid = (run?.automationDetails as { guid?: unknown } | undefined)?.guid;
      if (typeof guid === 'string' && !out.guid) out.guid = guid;
      for (const r of (Array.isArray(run?.results) ? run.results : []) as Record<string, unknown>[]) {
        if (!r || typeof r !== 'object' || r.baselineState === 'absent') continue;
        const fp = (r.fingerprints as Record<string, unknown> | undefined)?.[FINGERPRINT_VERSION];
        if (typeof fp !== 'string') { foreign = true; continue; }
        const loc = (r.locations as { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[] | undefined)?.[0]?.physicalLocation;
        let file = loc?.artifactLocation?.uri ?? '';
        try { file = decodeURIComponent(file); } catch { /* keep it as written */ }
        add({
          fingerprint: fp, code: String(r.ruleId ?? ''), file, line: num(loc?.region?.startLine), column: num(loc?.region?.startColumn),
          message: String((r.message as { text?: unknown } | undefined)?.text ?? ''),
        });
      }
    }
  } else {
    out.problems.push(msg('应为本工具 --format json 或 --format sarif 的输出', 'must be this tool\'s --format json or --format sarif output'));
  }
  if (foreign) out.warnings.push(otherVersion(BASELINE, '?'));
  return out;
}

/** The entries of one report (by the report half of the fingerprint). */
export function entriesOfReport<T extends { fingerprint: string }>(all: Iterable<T>, identity: string): T[] {
  const out: T[] = [];
  for (const e of all) if (reportOf(e.fingerprint) === identity) out.push(e);
  return out;
}
