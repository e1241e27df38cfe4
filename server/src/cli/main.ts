/**
 * `ogi-report check|extract`: expands the inputs, finds each file's configuration, checks the files
 * across worker threads and streams the chosen format in input order. Exit 0: no errors; 1: errors;
 * 2: a usage error, or a file that could not be read, was too large to check fully, timed out, or could
 * not be fixed (one line on stderr each; the other files are still checked). Never prints a stack trace.
 * `--output` never replaces a file the user made (cli/output-guard.ts).
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { RuleSetting } from '../service/analyze';
import { effectiveOptions } from '../service/config';
import { msg } from '../base/msg';
import { isSourceError, readSource } from '../sources';
import { LoadedConfig, createConfigFinder, loadConfigFile } from '../config';
import { HELP, Options, USAGE, UsageError, parseArgs } from './args';
import { htmlReporter } from './html';
import { Reporter, Sink, addToSummary, fixedLine, jsonReporter, junitReporter, newSummary, sarifReporter, say, summaryLine, textReporter } from './output';
import { checkOutput, fileId } from './output-guard';
import { readRegular } from './safe-read';
import { shownName } from './names';
import { checkAll } from './pool';
import { setBatch } from './check';
import { expandInputs } from './walk';
import { randomUUID } from 'node:crypto';
import { batchCollector, csvReporter, summaryText } from './batch-summary';
import { LoadedBaseline, LoadedLedger, applyBaseline, applyLedger, loadBaseline, loadLedger } from './review';

/** Below this many files the start-up of worker threads costs more than it saves. */
const POOL_THRESHOLD = 64;

function version(): string {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function extract(opts: Options): Promise<number> {
  let code = 0;
  for (const file of opts.inputs) {
    const bytes = readRegular(file);
    if (!Buffer.isBuffer(bytes)) {
      process.stderr.write(say(opts.locale, file, bytes.message) + '\n');
      code = 2;
      continue;
    }
    const source = await readSource(file, bytes);
    if (isSourceError(source)) {
      process.stderr.write(say(opts.locale, file, source.error.message) + '\n');
      code = 2;
      continue;
    }
    if (opts.inputs.length > 1) process.stdout.write(`==> ${shownName(file)} <==\n`);
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

/** Writes `--summary-file`, never over a file that is not an earlier output. */
function writeSummaryFile(file: string, content: string, locale: Options['locale']): boolean {
  const verdict = checkOutput(file);
  if (!verdict.ok) {
    process.stderr.write(say(locale, file, verdict.reason) + '\n');
    return false;
  }
  try {
    writeFileSync(file, content);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(say(locale, file, msg(`无法写入（${code}）`, `cannot write (${code})`)) + '\n');
    return false;
  }
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
    // Deprecated forms still work: one line each, and the run does not fail for them.
    for (const w of c.warnings) process.stderr.write(say(locale, c.path, w) + '\n');
  };
  const explicit = opts.config ? loadConfigFile(opts.config) : null;
  if (explicit?.fatal) {
    reportProblems(explicit);
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  // The review ledger and the baseline: read once; a file that cannot be used at all is a usage error.
  let ledger: LoadedLedger | null = null;
  let baseline: LoadedBaseline | null = null;
  for (const [file, load] of [[opts.review, loadLedger], [opts.baseline, loadBaseline]] as const) {
    if (!file) continue;
    const loaded = load(file);
    if (!('byReport' in loaded)) {
      process.stderr.write(say(locale, file, loaded) + '\n' + USAGE + '\n');
      return 2;
    }
    const parsed = 'ledger' in loaded ? loaded.ledger : loaded.baseline;
    for (const w of parsed.warnings) process.stderr.write(say(locale, file, w) + '\n');
    for (const p of parsed.problems) { process.stderr.write(say(locale, file, p) + '\n'); failed = true; }
    if ('ledger' in loaded) ledger = loaded;
    else baseline = loaded as LoadedBaseline;
  }
  const finder = createConfigFinder();
  const configFor = (file: string) => { const c = explicit ?? finder(file); reportProblems(c); return c; };
  const optionsFor = (file: string) => effectiveOptions({}, configFor(file)?.config ?? null, opts.rules);

  const expansion = expandInputs(opts.inputs, (file) => configFor(file)?.isIgnored(file) ?? false, (file) => configFor(file)?.config.images === true);
  for (const g of expansion.unmatched) {
    process.stderr.write(say(locale, g, msg('没有匹配的文件', 'matches no file')) + '\n');
    failed = true;
  }
  for (const d of expansion.empty) {
    const n = expansion.pictures.get(d);
    process.stderr.write(say(locale, d, n ? msg(`目录中没有报告文件（有 ${n} 张图片：在配置文件中写 "images": true 可识别图片）`, `folder holds no report file (it has ${n} pictures: write "images": true in the configuration to read them)`) : msg('目录中没有报告文件', 'folder holds no report file')) + '\n');
    failed = true;
  }
  for (const x of expansion.special) {
    process.stderr.write(say(locale, x.file, x.reason) + '\n');
    if (x.explicit) failed = true;
  }
  // The output may replace only a new or empty file or an earlier output; an earlier output being
  // replaced is not a report to check, even when it lies in the checked folder (same device and inode).
  let targets = expansion.targets;
  let fd: number | null = null;
  if (opts.output) {
    const verdict = checkOutput(opts.output);
    if (!verdict.ok) {
      process.stderr.write(say(locale, opts.output, verdict.reason) + '\n');
      return 2;
    }
    if (verdict.id) targets = targets.filter((t) => fileId(t.file) !== verdict.id);
    try {
      fd = openSync(opts.output, 'w');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      process.stderr.write(say(locale, opts.output, msg(`无法写入（${code}）`, `cannot write (${code})`)) + '\n');
      return 2;
    }
  }
  const sink: Sink = fd !== null ? (s) => { writeSync(fd!, s); } : (s) => { process.stdout.write(s); };
  const ver = version();
  const summary = newSummary(ver);
  summary.skipped = expansion.skipped;
  summary.ignored = expansion.ignored;
  if (baseline) summary.baseline = { new: 0, absent: 0 };
  const globalRules = effectiveOptions({}, explicit?.config ?? null, opts.rules).rules as Record<string, RuleSetting | undefined>;
  const reporter: Reporter =
    opts.format === 'json' ? jsonReporter(sink, locale, { version: ver })
    : opts.format === 'sarif' ? sarifReporter(sink, locale, { version: ver, commandLine: ['ogi-report', ...argv].join(' '), guid: randomUUID(), ...(baseline?.baseline.guid ? { baselineGuid: baseline.baseline.guid } : {}) })
    : opts.format === 'junit' ? junitReporter(sink, locale, (file) => optionsFor(file).rules ?? {})
    : opts.format === 'csv' ? csvReporter(sink, locale)
    : opts.format === 'html' ? htmlReporter(sink, locale, { version: ver, generated: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', settings: globalRules, ledger: ledger ? [...ledger.ledger.entries.values()] : [], baseline: !!baseline })
    : textReporter(sink, locale);

  // The batch's text reports are the workspace of the cross-report rules (in this thread and every worker).
  const batch = opts.crossReport ? targets.filter((t) => t.kind === 'text').map((t) => t.file) : [];
  setBatch(batch);
  const batchSummary = opts.summary || opts.summaryFile ? batchCollector(locale) : null;
  const bar = progress(targets.length);
  const jobs = opts.jobs ?? (targets.length >= POOL_THRESHOLD ? Math.max(1, availableParallelism()) : 1);
  await checkAll(targets.length, (i) => ({
    i, file: targets[i].file, kind: targets[i].kind,
    opts: { fix: opts.fix, force: opts.force, mayskip: !targets[i].explicit, analyze: optionsFor(targets[i].file), context: opts.format === 'html', locale },
  }), async (r, i) => {
    if (r.error) process.stderr.write(say(locale, r.file, r.error.message) + '\n');
    for (const n of r.notes) process.stderr.write(say(locale, r.file, n) + '\n');
    if (r.failed) failed = true;
    if (r.status === 'skipped') summary.skipped++;
    else {
      if (ledger) applyLedger(r, ledger);
      if (baseline) applyBaseline(r, baseline);
      addToSummary(summary, r);
      batchSummary?.add(r);
      reporter.file(r);
      // The text format says what --fix changed among its findings; the others on stderr.
      if (r.fixed && (opts.format !== 'text' || fd !== null)) process.stderr.write(fixedLine(r, locale) + '\n');
    }
    bar.tick(i + 1);
    // Pipes are synchronous on Linux; elsewhere wait for the reader so that memory stays bounded.
    if (fd === null && process.stdout.writableLength > 1 << 20) await new Promise((res) => process.stdout.once('drain', res));
  }, { jobs, script: __filename, batch, timeoutMs: opts.timeout * 1000 });
  bar.done();
  reporter.end(summary);
  if (batchSummary) {
    const result = batchSummary.result();
    if (opts.summary) {
      const table = summaryText(result, locale);
      if (opts.format === 'text' && fd === null) sink(table);
      else process.stderr.write(table);
    }
    if (opts.summaryFile && !writeSummaryFile(opts.summaryFile, JSON.stringify({ generator: 'ogi-report', version: ver, ...result }, null, 1) + '\n', locale)) failed = true;
  }
  if (fd !== null) {
    closeSync(fd);
    if (opts.format !== 'text') process.stdout.write(summaryLine(summary, locale));
  }
  if (failed || summary.unreadable || summary.tooLarge || summary.timedOut) return 2;
  return summary.errors > 0 ? 1 : 0;
}
