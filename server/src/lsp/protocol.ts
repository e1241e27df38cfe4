/**
 * The protocol between the language server and the VS Code client: every custom request, the server's
 * commands and the client's command ids, with their payloads. Imports nothing from vscode-languageserver
 * (nor anything else), so the client bundles it as it is; a name is spelled here once.
 */

/** A position and range as LSP sends them (zero-based line, UTF-16 character). */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Commands the server executes (`workspace/executeCommand`); arguments `[uri, version?]`. */
export const SERVER_COMMAND = {
  /** Recomputes every total of the document; answers `RecomputeResult`. */
  recomputeTotals: 'ogiReport.server.recomputeTotals',
  /** Applies every safe fix; answers `RecomputeResult` without `unresolved`. */
  fixAll: 'ogiReport.server.fixAll',
} as const;

/** The client's commands (contributed in package.json; the e2e suite calls them by these ids). */
export const CLIENT_COMMAND = {
  newReport: 'ogiReport.newReport',
  recomputeTotals: 'ogiReport.recomputeTotals',
  restartServer: 'ogiReport.restartServer',
  previewTables: 'ogiReport.previewTables',
  checkWorkspace: 'ogiReport.checkWorkspace',
  showFindings: 'ogiReport.showFindings',
  compareWithLastYear: 'ogiReport.compareWithLastYear',
  /** The full article behind a statute hover link (service/statute.ts writes the link). */
  showArticle: 'ogiReport.showArticle',
  /** Selects cells in the editor: arguments `[uri, Range[]]` (the light bulb's 选中可能有误的单元格). */
  showCells: 'ogiReport.showCells',
} as const;

/** What a recompute (or fix-all) did: `unresolved` counts broken totals whose wrong figure cannot be told. */
export interface RecomputeResult { applied: boolean; changed: number; unresolved?: number }

/** `ogiReport/preview` ({ uri }): the table preview's view model (service/preview.ts, localized), or null. */
export const PREVIEW_REQUEST = 'ogiReport/preview';
export interface PreviewParams { uri: string }

/** `ogiReport/copiedPassages` ({ uri }): last year's report and the passages that repeat it. */
export const COPIED_PASSAGES_REQUEST = 'ogiReport/copiedPassages';
export interface CopiedPassagesParams { uri: string }
export interface CopiedPassages {
  previous: { uri: string; agency: string | null; year: number | null } | null;
  /**
   * Each section of this report and the same section's heading in last year's: lines and characters of the
   * documents as they are (on run-on text several headings share a line, so the character tells them apart).
   */
  sections: { index: number; line: number; character?: number; previousLine: number | null; previousCharacter?: number | null }[];
  passages: { range: Range; previousRange: Range; chars: number }[];
}

/** `ogiReport/checkWorkspace` (no params): checks every report file of the workspace folders. */
export const CHECK_WORKSPACE_REQUEST = 'ogiReport/checkWorkspace';
export interface CheckSummary { files: number; errors: number; warnings: number; unreadable: number; cancelled?: boolean }

/**
 * `ogiReport/analysisCount` (no params): analyses the server has performed since it started, in all and by
 * URI; `warmUp` counts apart the analyses of copies it made while idle (lsp/warm-up.ts).
 */
export const ANALYSIS_COUNT_REQUEST = 'ogiReport/analysisCount';
export interface AnalysisCount { count: number; byUri: Record<string, number>; warmUp?: number }

/**
 * `ogiReport/openedAsText` ({ uri, open }): the client opened (`open: true`) or closed a file that is NOT in
 * the report language (plain text shown as mojibake, say). The server drops the workspace check's
 * diagnostics for it while it is open there, so no squiggles from the file on disk land on other text.
 */
export const OPENED_AS_TEXT_NOTIFICATION = 'ogiReport/openedAsText';
export interface OpenedAsTextParams { uri: string; open: boolean }
