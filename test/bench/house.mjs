// The house issue's measurements (issue 17, "Done when"), for one or more builds side by side in one run:
//
//   BENCH_BUILDS=/work/before,/work/main node test/bench/house.mjs
//
// Each build is a checkout with dist/cli.js and dist/server.js built (`npm run build`, or
// `node esbuild.mjs --production` as `npm run bench` does: build every compared checkout the same way).
// Default: this checkout only. The inputs (the corpus texts, the seeds) come from this checkout, so every
// build checks the same files. Prints a Markdown table (one column per build), then one line of JSON.
// No assertions: docs/performance.md records a run.
//
// BENCH_SCALE (default 1) scales every size: 0.05 gives 5 open reports, a 100,000-character document and
// 50/100/150/250-file batches, for trying the bench out. BENCH_ROUNDS (default 1): CLI runs per size, median.
// HOUSE_PARTS=lsp or HOUSE_PARTS=cli runs one half; HOUSE_PARTS=roundtrip only the LSP round trip.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const PARTS = (process.env.HOUSE_PARTS ?? 'lsp,cli').split(',');
const scaled = (n, min = 1) => Math.max(min, Math.round(n * SCALE));

const OPEN_REPORTS = scaled(20, 5);
const TYPED_CHARS = 5;
const ROUND_TRIP_EDITS = scaled(200, 50);
const BIG_CHARS = scaled(2_000_000, 50_000);
const BIG_EDITS = 3;
const FOLDER_FILES = scaled(1000, 10);
const SCALING = [1, 2, 3]; // folders of FOLDER_FILES files: 1,000, 2,000, 3,000
const BATCH_FOLDERS = 5; // 5,000

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const fix = (x, d) => (x === null || x === undefined || Number.isNaN(x) ? null : +x.toFixed(d));
const ms = (x) => (x === null ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(x >= 10_000 ? 1 : 2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const mb = (bytes) => (bytes ? `${(bytes / 1048576).toFixed(0)} MB` : 'n/a');
const int = (n) => n.toLocaleString('en-US');
const sleep = (t) => new Promise((r) => setTimeout(r, t));

// ---- builds

function git(dir, args) {
  const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function describeBuild(dir) {
  const cli = join(dir, 'dist', 'cli.js');
  const server = join(dir, 'dist', 'server.js');
  if (!existsSync(cli) || !existsSync(server)) throw new Error(`${dir}: dist/cli.js or dist/server.js missing (run npm run build there)`);
  const commit = git(dir, ['rev-parse', '--short', 'HEAD']) || '?';
  const dirty = git(dir, ['status', '--porcelain', '--untracked-files=no']) !== '';
  // The CLI is started as its bin starts it (`ogi-report`): with the node options of its shebang line.
  const first = readFileSync(cli, 'utf8').split('\n', 1)[0];
  const shebangArgs = (line) => (line.startsWith('#!') ? line.replace(/^#!\S*env\s+(?:-S\s+)?node\s*/, '').split(/\s+/).filter(Boolean) : []);
  const cliExecArgv = shebangArgs(first);
  // The server too, with the node options of its bin's shebang (what the VS Code client passes; older builds: none there).
  const serverArgs = shebangArgs(readFileSync(server, 'utf8').split('\n', 1)[0]);
  const serverExecArgv = serverArgs.length ? serverArgs : ['--max-semi-space-size=1'];
  // esbuild.mjs writes source maps in a development build only (`--production` minifies, without maps).
  const kind = existsSync(`${server}.map`) ? 'development build' : 'production build';
  return { dir, cli, server, cliExecArgv, serverExecArgv, kind, commit: commit + (dirty ? '+' : ''), label: `${basename(dir)} ${commit}${dirty ? '+' : ''}` };
}

export function houseBuilds() {
  const list = (process.env.BENCH_BUILDS ?? ROOT).split(',').map((s) => s.trim()).filter(Boolean);
  return list.map((d) => describeBuild(resolve(d)));
}

// ---- inputs

const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const SEEDS = join(ROOT, 'test', 'fixtures', 'reports');

/** The real report texts of the corpus: the report files only, not the golden, model and FACTS files. */
export function corpusReports() {
  return readdirSync(CORPUS)
    .filter((f) => /\.(txt|md)$/.test(f) && !/\.(golden|model)\.txt$/.test(f) && f !== 'FACTS.md')
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(CORPUS, f), 'utf8') }));
}

function seedReports() {
  return readdirSync(SEEDS).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort().map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') }));
}

// Names put in front of a report's body: none ends in a division (省市区县州旗盟镇乡, 街道), so 东城洪泽区 is not
// read as a higher-level place above 洪泽区 and no two renamed reports are the same body.
const PLACES = ['东城', '西城', '南岗', '北湖', '青山', '白云', '金水', '玉泉', '长安', '新城', '临江', '平安', '永和', '宁远', '安乐', '丰泽'];

/**
 * `n` reports that no other one reads: the corpus and seed texts, each under a body name of its own (a
 * place put in front of the title's body), so that no two are one body's reports of the same or
 * consecutive years (the corpus has 洪泽区 2023 and 2024, 平潭 2021, 2022 and 2024).
 */
export function unrelatedReports(n) {
  const bases = [...corpusReports(), ...seedReports()];
  const out = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length];
    const place = PLACES[i % PLACES.length] + (i >= PLACES.length ? PLACES[(i + Math.floor(i / PLACES.length)) % PLACES.length] : '');
    const lines = base.text.split('\n');
    // The title: the first line of the opening that names a year; and the first line, where that is another
    // (the 上海市科委 extract has 正文 above its title, and the index takes 正文 for its body).
    const t = lines.findIndex((l, k) => k < 12 && /20\d\d\s*年/.test(l));
    const first = lines.findIndex((l) => l.trim() !== '');
    if (t < 0) throw new Error(`${base.name}: no title line`);
    for (const k of new Set([first, t])) lines[k] = lines[k].replace(/^([\s#*]*(?:20\d\d\s*年度?\s*)?)/, `$1${place}`);
    out.push({ name: `${String(i).padStart(2, '0')}-${base.name.replace(/\.(txt|md)$/, '')}`, text: lines.join('\n') });
  }
  return out;
}

// ---- language server
// Driven as VS Code's client drives it (vscode-languageclient 11 with its default options): the client
// declares pull diagnostics and refresh support, pulls a document when it is opened and after each change,
// re-pulls every open document when the server asks for a refresh, and, when the server declares
// inter-file dependencies, pulls the other open documents in the background after a change.

// As the VS Code client and the bin start it; BENCH_SERVER_NODE_ARGS adds node options (e.g. --cpu-prof).
const SERVER_EXTRA_ARGV = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const ANALYSIS_COUNT = 'ogiReport/analysisCount';
const REQUEST_TIMEOUT = 600_000;

function startServer(build) {
  const proc = spawn(process.execPath, [...build.serverExecArgv, ...SERVER_EXTRA_ARGV, build.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const s = {
    proc, conn, build, open: new Map(), epoch: 0, inflight: 0, lastActivity: performance.now(), closed: false,
    refreshes: 0, pulls: [], pushes: [], capabilities: {}, stderr: () => stderr,
  };
  const touch = () => { s.lastActivity = performance.now(); };
  conn.onRequest('workspace/configuration', (p) => { touch(); return p.items.map(() => ({})); });
  conn.onRequest('workspace/diagnostic/refresh', () => {
    touch();
    s.refreshes++;
    for (const uri of s.open.keys()) pull(s, uri).catch(() => undefined);
    return null;
  });
  conn.onRequest(() => { touch(); return null; }); // client/registerCapability, window/workDoneProgress/create, …
  conn.onNotification('textDocument/publishDiagnostics', (p) => { touch(); s.pushes.push({ uri: p.uri, epoch: s.epoch }); });
  conn.onNotification(() => touch());
  // A server that dies fails the measurement at once instead of leaving requests unanswered.
  s.exited = new Promise((_, reject) => proc.once('exit', (code, signal) => {
    s.closed = true;
    reject(new Error(`${build.label}: the server exited (${signal ?? code}): ${stderr.trim().slice(-600)}`));
  }));
  s.exited.catch(() => undefined);
  conn.listen();
  return s;
}

function request(s, method, params) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${method}: no answer in ${REQUEST_TIMEOUT / 1000} s`)), REQUEST_TIMEOUT); });
  return Promise.race([s.conn.sendRequest(method, params), timeout, s.exited]).finally(() => clearTimeout(timer));
}

async function initialize(s) {
  const r = await request(s, 'initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'zh-cn',
    capabilities: {
      textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
    },
  });
  s.capabilities = r?.capabilities ?? {};
  await s.conn.sendNotification('initialized', {});
}

async function pull(s, uri) {
  s.inflight++;
  s.pulls.push({ uri, epoch: s.epoch });
  try {
    return await request(s, 'textDocument/diagnostic', { textDocument: { uri } });
  } finally {
    s.inflight--;
    s.lastActivity = performance.now();
  }
}

async function openDoc(s, uri, text) {
  s.open.set(uri, { version: 1, text });
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 1, text } });
}

async function change(s, uri, range, text) {
  const doc = s.open.get(uri);
  doc.version++;
  s.epoch++;
  await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text }] });
}

/** Waits until the server has been silent for `quiet` ms with no pull in flight. */
async function settle(s, quiet) {
  const limit = performance.now() + REQUEST_TIMEOUT;
  while (performance.now() < limit) {
    await sleep(50);
    if (s.closed) await s.exited;
    if (s.inflight === 0 && performance.now() - s.lastActivity >= quiet) return;
  }
}

/** The server's own count (`ogiReport/analysisCount`: `{ count, byUri }`), or null where the build has none. */
async function analysisCount(s) {
  try {
    const r = await request(s, ANALYSIS_COUNT, {});
    if (!r || typeof r.count !== 'number') return null;
    let byUri = r.byUri ?? null;
    if (Array.isArray(byUri)) byUri = Object.fromEntries(byUri.map((e) => (Array.isArray(e) ? e : [e.uri, e.count])));
    return { count: r.count, byUri };
  } catch {
    return null;
  }
}

function peakRss(pid) {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function stopServer(s) {
  try {
    await Promise.race([s.conn.sendRequest('shutdown'), sleep(5000)]);
    await s.conn.sendNotification('exit');
  } catch { /* gone */ }
  await Promise.race([new Promise((r) => s.proc.once('exit', r)), sleep(2000)]);
  s.conn.dispose();
  if (s.proc.exitCode === null) s.proc.kill();
}

const uriOf = (name) => `file:///bench/house/${name}.txt`;
const HEADING = /^[\s#*]*[一二三四五六七八九十]+[\s]*[、.．]/;
/** The line of the first section heading (一、): edits below it change no report's identity (body and year). */
const bodyStart = (lines) => Math.max(0, lines.findIndex((l) => /^[\s#*]*一[\s]*[、.．]/.test(l)));

/**
 * 1. Typing in one of OPEN_REPORTS unrelated open reports: how many times are the others analysed again?
 * Counted by the server where it answers `ogiReport/analysisCount`; otherwise estimated from what the client
 * sees: each other report pulled (or pushed) after an edit counts once per edit it follows — exact for a
 * server whose cache is keyed on a global generation (every edit makes every cached analysis stale),
 * an upper bound for any other.
 */
async function typingInOne(build) {
  const docs = unrelatedReports(OPEN_REPORTS).map((d) => ({ uri: uriOf(d.name), text: d.text }));
  const s = startServer(build);
  try {
    await initialize(s);
    for (const d of docs) {
      await openDoc(s, d.uri, d.text);
      await pull(s, d.uri);
    }
    await settle(s, 1000);
    const before = await analysisCount(s);
    const mark = { pulls: s.pulls.length, pushes: s.pushes.length, refreshes: s.refreshes };

    // Type TYPED_CHARS characters, 150 ms apart, into a sentence of prose of the first report (before the
    // full stop of the first long line of the body that is neither a heading nor a table row).
    const edited = docs[0].uri;
    const lines = docs[0].text.split('\n');
    const line = lines.findIndex((l, k) => k > bodyStart(lines) && l.length >= 30 && l.includes('。') && !/[\t|]/.test(l) && !HEADING.test(l));
    if (line < 0) throw new Error('no line of prose to type in');
    const col = lines[line].lastIndexOf('。');
    for (let k = 0; k < TYPED_CHARS; k++) {
      const t0 = performance.now();
      const at = { line, character: col + k };
      await change(s, edited, { start: at, end: at }, '的');
      await pull(s, edited);
      await sleep(Math.max(0, 150 - (performance.now() - t0)));
    }
    if (s.capabilities.diagnosticProvider?.interFileDependencies) {
      for (const d of docs.slice(1)) await pull(s, d.uri).catch(() => undefined); // VS Code logs a failed pull and goes on
    }
    await settle(s, 1500);
    const after = await analysisCount(s);
    const rss = peakRss(s.proc.pid);

    const pulls = s.pulls.slice(mark.pulls).filter((p) => p.uri !== edited);
    const pushes = s.pushes.slice(mark.pushes).filter((p) => p.uri !== edited);
    const stale = new Set([...pulls, ...pushes].map((p) => `${p.uri} ${p.epoch}`));
    let others = null;
    let method = 'client estimate';
    if (before && after) {
      if (before.byUri && after.byUri) {
        // Keys may be URIs (encoded or not) or paths; a report missing from the map was not analysed.
        const decode = (k) => { try { return decodeURIComponent(k); } catch { return k; } };
        const key = (m, uri) => Object.keys(m).find((k) => k === uri || decode(k) === uri || k === fileURLToPath(uri));
        const delta = (uri) => { const k = key(after.byUri, uri); return k === undefined ? 0 : after.byUri[k] - (before.byUri[k] ?? 0); };
        if (key(after.byUri, edited) !== undefined) {
          others = docs.slice(1).reduce((n, d) => n + delta(d.uri), 0);
          method = 'server count';
        }
      }
      if (others === null) {
        // No per-report figures (or none under a recognisable key): the total, less the edited report's
        // analyses (at most one per edit).
        others = Math.max(0, after.count - before.count - TYPED_CHARS);
        method = 'server total − edits';
      }
    }
    return {
      reports: docs.length, typed: TYPED_CHARS, method,
      otherAnalyses: others ?? stale.size,
      clientEstimate: stale.size,
      analysesTotal: before && after ? after.count - before.count : null,
      refreshesAfterEdit: s.refreshes - mark.refreshes,
      otherPulls: pulls.length, otherPushes: pushes.length,
      interFileDependencies: !!s.capabilities.diagnosticProvider?.interFileDependencies,
      serverRss: rss,
    };
  } finally {
    await stopServer(s);
  }
}

/** 2. The round trip didChange → textDocument/diagnostic on a seed-size report, alone in the editor. */
async function roundTrip(build, text, edits) {
  const s = startServer(build);
  try {
    await initialize(s);
    const uri = uriOf('seed');
    await openDoc(s, uri, text);
    await pull(s, uri);
    await settle(s, 300);
    const lines = text.split('\n');
    const start = bodyStart(lines) + 1;
    const times = [];
    const cpu = []; // the server's main thread's CPU time per round trip (Linux): what load on other cores does not inflate
    for (let i = 0; i < edits; i++) {
      // Type one character at the end of a line of the body (prose, table rows), then delete it on the next edit.
      const line = start + ((i - (i % 2)) * 7) % (lines.length - start);
      const ch = lines[line].length;
      const range = i % 2 === 0 ? { start: { line, character: ch }, end: { line, character: ch } } : { start: { line, character: ch }, end: { line, character: ch + 1 } };
      const c0 = threadCpu(s.proc.pid);
      const t0 = performance.now();
      await change(s, uri, range, i % 2 === 0 ? '1' : '');
      await pull(s, uri);
      times.push(performance.now() - t0);
      const c1 = threadCpu(s.proc.pid);
      if (c0 !== null && c1 !== null) cpu.push(c1 - c0);
    }
    // The edits that make a text the server has not seen (every other edit: a character typed, not deleted).
    const typed = times.filter((_, i) => i % 2 === 0);
    return {
      edits, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), times,
      typed: { p50: pct(typed, 50), p95: pct(typed, 95) },
      cpu: cpu.length ? { p50: pct(cpu, 50), p95: pct(cpu, 95), p99: pct(cpu, 99) } : null,
    };
  } finally {
    await stopServer(s);
  }
}

/** CPU time of a process's main thread so far, in ms (`/proc/PID/task/PID/schedstat`, ns on the CPU), or null. */
function threadCpu(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** 3. A document of BIG_CHARS characters: open to first diagnostics, then each edit to its diagnostics. */
async function bigDocument(build, text) {
  const s = startServer(build);
  try {
    await initialize(s);
    const uri = uriOf('big');
    let t0 = performance.now();
    await openDoc(s, uri, text);
    await pull(s, uri);
    const open = performance.now() - t0;
    const lines = text.split('\n');
    // A line with text on it, so that replacing its first character replaces one (on an empty line the
    // range would clamp to an insertion and the document would grow past the cap).
    let line = Math.floor(lines.length / 2);
    while (line < lines.length - 1 && lines[line].replace(/\r$/, '').length === 0) line++;
    const times = [];
    for (let i = 0; i < BIG_EDITS; i++) {
      // Replace one character, so the document stays at BIG_CHARS: one more and the engine's size cap
      // (2,000,000 characters) would answer with one "too large" finding instead of an analysis.
      t0 = performance.now();
      await change(s, uri, { start: { line, character: 0 }, end: { line, character: 1 } }, i % 2 ? '的' : '地');
      await pull(s, uri);
      times.push(performance.now() - t0);
    }
    return { chars: text.length, open, median: median(times), max: Math.max(...times), serverRss: peakRss(s.proc.pid) };
  } finally {
    await stopServer(s);
  }
}

// ---- command line

const MDL = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

/** Runs a command with stdout to /dev/null; wall time and peak RSS (VmHWM, all threads) of the process. */
function timeCommand(args, { capture = false } = {}) {
  const rssFile = join(tmpdir(), `ogi-house-rss-${process.pid}.txt`);
  const devNull = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT, stdio: ['ignore', capture ? 'pipe' : devNull, 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: `--require ${join(ROOT, 'test', 'bench', 'max-rss.cjs')}`, OGI_BENCH_RSS: rssFile },
  });
  const t = performance.now() - t0;
  closeSync(devNull);
  let rss = null;
  try { rss = Number(readFileSync(rssFile, 'utf8')) * 1024; rmSync(rssFile); } catch { /* no figure */ }
  return { t, rss, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function checkRun(build, paths, crossReport) {
  const args = [...build.cliExecArgv, build.cli, 'check', '--format', 'json', ...(crossReport ? [] : ['--no-cross-report']), ...paths];
  const r = timeCommand(args);
  if (r.status === null || r.status > 1) throw new Error(`${build.label}: ogi-report check failed (${r.status}): ${r.stderr.slice(0, 300)}`);
  return r;
}

/** The files of a batch: the corpus texts round-robin, under distinct names, FOLDER_FILES to a folder. */
function writeBatch(dir, folders) {
  const texts = corpusReports();
  const paths = [];
  let i = 0;
  for (let f = 0; f < folders; f++) {
    const sub = join(dir, `d${f}`);
    mkdirSync(sub);
    for (let k = 0; k < FOLDER_FILES; k++, i++) {
      const { name, text } = texts[i % texts.length];
      writeFileSync(join(sub, name.replace(/\.(txt|md)$/, `-${String(i).padStart(5, '0')}.$1`)), text);
    }
    paths.push(sub);
  }
  return paths;
}

/** Whether the build has `--no-cross-report`, and whether it reads every file of the batch as a report. */
function probe(build, dir) {
  const folder = join(dir, 'probe');
  mkdirSync(folder);
  const texts = corpusReports();
  texts.forEach(({ name, text }, i) => writeFileSync(join(folder, name.replace(/\.(txt|md)$/, `-${String(i).padStart(5, '0')}.$1`)), text));
  const run = (extra) => spawnSync(process.execPath, [...build.cliExecArgv, build.cli, 'check', '--format', 'json', ...extra, folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const on = run([]);
  let checked = null;
  try { checked = ((j) => (Array.isArray(j) ? j : j.files))(JSON.parse(on.stdout)).filter((e) => !e.error).length; } catch { /* not JSON */ }
  const off = run(['--no-cross-report']);
  rmSync(folder, { recursive: true, force: true });
  return { noCrossReport: off.status === 0 || off.status === 1, checked, expected: texts.length };
}

function cliSection(builds) {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-house-'));
  try {
    const folders = writeBatch(dir, BATCH_FOLDERS);
    writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{}');
    const results = builds.map((b) => ({ ...probe(b, dir), scaling: [], batch: null }));
    results.forEach((r, i) => {
      if (r.checked !== r.expected) console.error(`house: ${builds[i].label} checked ${r.checked} of the ${r.expected} corpus texts as reports`);
    });
    // Builds alternate their order from one measurement to the next, so that none always runs on a warm cache.
    const order = (k) => (k % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => builds.length - 1 - i));
    SCALING.forEach((n, k) => {
      const paths = folders.slice(0, n);
      const files = n * FOLDER_FILES;
      const on = builds.map(() => []);
      const off = builds.map(() => []);
      const rss = builds.map(() => 0);
      for (let round = 0; round < ROUNDS; round++) {
        for (const i of order(k + round)) {
          const r = checkRun(builds[i], paths, true);
          on[i].push(r.t);
          rss[i] = Math.max(rss[i], r.rss ?? 0);
          if (results[i].noCrossReport) off[i].push(checkRun(builds[i], paths, false).t);
        }
      }
      builds.forEach((_, i) => results[i].scaling.push({
        files, ms: median(on[i]), perFile: median(on[i]) / files,
        offMs: off[i].length ? median(off[i]) : null, offPerFile: off[i].length ? median(off[i]) / files : null, rss: rss[i],
      }));
    });
    // 5,000 files, every rule, beside markdownlint-cli2 on the same files.
    const files = BATCH_FOLDERS * FOLDER_FILES;
    const ours = builds.map(() => []);
    const rss = builds.map(() => 0);
    const peer = [];
    let linted = null;
    for (let round = 0; round < ROUNDS; round++) {
      const seq = order(round);
      seq.forEach((i, pos) => {
        const r = checkRun(builds[i], [dir], true);
        ours[i].push(r.t);
        rss[i] = Math.max(rss[i], r.rss ?? 0);
        if (pos === Math.floor((seq.length - 1) / 2)) {
          const p = timeCommand([MDL, join(dir, '**', '*.{txt,md}')], { capture: true });
          if (p.status === null || p.status > 1) throw new Error(`markdownlint-cli2 failed (${p.status}): ${p.stderr.slice(0, 300)}`);
          peer.push(p.t);
          linted = Number(/Linting:\s*(\d+)/.exec(p.stdout + p.stderr)?.[1] ?? NaN);
        }
      });
    }
    if (linted !== files) console.error(`house: markdownlint-cli2 linted ${linted} files, not ${files}`);
    builds.forEach((_, i) => { results[i].batch = { files, ms: median(ours[i]), perSecond: files / (median(ours[i]) / 1000), rss: rss[i], peerRatio: median(ours[i]) / median(peer) }; });
    return { results, peer: { files, linted, ms: median(peer), perSecond: files / (median(peer) / 1000) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- report

function table(builds, lsp, cli) {
  const rows = [];
  const row = (what, cells, target) => rows.push([what, ...cells, target]);
  const each = (f) => builds.map((_, i) => f(i));
  if (lsp) {
    const t = lsp.map((x) => x.typing);
    row(`LSP: typing ${t[0].typed} characters in 1 of ${t[0].reports} open unrelated reports: analyses of the other ${t[0].reports - 1}`,
      each((i) => `**${t[i].otherAnalyses}** (${t[i].method}${t[i].method === 'client estimate' ? '' : `; client estimate ${t[i].clientEstimate}`})`), '0');
    row('LSP: diagnostic refreshes the server asked for after the edits', each((i) => `${t[i].refreshesAfterEdit === 0 ? '**none**' : `**${t[i].refreshesAfterEdit}**`} (client pulled the others ${t[i].otherPulls}×${t[i].otherPushes ? `, ${t[i].otherPushes} pushes` : ''})`), 'none');
    const r = lsp.map((x) => x.roundTrip);
    row(`LSP: diagnostics round trip after an edit, seed size (${r[0].edits} edits)`, each((i) => `p50 ${ms(r[i].p50)}, **p95 ${ms(r[i].p95)}**, p99 ${ms(r[i].p99)}`), 'p95 ≤ 5 ms');
    row('LSP: the same, the typing edits alone (a new text each; the other half delete what was typed)', each((i) => `p50 ${ms(r[i].typed.p50)}, **p95 ${ms(r[i].typed.p95)}**`), '—');
    if (r.every((x) => x.cpu)) row('LSP: the server main thread\'s CPU time per round trip (same edits)', each((i) => `p50 ${ms(r[i].cpu.p50)}, **p95 ${ms(r[i].cpu.p95)}**, p99 ${ms(r[i].cpu.p99)}`), '—');
    const g = lsp.map((x) => x.big);
    row(`LSP: ${int(g[0].chars)}-character document, per analysis after an edit (${BIG_EDITS} edits)`, each((i) => `**${ms(g[i].median)}** (max ${ms(g[i].max)}; open ${ms(g[i].open)})`), '≤ 2 s');
    row(`LSP server peak RSS (${t[0].reports} reports / the large document)`, each((i) => `${mb(t[i].serverRss)} / ${mb(g[i].serverRss)}`), '—');
  }
  if (cli) {
    const c = cli.results;
    for (let k = 0; k < SCALING.length; k++) {
      row(`CLI, corpus texts repeated to ${int(c[0].scaling[k].files)} files: time per file, cross-report index on (off)`,
        each((i) => `**${ms(c[i].scaling[k].perFile)}** (off: ${c[i].noCrossReport ? ms(c[i].scaling[k].offPerFile) : 'n/a'})`), '—');
    }
    const last = SCALING.length - 1;
    const [n0, n1] = [c[0].scaling[0].files, c[0].scaling[last].files];
    row(`CLI: time per file at ${int(n1)} ÷ at ${int(n0)}`, each((i) => `**${(c[i].scaling[last].perFile / c[i].scaling[0].perFile).toFixed(2)}×**`), '≤ 1.3×');
    row(`CLI: ${int(n1)} files, index on ÷ off`, each((i) => (c[i].noCrossReport ? `**${(c[i].scaling[last].ms / c[i].scaling[last].offMs).toFixed(2)}×**` : 'n/a (no --no-cross-report)')), '≤ 1.5×');
    row(`CLI peak RSS at ${int(n1)} files`, each((i) => mb(c[i].scaling[last].rss)), '—');
    row(`CLI, the same texts unmodified, ${int(cli.peer.files)} files, every rule`, each((i) => `${ms(c[i].batch.ms)}: **${int(Math.round(c[i].batch.perSecond))} reports/s**, ${c[i].batch.peerRatio.toFixed(3)}× markdownlint-cli2's time, peak RSS ${mb(c[i].batch.rss)}`), '≥ 1,000 /s');
    row(`markdownlint-cli2 on the same ${int(cli.peer.files)} files (same run)`, each(() => `${ms(cli.peer.ms)}: ${int(Math.round(cli.peer.perSecond))} files/s`), '—');
  }
  const head = ['what', ...builds.map((b) => b.label), 'target'];
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

export async function runHouse() {
  const builds = houseBuilds();
  console.log(`\nHouse issue (17): ${builds.map((b) => `${b.label} (${b.dir}, ${b.kind}, server ${b.serverExecArgv.join(' ')})`).join(' vs ')}; machine ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, scale ${SCALE}, rounds ${ROUNDS}`);
  let lsp = null;
  let cli = null;
  if (PARTS.includes('roundtrip') && !PARTS.includes('lsp')) {
    const seed = readFileSync(join(SEEDS, '000_eefba31524fbc4b6.txt'), 'utf8');
    for (const b of builds) {
      const r = await roundTrip(b, seed, ROUND_TRIP_EDITS);
      const late = r.times.slice(50);
      console.log(`${b.label}: round trip (${r.edits} edits) p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}; the typing edits alone p50 ${ms(r.typed.p50)}, p95 ${ms(r.typed.p95)}; after the first 50 edits p50 ${ms(pct(late, 50))}, p95 ${ms(pct(late, 95))}`
        + (r.cpu ? `; server main-thread CPU per round trip p50 ${ms(r.cpu.p50)}, p95 ${ms(r.cpu.p95)}, p99 ${ms(r.cpu.p99)}` : ''));
    }
  }
  if (PARTS.includes('lsp')) {
    const seed = readFileSync(join(SEEDS, '000_eefba31524fbc4b6.txt'), 'utf8');
    const big = seed.repeat(Math.ceil(BIG_CHARS / (seed.length + 1)) + 1).slice(0, BIG_CHARS);
    lsp = builds.map(() => ({}));
    // Each measurement runs every build before the next measurement, in alternating order.
    const order = (k) => (k % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => builds.length - 1 - i));
    for (const i of order(0)) lsp[i].typing = await typingInOne(builds[i]);
    for (const i of order(1)) lsp[i].roundTrip = await roundTrip(builds[i], seed, ROUND_TRIP_EDITS);
    for (const i of order(2)) lsp[i].big = await bigDocument(builds[i], big);
  }
  if (PARTS.includes('cli')) cli = cliSection(builds);
  table(builds, lsp, cli);
  const json = builds.map((b, i) => ({
    dir: b.dir, commit: b.commit,
    ...(lsp ? {
      lsp: {
        reports: lsp[i].typing.reports, otherAnalyses: lsp[i].typing.otherAnalyses, countedBy: lsp[i].typing.method, clientEstimate: lsp[i].typing.clientEstimate,
        refreshesAfterEdit: lsp[i].typing.refreshesAfterEdit, otherPulls: lsp[i].typing.otherPulls,
        roundTripP50Ms: fix(lsp[i].roundTrip.p50, 2), roundTripP95Ms: fix(lsp[i].roundTrip.p95, 2), roundTripP99Ms: fix(lsp[i].roundTrip.p99, 2),
        roundTripTypedP95Ms: fix(lsp[i].roundTrip.typed.p95, 2),
        roundTripCpuP95Ms: lsp[i].roundTrip.cpu ? fix(lsp[i].roundTrip.cpu.p95, 2) : null,
        bigChars: lsp[i].big.chars, bigOpenMs: Math.round(lsp[i].big.open), bigEditMedianMs: Math.round(lsp[i].big.median), bigEditMaxMs: Math.round(lsp[i].big.max),
        serverRssMB: lsp[i].typing.serverRss ? fix(lsp[i].typing.serverRss / 1048576, 1) : null, bigServerRssMB: lsp[i].big.serverRss ? fix(lsp[i].big.serverRss / 1048576, 1) : null,
      },
    } : {}),
    ...(cli ? {
      cli: {
        noCrossReport: cli.results[i].noCrossReport,
        scaling: cli.results[i].scaling.map((x) => ({ files: x.files, msPerFile: fix(x.perFile, 3), offMsPerFile: fix(x.offPerFile, 3), rssMB: fix(x.rss / 1048576, 1) })),
        perFileRatio: fix(cli.results[i].scaling.at(-1).perFile / cli.results[i].scaling[0].perFile, 3),
        onOffRatio: cli.results[i].noCrossReport ? fix(cli.results[i].scaling.at(-1).ms / cli.results[i].scaling.at(-1).offMs, 3) : null,
        batchFiles: cli.results[i].batch.files, reportsPerSecond: Math.round(cli.results[i].batch.perSecond), peerRatio: fix(cli.results[i].batch.peerRatio, 3), batchRssMB: fix(cli.results[i].batch.rss / 1048576, 1),
      },
    } : {}),
  }));
  console.log(JSON.stringify({ house: { scale: SCALE, rounds: ROUNDS, builds: json, ...(cli ? { peer: { files: cli.peer.files, ms: Math.round(cli.peer.ms), filesPerSecond: Math.round(cli.peer.perSecond) } } : {}) } }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runHouse().catch((err) => { console.error(`house: ${err.stack ?? err.message}`); process.exit(1); });
}
