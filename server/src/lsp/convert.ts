/**
 * Engine values → LSP values: offsets become ranges of the document's version, findings become
 * diagnostics in the user's language, engine edits become versioned workspace edits (a client refuses
 * them once the document has moved on), and index paths become URIs and back.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Locale, Msg, msg, text } from '../base/msg';
import type { Analysis, TextEdit as EngineEdit } from '../service/analyze';

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** A file path as a URI (cross-report related information); a path that already is a URI is kept. */
export const uriOfPath = (path: string): string => (/^[a-z][\w+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? path : pathToFileURL(path).href);

/** A document URI as the path the workspace index uses (a file path for file: URIs, the URI otherwise). */
export function pathOfUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export const toRange = (doc: TextDocument, start: number, end: number): Range => Range.create(doc.positionAt(start), doc.positionAt(end));

export const toEdits = (doc: TextDocument, edits: readonly EngineEdit[]): TextEdit[] => edits.map((e) => TextEdit.replace(toRange(doc, e.start, e.end), e.newText));

/** A workspace edit bound to the document version it was computed for: stale edits are refused. */
export const versionedEdit = (doc: TextDocument, edits: readonly EngineEdit[]): WorkspaceEdit => ({
  documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, toEdits(doc, edits))],
});

/** Related entries a diagnostic lists in the editor (its hover, the Problems panel); the rest are counted. */
export const RELATED_SHOWN = 5;

const MORE = (rest: number, all: number): Msg => msg(`……另有 ${rest} 处未列出（共 ${all} 处；「预览表格」中可看到全部）`,
  `… ${rest} more not listed (${all} in all; the table preview shows every one)`);

/**
 * The analysis's findings as LSP diagnostics in `locale`. A finding with many related places (90 blank
 * cells, 30 unreadable rows) lists the first few and says how many more: a hover listing all 90 is unreadable.
 */
export function toDiagnostics(doc: TextDocument, a: Analysis, locale: Locale): Diagnostic[] {
  return a.diagnostics.map((d) => {
    const related = d.related ?? [];
    const where = (r: (typeof related)[number]) => (r.file
      ? { uri: uriOfPath(r.file.path), range: Range.create(r.file.line, r.file.character, r.file.endLine, r.file.endCharacter) }
      : { uri: doc.uri, range: toRange(doc, r.start, r.end) });
    const listed = related.length > RELATED_SHOWN + 1 ? related.slice(0, RELATED_SHOWN) : related;
    const relatedInformation = listed.map((r) => ({ location: where(r), message: text(r.message, locale) }));
    if (listed.length < related.length) {
      relatedInformation.push({ location: where(related[listed.length]), message: text(MORE(related.length - listed.length, related.length), locale) });
    }
    return {
      range: toRange(doc, d.start, d.end),
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'ogi-report',
      message: text(d.message, locale),
      data: { version: doc.version, fixable: !!d.fix },
      ...(relatedInformation.length ? { relatedInformation } : {}),
    };
  });
}

const isMsg = (o: Record<string, unknown>, keys: string[]): o is Record<string, unknown> & Msg =>
  keys.length === 2 && typeof o.zh === 'string' && typeof o.en === 'string';

/** Every bilingual message {zh, en} inside `value` becomes a string in `locale`. */
export function localizeDeep(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => localizeDeep(v, locale));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (isMsg(o, keys)) return text(o, locale);
    return Object.fromEntries(keys.map((k) => [k, localizeDeep(o[k], locale)]));
  }
  return value;
}
