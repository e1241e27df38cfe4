/**
 * The summary page keeps the supervisor's decisions in the browser (localStorage, per report
 * fingerprint): a reload, or the page generated again for the same reports, shows them; the page says
 * where they are kept; exporting clears the "not exported" note but keeps the decisions. In chromium;
 * skips only when chromium is not installed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { FIXTURES } from '../unit/helpers';
import { noStack, runCli, scratch } from '../unit/cli-helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const REASON = '表三按上级统一模板填报，经核实无误';
const FV = 'tr.details .finding:has(code[title="format-version"])';
const OW = 'tr.details .finding:has(code[title="official-wording"])';

describe('decisions on the summary page survive a reload', { skip: existsSync(CHROMIUM) ? false : `chromium not found at ${CHROMIUM}` }, () => {
  it('a dismissal and a confirmation are still there after a reload and on the page generated again; undo is kept too', async () => {
    const dir = scratch();
    copyFileSync(join(FIXTURES, 'corpus', 'hongze_2024.txt'), join(dir, '洪泽区2024年报.txt'));
    copyFileSync(join(FIXTURES, 'corpus', 'huaian_2024.txt'), join(dir, '淮安市2024年报.txt'));
    const generate = () => {
      const r = runCli(['check', '--format', 'html', '--output', '汇总.html', '--no-cross-report', '.'], { cwd: dir });
      noStack(r.err);
      assert.equal(r.code, 1, r.err);
    };
    generate();
    const url = pathToFileURL(join(dir, '汇总.html')).href;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const card = async (name: string) => Number(await page.$$eval('#cards .card', (cs, name) => cs.find((c) => c.querySelector('span')!.textContent === name)?.querySelector('b')!.textContent, name));
      const open = () => page.click('tr.report[data-file$="洪泽区2024年报.txt"]');
      await page.goto(url);
      assert.match(await page.textContent('#store') ?? '', /审核决定自动保存在本浏览器中（按报告指纹），刷新或重新生成本页不会丢失/);

      await open();
      await page.click(`${FV} button.rv-dismiss`);
      await page.fill(`${FV} input.rv-reason`, REASON);
      await page.click(`${FV} button.rv-save`);
      await page.click(`${OW} button.rv-confirm`);
      assert.match(await page.textContent('#pending') ?? '', /2 处审核改动尚未导出（已保存在本浏览器中）/);

      // Reload: the decisions, the counts and the note are as they were.
      await page.reload();
      assert.equal(await card('已驳回'), 1);
      assert.equal(await card('已确认'), 1);
      assert.match(await page.textContent('#pending') ?? '', /2 处审核改动尚未导出/);
      await open();
      assert.equal(await page.textContent(`${FV} .rv-badge`), `已驳回：${REASON}`);
      assert.equal(await page.textContent(`${OW} .rv-badge`), '已确认');

      // Undo one, reload: the undo is kept.
      await page.click(`${OW} button.rv-undo`);
      await page.reload();
      assert.equal(await card('已确认'), 0);
      assert.equal(await card('已驳回'), 1);

      // Export: nothing is pending any more, and the decision stays on a reload.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      assert.equal(download.suggestedFilename(), '审核记录.json');
      assert.equal(await page.textContent('#pending'), '');
      await page.reload();
      assert.equal(await page.textContent('#pending'), '');
      assert.equal(await card('已驳回'), 1);

      // The page generated again for the same reports (no --review): the decision is still shown.
      generate();
      await page.goto(url);
      assert.equal(await card('已驳回'), 1);
      await open();
      assert.equal(await page.textContent(`${FV} .rv-badge`), `已驳回：${REASON}`);
      assert.deepEqual(errors, []);

      // Another browser profile has its own storage: nothing decided there.
      const other = await (await browser.newContext()).newPage();
      await other.goto(url);
      assert.equal(Number(await other.$$eval('#cards .card', (cs) => cs.find((c) => c.querySelector('span')!.textContent === '已驳回')?.querySelector('b')!.textContent)), 0);
    } finally {
      await browser.close();
    }
  });
});
