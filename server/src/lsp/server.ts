/**
 * The language server: wires the LSP layer's modules to one connection. `settings` reads the editor's
 * settings and configuration files, `documents` caches one analysis per document version, `handlers`
 * serves the editor features, `workspace` feeds the index of other reports, `preview` and
 * `workspace-diagnostics` serve the custom requests named in `protocol`. This file owns the
 * diagnostics: pulled by clients that can, pushed (debounced, stale versions dropped) to the rest.
 */
import {
  CodeActionKind, Connection, DocumentDiagnosticReportKind, InitializeParams, InitializeResult, TextDocumentSyncKind, TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, analyze } from '../service/analyze';
import { toDiagnostics } from './convert';
import { applyReview } from './review';
import { createAnalysisCache } from './documents';
import { registerHandlers } from './handlers';
import { registerPreview } from './preview';
import { collectSoon } from './idle-gc';
import { runSafe } from './runner';
import { ANALYSIS_COUNT_REQUEST, AnalysisCount, SERVER_COMMAND } from './protocol';
import { createSettings } from './settings';
import { registerWorkspaceDiagnostics } from './workspace-diagnostics';
import { startWorkspace } from './workspace';
import { createWarmUp } from './warm-up';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = createSettings(connection);
  let pull = false;
  let lazyEdits = false;
  let refreshSupport = false;
  let roots: string[] = [];
  const pending = new Map<string, NodeJS.Timeout>();

  const options = (uri: string) => settings.options(uri, ws.context(uri));
  // The engine's code compiled for speed before the writer's first keystrokes (lsp/warm-up.ts).
  const warm = createWarmUp({ analyze: (t) => { analyze(t); } });
  const cache = createAnalysisCache(documents, options, { used: warm.busy, analysed: warm.analysed });
  // Other reports of the workspace (last year's, a region's): cross-report rules read them.
  const ws = startWorkspace(connection, documents, {
    analysis: (doc) => cache.analysis(doc),
    stale: (path, { identity, edited }) => (identity ? cache.invalidateAll() : cache.invalidateReaders(path, edited)),
    refresh: (uris) => refreshDiagnostics(uris),
    configChanged: () => cache.invalidateAll(),
  });
  const diagnosticsFor = (doc: TextDocument, a: Analysis = cache.analysis(doc)) => applyReview(doc.uri, a, toDiagnostics(doc, a, settings.locale()), settings.locale());

  /**
   * Debounced push: each change restarts the timer, so only the newest version is ever checked and
   * sent; a document closed meanwhile is skipped.
   */
  const schedulePush = (doc: TextDocument) => {
    clearTimeout(pending.get(doc.uri));
    pending.set(doc.uri, setTimeout(() => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      try {
        connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: diagnosticsFor(current) });
        collectSoon();
      } catch (err) {
        connection.console.error(`ogi-report: diagnostics failed: ${err}`);
      }
    }, 150));
  };

  /** Pull clients are asked to pull again; push clients get the given documents (all open ones by default) pushed. */
  const refreshDiagnostics = (uris?: readonly string[]) => {
    if (pull && refreshSupport) connection.languages.diagnostics.refresh().catch(() => undefined);
    else if (!pull) {
      for (const doc of uris ? uris.map((u) => documents.get(u)) : documents.all()) if (doc) schedulePush(doc);
    }
  };

  const preview = registerPreview(connection, { documents, cache, locale: settings.locale, configurationSupport: settings.configurationSupport });
  const workspaceCheck = registerWorkspaceDiagnostics(connection, {
    documents, cache, options, diagnosticsFor, pull: () => pull, rootUris: () => roots, locale: settings.locale,
  });
  registerHandlers(connection, { cache, workspace: ws, locale: settings.locale, options, lazyEdits: () => lazyEdits });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    pull = !!caps.textDocument?.diagnostic;
    lazyEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    settings.initialize(params);
    ws.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: pull ? { interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.ogi-report'], resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['第', '、', '#'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        executeCommandProvider: { commands: [SERVER_COMMAND.recomputeTotals, SERVER_COMMAND.fixAll] },
      },
      serverInfo: { name: 'ogi-report', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    await settings.reload();
    await ws.initialized();
  });

  connection.onDidChangeConfiguration(async (change) => {
    await settings.reload(change);
    cache.invalidateAll();
    preview.settingsChanged();
    refreshDiagnostics();
  });

  documents.onDidChangeContent((e) => {
    warm.busy();
    if (!pull) schedulePush(e.document);
  });
  documents.onDidClose((e) => {
    cache.forget(e.document.uri);
    clearTimeout(pending.get(e.document.uri));
    if (!pull) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token) => runSafe(connection, token, 'diagnostics', async () => {
    const doc = documents.get(params.textDocument.uri);
    // A report being closed is asked for once more (workspace diagnostics keep closed files).
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: await workspaceCheck.closedDiagnostics(params.textDocument.uri) };
    const items = diagnosticsFor(doc);
    // The analysis's short-lived objects are collected after the answer, not during the next analysis.
    collectSoon();
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }));

  // How many analyses the server has performed, in all and by document: for tests and the benchmark.
  connection.onRequest(ANALYSIS_COUNT_REQUEST, (): AnalysisCount => ({ ...cache.count(), warmUp: warm.steps() }));

  documents.listen(connection);
  connection.listen();
}
