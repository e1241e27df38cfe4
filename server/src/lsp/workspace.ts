/**
 * The language server's side of the workspace index: it reads the report files under the workspace
 * folders, keeps open documents' current text in the index and follows file changes. A change makes
 * stale the analyses that read the changed report (editing last year's report re-checks this year's),
 * or all of them when a report's identity (agency, year) or a region manifest changed, and asks the
 * client to pull again only then. Also the hover for cross-report findings and the
 * `ogiReport/copiedPassages` request behind 「对比上年报告」.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Connection, DidChangeWatchedFilesNotification, FileChangeType, InitializeParams, TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Locale, msg, text } from '../base/msg';
import { type Analysis, ruleIdsTagged } from '../service/analyze';
import { CONFIG_FILE_NAMES } from '../service/config';
import { WorkspaceContext, createIndex, indexFile, previousReport, removeFile } from '../workspace';
import { isManifestPath } from '../workspace/region';
import { hasReportTitle, reportFileByName, skipFolder } from '../service/report-files';
import { copiedPassages } from './compare';
import { pathOfUri, uriOfPath } from './convert';
import { readText } from './files';
import { COPIED_PASSAGES_REQUEST, CopiedPassages, CopiedPassagesParams } from './protocol';
import { runSafe } from './runner';

const CROSS_CODES = new Set(ruleIdsTagged('cross-report'));
const MAX_FILES = 5000;
const MAX_BYTES = 2_000_000;
const MAX_DEPTH = 8;

/** A report file by name, or a plain-text/Markdown file whose opening lines carry a report title. */
export function looksLikeReport(name: string, head: string): boolean {
  if (isManifestPath(name)) return true;
  const byName = reportFileByName(name);
  return byName === 'report' || (byName === 'maybe' && hasReportTitle(head));
}

export interface WorkspaceFeature {
  /** The workspace for analysing a document (the engine's `options.workspace`). */
  context(uri: string): WorkspaceContext;
  initialize(params: InitializeParams): void;
  initialized(): Promise<void>;
  /** Hover text for cross-report findings at an offset: last year's figure and file. */
  hover(analysis: Analysis, offset: number, locale: Locale): string | null;
}

/** How the index changed for one path: `identity` when a report came, went or changed agency or year, or a manifest changed. */
export interface IndexChange { identity: boolean; edited?: string }

export interface WorkspaceHooks {
  analysis(doc: TextDocument): Analysis;
  /** Makes stale the analyses the change may alter (all on an identity change); returns the URIs of those made stale. */
  stale(path: string, change: IndexChange): string[];
  /** Asks for the diagnostics of these documents again (all open documents when undefined). */
  refresh(uris?: readonly string[]): void;
  configChanged(): void;
}

const CROSS_TITLE = msg('跨报告比对', 'Compared with another report');
const OPEN = msg('打开', 'open');

export function startWorkspace(connection: Connection, documents: TextDocuments<TextDocument>, hooks: WorkspaceHooks): WorkspaceFeature {
  const index = createIndex();
  let folders: string[] = [];
  let watch = false;
  let timer: NodeJS.Timeout | undefined;

  /** The open documents whose analyses went stale meanwhile are asked for again, once, after a pause. */
  const waiting = new Set<string>();
  const staleSoon = (uris: readonly string[], edited?: string) => {
    // The edited document is checked again anyway.
    const others = uris.filter((u) => u !== edited && documents.get(u));
    if (!others.length) return;
    others.forEach((u) => waiting.add(u));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const uris = [...waiting];
      waiting.clear();
      hooks.refresh(uris);
    }, 200);
  };

  /**
   * Puts a file's text into the index (or takes it out, for null) and makes stale what read it. A text
   * equal to the indexed one changes nothing; a report whose agency and year stay the same makes stale
   * only the analyses that read it, so typing in one report leaves the others alone.
   */
  const update = (path: string, text: string | null, edited?: string) => {
    const before = index.reports.get(path);
    const manifest = index.manifests.has(path) || isManifestPath(path);
    if (text === null) removeFile(index, path);
    else if (before?.text === text) return;
    else indexFile(index, path, text);
    const after = index.reports.get(path);
    if (!before && !after && !manifest) return;
    // Copies of one report are one report (by content hash), and a lookup that finds two different texts
    // is ambiguous: a change of text where another report holds the same body and year can change what
    // another analysis finds, although it read neither, so it counts as a change of identity.
    const identity = manifest || !before || !after || before.agency !== after.agency || before.key !== after.key || before.year !== after.year
      || (before.hash !== after.hash && sharesSlot(path, after));
    staleSoon(hooks.stale(path, { identity, edited }), edited);
  };

  /** Whether another indexed report has the same body and year as `entry`. */
  const sharesSlot = (path: string, entry: { key: string | null; year: number | null }) => {
    if (entry.key === null || entry.year === null) return false;
    for (const o of index.reports.values()) if (o.path !== path && o.key === entry.key && o.year === entry.year) return true;
    return false;
  };

  const readDisk = (path: string): Promise<string | null> => readText(path, MAX_BYTES);

  const isOpen = (path: string) => documents.all().some((d) => pathOfUri(d.uri) === path);

  const scan = async () => {
    let count = 0;
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > MAX_DEPTH || count >= MAX_FILES) return;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (count >= MAX_FILES) return;
        const path = join(dir, e.name);
        if (e.isDirectory()) {
          if (!skipFolder(e.name)) await walk(path, depth + 1);
          continue;
        }
        if (!e.isFile() || !(reportFileByName(e.name) !== 'no' || isManifestPath(e.name)) || isOpen(path)) continue;
        const text = await readDisk(path);
        if (text === null || !looksLikeReport(e.name, text.slice(0, 2000))) continue;
        count++;
        indexFile(index, path, text);
      }
    };
    for (const f of folders) await walk(f, 0);
  };

  // Opening a document fires onDidChangeContent too.
  documents.onDidChangeContent((e) => update(pathOfUri(e.document.uri), e.document.getText(), e.document.uri));
  documents.onDidClose(async (e) => {
    const path = pathOfUri(e.document.uri);
    const inFolder = e.document.uri.startsWith('file:') && folders.some((f) => path.startsWith(f));
    const text = inFolder ? await readDisk(path) : null;
    if (isOpen(path)) return; // opened again while the disk was read: the editor's text wins
    update(path, text !== null && looksLikeReport(path, text.slice(0, 2000)) ? text : null);
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const c of params.changes) {
      const path = pathOfUri(c.uri);
      // A configuration file governs the reports under it: the server's cached analyses are stale.
      if (CONFIG_FILE_NAMES.some((n) => path.endsWith('/' + n) || path.endsWith('\\' + n))) {
        hooks.configChanged();
        staleSoon(documents.all().map((d) => d.uri));
        continue;
      }
      if (isOpen(path)) continue; // the editor's text wins over the disk
      const text = c.type === FileChangeType.Deleted ? null : await readDisk(path);
      if (isOpen(path)) continue; // opened while the disk was read
      update(path, text !== null && looksLikeReport(path, text.slice(0, 2000)) ? text : null);
    }
  });

  connection.onRequest(COPIED_PASSAGES_REQUEST, (params: CopiedPassagesParams, token) => runSafe(connection, token, 'copiedPassages', (): CopiedPassages => {
    const doc = documents.get(params?.uri);
    if (!doc) return { previous: null, sections: [], passages: [] };
    const a = hooks.analysis(doc);
    return copiedPassages(doc, a, previousReport(context(doc.uri), a.report));
  }));

  function context(uri: string): WorkspaceContext {
    return { index, path: pathOfUri(uri) };
  }

  return {
    context,
    initialize(params) {
      const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      folders = uris.filter((u) => u.startsWith('file:')).map(pathOfUri);
      watch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    },
    async initialized() {
      if (watch) {
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{ogi,txt,md,markdown,json}' }],
        }).catch(() => undefined);
      }
      await scan();
      // Documents opened during the scan were checked without the other reports.
      hooks.stale('', { identity: true });
      hooks.refresh();
    },
    hover(analysis, offset, locale) {
      const lines: string[] = [];
      for (const d of analysis.diagnostics) {
        if (!CROSS_CODES.has(d.code) || offset < d.start || offset > d.end) continue;
        for (const r of d.related ?? []) {
          if (!r.file) continue;
          const link = `${uriOfPath(r.file.path)}#L${r.file.line + 1},${r.file.character + 1}`;
          lines.push(`- ${text(r.message, locale)} — [${text(OPEN, locale)}](${link})`);
        }
      }
      return lines.length ? `**${text(CROSS_TITLE, locale)}**\n\n${lines.join('\n')}` : null;
    },
  };
}
