/**
 * The supervisors' review ledger in the editor: `ogi-report.review.json`, found the way the
 * configuration file is (in the report's folder or above, the nearest wins), makes a dismissed finding
 * show as a hint with its reason instead of as an error, and marks a confirmed one. The file is read
 * again when it changes on disk (its size and time are checked at each analysis); one that cannot be
 * used changes nothing. Findings are matched by their stable fingerprint (service/fingerprint.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { Locale, msg, text } from '../base/msg';
import type { Analysis } from '../service/analyze';
import { fingerprintAll } from '../service/fingerprint';
import { Ledger, REVIEW_FILE_NAME, parseLedger } from '../service/review';
import { pathOfUri } from './convert';

const MAX_LEDGER_BYTES = 16 * 1024 * 1024;
const cache = new Map<string, { stamp: string; ledger: Ledger | null }>();

/** The ledger governing a file: the nearest `ogi-report.review.json` above it, or null. */
function ledgerFor(file: string): Ledger | null {
  for (let dir = dirname(file), depth = 0; depth < 64; depth++) {
    const path = join(dir, REVIEW_FILE_NAME);
    let stamp: string | null = null;
    try {
      // Checked at every analysis, in every folder up to the root: no exception for the usual "not here".
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isFile()) stamp = `${st.size}:${st.mtimeMs}`;
      if (st?.isFile() && st.size > MAX_LEDGER_BYTES) return null;
    } catch { /* not readable here */ }
    if (stamp) {
      const hit = cache.get(path);
      if (hit?.stamp === stamp) return hit.ledger;
      let ledger: Ledger | null = null;
      try {
        ledger = parseLedger(readFileSync(path, 'utf8'));
      } catch { /* unreadable: no review */ }
      cache.set(path, { stamp, ledger });
      return ledger;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** The diagnostics of a report on disk with the ledger's decisions applied (unchanged without a ledger). */
export function applyReview(uri: string, a: Analysis, diagnostics: Diagnostic[], locale: Locale): Diagnostic[] {
  if (!uri.startsWith('file:') || !diagnostics.length || diagnostics.length !== a.diagnostics.length) return diagnostics;
  const ledger = ledgerFor(pathOfUri(uri));
  if (!ledger?.entries.size) return diagnostics;
  const prints = fingerprintAll(a, a.diagnostics);
  return diagnostics.map((d, i) => {
    const e = ledger.entries.get(prints[i].fingerprint);
    if (!e) return d;
    const who = e.reviewer ? text(msg(`，${e.reviewer}`, `, ${e.reviewer}`), locale) : '';
    if (e.status === 'dismissed') {
      return {
        ...d, severity: DiagnosticSeverity.Hint,
        message: d.message + text(msg(`（已驳回：${e.reason ?? ''}${who}）`, ` (dismissed: ${e.reason ?? ''}${who})`), locale),
        data: { ...(d.data as object), review: e.status },
      };
    }
    return { ...d, message: d.message + text(msg(`（已确认${who}）`, ` (confirmed${who})`), locale), data: { ...(d.data as object), review: e.status } };
  });
}
