// Runs the mocha suite (test/e2e/suite) in a real VS Code 1.100.3, offline: the server and web workbench
// of the npm package code-server@4.100.3, opened in Debian's headless chromium through playwright-core.
// The extension runs in VS Code's real Node extension host; the suite writes its results to a file that
// this launcher reads. Usage: node test/e2e/run-web.mjs [--screenshot docs/screenshot.png]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, watch } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkspace } from './workspace.mjs';
import { startDriver } from './driver.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, '.vscode-test', 'code-server');
const VSCODE = join(CACHE, 'node_modules', 'code-server', 'lib', 'vscode');
const SERVER_MAIN = join(VSCODE, 'out', 'server-main.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SUITE = join(ROOT, 'dist-test', 'e2e', 'suite', 'index.js');
const TIMEOUT_MS = 6 * 60_000;
const shotArg = process.argv.indexOf('--screenshot');
const SCREENSHOT = shotArg > 0 ? resolve(process.argv[shotArg + 1] ?? 'docs/screenshot.png') : null;

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

function ensureCodeServer() {
  if (existsSync(SERVER_MAIN) && existsSync(join(VSCODE, 'node_modules', '@vscode', 'spdlog'))) return;
  console.log('e2e: installing code-server@4.100.3 into .vscode-test/code-server (first run only)');
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(join(CACHE, 'package.json'))) writeFileSync(join(CACHE, 'package.json'), '{"name":"code-server-cache","private":true}\n');
  // Its install script refuses root and downloads ripgrep, so skip scripts; VS Code's own modules come next.
  sh('npm', ['install', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', 'code-server@4.100.3'], { cwd: CACHE });
  sh('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: VSCODE });
  sh('npm', ['rebuild', '@vscode/spdlog'], { cwd: VSCODE });
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    console.log('e2e: installing Debian chromium');
    sh('apt-get', ['update', '-qq']);
    sh('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  throw new Error(`chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium)`);
}

const freePort = () => new Promise((res, rej) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  s.on('error', rej);
});

/** Resolves when `fn` returns a value, polling a cheap local condition; rejects after `ms`. */
async function until(fn, what, ms) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  if (!existsSync(SUITE)) throw new Error('the e2e suite is not built: run npm run build first');
  ensureChromium();
  ensureCodeServer();
  const { chromium } = await import('playwright-core');

  const tmp = mkdtempSync(join(tmpdir(), 'ogi-e2e-'));
  const workspace = join(tmp, 'workspace');
  mkdirSync(workspace);
  makeWorkspace(ROOT, workspace);
  const results = join(tmp, 'results.json');
  const shotDir = join(tmp, 'shot');
  mkdirSync(shotDir);
  const driveDir = join(tmp, 'drive');
  mkdirSync(driveDir);
  const port = await freePort();

  const server = spawn(process.execPath, [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--user-data-dir', join(tmp, 'user'), '--server-data-dir', join(tmp, 'server'),
    '--extensions-dir', join(tmp, 'extensions')], {
    env: { ...process.env, OGI_E2E_RESULTS: results, OGI_E2E_DRIVE: driveDir, ...(SCREENSHOT ? { OGI_E2E_SHOT: shotDir } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));

  let browser;
  let driver;
  let shotWatcher;
  try {
    await until(async () => {
      try { return (await fetch(`http://127.0.0.1:${port}/version`)).status < 500; } catch { return false; }
    }, 'the VS Code server to listen', 60_000);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(SUITE)], ['skipWelcome', 'true']];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

    if (SCREENSHOT) {
      // The suite asks for a picture by writing `ready` (the README's main screenshot, with its hover)
      // or `<name>.ready` (docs/<name>.png next to it), and waits for the matching `done` file.
      const taken = new Set();
      let busy = Promise.resolve();
      const shoot = (name) => {
        const done = join(shotDir, name === 'ready' ? 'done' : name.replace(/\.ready$/, '.done'));
        const file = name === 'ready' ? SCREENSHOT : join(dirname(SCREENSHOT), name.replace(/\.ready$/, '.png'));
        busy = busy.then(async () => {
          // A hover fades in; wait for it to be on the page, not for a fixed time.
          // A named picture may name, in its ready file, what must be on the page first (e.g. the code lenses).
          const selector = name === 'ready' ? '.monaco-hover:not(.hidden)' : readFileSync(join(shotDir, name), 'utf8').trim();
          if (selector && selector !== '1') await page.waitForSelector(selector, { timeout: 15_000 }).catch(() => undefined);
          mkdirSync(dirname(file), { recursive: true });
          await page.screenshot({ path: file });
          writeFileSync(done, '1');
          console.log(`e2e: screenshot written to ${file}`);
        });
      };
      shotWatcher = watch(shotDir, (_event, name) => {
        if (!name || !/(^ready$|\.ready$)/.test(name) || taken.has(name) || !existsSync(join(shotDir, name))) return;
        taken.add(name);
        shoot(name);
      });
    }

    // The suite asks the browser for what the extension host cannot reach (webview contents, the status bar).
    driver = startDriver(page, driveDir, SCREENSHOT ? dirname(SCREENSHOT) : null);
    const exited = new Promise((res) => server.on('exit', () => res(null)));
    const report = await Promise.race([
      until(() => (existsSync(results) ? (() => { try { const r = JSON.parse(readFileSync(results, 'utf8')); return r.done ? r : null; } catch { return null; } })() : null), 'the suite results', TIMEOUT_MS),
      exited.then(() => { throw new Error('the VS Code server exited early'); }),
    ]);

    console.log('\nogi-report e2e in VS Code 1.100.3 (code-server web, headless chromium)');
    for (const t of report.tests) {
      console.log(`  ${t.state === 'passed' ? '✔' : '✖'} ${t.title}${t.duration ? ` (${t.duration}ms)` : ''}`);
      if (t.error) console.log(t.error.split('\n').map((l) => `      ${l}`).join('\n'));
    }
    if (report.error) console.log(`  suite error: ${report.error}`);
    console.log(`\n${report.passed} passing, ${report.failed} failing`);
    console.log(`${report.passed} passed, ${report.failed} failed`);
    process.exitCode = report.failed === 0 && report.passed >= 8 ? 0 : 1;
  } catch (err) {
    console.error(`e2e: ${err.message}`);
    if (process.env.OGI_E2E_DEBUG) console.error(serverLog.slice(-4000));
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  } finally {
    shotWatcher?.close(); // an open watcher would keep the process alive after the suite
    driver?.stop();
    await browser?.close().catch(() => undefined);
    server.kill();
    if (!process.env.OGI_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`e2e: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
