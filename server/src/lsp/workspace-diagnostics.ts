/**
 * Workspace diagnostics: the check of every report file in the workspace folders, opened or not, read
 * from disk. VS Code's client keeps one workspace pull open at all times; the server holds it until the
 * user asks for a check (custom request `ogiReport/checkWorkspace`), then answers it with every report's
 * diagnostics and reports progress while it reads. A client without pull diagnostics gets them pushed.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken, Connection, Diagnostic, DocumentDiagnosticReportKind, TextDocuments, WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Locale, msg, text } from '../base/msg';
import { Analysis, AnalyzeOptions, DEFAULT_MAX_LENGTH } from '../service/analyze';
import { hasReportTitle, reportFileByName, skipFolder } from '../service/report-files';
import { decodeText, isSourceError } from '../sources';
import type { AnalysisCache } from './documents';
import { readText } from './files';
import { CHECK_WORKSPACE_REQUEST, CheckSummary, OPENED_AS_TEXT_NOTIFICATION, OpenedAsTextParams } from './protocol';

/** Bounds of one walk, so a huge folder cannot stall the server. */
const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 12;

export interface WorkspaceDeps {
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  options(uri: string): AnalyzeOptions;
  diagnosticsFor(doc: TextDocument, analysis?: Analysis): Diagnostic[];
  pull(): boolean;
  /** The workspace folders the client reported at start. */
  rootUris(): string[];
  locale(): Locale;
}

/** The report files under `root`, in a stable order. */
export async function findReportFiles(root: string, token?: CancellationToken): Promise<string[]> {
  const out: string[] = [];
  let seen = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || seen > MAX_ENTRIES || token?.isCancellationRequested) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!skipFolder(e.name)) await walk(path, depth + 1);
        continue;
      }
      if (!e.isFile()) continue;
      const byName = reportFileByName(e.name);
      if (byName === 'report') out.push(path);
      else if (byName === 'maybe' && (await headHasTitle(path))) out.push(path);
    }
  };
  await walk(root, 0);
  return out;
}

async function headHasTitle(path: string): Promise<boolean> {
  try {
    const handle = await fs.open(path, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      // Cut at the last line break, so a character split at the end does not spoil the decoding.
      const nl = buf.subarray(0, bytesRead).lastIndexOf(10);
      const decoded = decodeText(buf.subarray(0, bytesRead === buf.length && nl > 0 ? nl : bytesRead));
      return !isSourceError(decoded) && hasReportTitle(decoded.text);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * A report file's text, or null when it cannot be read or is longer than the engine checks. No encoding
 * takes more than 4 bytes a character, so a larger file is refused from its size, before it is read.
 */
async function readReport(path: string): Promise<string | null> {
  const text = await readText(path, 4 * DEFAULT_MAX_LENGTH);
  return text === null || text.length > DEFAULT_MAX_LENGTH ? null : text;
}

const CHECKING = msg('检查工作区报告', 'Checking the workspace reports');
const FINDING = msg('查找报告文件…', 'Finding report files…');

export function registerWorkspaceDiagnostics(connection: Connection, deps: WorkspaceDeps): { closedDiagnostics(uri: string): Promise<Diagnostic[]> } {
  let requested = 0; // checks asked for
  let served = 0; // checks answered
  let wake: (() => void)[] = [];
  let finished: { upTo: number; done: (s: CheckSummary) => void }[] = [];
  let lastCheckRan = false;
  /** Files the editor shows in another language than the report's: no workspace diagnostics on them. */
  const asText = new Set<string>();
  /** Of those, the ones whose diagnostics the client may still hold from an earlier check. */
  let toClear = new Set<string>();

  /** Reads and checks every report file; the open ones are taken from the editor. */
  const check = async (token: CancellationToken): Promise<{ items: WorkspaceDocumentDiagnosticReport[]; summary: CheckSummary }> => {
    const loc = deps.locale();
    const progress = await connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin(text(CHECKING, loc), 0, text(FINDING, loc), false);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const summary: CheckSummary = { files: 0, errors: 0, warnings: 0, unreadable: 0 };
    try {
      const files: string[] = [];
      // The folders as they are now (the user may have added one); those of the start otherwise.
      const folders = await connection.workspace.getWorkspaceFolders().catch(() => null);
      for (const root of folders?.map((f) => f.uri) ?? deps.rootUris()) {
        if (!root.startsWith('file:')) continue;
        files.push(...await findReportFiles(fileURLToPath(root), token));
      }
      for (let i = 0; i < files.length; i++) {
        if (token.isCancellationRequested) { summary.cancelled = true; break; }
        const path = files[i];
        const uri = pathToFileURL(path).href;
        progress?.report(Math.round((i / Math.max(1, files.length)) * 100), `${i + 1}/${files.length} ${path.split(/[\\/]/).pop()}`);
        if (asText.has(uri)) {
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
          continue;
        }
        const open = deps.documents.get(uri);
        let diagnostics: Diagnostic[];
        if (open) diagnostics = deps.diagnosticsFor(open);
        else {
          const text = await readReport(path);
          if (text === null) { summary.unreadable++; continue; }
          diagnostics = deps.diagnosticsFor(TextDocument.create(uri, 'ogi-report', 0, text), deps.cache.analyzeText(uri, text, deps.options(uri)));
        }
        summary.files++;
        summary.errors += diagnostics.filter((d) => d.severity === 1).length;
        summary.warnings += diagnostics.filter((d) => d.severity === 2).length;
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: open ? open.version : null, items: diagnostics });
        // Let other requests (typing in an open report) run between files.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      progress?.done();
    }
    return { items, summary };
  };

  const settle = (upTo: number, summary: CheckSummary) => {
    served = Math.max(served, upTo);
    const ready = finished.filter((f) => f.upTo <= upTo);
    finished = finished.filter((f) => f.upTo > upTo);
    ready.forEach((f) => f.done(summary));
  };

  connection.languages.diagnostics.onWorkspace(async (_params, token) => {
    // Hold the client's standing pull until a check is asked for (or the pull is cancelled).
    while (served >= requested) {
      if (toClear.size) {
        // A file opened as plain text: its diagnostics from the last check go, without a new check.
        const uris = [...toClear];
        toClear = new Set();
        return { items: uris.map((uri) => ({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] })) };
      }
      await new Promise<void>((resolve) => {
        wake.push(resolve);
        token.onCancellationRequested(() => resolve());
      });
      if (token.isCancellationRequested) return { items: [] };
    }
    const upTo = requested;
    try {
      const { items, summary } = await check(token);
      lastCheckRan = true;
      settle(upTo, summary);
      return { items };
    } catch (err) {
      connection.console.error(`ogi-report: workspace check failed: ${(err as Error)?.stack ?? err}`);
      settle(upTo, { files: 0, errors: 0, warnings: 0, unreadable: 0, cancelled: true });
      return { items: [] };
    }
  });

  connection.onNotification(OPENED_AS_TEXT_NOTIFICATION, (p: OpenedAsTextParams) => {
    if (typeof p?.uri !== 'string') return;
    if (!p.open) { asText.delete(p.uri); toClear.delete(p.uri); return; }
    asText.add(p.uri);
    if (!deps.pull()) { connection.sendDiagnostics({ uri: p.uri, diagnostics: [] }); return; }
    toClear.add(p.uri);
    const waiting = wake;
    wake = [];
    waiting.forEach((w) => w());
  });

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (_params, token): Promise<CheckSummary> => {
    if (!deps.pull()) {
      // Push clients: send each report's diagnostics directly.
      const { items, summary } = await check(token);
      for (const it of items) if (it.kind === DocumentDiagnosticReportKind.Full) connection.sendDiagnostics({ uri: it.uri, diagnostics: it.items });
      return summary;
    }
    const upTo = ++requested;
    const done = new Promise<CheckSummary>((resolve) => finished.push({ upTo, done: resolve }));
    const waiting = wake;
    wake = [];
    waiting.forEach((w) => w());
    return done;
  });

  return {
    /**
     * The client asks once more for a report it closes. Before any workspace check its diagnostics go
     * (as they always did); after one, a closed report keeps the diagnostics of its file on disk.
     */
    closedDiagnostics: (uri) => (lastCheckRan ? diagnosticsFromDisk(uri, deps) : Promise.resolve([])),
  };
}

/** The diagnostics of a report that is not open, read from disk; empty if it cannot be read. */
export async function diagnosticsFromDisk(uri: string, deps: Pick<WorkspaceDeps, 'cache' | 'options' | 'diagnosticsFor'>): Promise<Diagnostic[]> {
  if (!uri.startsWith('file:')) return [];
  const text = await readReport(fileURLToPath(uri));
  return text === null ? [] : deps.diagnosticsFor(TextDocument.create(uri, 'ogi-report', 0, text), deps.cache.analyzeText(uri, text, deps.options(uri)));
}
