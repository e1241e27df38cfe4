/**
 * Checks one file: reads its bytes, turns them into text through `sources/`, analyzes, and with
 * `--fix` writes a text file back in the encoding and BOM it was read with. The result is compact and
 * serializable (a worker thread posts it back); it keeps messages in both languages.
 */
import { basename } from 'node:path';
import { Analysis, Locale, analyze, localize } from '../service/analyze';
import { comparedWith } from '../workspace';
import { workspaceFor } from './batch';
import type { CheckOptions } from '../service/config';
import type { Msg, Severity } from '../rules/rule';
import { msg } from '../base/msg';
import { LineBox, SourceErrorKind, SourceKind, SourceText, TextEncoding, isSourceError, readSource } from '../sources';
import { positionAt } from '../syntax/parse';
import { MAX_FILE_BYTES, ReadProblemKind, readRegular, readRegularOrThrow } from './safe-read';
import { FixChange, planFix } from './fix-edits';
import { readsBackAs, spliceFix } from './fix-bytes';
import { writeFixed } from './fix-write';
import { couldBeReport } from '../service/report-files';
import { Place, fingerprintAll, reportIdentity } from '../service/fingerprint';
import { BodySummary, bodySummary } from '../service/body-summary';
import type { AbsentFinding, ResolvedEntry, ReviewMark } from './review';
import { analyzeReadings } from '../service/ocr-readings';

export { MAX_FILE_BYTES };

export interface FileDiagnostic {
  code: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** In the run's language only: a worker posts back half the text, and nothing reads the other. */
  message: string;
  fixable: boolean;
  /** Where the line came from in the source document (imported files only). */
  page?: number;
  paragraph?: number;
  /** The line was recognised from a scanned page. */
  ocr?: boolean;
  /** The line's box on its page (PDF points from the top-left corner: sources/types.ts `LineBox`). */
  box?: LineBox;
  /** The line around the finding, for the HTML summary: text before, the text covered, text after. */
  context?: [string, string, string];
  /** Its stable identity (service/fingerprint.ts) and its place by content (always set by `checkFile`). */
  fingerprint?: string;
  place?: Place;
  /** The review ledger's decision on it (`--review`). */
  review?: ReviewMark;
  /** Against `--baseline`: new or unchanged. */
  baseline?: 'new' | 'unchanged';
}

/** `skipped`: a .txt or .md found in a folder that is plainly not a report (never shown as a file checked). */
export type FileStatus = 'clean' | 'warnings' | 'errors' | 'unreadable' | 'too-large' | 'timed-out' | 'skipped';

export interface FileResult {
  file: string;
  kind: SourceKind | null;
  /** Some of its pages were recognised from scans (OCR). */
  ocr?: boolean;
  encoding?: TextEncoding;
  bom?: boolean;
  formatVersion: string | null;
  year: number | null;
  status: FileStatus;
  error?: { kind: SourceErrorKind | ReadProblemKind | 'write' | 'timeout'; message: Msg };
  diagnostics: FileDiagnostic[];
  /** One-line notes for stderr (fix not written, fixes belong in the source document). */
  notes: Msg[];
  /** A note that makes the run fail (the fix could not be written). */
  failed?: boolean;
  /** What `--fix` changed, in the original text (absent when nothing was written). */
  fixed?: FixChange[];
  /** How the fix was written, when it was not a plain replacement (through a link, in place, forced). */
  fixedHow?: Msg[];
  /** Other reports of the batch this one was compared with (last year's, a region's). */
  related?: string[];
  /** The report's identity, the first half of its findings' fingerprints. */
  identity?: string;
  /** Agency as the report names it. */
  agency?: string | null;
  /** The body and its key figures, for the batch table (`--summary`, `--format csv`). */
  body?: BodySummary;
  /** Against `--baseline`: findings that were there before and are gone, with their last place. */
  absent?: AbsentFinding[];
  /** Ledger entries of this report whose finding has gone. */
  resolved?: ResolvedEntry[];
}

export interface CheckFileOptions {
  fix: boolean;
  /** With `fix`: write read-only files too. */
  force?: boolean;
  /** Found in a folder or by a glob: a .txt or .md that is plainly not a report is skipped. */
  mayskip?: boolean;
  analyze: CheckOptions;
  /** Whether to keep the text around each finding (the HTML summary needs it). */
  context: boolean;
  /** The language of the findings' messages. */
  locale: Locale;
}

function unreadable(file: string, kind: SourceKind | null, error: NonNullable<FileResult['error']>): FileResult {
  const status = error.kind === 'too-large' ? 'too-large' : error.kind === 'timeout' ? 'timed-out' : 'unreadable';
  return { file, kind, formatVersion: null, year: null, status, error, diagnostics: [], notes: [] };
}

// The batch as a workspace: `batch.ts`.
export { MAX_BATCH_INDEX, setBatch } from './batch';

const SKIPPABLE = /\.(txt|md|markdown)$/i;

export async function checkFile(file: string, kindHint: SourceKind | null, opts: CheckFileOptions): Promise<FileResult> {
  const raw = readRegular(file);
  if (!Buffer.isBuffer(raw)) return unreadable(file, kindHint, raw);
  let source: SourceText;
  try {
    const read = await readSource(file, raw);
    if (isSourceError(read)) return unreadable(file, kindHint, read.error);
    source = read;
  } catch (err) {
    return unreadable(file, kindHint, { kind: 'corrupt', message: msg(`无法读取：${(err as Error)?.message ?? err}`, `cannot be read: ${(err as Error)?.message ?? err}`) });
  }
  if (opts.mayskip && source.kind === 'text' && SKIPPABLE.test(basename(file)) && !couldBeReport(source.text)) {
    return { file, kind: source.kind, formatVersion: null, year: null, status: 'skipped', diagnostics: [], notes: [] };
  }
  const workspace = source.kind === 'text' ? workspaceFor(file, opts.fix) : undefined;
  if (workspace) opts = { ...opts, analyze: { ...opts.analyze, workspace } };
  const notes: Msg[] = [];
  let failed = false;
  let fixed: FixChange[] | undefined;
  let fixedHow: Msg[] | undefined;
  let analysis: Analysis;
  if (opts.fix && source.kind === 'text') {
    const plan = planFix(source.text, opts.analyze);
    analysis = plan.analysis;
    if (plan.text !== source.text) {
      const written = writeFix(file, raw, source, plan.text, plan.hunks, !!opts.force);
      if ('reason' in written) {
        failed = true;
        analysis = analyze(source.text, opts.analyze);
        notes.push(written.reason);
      } else {
        fixed = plan.changes;
        if (written.how.length) fixedHow = written.how;
      }
    }
  } else {
    // Figures recognised from a scan are judged against the table identities first (service/ocr-readings.ts).
    analysis = source.ocr ? analyzeReadings(source.text, source.readings ?? [], opts.analyze, (l) => !!source.origins?.[l]?.ocr).analysis : analyze(source.text, opts.analyze);
    if (opts.fix && analysis.diagnostics.some((d) => d.fix)) {
      notes.push(msg(`这是 .${source.kind} 文件，不能自动修复：请在源文档中修改`, `this is a .${source.kind} file and cannot be fixed here: make the fixes in the source document`));
    }
  }
  const result = summarize(file, source, analysis, { notes, failed, context: opts.context, locale: opts.locale });
  if (fixed) result.fixed = fixed;
  if (fixedHow) result.fixedHow = fixedHow;
  if (workspace) result.related = comparedWith(workspace, analysis.report);
  return result;
}

/** Splices the fixed spans into the bytes as read, checks they read back as the fixed text, and writes them. */
function writeFix(file: string, raw: Buffer, source: SourceText, fixedText: string, hunks: Parameters<typeof spliceFix>[3], force: boolean): { how: Msg[] } | { reason: Msg } {
  const encoding: TextEncoding = source.encoding ?? 'utf-8';
  const spliced = spliceFix(raw, source.text, encoding, hunks);
  if ('refused' in spliced || !readsBackAs(spliced.bytes, fixedText, encoding)) {
    return { reason: msg('修复处的文字无法按原编码原样写回，未写入修复', 'the fixed text cannot be written back exactly in the file\'s encoding; fix not written') };
  }
  const w = writeFixed(file, raw, spliced.bytes, force);
  return w.ok ? { how: w.how } : { reason: w.reason };
}

function summarize(file: string, source: SourceText, a: Analysis, extra: { notes: Msg[]; failed: boolean; context: boolean; locale: Locale }): FileResult {
  const lines = a.report.tree.lines;
  let errors = 0;
  let warnings = 0;
  let tooLarge = false;
  const prints = fingerprintAll(a, a.diagnostics);
  const diagnostics = a.diagnostics.map((d, i): FileDiagnostic => {
    if (d.code === 'document-too-large') tooLarge = true;
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    const s = positionAt(lines, d.start);
    const e = positionAt(lines, d.end);
    const out: FileDiagnostic = {
      code: d.code, severity: d.severity, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
      message: localize(d.message, extra.locale), fixable: !!d.fix,
      fingerprint: prints[i].fingerprint, place: prints[i].place,
    };
    const origin = source.origins?.[s.line];
    if (origin?.page !== undefined) out.page = origin.page;
    if (origin?.ocr) out.ocr = true;
    if (origin?.box) out.box = origin.box;
    if (origin?.paragraph !== undefined) out.paragraph = origin.paragraph;
    if (extra.context && lines.length) {
      // The document's line (a run-on line is several lines of the tree).
      const lineStart = d.start - s.character;
      const nl = a.text.indexOf('\n', lineStart);
      const line = { start: lineStart, end: nl < 0 ? a.text.length : a.text[nl - 1] === '\r' ? nl - 1 : nl };
      const end = Math.min(d.end, line.end);
      const before = a.text.slice(Math.max(line.start, d.start - 60), d.start);
      out.context = [before, a.text.slice(d.start, Math.min(end, d.start + 120)), a.text.slice(end, Math.min(line.end, end + 60))];
    }
    return out;
  });
  const result: FileResult = {
    file, kind: source.kind,
    formatVersion: a.report.formatVersion, year: a.report.year,
    status: tooLarge ? 'too-large' : errors ? 'errors' : warnings ? 'warnings' : 'clean',
    diagnostics, notes: extra.notes,
    identity: reportIdentity(a.report, a.text), agency: a.report.agency, body: bodySummary(a.report),
  };
  if (source.encoding) { result.encoding = source.encoding; result.bom = !!source.bom; }
  if (source.ocr) result.ocr = true;
  if (extra.failed) result.failed = true;
  return result;
}
