/**
 * Checks one file: reads its bytes, turns them into text through `sources/`, analyzes, and with
 * `--fix` writes a text file back in the encoding and BOM it was read with. The result is compact and
 * serializable (a worker thread posts it back); it keeps messages in both languages.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Analysis, Locale, analyze, fixAll, localize } from '../service/analyze';
import { comparedWith } from '../workspace';
import { workspaceFor } from './batch';
import type { CheckOptions } from '../service/config';
import type { Msg, Severity } from '../rules/rule';
import { SourceErrorKind, SourceKind, SourceText, TextEncoding, encodeText, isSourceError, readSource } from '../sources';
import { positionAt } from '../syntax/parse';

/** Larger files are not read at all, so that memory stays bounded whatever the input. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

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
  /** The line around the finding, for the HTML summary: text before, the text covered, text after. */
  context?: [string, string, string];
}

export type FileStatus = 'clean' | 'warnings' | 'errors' | 'unreadable' | 'too-large';

export interface FileResult {
  file: string;
  kind: SourceKind | null;
  encoding?: TextEncoding;
  bom?: boolean;
  formatVersion: string | null;
  year: number | null;
  status: FileStatus;
  error?: { kind: SourceErrorKind | 'write'; message: Msg };
  diagnostics: FileDiagnostic[];
  /** One-line notes for stderr (fix not written, fixes belong in the source document). */
  notes: Msg[];
  /** A note that makes the run fail (the fix could not be written). */
  failed?: boolean;
  fixed?: boolean;
  /** Other reports of the batch this one was compared with (last year's, a region's). */
  related?: string[];
}

export interface CheckFileOptions {
  fix: boolean;
  analyze: CheckOptions;
  /** Whether to keep the text around each finding (the HTML summary needs it). */
  context: boolean;
  /** The language of the findings' messages. */
  locale: Locale;
}

const m = (zh: string, en: string): Msg => ({ zh, en });

function readBytes(file: string): Buffer | FileResult['error'] {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { kind: 'directory', message: m('是目录，不是报告文件', 'is a directory, not a report') };
    if (st.size > MAX_FILE_BYTES) return { kind: 'too-large', message: m(`文件过大（${Math.round(st.size / 1048576)} MB），未检查`, `file too large (${Math.round(st.size / 1048576)} MB); not checked`) };
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing', message: m('文件不存在', 'no such file') };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'permission', message: m('没有读取权限', 'permission denied') };
    if (code === 'EISDIR') return { kind: 'directory', message: m('是目录，不是报告文件', 'is a directory, not a report') };
    return { kind: 'io', message: m(`无法读取（${code ?? 'error'}）`, `cannot be read (${code ?? 'error'})`) };
  }
}

function unreadable(file: string, kind: SourceKind | null, error: NonNullable<FileResult['error']>): FileResult {
  return { file, kind, formatVersion: null, year: null, status: error.kind === 'too-large' ? 'too-large' : 'unreadable', error, diagnostics: [], notes: [] };
}

// The batch as a workspace: `batch.ts`.
export { MAX_BATCH_INDEX, setBatch } from './batch';

export async function checkFile(file: string, kindHint: SourceKind | null, opts: CheckFileOptions): Promise<FileResult> {
  const raw = readBytes(file);
  if (!Buffer.isBuffer(raw)) return unreadable(file, kindHint, raw!);
  let source: SourceText;
  try {
    const read = await readSource(file, raw);
    if (isSourceError(read)) return unreadable(file, kindHint, read.error);
    source = read;
  } catch (err) {
    return unreadable(file, kindHint, { kind: 'corrupt', message: m(`无法读取：${(err as Error)?.message ?? err}`, `cannot be read: ${(err as Error)?.message ?? err}`) });
  }
  const workspace = source.kind === 'text' ? workspaceFor(file, opts.analyze.copiedTextThreshold, opts.fix) : undefined;
  if (workspace) opts = { ...opts, analyze: { ...opts.analyze, workspace } };
  const notes: Msg[] = [];
  let failed = false;
  let fixed = false;
  let analysis: Analysis;
  if (opts.fix && source.kind === 'text') {
    const result = fixAll(source.text, opts.analyze);
    analysis = result.analysis;
    if (result.text !== source.text) {
      const problem = save(file, raw, encodeText(result.text, source.encoding ?? 'utf-8', source.bom ?? false));
      if (problem) {
        failed = true;
        analysis = analyze(source.text, opts.analyze);
        notes.push(problem === 'changed'
          ? m('检查期间文件已被修改，未写入修复', 'changed on disk while checking; not written')
          : m(`无法写入（${problem}）`, `cannot write (${problem})`));
      } else fixed = true;
    }
  } else {
    analysis = analyze(source.text, opts.analyze);
    if (opts.fix && analysis.diagnostics.some((d) => d.fix)) {
      notes.push(m(`这是 .${source.kind} 文件，不能自动修复：请在源文档中修改`, `this is a .${source.kind} file and cannot be fixed here: make the fixes in the source document`));
    }
  }
  const result = summarize(file, source, analysis, { notes, failed, fixed, context: opts.context, locale: opts.locale });
  if (workspace) result.related = comparedWith(workspace, analysis.report);
  return result;
}

function summarize(file: string, source: SourceText, a: Analysis, extra: { notes: Msg[]; failed: boolean; fixed: boolean; context: boolean; locale: Locale }): FileResult {
  const lines = a.report.tree.lines;
  let errors = 0;
  let warnings = 0;
  let tooLarge = false;
  const diagnostics = a.diagnostics.map((d): FileDiagnostic => {
    if (d.code === 'document-too-large') tooLarge = true;
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    const s = positionAt(lines, d.start);
    const e = positionAt(lines, d.end);
    const out: FileDiagnostic = {
      code: d.code, severity: d.severity, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
      message: localize(d.message, extra.locale), fixable: !!d.fix,
    };
    const origin = source.origins?.[s.line];
    if (origin?.page !== undefined) out.page = origin.page;
    if (origin?.paragraph !== undefined) out.paragraph = origin.paragraph;
    if (extra.context && lines.length) {
      const line = lines[s.line];
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
  };
  if (source.encoding) { result.encoding = source.encoding; result.bom = !!source.bom; }
  if (extra.failed) result.failed = true;
  if (extra.fixed) result.fixed = true;
  return result;
}

/** Writes through a temporary file and a rename; refuses if the file changed since it was read. */
function save(file: string, original: Buffer, bytes: Buffer): string | null {
  try {
    const fd = openSync(file, 'r');
    let current: Buffer;
    try {
      const size = fstatSync(fd).size;
      current = Buffer.alloc(size);
      readSync(fd, current, 0, size, 0);
    } finally {
      closeSync(fd);
    }
    if (!current.equals(original)) return 'changed';
  } catch {
    return 'changed';
  }
  const tmp = join(dirname(file), `.${basename(file)}.ogi-report-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return null;
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    return (err as NodeJS.ErrnoException).code ?? 'error';
  }
}
