/**
 * The editor features, one small handler each: get the document and its cached analysis, call the
 * pure service, convert. Code actions carry the document version; clients that resolve lazily (VS
 * Code) get the edit only at resolve time, and only if the document is still at that version.
 */
import {
  CodeAction, CodeActionKind, CodeLens, CompletionItem, CompletionItemKind, Connection, DocumentSymbol, ErrorCodes, FoldingRange, Hover,
  LSPErrorCodes, MarkupKind, Range, ResponseError, SymbolKind,
} from 'vscode-languageserver/node';
import { Locale, msg, text } from '../base/msg';
import { AnalyzeOptions, TextEdit as EngineEdit, ruleIdsTagged } from '../service/analyze';
import { codeActions, fixAllOnSave, recomputeTotals } from '../service/actions';
import { completions } from '../service/completion';
import { hover } from '../service/hover';
import { OutlineNode, codeLenses, foldingRanges, outline } from '../service/outline';
import { toRange, versionedEdit } from './convert';
import type { AnalysisCache } from './documents';
import { CLIENT_COMMAND, RecomputeResult, SERVER_COMMAND } from './protocol';
import { runSafe } from './runner';
import type { WorkspaceFeature } from './workspace';

export interface HandlerDeps {
  cache: AnalysisCache;
  workspace: WorkspaceFeature;
  locale(): Locale;
  options(uri: string): AnalyzeOptions;
  /** Whether the client resolves a code action's edit lazily. */
  lazyEdits(): boolean;
}

interface ActionData { uri: string; version: number; start: number; end: number; only?: string[]; index: number }

const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.ogi-report';
const REOPEN_TITLE = msg('通过编码重新打开（选择 GBK / GB18030）…', 'Reopen with encoding GBK (GB18030)…');

export function registerHandlers(connection: Connection, deps: HandlerDeps): void {
  const { cache } = deps;

  connection.onCodeAction((params, token) => runSafe(connection, token, 'codeAction', () => {
    const doc = cache.document(params.textDocument.uri);
    const a = cache.analysis(doc);
    const loc = deps.locale();
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const actions = codeActions(a, start, end, params.context.only);
    // A garbled document: VS Code's own encoding picker reopens it with the right encoding.
    const reopen: CodeAction[] = a.diagnostics.some((d) => d.code === 'encoding') && (!params.context.only?.length || params.context.only.includes(CodeActionKind.QuickFix))
      ? [{
        title: text(REOPEN_TITLE, loc),
        kind: CodeActionKind.QuickFix, isPreferred: true,
        diagnostics: params.context.diagnostics.filter((cd) => cd.code === 'encoding'),
        command: { title: 'Reopen with Encoding', command: 'workbench.action.editor.changeEncoding' },
      }]
      : [];
    return [...reopen, ...actions.map((act, index): CodeAction => {
      const data: ActionData = { uri: doc.uri, version: doc.version, start, end, only: params.context.only, index };
      return {
        title: text(act.title, loc),
        kind: act.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND,
        isPreferred: act.preferred || undefined,
        diagnostics: params.context.diagnostics.filter((cd) => act.diagnostics.some((d) => d.code === cd.code
          && doc.offsetAt(cd.range.start) === d.start && doc.offsetAt(cd.range.end) === d.end)),
        ...(act.show ? { command: { title: text(act.title, loc), command: CLIENT_COMMAND.showCells, arguments: [doc.uri, act.show.map((r) => toRange(doc, r.start, r.end))] } }
          : deps.lazyEdits() ? { data } : { edit: versionedEdit(doc, act.edits) }),
      };
    })];
  }));

  connection.onCodeActionResolve((action, token) => runSafe(connection, token, 'codeActionResolve', () => {
    const data = action.data as ActionData | undefined;
    if (!data) return action;
    const doc = cache.document(data.uri);
    if (doc.version !== data.version) {
      connection.console.warn(`ogi-report: refused a code action computed for version ${data.version}; the document is at ${doc.version}`);
      return { ...action, edit: undefined };
    }
    const act = codeActions(cache.analysis(doc), data.start, data.end, data.only)[data.index];
    if (!act || text(act.title, deps.locale()) !== action.title) return { ...action, edit: undefined };
    return { ...action, edit: versionedEdit(doc, act.edits) };
  }));

  connection.onHover((params, token) => runSafe(connection, token, 'hover', (): Hover | null => {
    const doc = cache.document(params.textDocument.uri);
    const a = cache.analysis(doc);
    const h = hover(a, doc.offsetAt(params.position), deps.locale());
    const cross = deps.workspace.hover(a, doc.offsetAt(params.position), deps.locale());
    if (cross && !h) return { contents: { kind: MarkupKind.Markdown, value: cross } };
    return h ? { contents: { kind: MarkupKind.Markdown, value: cross ? `${cross}\n\n---\n\n${h.markdown}` : h.markdown }, range: toRange(doc, h.start, h.end) } : null;
  }));

  connection.onCompletion((params, token) => runSafe(connection, token, 'completion', (): CompletionItem[] => {
    const doc = cache.document(params.textDocument.uri);
    const kinds = { section: CompletionItemKind.Module, row: CompletionItemKind.Field, statute: CompletionItemKind.Reference };
    return completions(cache.analysis(doc), doc.offsetAt(params.position), deps.locale()).map((c) => ({
      label: c.label, kind: kinds[c.kind], detail: c.detail, sortText: c.sortText, insertText: c.insertText,
      documentation: { kind: MarkupKind.Markdown, value: c.documentation },
    }));
  }));

  connection.onDocumentSymbol((params, token) => runSafe(connection, token, 'documentSymbol', (): DocumentSymbol[] => {
    const doc = cache.document(params.textDocument.uri);
    const loc = deps.locale();
    const convert = (n: OutlineNode): DocumentSymbol => ({
      name: n.name, detail: text(n.detail, loc), kind: n.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Struct,
      range: toRange(doc, n.start, n.end), selectionRange: toRange(doc, n.selectionStart, n.selectionEnd), children: n.children.map(convert),
    });
    return outline(cache.analysis(doc)).map(convert);
  }));

  connection.onFoldingRanges((params, token) => runSafe(connection, token, 'foldingRanges', (): FoldingRange[] => {
    const doc = cache.document(params.textDocument.uri);
    return foldingRanges(cache.analysis(doc)).map((f) => FoldingRange.create(f.startLine, f.endLine));
  }));

  connection.onCodeLens((params, token) => runSafe(connection, token, 'codeLens', (): CodeLens[] => {
    const doc = cache.document(params.textDocument.uri);
    const loc = deps.locale();
    return codeLenses(cache.analysis(doc)).map((l) => ({
      range: Range.create(l.line, 0, l.line, 0),
      command: {
        title: text(l.title, loc),
        command: l.recompute ? SERVER_COMMAND.recomputeTotals : '',
        arguments: l.recompute ? [doc.uri, doc.version] : undefined,
      },
    }));
  }));

  connection.onExecuteCommand((params, token) => runSafe(connection, token, 'executeCommand', async (): Promise<RecomputeResult> => {
    const [uri, version] = (params.arguments ?? []) as [string, number | undefined];
    const doc = cache.document(uri);
    if (version !== undefined && version !== doc.version) {
      throw new ResponseError(LSPErrorCodes.ContentModified, 'document changed; run the command again');
    }
    const a = cache.analysis(doc);
    let edits: EngineEdit[];
    if (params.command === SERVER_COMMAND.recomputeTotals) edits = recomputeTotals(a, deps.options(doc.uri));
    else if (params.command === SERVER_COMMAND.fixAll) edits = fixAllOnSave(a);
    else throw new ResponseError(ErrorCodes.InvalidParams, `unknown command: ${params.command}`);
    // Broken identities whose wrong figure cannot be told: recompute leaves them, and says so.
    const unresolved = params.command === SERVER_COMMAND.recomputeTotals ? a.diagnostics.filter((d) => ruleIdsTagged('identity').includes(d.code) && !d.fix).length : 0;
    if (edits.length === 0) return { applied: true, changed: 0, unresolved };
    const result = await connection.workspace.applyEdit({ label: 'ogi-report', edit: versionedEdit(doc, edits) });
    return { applied: result.applied, changed: edits.length };
  }));
}
