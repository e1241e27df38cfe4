/**
 * `ogi-report check [--format text|json] [--fix] [--locale zh-cn|en] FILE...`
 * Exit 0: no error diagnostics; 1: some; 2: usage error or an unreadable file (one line on stderr
 * each; the other files are still checked). Never prints a stack trace.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Analysis, Locale, analyze, fixAll, localize } from './service/analyze';
import { positionAt } from './syntax/parse';
import { WorkspaceContext, batchIndex, comparedWith } from './workspace';

const USAGE = `用法 / usage: ogi-report check [--format text|json] [--fix] [--locale zh-cn|en] FILE...`;

interface Options {
  format: 'text' | 'json';
  fix: boolean;
  locale: Locale;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  if (command === '--version') {
    process.stdout.write('ogi-report 0.1.0\n');
    process.exit(0);
  }
  if (command !== 'check') throw new UsageError(command ? `未知命令 / unknown command: ${command}` : '缺少命令 / missing command');
  const envLocale = process.env.OGI_REPORT_LOCALE;
  const opts: Options = { format: 'text', fix: false, locale: envLocale === 'en' ? 'en' : 'zh-cn', files: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= rest.length) throw new UsageError(`${name} 需要一个值 / needs a value`);
      return rest[++i];
    };
    if (a === '--fix') opts.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format 只能是 text 或 json / must be text or json: ${v}`);
      opts.format = v;
    } else if (a === '--locale' || a.startsWith('--locale=')) {
      const v = value('--locale').toLowerCase();
      opts.locale = v.startsWith('en') ? 'en' : 'zh-cn';
    } else if (a === '--') opts.files.push(...rest.slice(i + 1)), (i = rest.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 / unknown option: ${a}`);
    else opts.files.push(a);
  }
  if (opts.files.length === 0) throw new UsageError('没有要检查的文件 / no files given');
  return opts;
}

interface Loaded {
  text: string;
  bom: boolean;
  mtimeMs: number;
  raw: Buffer;
}

/** Reads a report; a string is the one-line reason it cannot be checked. */
function load(file: string, locale: Locale): Loaded | string {
  const say = (zh: string, en: string) => (locale === 'en' ? `${file}: ${en}` : `${file}：${zh}`);
  let raw: Buffer;
  let mtimeMs: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return say('是目录，不是报告文件', 'is a directory, not a report');
    raw = readFileSync(file);
    mtimeMs = st.mtimeMs;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return say('文件不存在', 'no such file');
    if (code === 'EACCES' || code === 'EPERM') return say('没有读取权限', 'permission denied');
    return say(`无法读取（${code ?? 'error'}）`, `cannot be read (${code ?? 'error'})`);
  }
  if (raw.subarray(0, 8192).includes(0)) return say('是二进制文件，不是文本报告', 'is a binary file, not a text report');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    return say('不是有效的 UTF-8 文本（请另存为 UTF-8 编码）', 'is not valid UTF-8 text (save it as UTF-8)');
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, mtimeMs, raw };
}

/** Writes through a temporary file and a rename; refuses if the file changed since it was read. */
function save(file: string, loaded: Loaded, text: string): string | null {
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
    if (!current.equals(loaded.raw)) return 'changed';
  } catch {
    return 'changed';
  }
  const tmp = join(dirname(file), `.${basename(file)}.ogi-report-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, (loaded.bom ? '\uFEFF' : '') + text, 'utf8');
    renameSync(tmp, file);
    return null;
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    return (err as NodeJS.ErrnoException).code ?? 'error';
  }
}

function toJson(file: string, a: Analysis, locale: Locale, workspace?: WorkspaceContext) {
  const lines = a.report.tree.lines;
  return {
    file,
    formatVersion: a.report.formatVersion,
    year: a.report.year,
    related: comparedWith(workspace, a.report),
    diagnostics: a.diagnostics.map((d) => {
      const s = positionAt(lines, d.start);
      const e = positionAt(lines, d.end);
      return {
        code: d.code, severity: d.severity, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
        message: localize(d.message, locale), fixable: !!d.fix,
      };
    }),
  };
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '信息', hint: '提示' };

function main(argv: string[]): number {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { locale } = opts;
  let unreadable = false;
  let errors = 0;
  let warnings = 0;
  const results: ReturnType<typeof toJson>[] = [];
  // Every readable file of the batch (and the region manifests beside them) forms the workspace index.
  const batch = opts.files.map((file) => ({ file, loaded: load(file, locale) }));
  const index = batchIndex(batch.flatMap(({ file, loaded }) => (typeof loaded === 'string' ? [] : [{ path: file, text: loaded.text }])), (p) => readFileSync(p, 'utf8'));
  for (const m of index.manifests.values()) for (const e of m.errors) process.stderr.write(`${m.path}：${e}\n`);
  for (const { file, loaded } of batch) {
    const workspace: WorkspaceContext = { index, path: file };
    if (typeof loaded === 'string') {
      unreadable = true;
      process.stderr.write(loaded + '\n');
      results.push({ file, formatVersion: null, year: null, related: [], diagnostics: [] });
      continue;
    }
    let analysis: Analysis;
    if (opts.fix) {
      const fixed = fixAll(loaded.text, { workspace });
      analysis = fixed.analysis;
      if (fixed.text !== loaded.text) {
        const problem = save(file, loaded, fixed.text);
        if (problem === 'changed') {
          unreadable = true;
          analysis = analyze(loaded.text, { workspace });
          process.stderr.write(locale === 'en' ? `${file}: changed on disk while checking; not written\n` : `${file}：检查期间文件已被修改，未写入修复\n`);
        } else if (problem) {
          unreadable = true;
          analysis = analyze(loaded.text, { workspace });
          process.stderr.write(locale === 'en' ? `${file}: cannot write (${problem})\n` : `${file}：无法写入（${problem}）\n`);
        }
      }
    } else analysis = analyze(loaded.text, { workspace });
    const json = toJson(file, analysis, locale, workspace);
    results.push(json);
    for (const d of json.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      if (opts.format === 'text') {
        const sev = locale === 'en' ? d.severity : SEVERITY_ZH[d.severity];
        process.stdout.write(`${file}:${d.line}:${d.column}: ${sev} [${d.code}] ${d.message}${d.fixable ? (locale === 'en' ? ' (fixable)' : '（可自动修复）') : ''}\n`);
      }
    }
  }
  if (opts.format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else {
    process.stdout.write(locale === 'en'
      ? `${opts.files.length} file(s): ${errors} error(s), ${warnings} warning(s)\n`
      : `共检查 ${opts.files.length} 个文件：${errors} 个错误，${warnings} 个警告\n`);
  }
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}

// `ogi-report check dir/*.txt | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`ogi-report: ${err.message}\n`);
  process.exit(2);
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`ogi-report: 内部错误 / internal error: ${(err as Error)?.message ?? err}\n`);
  process.exitCode = 2;
}
