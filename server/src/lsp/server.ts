/**
 * The LSP layer, the only folder that imports vscode-languageserver. Each handler gets the document,
 * the cached analysis for its version, calls the pure service and converts the result. Every handler
 * checks cancellation and catches errors, so one bad request cannot take the server down.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LoadedConfig, createConfigFinder } from '../config';
import { effectiveOptions } from '../service/config';
import {
  CancellationToken, CodeAction, CodeActionKind, CodeLens, CompletionItem, CompletionItemKind, Connection, Diagnostic,
  DiagnosticSeverity, DocumentDiagnosticReportKind, DocumentSymbol, ErrorCodes, FoldingRange, Hover, InitializeParams,
  InitializeResult, LSPErrorCodes, MarkupKind, Range, ResponseError, SymbolKind, TextDocumentEdit, TextDocumentSyncKind, TextDocuments,
  TextEdit, WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalyzeOptions, Locale, RULES, RuleSetting, TextEdit as EngineEdit, analyze, localize } from '../service/analyze';
import { TOTAL_CODES, codeActions, fixAllOnSave, recomputeTotals } from '../service/actions';
import { completions } from '../service/completion';
import { hover } from '../service/hover';
import { codeLenses, foldingRanges, outline, OutlineNode } from '../service/outline';
import { registerPreview } from './preview';
import { registerWorkspaceDiagnostics } from './workspace-diagnostics';
import { startWorkspace } from './workspace';

export const COMMAND_RECOMPUTE = 'ogiReport.server.recomputeTotals';
export const COMMAND_FIX_ALL = 'ogiReport.server.fixAll';

interface Settings {
  rules: Record<string, RuleSetting>;
  locale: 'auto' | 'zh-cn' | 'en';
  /** copied-text threshold, percent (setting ogiReport.copiedTextThreshold). */
  copiedTextThreshold?: number;
}

/** A file path as a URI (cross-report related information); a path that already is a URI is kept. */
const URI_OF = (path: string): string => (/^[a-z][\w+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? path : pathToFileURL(path).href);

/** The configuration file governing a report on disk, or null (untitled documents, no file, unreadable). */
function configFor(uri: string): LoadedConfig | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return createConfigFinder()(fileURLToPath(uri));
  } catch {
    return null;
  }
}

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** Runs a handler safely: cancellation gives a cancelled error, a thrown error an error response. */
export async function runSafe<T>(connection: Pick<Connection, 'console'>, token: CancellationToken | undefined, name: string, fn: () => T | Promise<T>): Promise<T> {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
  try {
    const result = await fn();
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
    return result;
  } catch (err) {
    if (err instanceof ResponseError) throw err;
    connection.console.error(`ogi-report: ${name} failed: ${(err as Error)?.stack ?? err}`);
    throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(err as Error)?.message ?? err}`);
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, { version: number; generation: number; analysis: Analysis }>();
  let settings: Settings = { rules: {}, locale: 'auto' };
  let clientLocale: Locale = 'zh-cn';
  let pull = false;
  let configurationSupport = false;
  let lazyEdits = false;
  let refreshSupport = false;
  const pending = new Map<string, NodeJS.Timeout>();

  const locale = (): Locale => (settings.locale === 'auto' ? clientLocale : settings.locale);
  // Other reports of the workspace (last year's, a region's): cross-report rules read them.
  const ws = startWorkspace(connection, documents, { refresh: () => refreshDiagnostics(), analysis: (doc) => getAnalysis(doc), configChanged: () => cache.clear() });
  // A configuration file (ogi-report.config.json / .ogi-reportrc.json) above a report wins over the
  // editor settings for that report, as in the CLI; it is looked up afresh for each analysis, so an
  // edited file applies at the next check. Ignored files are checked with every rule off.
  const options = (uri: string): AnalyzeOptions => {
    const found = configFor(uri);
    const config = found && !found.fatal ? found.config : null;
    const effective = effectiveOptions(settings.rules, config);
    const rules = found && !found.fatal && found.isIgnored(fileURLToPath(uri)) ? Object.fromEntries(RULES.map((r) => [r.id, 'off' as const])) : effective.rules;
    return {
      rules, workspace: ws.context(uri),
      copiedTextThreshold: effective.copiedTextThreshold ?? (typeof settings.copiedTextThreshold === 'number' ? settings.copiedTextThreshold / 100 : undefined),
    };
  };

  const getDocument = (uri: string): TextDocument => {
    const doc = documents.get(uri);
    if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `unknown document: ${uri}`);
    return doc;
  };
  const getAnalysis = (doc: TextDocument): Analysis => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === ws.generation()) return hit.analysis;
    const analysis = analyze(doc.getText(), options(doc.uri));
    cache.set(doc.uri, { version: doc.version, generation: ws.generation(), analysis });
    return analysis;
  };
  const range = (doc: TextDocument, start: number, end: number): Range => Range.create(doc.positionAt(start), doc.positionAt(end));
  const toEdits = (doc: TextDocument, edits: EngineEdit[]): TextEdit[] => edits.map((e) => TextEdit.replace(range(doc, e.start, e.end), e.newText));
  /** A workspace edit bound to the document version it was computed for: stale edits are refused. */
  const versionedEdit = (doc: TextDocument, edits: EngineEdit[]): WorkspaceEdit => ({
    documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, toEdits(doc, edits))],
  });

  const diagnosticsFor = (doc: TextDocument, a: Analysis = getAnalysis(doc)): Diagnostic[] => {
    const loc = locale();
    return a.diagnostics.map((d) => ({
      range: range(doc, d.start, d.end),
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'ogi-report',
      message: localize(d.message, loc),
      data: { version: doc.version, fixable: !!d.fix },
      ...(d.related?.length ? {
        relatedInformation: d.related.map((r) => ({
          location: r.file
            ? { uri: URI_OF(r.file.path), range: Range.create(r.file.line, r.file.character, r.file.endLine, r.file.endCharacter) }
            : { uri: doc.uri, range: range(doc, r.start, r.end) },
          message: localize(r.message, loc),
        })),
      } : {}),
    }));
  };

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
      } catch (err) {
        connection.console.error(`ogi-report: diagnostics failed: ${err}`);
      }
    }, 150));
  };

  const refreshDiagnostics = () => {
    if (pull && refreshSupport) connection.languages.diagnostics.refresh().catch(() => undefined);
    else if (!pull) documents.all().forEach(schedulePush);
  };

  const loadSettings = async () => {
    if (!configurationSupport) return;
    try {
      const s = await connection.workspace.getConfiguration('ogiReport');
      settings = { rules: (s?.rules ?? {}) as Record<string, RuleSetting>, locale: s?.locale ?? 'auto', copiedTextThreshold: s?.copiedTextThreshold };
    } catch {
      /* keep the previous settings */
    }
  };

  const previewHandlers = registerPreview(connection, { documents, getAnalysis, locale, configurationSupport: () => configurationSupport });
  let roots: string[] = [];
  const workspaceHandlers = registerWorkspaceDiagnostics(connection, { documents, options, diagnosticsFor, pull: () => pull, rootUris: () => roots, locale });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    pull = !!caps.textDocument?.diagnostic;
    configurationSupport = !!caps.workspace?.configuration;
    lazyEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    ws.initialize(params);
    const requested = (params.initializationOptions?.locale ?? params.locale ?? 'zh-cn') as string;
    clientLocale = /^zh/i.test(requested) ? 'zh-cn' : /^en/i.test(requested) ? 'en' : 'zh-cn';
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
        executeCommandProvider: { commands: [COMMAND_RECOMPUTE, COMMAND_FIX_ALL] },
      },
      serverInfo: { name: 'ogi-report', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    await loadSettings();
    await ws.initialized();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationSupport) await loadSettings();
    else if (change.settings?.ogiReport) {
      const s = change.settings.ogiReport;
      settings = { rules: s.rules ?? {}, locale: s.locale ?? 'auto', copiedTextThreshold: s.copiedTextThreshold };
    }
    cache.clear();
    previewHandlers.settingsChanged();
    if (pull && refreshSupport) connection.languages.diagnostics.refresh().catch(() => undefined);
    else if (!pull) documents.all().forEach(schedulePush);
  });

  documents.onDidChangeContent((e) => {
    if (!pull) schedulePush(e.document);
  });
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    clearTimeout(pending.get(e.document.uri));
    if (!pull) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token) => runSafe(connection, token, 'diagnostics', async () => {
    const doc = documents.get(params.textDocument.uri);
    // A report being closed is asked for once more (workspace diagnostics keep closed files).
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: await workspaceHandlers.closedDiagnostics(params.textDocument.uri) };
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsFor(doc) };
  }));

  interface ActionData { uri: string; version: number; start: number; end: number; only?: string[]; index: number }

  /**
   * Code actions carry the document version. Clients that resolve lazily (VS Code) get the edit only
   * at resolve time, and only if the document is still at that version: a stale action is refused.
   */
  connection.onCodeAction((params, token) => runSafe(connection, token, 'codeAction', () => {
    const doc = getDocument(params.textDocument.uri);
    const a = getAnalysis(doc);
    const loc = locale();
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const actions = codeActions(a, start, end, params.context.only);
    // A garbled document: VS Code's own encoding picker reopens it with the right encoding.
    const reopen: CodeAction[] = a.diagnostics.some((d) => d.code === 'encoding') && (!params.context.only?.length || params.context.only.includes(CodeActionKind.QuickFix))
      ? [{
        title: loc === 'en' ? 'Reopen with encoding GBK (GB18030)…' : '通过编码重新打开（选择 GBK / GB18030）…',
        kind: CodeActionKind.QuickFix, isPreferred: true,
        diagnostics: params.context.diagnostics.filter((cd) => cd.code === 'encoding'),
        command: { title: 'Reopen with Encoding', command: 'workbench.action.editor.changeEncoding' },
      }]
      : [];
    return [...reopen, ...actions.map((act, index): CodeAction => {
      const data: ActionData = { uri: doc.uri, version: doc.version, start, end, only: params.context.only, index };
      return {
        title: localize(act.title, loc),
        kind: act.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll + '.ogi-report',
        isPreferred: act.preferred || undefined,
        diagnostics: params.context.diagnostics.filter((cd) => act.diagnostics.some((d) => d.code === cd.code
          && doc.offsetAt(cd.range.start) === d.start && doc.offsetAt(cd.range.end) === d.end)),
        ...(lazyEdits ? { data } : { edit: versionedEdit(doc, act.edits) }),
      };
    })];
  }));

  connection.onCodeActionResolve((action, token) => runSafe(connection, token, 'codeActionResolve', () => {
    const data = action.data as ActionData | undefined;
    if (!data) return action;
    const doc = getDocument(data.uri);
    if (doc.version !== data.version) {
      connection.console.warn(`ogi-report: refused a code action computed for version ${data.version}; the document is at ${doc.version}`);
      return { ...action, edit: undefined };
    }
    const act = codeActions(getAnalysis(doc), data.start, data.end, data.only)[data.index];
    if (!act || localize(act.title, locale()) !== action.title) return { ...action, edit: undefined };
    return { ...action, edit: versionedEdit(doc, act.edits) };
  }));

  connection.onHover((params, token) => runSafe(connection, token, 'hover', (): Hover | null => {
    const doc = getDocument(params.textDocument.uri);
    const a = getAnalysis(doc);
    const h = hover(a, doc.offsetAt(params.position));
    const cross = ws.hover(a, doc.offsetAt(params.position), locale());
    if (cross && !h) return { contents: { kind: MarkupKind.Markdown, value: cross } };
    return h ? { contents: { kind: MarkupKind.Markdown, value: cross ? `${cross}\n\n---\n\n${h.markdown}` : h.markdown }, range: range(doc, h.start, h.end) } : null;
  }));

  connection.onCompletion((params, token) => runSafe(connection, token, 'completion', (): CompletionItem[] => {
    const doc = getDocument(params.textDocument.uri);
    const kinds = { section: CompletionItemKind.Module, row: CompletionItemKind.Field, statute: CompletionItemKind.Reference };
    return completions(getAnalysis(doc), doc.offsetAt(params.position)).map((c) => ({
      label: c.label, kind: kinds[c.kind], detail: c.detail, sortText: c.sortText, insertText: c.insertText,
      documentation: { kind: MarkupKind.Markdown, value: c.documentation },
    }));
  }));

  connection.onDocumentSymbol((params, token) => runSafe(connection, token, 'documentSymbol', (): DocumentSymbol[] => {
    const doc = getDocument(params.textDocument.uri);
    const loc = locale();
    const convert = (n: OutlineNode): DocumentSymbol => ({
      name: n.name, detail: localize(n.detail, loc), kind: n.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Struct,
      range: range(doc, n.start, n.end), selectionRange: range(doc, n.selectionStart, n.selectionEnd), children: n.children.map(convert),
    });
    return outline(getAnalysis(doc)).map(convert);
  }));

  connection.onFoldingRanges((params, token) => runSafe(connection, token, 'foldingRanges', (): FoldingRange[] => {
    const doc = getDocument(params.textDocument.uri);
    return foldingRanges(getAnalysis(doc)).map((f) => FoldingRange.create(f.startLine, f.endLine));
  }));

  connection.onCodeLens((params, token) => runSafe(connection, token, 'codeLens', (): CodeLens[] => {
    const doc = getDocument(params.textDocument.uri);
    const loc = locale();
    return codeLenses(getAnalysis(doc)).map((l) => ({
      range: Range.create(l.line, 0, l.line, 0),
      command: {
        title: localize(l.title, loc),
        command: l.recompute ? COMMAND_RECOMPUTE : '',
        arguments: l.recompute ? [doc.uri, doc.version] : undefined,
      },
    }));
  }));

  connection.onExecuteCommand((params, token) => runSafe(connection, token, 'executeCommand', async () => {
    const [uri, version] = (params.arguments ?? []) as [string, number | undefined];
    const doc = getDocument(uri);
    if (version !== undefined && version !== doc.version) {
      throw new ResponseError(LSPErrorCodes.ContentModified, 'document changed; run the command again');
    }
    const a = getAnalysis(doc);
    let edits: EngineEdit[];
    if (params.command === COMMAND_RECOMPUTE) edits = recomputeTotals(a, options(doc.uri));
    else if (params.command === COMMAND_FIX_ALL) edits = fixAllOnSave(a);
    else throw new ResponseError(ErrorCodes.InvalidParams, `unknown command: ${params.command}`);
    // Broken identities whose wrong figure cannot be told: recompute leaves them, and says so.
    const unresolved = params.command === COMMAND_RECOMPUTE ? a.diagnostics.filter((d) => TOTAL_CODES.includes(d.code) && !d.fix).length : 0;
    if (edits.length === 0) return { applied: true, changed: 0, unresolved };
    const result = await connection.workspace.applyEdit({ label: 'ogi-report', edit: versionedEdit(doc, edits) });
    return { applied: result.applied, changed: edits.length };
  }));

  documents.listen(connection);
  connection.listen();
}
