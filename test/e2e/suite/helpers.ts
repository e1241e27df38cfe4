/**
 * What every e2e suite waits on: the test workspace, a diagnostic's rule id, and diagnostics that
 * satisfy a condition (an event, never a fixed sleep; the timeout names what was there instead).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test workspace is open');
  return f.uri;
}

export const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

export function diagnosticsWhere(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, what: string, ms = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (!ok(d)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === uri.toString())) check(); });
    const timer = setTimeout(() => {
      sub.dispose();
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      reject(new Error(`timed out waiting for ${what}; have: ${vscode.languages.getDiagnostics(uri).map(code).join(', ')} (${uri.toString()}, ${doc?.languageId}, ${doc?.getText().length} chars)`));
    }, ms);
    check();
  });
}

/**
 * The driver's request and answer files are named by one counter for the whole test host: each suite file
 * is bundled with its own copy of this module, so the counter lives on the global object.
 */
const shared = globalThis as { ogiE2eDriveSeq?: number };
/** Asks the launcher's browser driver to do something in the workbench page, and waits for its answer. */
export async function drive<T = Record<string, unknown>>(request: Record<string, unknown>): Promise<T & { ok: boolean; error?: string }> {
  const dir = process.env.OGI_E2E_DRIVE;
  assert.ok(dir, 'run by test/e2e/run-web.mjs, which drives the browser');
  const n = String((shared.ogiE2eDriveSeq = (shared.ogiE2eDriveSeq ?? 0) + 1)).padStart(4, '0');
  const req = path.join(dir, `req-${n}.json`);
  const res = path.join(dir, `res-${n}.json`);
  fs.writeFileSync(`${req}.tmp`, JSON.stringify(request));
  fs.renameSync(`${req}.tmp`, req);
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => { w.close(); reject(new Error(`the driver did not answer ${request.action}`)); }, 30_000);
    const done = () => { if (fs.existsSync(res)) { clearTimeout(t); w.close(); resolve(); } };
    const w = fs.watch(dir, done);
    done();
  });
  return JSON.parse(fs.readFileSync(res, 'utf8'));
}

/** Repeats `probe` until `ok` holds (each probe waits for the driver's answer), or fails after `ms`. */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T;
  do {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < end);
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 600)}`);
}
