// npm run bench: speed, scaling, latency, cold start, size and memory, measured in one run on this machine
// and reported against a peer (markdownlint-cli2) measured in the same run. Prints a table, then one line
// of JSON. No test asserts on these numbers; docs/performance.md records a run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runHouse } from './house.mjs';
import { benchOcr, ocrRow } from './ocr.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const FILES = Number(process.env.BENCH_FILES ?? 10000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
// BENCH_ONLY=cli measures the command line only (sections 1 and 1b); BENCH_ONLY=house runs only the house
// issue's measurements (test/bench/house.mjs, for the builds in BENCH_BUILDS), which otherwise run last.
const ONLY = process.env.BENCH_ONLY ?? '';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function corpus() {
  const dirs = [join(ROOT, 'test', 'fixtures', 'reports'), join(ROOT, 'test', 'fixtures', 'matrix')];
  const texts = [];
  for (const d of dirs) for (const f of readdirSync(d)) if (/^(\d{3}_[0-9a-f]+|\d{4}-\w+)\.txt$/.test(f)) texts.push(readFileSync(join(d, f), 'utf8'));
  for (const rule of readdirSync(join(ROOT, 'test', 'fixtures', 'rules'))) {
    for (const f of readdirSync(join(ROOT, 'test', 'fixtures', 'rules', rule))) if (/^(valid|invalid)-[^.]+\.txt$/.test(f)) texts.push(readFileSync(join(ROOT, 'test', 'fixtures', 'rules', rule, f), 'utf8'));
  }
  return texts;
}


// ---- 1. CLI on 10,000 text reports against markdownlint-cli2, with peak RSS
// Two batches from the corpus (seeds, format matrix, rule fixtures), made by a seeded generator:
// - 'published': as a supervisor's batch looks: each report under a body's name (240 names), figures
//   as the corpus has them (the rule fixtures carry their one defect each), and one
//   report in ten with one figure mistyped (±1), the commonest published error;
// - 'stress': every figure of every table line moved by up to ±3, so that nearly every identity of
//   every table is broken (about 40 findings per report, the error localization at its worst).
const PLACES = ['东城', '西城', '南岗', '北湖', '青山', '白云', '金水', '玉泉', '长安', '新城', '临江', '平安', '永和', '宁远', '安乐', '丰泽'];
function published(text, rng, i) {
  const lines = text.split('\n');
  const a = i % PLACES.length;
  const place = PLACES[a] + PLACES[(a + 1 + (Math.floor(i / PLACES.length) % (PLACES.length - 1))) % PLACES.length];
  const title = lines.findIndex((l, k) => k < 6 && /人民政府|办公室|局|委员会/.test(l));
  if (title >= 0) lines[title] = lines[title].replace(/(人民政府|办公室|局|委员会)/, `${place}$1`);
  if (rng() < 0.1) {
    const rows = lines.map((l, k) => (/[\t|]/.test(l) && /\d/.test(l) ? k : -1)).filter((k) => k >= 0);
    if (rows.length) {
      const k = rows[Math.floor(rng() * rows.length)];
      const figures = [...lines[k].matchAll(/(?<![\d.])\d{1,5}(?![\d.])/g)];
      const f = figures[Math.floor(rng() * figures.length)];
      if (f) lines[k] = lines[k].slice(0, f.index) + String(Number(f[0]) + 1) + lines[k].slice(f.index + f[0].length);
    }
  }
  return lines.join('\n');
}
function varied(text, rng) {
  return text.split('\n').map((line) => (/[\t|]/.test(line) ? line.replace(/(?<![\d.])\d{1,5}(?![\d.])/g, (n) => String(Math.max(0, Number(n) + Math.floor(rng() * 7) - 3))) : line)).join('\n');
}
function mulberry32(seed) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

// The CLI is started as its bin starts it (`ogi-report`): with the node options of its shebang line.
const CLI = join(ROOT, 'dist', 'cli.js');
const CLI_EXEC_ARGV = (() => {
  try {
    const first = readFileSync(CLI, 'utf8').split('\n', 1)[0];
    return first.replace(/^#!\S*env\s+(?:-S\s+)?node\s*/, '').split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
})();

// Runs a command and returns its wall time and peak RSS (the whole process, all threads).
function timeCommand(cmd, args, { allowUnreadable = false } = {}) {
  const out = join(tmpdir(), `ogi-bench-rss-${process.pid}.txt`);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 2048 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: `--require ${join(ROOT, 'test', 'bench', 'max-rss.cjs')}`, OGI_BENCH_RSS: out } });
  const t = performance.now() - t0;
  if (r.status === null || r.status > 2 || (r.status === 2 && !allowUnreadable && !/markdownlint/.test(args.join(' ')))) throw new Error(`${cmd} ${args[0]} failed: ${r.stderr.slice(0, 300)}`);
  let rss = null;
  try { rss = Number(readFileSync(out, 'utf8')) * 1024; rmSync(out); } catch { /* no figure */ }
  return { t, rss, stdout: r.stdout };
}

function benchCli(texts, batch) {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-'));
  const rng = mulberry32(2024);
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) mkdirSync(sub);
    const t = batch === 'stress' ? varied(texts[i % texts.length], rng) : published(texts[i % texts.length], rng, i);
    writeFileSync(join(sub, `${String(i).padStart(5, '0')}.md`), t);
    bytes += Buffer.byteLength(t);
  }
  const ours = [];
  const peer = [];
  let rss = 0;
  let findings = 0;
  const mdl = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{}');
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so that neither tool always runs on a warm cache.
    const a = () => {
      const r = timeCommand(process.execPath, [...CLI_EXEC_ARGV, CLI, 'check', '--format', 'json', dir]);
      ours.push(r.t);
      rss = Math.max(rss, r.rss ?? 0);
      findings = ((j) => (Array.isArray(j) ? j : j.files))(JSON.parse(r.stdout)).reduce((n, e) => n + e.diagnostics.length, 0) / FILES;
    };
    const b = () => peer.push(timeCommand(process.execPath, [mdl, join(dir, '**', '*.md')]).t);
    if (round % 2 === 0) { a(); b(); } else { b(); a(); }
  }
  rmSync(dir, { recursive: true, force: true });
  return { batch, files: FILES, megabytes: bytes / 1024 / 1024, ours: median(ours), peer: median(peer), ratio: median(ours) / median(peer), perSecond: FILES / (median(ours) / 1000), rss, findings };
}

// ---- 1b. Imported files per second: .docx, .html, .pdf (samples from the fixtures and the shared corpus, copied N times)
function samplesOf(ext) {
  const roots = [join(ROOT, 'test', 'fixtures'), join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')];
  const found = [];
  const walk = (d) => { let es; try { es = readdirSync(d, { withFileTypes: true }); } catch { return; } for (const e of es) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name.toLowerCase().endsWith(ext) && !/hostile|bomb|truncat|encrypt|broken|corrupt/i.test(p)) found.push(p); } };
  for (const r of roots) if (existsSync(r)) walk(r);
  return found;
}

function benchImported(ext, copies) {
  const samples = samplesOf(ext);
  if (!samples.length) return { ext, skipped: `no ${ext} samples found` };
  const dir = mkdtempSync(join(tmpdir(), `ogi-bench-${ext.slice(1)}-`));
  for (let i = 0; i < copies; i++) writeFileSync(join(dir, `${String(i).padStart(4, '0')}${ext}`), readFileSync(samples[i % samples.length]));
  try {
    const r = timeCommand(process.execPath, [...CLI_EXEC_ARGV, CLI, 'check', '--format', 'json', dir], { allowUnreadable: true });
    const entries = ((j) => (Array.isArray(j) ? j : j.files))(JSON.parse(r.stdout));
    const unsupported = entries.filter((e) => e.error?.kind === 'unsupported').length;
    if (unsupported === entries.length) return { ext, skipped: `the ${ext} importer reports 'unsupported'` };
    const failed = entries.filter((e) => e.error).length;
    return { ext, files: copies, samples: samples.length, perSecond: copies / (r.t / 1000), failed, rss: r.rss };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 2. Engine in process: parse + all rules, at 1×, 10× and 100×
function benchEngine() {
  const { analyze } = require(join(ROOT, 'dist-test', 'bench-engine.js'));
  const seeds = readdirSync(join(ROOT, 'test', 'fixtures', 'reports')).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).map((f) => readFileSync(join(ROOT, 'test', 'fixtures', 'reports', f), 'utf8'));
  const rows = [];
  for (const factor of [1, 10, 100]) {
    const docs = seeds.map((s) => Array(factor).fill(s).join('\n'));
    const reps = factor === 1 ? 200 : factor === 10 ? 30 : 5;
    for (const d of docs) analyze(d); // warm up
    const times = [];
    let kbs = 0;
    for (let r = 0; r < reps; r++) for (const d of docs) {
      const t0 = performance.now();
      analyze(d);
      times.push(performance.now() - t0);
      kbs += Buffer.byteLength(d) / 1024;
    }
    const total = times.reduce((a, b) => a + b, 0);
    rows.push({ factor, kb: docs.reduce((a, d) => a + Buffer.byteLength(d), 0) / docs.length / 1024, median: median(times), p95: pct(times, 95), msPerKb: total / kbs });
  }
  return rows;
}

// ---- 3 and 4. Language server: round trips, cold start, memory
// The server is started as the VS Code client starts it (client/src/extension.ts) and as the
// ogi-report-server bin's shebang does: with a small young generation and one V8 helper thread.
const SERVER_EXEC_ARGV = ['--max-semi-space-size=2', '--v8-pool-size=1'];

function startServer(execArgv = SERVER_EXEC_ARGV) {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...execArgv, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  return { proc, conn, t0 };
}

async function stopServer(s) {
  try { await s.conn.sendRequest('shutdown'); await s.conn.sendNotification('exit'); } catch { /* gone */ }
  s.conn.dispose();
  s.proc.kill();
}

async function initialize(s) {
  await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
  await s.conn.sendNotification('initialized', {});
}

async function roundTrips(text, edits) {
  const s = startServer();
  await initialize(s);
  const uri = 'file:///bench/report.ogi';
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 1, text } });
  await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const lines = text.split('\n');
  const times = [];
  for (let i = 0; i < edits; i++) {
    // A small edit: type one character at the end of a line, then delete it on the next edit.
    const line = (i * 7) % lines.length;
    const ch = lines[line].length;
    const change = i % 2 === 0
      ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: '1' }
      : { range: { start: { line: ((i - 1) * 7) % lines.length, character: lines[((i - 1) * 7) % lines.length].length }, end: { line: ((i - 1) * 7) % lines.length, character: lines[((i - 1) * 7) % lines.length].length + 1 } }, text: '' };
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
    await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    times.push(performance.now() - t0);
  }
  await stopServer(s);
  return { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99) };
}

async function coldStart(text) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const s = startServer();
    await initialize(s);
    const uri = 'file:///bench/cold.ogi';
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 1, text } });
    await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    runs.push(performance.now() - s.t0);
    await stopServer(s);
  }
  return median(runs);
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

async function memoryWith(texts, n, execArgv) {
  const s = startServer(execArgv);
  await initialize(s);
  for (let i = 0; i < n; i++) {
    const uri = `file:///bench/r${i}.ogi`;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 1, text: texts[i % texts.length] } });
    await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }
  const rss = rssOf(s.proc.pid);
  await stopServer(s);
  return rss;
}

function printTable(rows) {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  for (const r of rows) console.log(`${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`);
}

async function main() {
  if (ONLY === 'house') return runHouse();
  // The engine entry used in process, bundled the same way as the server.
  const esbuild = require('esbuild');
  await esbuild.build({ entryPoints: [join(ROOT, 'server', 'src', 'service', 'analyze.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(ROOT, 'dist-test', 'bench-engine.js'), logLevel: 'warning' });
  const texts = corpus();
  const seed = readFileSync(join(ROOT, 'test', 'fixtures', 'reports', '000_eefba31524fbc4b6.txt'), 'utf8');
  const seeds = readdirSync(join(ROOT, 'test', 'fixtures', 'reports')).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).map((f) => readFileSync(join(ROOT, 'test', 'fixtures', 'reports', f), 'utf8'));

  const clis = [benchCli(texts, 'published'), benchCli(texts, 'stress')];
  const imported = [benchImported('.docx', 200), benchImported('.html', 200), benchImported('.pdf', 500)];
  const importedRows = imported.map((x) => [`CLI on ${x.ext} files`, x.skipped ? `skipped: ${x.skipped}` : `${x.perSecond.toFixed(1)} files/s (${x.files} copies of ${x.samples} sample(s)${x.failed ? `, ${x.failed} unreadable` : ''}, peak RSS ${(x.rss / 1048576).toFixed(0)} MB)`, x.ext === '.pdf' ? '≥ 50 /s' : '—']);
  const cliRows = [
    ...clis.flatMap((cli) => [
      [`CLI on ${cli.files} text reports, ${cli.batch} (${cli.megabytes.toFixed(1)} MB, ${cli.findings.toFixed(1)} findings/report), median of ${ROUNDS}`, `${ms(cli.ours)}: ${cli.perSecond.toFixed(0)} reports/s; markdownlint-cli2 ${ms(cli.peer)}: ratio ${cli.ratio.toFixed(3)}`, '≥ 1,000 /s, ratio ≤ 0.5'],
      [`CLI peak RSS at ${cli.files} reports, ${cli.batch}`, `${(cli.rss / 1048576).toFixed(1)} MB`, '< 300 MB'],
    ]),
    ...importedRows,
    ocrRow(await benchOcr(ROOT, CLI, timeCommand)),
  ];
  const cliJson = clis.map((cli) => ({ batch: cli.batch, cliMs: Math.round(cli.ours), peerMs: Math.round(cli.peer), cliRatio: +cli.ratio.toFixed(3), reportsPerSecond: Math.round(cli.perSecond), cliRssMB: +(cli.rss / 1048576).toFixed(1), findingsPerReport: +cli.findings.toFixed(1) }));
  if (ONLY === 'cli') {
    printTable([['what', 'measured', 'target'], ...cliRows]);
    console.log(JSON.stringify({ cli: cliJson, imported }));
    return;
  }
  const engine = benchEngine();
  const lsp1 = await roundTrips(seed, 200);
  const lsp50 = await roundTrips(Array(50).fill(seed).join('\n'), 200);
  const cold = await coldStart(seed);
  const rss = await memoryWith(seeds, 20);
  const rssPlain = await memoryWith(seeds, 20, []);
  const size = (p) => (existsSync(join(ROOT, p)) ? statSync(join(ROOT, p)).size : null);
  const sizes = { extension: size('dist/extension.js'), server: size('dist/server.js'), vsix: size('ogi-report.vsix') };

  const rows = [
    ['what', 'measured', 'target'],
    ...cliRows,
    ...engine.map((e) => [`engine, ${e.factor}× seed (${e.kb.toFixed(0)} KB)`, `median ${ms(e.median)}, p95 ${ms(e.p95)}, ${(e.msPerKb * 1000).toFixed(1)} µs/KB`, 'linear']),
    ['LSP diagnostic after an edit, seed size', `p50 ${ms(lsp1.p50)}, p95 ${ms(lsp1.p95)}, p99 ${ms(lsp1.p99)}`, 'p95 ≤ 10 ms'],
    ['LSP diagnostic after an edit, 50× seed', `p50 ${ms(lsp50.p50)}, p95 ${ms(lsp50.p95)}, p99 ${ms(lsp50.p99)} (${(lsp50.p95 / lsp1.p95).toFixed(1)}× seed)`, '≤ 75× seed'],
    ['cold start to first diagnostics', ms(cold), '≤ 300 ms'],
    ['sizes', `extension.js ${kb(sizes.extension)}, server.js ${kb(sizes.server)}, vsix ${sizes.vsix ? kb(sizes.vsix) : 'not built'}`, 'vsix ≤ 400 KB'],
    ['server memory, 20 reports open', `${(rss / 1024 / 1024).toFixed(1)} MB RSS as VS Code starts it (plain node: ${(rssPlain / 1024 / 1024).toFixed(1)} MB)`, '≤ 60 MB'],
  ];
  printTable(rows);
  const summary = {
    cli: cliJson, imported,
    engineMsPerKb: engine.map((e) => +(e.msPerKb).toFixed(4)), engineMedianMs: engine.map((e) => +e.median.toFixed(3)),
    lspP95Ms: +lsp1.p95.toFixed(2), lsp50P95Ms: +lsp50.p95.toFixed(2), lsp50Factor: +(lsp50.p95 / lsp1.p95).toFixed(1),
    coldStartMs: Math.round(cold), extensionBytes: sizes.extension, serverBytes: sizes.server, vsixBytes: sizes.vsix, rssMB: +(rss / 1024 / 1024).toFixed(1), rssPlainMB: +(rssPlain / 1024 / 1024).toFixed(1),
  };
  console.log(JSON.stringify(summary));
  await runHouse();
}

main().catch((err) => { console.error(`bench: ${err.message}`); process.exit(1); });
