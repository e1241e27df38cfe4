/**
 * `ogi-report check|extract`: expands the inputs, finds each file's configuration, checks the files
 * across worker threads and streams the chosen format in input order. Exit 0: no errors; 1: errors;
 * 2: a usage error, or a file that could not be read, was too large to check fully, or could not be
 * fixed (one line on stderr each; the other files are still checked). Never prints a stack trace.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locale, RuleSetting } from '../service/analyze';
import { effectiveOptions } from '../service/config';
import type { Msg } from '../rules/rule';
import { isSourceError, readSource } from '../sources';
import { LoadedConfig, createConfigFinder, loadConfigFile } from '../config';
import { HELP, Options, USAGE, UsageError, parseArgs } from './args';
import { htmlReporter } from './html';
import { Reporter, Sink, addToSummary, jsonReporter, junitReporter, newSummary, sarifReporter, summaryLine, textReporter } from './output';
import { checkAll } from './pool';
import { setBatch } from './check';
import { expandInputs } from './walk';

/** Below this many files the start-up of worker threads costs more than it saves. */
const POOL_THRESHOLD = 64;

function version(): string {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const say = (locale: Locale, file: string, m: Msg) => (locale === 'en' ? `${file}: ${m.en}` : `${file}：${m.zh}`);

async function extract(opts: Options): Promise<number> {
  let code = 0;
  for (const file of opts.inputs) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      const c = (err as NodeJS.ErrnoException).code;
      process.stderr.write(say(opts.locale, file, c === 'ENOENT' ? { zh: '文件不存在', en: 'no such file' } : c === 'EISDIR' ? { zh: '是目录，不是报告文件', en: 'is a directory, not a report' } : { zh: `无法读取（${c}）`, en: `cannot be read (${c})` }) + '\n');
      code = 2;
      continue;
    }
    const source = await readSource(file, bytes);
    if (isSourceError(source)) {
      process.stderr.write(say(opts.locale, file, source.error.message) + '\n');
      code = 2;
      continue;
    }
    if (opts.inputs.length > 1) process.stdout.write(`==> ${file} <==\n`);
    process.stdout.write(source.text.endsWith('\n') || !source.text ? source.text : source.text + '\n');
  }
  return code;
}

function progress(total: number): { tick(n: number): void; done(): void } {
  if (!process.stderr.isTTY || total < 2) return { tick() {}, done() {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(n) {
      const now = Date.now();
      if (now - started < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      process.stderr.write(`\r已检查 / checked ${n}/${total} (${Math.floor((100 * n) / total)}%)`);
    },
    done() { if (shown) process.stderr.write('\r\x1b[K'); },
  };
}

export async function main(argv: string[]): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.command === 'help') { process.stdout.write(HELP); return 0; }
  if (opts.command === 'version') { process.stdout.write(`ogi-report ${version()}\n`); return 0; }
  if (opts.command === 'extract') return extract(opts);
  const { locale } = opts;
  let failed = false;

  // Configuration: --config for every file, otherwise found from each file upwards.
  const reported = new Set<string>();
  const reportProblems = (c: LoadedConfig | null) => {
    if (!c || reported.has(c.path)) return;
    reported.add(c.path);
    for (const p of c.problems) { process.stderr.write(say(locale, c.path, p) + '\n'); failed = true; }
  };
  const explicit = opts.config ? loadConfigFile(opts.config) : null;
  if (explicit?.fatal) {
    reportProblems(explicit);
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const finder = createConfigFinder();
  const configFor = (file: string) => { const c = explicit ?? finder(file); reportProblems(c); return c; };
  const optionsFor = (file: string) => effectiveOptions({}, configFor(file)?.config ?? null, opts.rules);

  const expansion = expandInputs(opts.inputs, (file) => configFor(file)?.isIgnored(file) ?? false);
  for (const g of expansion.unmatched) {
    process.stderr.write(say(locale, g, { zh: '没有匹配的文件', en: 'matches no file' }) + '\n');
    failed = true;
  }
  for (const d of expansion.empty) {
    process.stderr.write(say(locale, d, { zh: '目录中没有报告文件', en: 'folder holds no report file' }) + '\n');
    failed = true;
  }
  // The summary being written is not a report to check, even when it lies in the checked folder.
  const outputPath = opts.output ? resolve(opts.output) : null;
  const targets = expansion.targets.filter((t) => resolve(t.file) !== outputPath);

  let fd: number | null = null;
  if (opts.output) {
    try {
      fd = openSync(opts.output, 'w');
    } catch (err) {
      process.stderr.write(say(locale, opts.output, { zh: `无法写入（${(err as NodeJS.ErrnoException).code}）`, en: `cannot write (${(err as NodeJS.ErrnoException).code})` }) + '\n');
      return 2;
    }
  }
  const sink: Sink = fd !== null ? (s) => { writeSync(fd!, s); } : (s) => { process.stdout.write(s); };
  const ver = version();
  const summary = newSummary(ver);
  summary.skipped = expansion.skipped;
  summary.ignored = expansion.ignored;
  const globalRules = effectiveOptions({}, explicit?.config ?? null, opts.rules).rules as Record<string, RuleSetting | undefined>;
  const reporter: Reporter =
    opts.format === 'json' ? jsonReporter(sink, locale)
    : opts.format === 'sarif' ? sarifReporter(sink, locale, { version: ver, commandLine: ['ogi-report', ...argv].join(' ') })
    : opts.format === 'junit' ? junitReporter(sink, locale, (file) => optionsFor(file).rules ?? {})
    : opts.format === 'html' ? htmlReporter(sink, locale, { version: ver, generated: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', settings: globalRules })
    : textReporter(sink, locale);

  // The batch's text reports are the workspace of the cross-report rules (in this thread and every worker).
  const batch = opts.crossReport ? targets.filter((t) => t.kind === 'text').map((t) => t.file) : [];
  setBatch(batch);
  const bar = progress(targets.length);
  const jobs = opts.jobs ?? (targets.length >= POOL_THRESHOLD ? Math.max(1, availableParallelism()) : 1);
  await checkAll(targets.length, (i) => ({
    i, file: targets[i].file, kind: targets[i].kind,
    opts: { fix: opts.fix, analyze: optionsFor(targets[i].file), context: opts.format === 'html', locale },
  }), async (r, i) => {
    if (r.error) process.stderr.write(say(locale, r.file, r.error.message) + '\n');
    for (const n of r.notes) process.stderr.write(say(locale, r.file, n) + '\n');
    if (r.failed) failed = true;
    addToSummary(summary, r);
    reporter.file(r);
    bar.tick(i + 1);
    // Pipes are synchronous on Linux; elsewhere wait for the reader so that memory stays bounded.
    if (fd === null && process.stdout.writableLength > 1 << 20) await new Promise((res) => process.stdout.once('drain', res));
  }, { jobs, script: __filename, batch });
  bar.done();
  reporter.end(summary);
  if (fd !== null) {
    closeSync(fd);
    if (opts.format !== 'text') process.stdout.write(summaryLine(summary, locale));
  }
  if (failed || summary.unreadable || summary.tooLarge) return 2;
  return summary.errors > 0 ? 1 : 0;
}
