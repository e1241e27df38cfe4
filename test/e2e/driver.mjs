// The browser side of the e2e suite: the mocha suite runs in the extension host and cannot see the
// workbench's DOM (webviews are nested iframes, the status bar is workbench UI). It writes a request
// `req-<n>.json` into OGI_E2E_DRIVE; this driver performs it with playwright and answers `res-<n>.json`.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The frame that holds the table preview (the inner iframe of VS Code's webview). */
async function previewFrame(page) {
  for (const frame of page.frames()) {
    try {
      if (await frame.$('#root section[data-kind], #root p.note')) return frame;
    } catch { /* frame navigated away */ }
  }
  return null;
}

const actions = {
  /** Clicks the first cell of table `kind` whose figure is `text` (the figure, not the expected value). */
  async click(page, { kind, text, row }) {
    const frame = await previewFrame(page);
    if (!frame) return { ok: false, error: 'no preview frame' };
    const marked = await frame.evaluate(({ kind, text, row }) => {
      document.querySelectorAll('[data-e2e-target]').forEach((e) => e.removeAttribute('data-e2e-target'));
      const cells = [...document.querySelectorAll(`section[data-kind="${kind}"] td[data-l]`)];
      const hit = cells.find((td) => td.firstChild?.textContent === text && (!row || td.parentElement.querySelector('th.label')?.textContent.startsWith(row)));
      if (!hit) return false;
      hit.setAttribute('data-e2e-target', '1');
      return true;
    }, { kind, text, row });
    if (!marked) return { ok: false, error: `no cell ${text} in ${kind}` };
    // A real mouse click, as a user makes it.
    await frame.click('[data-e2e-target]');
    return { ok: true };
  },
  /** The highlighted cell's figure, and every cell of table `kind` with its classes. */
  async cells(page, { kind }) {
    const frame = await previewFrame(page);
    if (!frame) return { ok: false, error: 'no preview frame' };
    return frame.evaluate((kind) => ({
      ok: true,
      current: document.querySelector('.current')?.firstChild?.textContent ?? null,
      status: document.querySelector(`section[data-kind="${kind}"] h2 .status`)?.textContent ?? null,
      cells: [...document.querySelectorAll(`section[data-kind="${kind}"] td`)].map((td) => ({ text: td.firstChild?.textContent ?? '', cls: td.className, all: td.textContent })),
      headers: [...document.querySelectorAll(`section[data-kind="${kind}"] thead th`)].map((th) => th.textContent),
    }), kind);
  },
  /** The text of the status bar items. */
  async statusbar(page) {
    const items = await page.$$eval('.statusbar-item', (els) => els.map((e) => e.textContent?.trim() ?? ''));
    return { ok: true, items };
  },
  /** The rows of the open quick input (the command palette after `workbench.action.quickOpen` with '>…'). */
  async quickpick(page) {
    const items = await page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    return { ok: true, items };
  },
  /** A screenshot of the workbench into the screenshot folder (only with --screenshot). */
  async screenshot(page, { name }, shotDir) {
    if (!shotDir) return { ok: true, skipped: true };
    mkdirSync(shotDir, { recursive: true });
    const path = join(shotDir, `${name}.png`);
    // The pointer rests on the empty title bar, not on a cell it last clicked.
    await page.mouse.move(page.viewportSize().width - 300, 12);
    await page.screenshot({ path });
    console.log(`e2e: screenshot written to ${path}`);
    return { ok: true, path };
  },
};

export function startDriver(page, dir, shotDir) {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || !existsSync(dir)) return;
    const req = readdirSync(dir).filter((f) => /^req-\d+\.json$/.test(f)).sort()[0];
    if (!req) return;
    busy = true;
    const file = join(dir, req);
    let answer;
    try {
      const r = JSON.parse(readFileSync(file, 'utf8'));
      const act = actions[r.action];
      answer = act ? await act(page, r, shotDir) : { ok: false, error: `unknown action ${r.action}` };
    } catch (err) {
      answer = { ok: false, error: String(err?.message ?? err) };
    }
    const res = join(dir, req.replace('req-', 'res-'));
    writeFileSync(`${res}.tmp`, JSON.stringify(answer));
    renameSync(`${res}.tmp`, res);
    renameSync(file, `${file}.done`);
    busy = false;
  }, 50);
  return { stop: () => clearInterval(timer) };
}
