/**
 * LSP handlers for the table preview (custom request `ogiReport/preview`) and the column inlay hints.
 * Thin: get the document and its cached analysis, call the service, localize, convert.
 */
import { Connection, InlayHint, InlayHintKind, Position, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../base/msg';
import { columnHints } from '../service/inlay';
import { previewModel } from '../service/preview';
import { localizeDeep } from './convert';
import type { AnalysisCache } from './documents';
import { PREVIEW_REQUEST, PreviewParams } from './protocol';
import { runSafe } from './runner';

export interface PreviewDeps {
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  locale(): Locale;
  configurationSupport(): boolean;
}

export function registerPreview(connection: Connection, deps: PreviewDeps): { settingsChanged(): void } {
  connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams, token) => runSafe(connection, token, 'preview', () => {
    const doc = deps.documents.get(params?.uri);
    if (!doc) return null;
    return { uri: doc.uri, docVersion: doc.version, ...(localizeDeep(previewModel(deps.cache.analysis(doc)), deps.locale()) as object) };
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
    const hints = columnHints(deps.cache.analysis(doc), { tabSize, start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) });
    return hints.map((h) => ({
      position: Position.create(h.line, h.character), label: h.label, kind: InlayHintKind.Parameter, paddingRight: true,
      ...(h.tooltip ? { tooltip: h.tooltip } : {}),
    }));
  }));

  return {
    /** The column-hint setting may have changed: ask the client for the hints again. */
    settingsChanged() {
      if (hintsSupported) connection.languages.inlayHint.refresh().catch(() => undefined);
    },
  };
}
