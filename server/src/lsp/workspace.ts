/**
 * The language server's side of the workspace index: it reads the report files under the workspace
 * folders, keeps open documents' current text in the index, follows file changes, and asks the client
 * to pull diagnostics again when a report that others are compared with changes — so editing last
 * year's report re-checks this year's. Also the hover for cross-report findings and the
 * `ogiReport/copiedPassages` request behind 「对比上年报告」.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Connection, DidChangeWatchedFilesNotification, FileChangeType, InitializeParams, Range, TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Locale } from '../service/analyze';
import { decodeText, isSourceError } from '../sources';
import { CONFIG_FILE_NAMES } from '../service/config';
import { WorkspaceContext, createIndex, indexFile, previousReport, removeFile } from '../workspace';
import { copiedSections } from '../workspace/copied';
import { isManifestPath } from '../workspace/region';
import { hasReportTitle, reportFileByName, skipFolder } from '../service/report-files';

export const COPIED_PASSAGES_REQUEST = 'ogiReport/copiedPassages';

const CROSS_CODES = new Set(['carry-over', 'in-force-rollforward', 'year-over-year', 'copied-text', 'rollup-total']);
const MAX_FILES = 5000;
const MAX_BYTES = 2_000_000;
const MAX_DEPTH = 8;

/** A document URI as the path the index uses (a file path for file: URIs, the URI otherwise). */
export function pathOfUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
const uriOfPath = (path: string): string => (/^[a-z][\w+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? path : pathToFileURL(path).href);

/** A report file by name, or a plain-text/Markdown file whose opening lines carry a report title. */
export function looksLikeReport(name: string, head: string): boolean {
  if (isManifestPath(name)) return true;
  const byName = reportFileByName(name);
  return byName === 'report' || (byName === 'maybe' && hasReportTitle(head));
}

export interface CopiedPassages {
  previous: { uri: string; agency: string | null; year: number | null } | null;
  /** Each section of this report and the line of the same section's heading in last year's. */
  sections: { index: number; line: number; previousLine: number | null }[];
  passages: { range: Range; previousRange: Range; chars: number }[];
}

export interface WorkspaceFeature {
  /** The workspace for analysing a document (the engine's `options.workspace`). */
  context(uri: string): WorkspaceContext;
  /** Changes whenever any indexed file changes: a cached analysis from another generation is stale. */
  generation(): number;
  initialize(params: InitializeParams): void;
  initialized(): Promise<void>;
  /** Hover text for cross-report findings at an offset: last year's figure and file. */
  hover(analysis: Analysis, offset: number, locale: Locale): string | null;
}

export function startWorkspace(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  options: { refresh: () => void; analysis: (doc: TextDocument) => Analysis; configChanged: () => void },
): WorkspaceFeature {
  const index = createIndex();
  let folders: string[] = [];
  let watch = false;
  let timer: NodeJS.Timeout | undefined;

  /**
   * Other open documents may compare with what changed: ask for their diagnostics again, once. A document
   * being edited is checked again anyway, so its own edits refresh only when another document is open.
   */
  let others = false;
  const changed = (editedUri?: string) => {
    others ||= documents.all().some((d) => d.uri !== editedUri);
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (others) options.refresh();
      others = false;
    }, 200);
  };

  const readDisk = async (path: string): Promise<string | null> => {
    try {
      const st = await stat(path);
      if (!st.isFile() || st.size > MAX_BYTES) return null;
      const decoded = decodeText(await readFile(path));
      return isSourceError(decoded) ? null : decoded.text;
    } catch {
      return null;
    }
  };

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
  documents.onDidChangeContent((e) => {
    indexFile(index, pathOfUri(e.document.uri), e.document.getText());
    changed(e.document.uri);
  });
  documents.onDidClose(async (e) => {
    const path = pathOfUri(e.document.uri);
    const inFolder = e.document.uri.startsWith('file:') && folders.some((f) => path.startsWith(f));
    const text = inFolder ? await readDisk(path) : null;
    if (text !== null && looksLikeReport(path, text.slice(0, 2000))) indexFile(index, path, text);
    else removeFile(index, path);
    changed();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const c of params.changes) {
      const path = pathOfUri(c.uri);
      // A configuration file governs the reports under it: the server's cached analyses are stale.
      if (CONFIG_FILE_NAMES.some((n) => path.endsWith('/' + n) || path.endsWith('\\' + n))) {
        options.configChanged();
        continue;
      }
      if (isOpen(path)) continue; // the editor's text wins over the disk
      if (c.type === FileChangeType.Deleted) removeFile(index, path);
      else {
        const text = await readDisk(path);
        if (text !== null && looksLikeReport(path, text.slice(0, 2000))) indexFile(index, path, text);
        else removeFile(index, path);
      }
    }
    changed();
  });

  connection.onRequest(COPIED_PASSAGES_REQUEST, (params: { uri: string }): CopiedPassages => {
    const doc = documents.get(params.uri);
    const empty: CopiedPassages = { previous: null, sections: [], passages: [] };
    if (!doc) return empty;
    const a = options.analysis(doc);
    const prev = previousReport(context(doc.uri), a.report);
    if (!prev) return { ...empty, sections: a.report.sections.map((s) => ({ index: s.index, line: s.heading.line.index, previousLine: null })) };
    const other = TextDocument.create(uriOfPath(prev.entry.path), 'ogi-report', 0, prev.text);
    const passages = copiedSections(a.report, prev.report, { preamble: true }).flatMap((s) => s.passages).sort((x, y) => x.start - y.start);
    return {
      previous: { uri: other.uri, agency: prev.report.agency, year: prev.report.year },
      sections: a.report.sections.map((s) => ({
        index: s.index, line: s.heading.line.index,
        previousLine: prev.report.sections.find((p) => p.index === s.index)?.heading.line.index ?? null,
      })),
      passages: passages.map((p) => ({
        range: Range.create(doc.positionAt(p.start), doc.positionAt(p.end)),
        previousRange: Range.create(other.positionAt(p.prevStart), other.positionAt(p.prevEnd)),
        chars: p.chars,
      })),
    };
  });

  function context(uri: string): WorkspaceContext {
    return { index, path: pathOfUri(uri) };
  }

  return {
    context,
    generation: () => index.generation,
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
      options.refresh(); // documents opened during the scan were checked without the other reports
    },
    hover(analysis, offset, locale) {
      const lines: string[] = [];
      for (const d of analysis.diagnostics) {
        if (!CROSS_CODES.has(d.code) || offset < d.start || offset > d.end) continue;
        for (const r of d.related ?? []) {
          if (!r.file) continue;
          const link = `${uriOfPath(r.file.path)}#L${r.file.line + 1},${r.file.character + 1}`;
          const text = locale === 'en' ? r.message.en : r.message.zh;
          lines.push(`- ${text} — [${locale === 'en' ? 'open' : '打开'}](${link})`);
        }
      }
      return lines.length ? `**${locale === 'en' ? 'Compared with another report' : '跨报告比对'}**\n\n${lines.join('\n')}` : null;
    },
  };
}
