/**
 * LSP handlers for the table preview (custom request `ogiReport/preview`) and the column inlay hints.
 * Thin: get the document and its cached analysis, call the service, localize, convert.
 */
import { Connection, InlayHint, InlayHintKind, Position, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, Locale, localize } from '../service/analyze';
import { columnHints } from '../service/inlay';
import { previewModel } from '../service/preview';
import { runSafe } from './server';

export const PREVIEW_REQUEST = 'ogiReport/preview';

export interface PreviewDeps {
  documents: TextDocuments<TextDocument>;
  getAnalysis(doc: TextDocument): Analysis;
  locale(): Locale;
  configurationSupport(): boolean;
}

/** Every bilingual message {zh, en} inside `value` becomes a string in `loc`. */
export function localizeDeep(value: unknown, loc: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => localizeDeep(v, loc));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && typeof o.zh === 'string' && typeof o.en === 'string') return localize(o as { zh: string; en: string }, loc);
    return Object.fromEntries(keys.map((k) => [k, localizeDeep(o[k], loc)]));
  }
  return value;
}

export function registerPreview(connection: Connection, deps: PreviewDeps): { settingsChanged(): void } {
  connection.onRequest(PREVIEW_REQUEST, (params: { uri: string }, token) => runSafe(connection, token, 'preview', () => {
    const doc = deps.documents.get(params?.uri);
    if (!doc) return null;
    return { uri: doc.uri, docVersion: doc.version, ...(localizeDeep(previewModel(deps.getAnalysis(doc)), deps.locale()) as object) };
  }));

  let hintsSupported = false;
  connection.languages.inlayHint.on((params, token) => runSafe(connection, token, 'inlayHint', async (): Promise<InlayHint[]> => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc) return [];
    hintsSupported = true;
    let enabled = true;
    let tabSize = 4;
    if (deps.configurationSupport()) {
      try {
        const [columns, tabs] = await connection.workspace.getConfiguration([
          { scopeUri: doc.uri, section: 'ogiReport.inlayHints.columns' }, { scopeUri: doc.uri, section: 'editor.tabSize' },
        ]);
        enabled = columns !== false;
        if (typeof tabs === 'number') tabSize = tabs;
      } catch {
        /* defaults */
      }
    }
    if (!enabled || token.isCancellationRequested) return [];
    const hints = columnHints(deps.getAnalysis(doc), { tabSize, start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) });
    return hints.map((h) => ({
      position: Position.create(h.line, h.character), label: h.label, kind: InlayHintKind.Parameter, paddingRight: true,
    }));
  }));

  return {
    /** The column-hint setting may have changed: ask the client for the hints again. */
    settingsChanged() {
      if (hintsSupported) connection.languages.inlayHint.refresh().catch(() => undefined);
    },
  };
}
