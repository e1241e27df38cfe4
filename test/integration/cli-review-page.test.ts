/**
 * The review on the summary page, in chromium: the agency column and Chinese rule names, marking
 * findings 确认 / 驳回 with a reason, the review and baseline filters, `导出审核记录` through a Blob
 * download, and the next run with `--review` showing the decisions (README screenshot with
 * `SCREENSHOT=1`: docs/review.png). Skips only when chromium is not installed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { FIXTURES, ROOT } from '../unit/helpers';
import { noStack, runCli, scratch } from '../unit/cli-helpers';
import { jsonFiles } from '../helpers/cli-json';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const REASON = '表三按上级统一模板填报，经核实无误';

function folder(): string {
  const dir = scratch();
  copyFileSync(join(FIXTURES, 'corpus', 'hongze_2024.txt'), join(dir, '洪泽区2024年报.txt'));
  copyFileSync(join(FIXTURES, 'corpus', 'hongze_2024.txt'), join(dir, '洪泽区2024年报（网站转存副本）.txt'));
  copyFileSync(join(FIXTURES, 'corpus', 'huaian_2024.txt'), join(dir, '淮安市2024年报.txt'));
  copyFileSync(join(FIXTURES, 'rules', 'row-total', 'invalid-row-total.txt'), join(dir, '县市场监管局2024年年报.txt'));
  return dir;
}

describe('the review on the summary page', { skip: existsSync(CHROMIUM) ? false : `chromium not found at ${CHROMIUM}` }, () => {
  it('marks, filters and exports decisions that the next run with --review shows', async () => {
    const dir = folder();
    const r = runCli(['check', '--format', 'html', '--output', '汇总.html', '--no-cross-report', '.'], { cwd: dir });
    noStack(r.err);
    assert.equal(r.code, 1, r.err);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const requests: string[] = [];
      page.on('request', (req) => { if (!/^(file|blob):/.test(req.url())) requests.push(req.url()); });
      await page.goto(pathToFileURL(join(dir, '汇总.html')).href);
      assert.deepEqual(errors, []);

      // The agency column, and the charts name rules in Chinese.
      const agencies = await page.$$eval('tr.report td.agency', (tds) => tds.map((td) => td.textContent));
      assert.ok(agencies.includes('淮安市洪泽区人民政府'), agencies.join());
      assert.ok(agencies.includes('淮安市人民政府'), agencies.join());
      const labels = await page.$$eval('#chart-rules svg g > text:first-of-type', (ts) => ts.map((t) => t.textContent));
      assert.ok(labels.includes('格式版本'), labels.join());
      assert.ok(!labels.some((l) => /^[a-z-]+$/.test(l ?? '')), `no English ids as labels: ${labels.join()}`);
      const card = async (name: string) => Number(await page.$$eval('#cards .card', (cs, name) => cs.find((c) => c.querySelector('span')!.textContent === name)?.querySelector('b')!.textContent, name));
      assert.equal(await card('未审核'), await card('问题总数（错误与警告）') + await card('提示与信息'));
      const errorsBefore = await card('有错误');
      assert.equal(await card('有错误') + await card('有警告') + await card('无问题'), await card('报告总数'), 'every report is in one status');
      // The per-rule table: reports checked and failing, findings by severity.
      const ruleRow = await page.$$eval('#rule-rows tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent).join('|')));
      assert.ok(ruleRow.includes('合计 row-total|4|1|1|0|0|0'), ruleRow.join('\n'));
      // Timeliness: a 乡镇 has no statutory deadline.
      const timely = await page.$eval('tr.report[data-file$="县市场监管局2024年年报.txt"] td.timely', (td) => td.textContent);
      assert.equal(timely, '—');

      // Expand the first copy of 洪泽区 and dismiss its format-version error with a reason; confirm its wording warning.
      await page.fill('#reviewer', '李四');
      await page.click('tr.report[data-file$="洪泽区2024年报.txt"]');
      const fv = 'tr.details .finding:has(code[title="format-version"])';
      await page.click(`${fv} button.rv-dismiss`);
      assert.equal(await page.isDisabled(`${fv} button.rv-save`), true, 'no dismissal without a reason');
      await page.fill(`${fv} input.rv-reason`, REASON);
      await page.click(`${fv} button.rv-save`);
      assert.equal(await page.textContent(`${fv} .rv-badge`), `已驳回：${REASON}`);
      await page.click('tr.details .finding:has(code[title="official-wording"]) button.rv-confirm');
      assert.equal(await page.textContent('tr.details .finding:has(code[title="official-wording"]) .rv-badge'), '已确认');
      // Both copies of the report share the decision: neither counts as having errors now.
      assert.equal(await card('有错误'), errorsBefore - 2);
      assert.equal(await card('已驳回'), 2);
      assert.match(await page.textContent('#pending') ?? '', /2 处审核改动/);

      // Filters: 已驳回 shows the two copies; 未审核 leaves them out.
      await page.selectOption('#review', 'dismissed');
      const shown = () => page.$$eval('tr.report', (trs) => trs.map((tr) => tr.getAttribute('data-file')!.replace(/^.*\//, '')).sort());
      assert.deepEqual(await shown(), ['洪泽区2024年报.txt', '洪泽区2024年报（网站转存副本）.txt']);
      await page.selectOption('#review', 'none');
      assert.ok(!(await shown()).some((f) => f.startsWith('洪泽区')), (await shown()).join());
      await page.selectOption('#review', '');

      // Export: a ledger file built in the page.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      assert.equal(download.suggestedFilename(), '审核记录.json');
      const ledgerPath = join(dir, '审核记录.json');
      await download.saveAs(ledgerPath);
      const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8'));
      assert.equal(ledger.version, 'ogiReport/v1');
      assert.deepEqual(ledger.entries.map((e: { rule: string; status: string }) => `${e.rule}:${e.status}`).sort(), ['format-version:dismissed', 'official-wording:confirmed']);
      assert.equal(ledger.entries.find((e: { status: string }) => e.status === 'dismissed').reviewer, '李四');
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [], 'no network');

      // Next run with the ledger: the CLI counts the dismissed findings out and the page shows the decisions.
      const json = runCli(['check', '--format', 'json', '--no-cross-report', '--review', ledgerPath, '.'], { cwd: dir });
      const files = jsonFiles<{ file: string; diagnostics: { code: string; review?: { status: string; reason?: string } }[] }>(json.out);
      for (const f of files.filter((x) => x.file.includes('洪泽区'))) {
        assert.deepEqual(f.diagnostics.find((d) => d.code === 'format-version')!.review, { status: 'dismissed', reason: REASON, reviewer: '李四', at: ledger.entries.find((e: { status: string }) => e.status === 'dismissed').at });
      }
      // A month later, one of the copies is corrected: the baseline shows what changed.
      const before = join(dir, '上次.json');
      writeFileSync(before, json.out);
      const t = readFileSync(join(dir, '淮安市2024年报.txt'), 'utf8');
      writeFileSync(join(dir, '淮安市2024年报.txt'), t.replace('3、其他', '3.其他').replace('坚持以', '坚持坚持以'));
      const again = runCli(['check', '--format', 'html', '--output', '汇总.html', '--no-cross-report', '--review', ledgerPath, '--baseline', before, '.'], { cwd: dir });
      assert.equal(again.code, 1, again.err);
      await page.goto(pathToFileURL(join(dir, '汇总.html')).href);
      assert.equal(await card('已驳回'), 2);
      assert.equal(await card('已解决'), 1);
      await page.click('tr.report[data-file$="洪泽区2024年报.txt"]');
      assert.equal(await page.textContent(`${fv} .rv-badge`), `已驳回：${REASON}`);
      assert.match(await page.textContent(`${fv}`) ?? '', /李四/);
      assert.equal(await page.isHidden('#base'), false);
      await page.selectOption('#base', 'new');
      assert.deepEqual(await shown(), ['淮安市2024年报.txt']);
      await page.selectOption('#base', '');
      await page.click('tr.report[data-file$="淮安市2024年报.txt"]');
      assert.match(await page.textContent('tr.details .absent-head') ?? '', /已解决 1 处/);
      await page.click('tr.report[data-file$="淮安市2024年报.txt"]');
      const shot = process.env.SCREENSHOT === '1' ? join(ROOT, 'docs', 'review.png') : join(dir, 'review.png');
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok(readFileSync(shot).length > 10_000);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
