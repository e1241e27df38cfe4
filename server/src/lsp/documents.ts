/**
 * The analyses of open documents, one per document version (and the one before it, for a document that
 * goes back to that text), kept until the document changes or something it read changes. An analysis
 * says which other reports it read (`Analysis.reads`, index paths): a change to one report makes stale
 * only the analyses that read it. An analysis that does not say what it read is made stale by any
 * change of the workspace. Counts every analysis performed, for `ogiReport/analysisCount`.
 */
import { ErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalyzeOptions, analyze } from '../service/analyze';
import type { AnalysisCount } from './protocol';

/** The index paths of the other reports an analysis read, or undefined when it does not say. */
export const readsOf = (a: Analysis): readonly string[] | undefined => (a as { reads?: string[] }).reads;

export interface AnalysisCache {
  /** The open document, or an InvalidParams error. */
  document(uri: string): TextDocument;
  /** The analysis of the document's current version: cached, or performed now. */
  analysis(doc: TextDocument): Analysis;
  /** Analyses a text that is not an open document (the workspace check); counted like the others. */
  analyzeText(uri: string, text: string, options: AnalyzeOptions): Analysis;
  /** Makes stale the cached analyses that read `path` or do not say what they read; returns their URIs. */
  invalidateReaders(path: string, except?: string): string[];
  /** Makes every cached analysis stale; returns their URIs. */
  invalidateAll(): string[];
  forget(uri: string): void;
  count(): AnalysisCount;
}

/** What the cache tells about its use (the warm-up listens: lsp/warm-up.ts). */
export interface CacheEvents {
  /** An analysis was asked for (cached or not): somebody is being served. */
  used?(): void;
  /** An open document's text was analysed. */
  analysed?(text: string): void;
}

/** What an analysis was made with, but the text: two analyses of one text with equal settings are equal. */
interface Made { analysis: Analysis; settings: string; workspace: AnalyzeOptions['workspace']; stale: boolean }

const settingsOf = (o: AnalyzeOptions): string => JSON.stringify([o.rules ?? null, o.ruleOptions ?? null, o.copiedTextThreshold ?? null, o.maxLength ?? null]);

export function createAnalysisCache(documents: TextDocuments<TextDocument>, options: (uri: string) => AnalyzeOptions, events: CacheEvents = {}): AnalysisCache {
  /**
   * Per document: the analysis of its current version, and the one before it. A document that goes back
   * to the text it had one version ago (an undo, a character typed and deleted) is answered from that
   * analysis when nothing it read has changed since and the settings are the same.
   */
  const cache = new Map<string, Made & { version: number; before?: Made }>();
  const counted: AnalysisCount = { count: 0, byUri: {} };

  const analyzeText = (uri: string, text: string, opts: AnalyzeOptions): Analysis => {
    events.used?.();
    counted.count++;
    counted.byUri[uri] = (counted.byUri[uri] ?? 0) + 1;
    return analyze(text, opts);
  };
  const mark = (pick: (a: Analysis) => boolean, except?: string): string[] => {
    const out: string[] = [];
    for (const [uri, e] of cache) {
      if (e.before && pick(e.before.analysis)) e.before.stale = true;
      if (uri === except || e.stale || !pick(e.analysis)) continue;
      e.stale = true;
      out.push(uri);
    }
    return out;
  };
  /** The earlier analysis that holds for `text` made with `opts`, if there is one. */
  const reusable = (made: Made | undefined, text: string, opts: AnalyzeOptions, settings: string): Made | undefined =>
    made && !made.stale && made.analysis.text === text && made.settings === settings
      && made.workspace?.index === opts.workspace?.index && made.workspace?.path === opts.workspace?.path ? made : undefined;

  return {
    document(uri) {
      const doc = documents.get(uri);
      if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `unknown document: ${uri}`);
      return doc;
    },
    analysis(doc) {
      events.used?.();
      const hit = cache.get(doc.uri);
      if (hit && hit.version === doc.version && !hit.stale) return hit.analysis;
      const opts = options(doc.uri);
      const settings = settingsOf(opts);
      const text = doc.getText();
      const back = reusable(hit?.before, text, opts, settings) ?? reusable(hit, text, opts, settings);
      const analysis = back ? back.analysis : analyzeText(doc.uri, text, opts);
      const before = back === hit ? hit?.before
        : hit && !hit.stale ? { analysis: hit.analysis, settings: hit.settings, workspace: hit.workspace, stale: false } : undefined;
      cache.set(doc.uri, { version: doc.version, stale: false, analysis, settings, workspace: opts.workspace, before });
      if (!back) events.analysed?.(analysis.text);
      return analysis;
    },
    analyzeText,
    invalidateReaders: (path, except) => mark((a) => readsOf(a)?.includes(path) ?? true, except),
    invalidateAll: () => mark(() => true),
    forget: (uri) => cache.delete(uri),
    count: () => ({ count: counted.count, byUri: { ...counted.byUri } }),
  };
}
