/**
 * The HTML summary in a real browser (Debian's chromium through playwright-core, as the e2e suite
 * uses): open the page offline, sort, filter, expand a report, and take the README screenshot
 * (`SCREENSHOT=1` rewrites docs/summary.png). Skips only when chromium is not installed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { encodeText } from '../../server/src/sources';
import { FIXTURES, ROOT } from '../unit/helpers';
import { noStack, runCli, scratch } from '../unit/cli-helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** A supervisor's folder: reports by county, one in GBK, one unreadable, one not a report at all. */
function supervisorFolder(): string {
  const dir = scratch();
  const reports = join(FIXTURES, 'reports');
  const rules = join(FIXTURES, 'rules');
  const put = (from: string, to: string) => { mkdirSync(join(dir, to, '..'), { recursive: true }); copyFileSync(from, join(dir, to)); };
  put(join(reports, '000_eefba31524fbc4b6.txt'), '2023/城关镇人民政府2023年政府信息公开工作年度报告.txt');
  put(join(reports, '001_b4cf58a1ae5d2f01.txt'), '2023/县教育局2023年政府信息公开工作年度报告.txt');
  put(join(reports, '002_1a82f41e62f68c0a.txt'), '2020/县卫生健康委2020年政府信息公开工作年度报告.txt');
  put(join(reports, '003_61f4a806a08c13ab.txt'), '2024/县财政局2024年政府信息公开工作年度报告.txt');
  put(join(reports, '004_e325a6a5591f9c6b.txt'), '2024/县人民政府办公室2024年政府信息公开工作年度报告.txt');
  put(join(rules, 'row-total', 'invalid-seventh-natural.txt'), '2024/县自然资源局2024年年报.txt');
  put(join(rules, 'row-total', 'invalid-row-total.txt'), '2024/县市场监管局2024年年报.txt');
  put(join(rules, 'missing-section', 'valid-balanced.txt'), '2024/县交通运输局2024年年报.txt');
  writeFileSync(join(dir, '2024', '县民政局2024年年报（GBK）.txt'), encodeText(readFileSync(join(rules, 'blank-cell', 'valid-balanced.txt'), 'utf8'), 'gb18030', false));
  writeFileSync(join(dir, '2024', '损坏的文件.txt'), Buffer.from([0, 1, 2, 3, 4]));
  writeFileSync(join(dir, '2024', '说明.xlsx'), 'PK');
  return dir;
}

describe('--format html: the supervisor summary in chromium', { skip: existsSync(CHROMIUM) ? false : `chromium not found at ${CHROMIUM} (apt-get install chromium); CI installs it` }, () => {
  it('is one self-contained page that sorts, filters, charts and expands', async () => {
    const dir = supervisorFolder();
    const out = join(dir, '汇总.html');
    const r = runCli(['check', '--format', 'html', '--output', '汇总.html', '.'], { cwd: dir });
    assert.equal(r.code, 2, r.err);
    noStack(r.err);
    assert.match(r.out, /共检查 10 个文件.*1 个无法读取.*跳过 1 个非报告文件/);
    const html = readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /<(link|img|iframe)\b|\bsrc=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'nothing is loaded from outside the page');

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      const requests: string[] = [];
      page.on('request', (req) => { if (!req.url().startsWith('file:')) requests.push(req.url()); });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(out).href);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [], 'no network');
      assert.equal(await page.title(), '政府信息公开工作年度报告检查汇总');

      const files = () => page.$$eval('tr.report td.file', (tds) => tds.map((td) => td.textContent!.replace(/^.*\//, '')));
      const column = (i: number) => page.$$eval('tr.report', (trs, i) => trs.map((tr) => tr.children[i].textContent!), i);
      assert.equal((await files()).length, 10);
      assert.ok((await page.$$eval('tr.report td.file', (tds) => tds.map((td) => td.textContent!))).includes('2024/损坏的文件.txt'));
      // Default order: reports with errors first.
      assert.equal((await column(2))[0], '有错误');
      assert.match(await page.textContent('#cards') ?? '', /10报告总数.*1无法读取.*1跳过的非报告文件/);

      // Charts: one bar per rule that found something, one per status present.
      const ruleBars = await page.$$eval('#chart-rules svg g', (gs) => gs.map((g) => g.querySelector('title')!.textContent!));
      assert.ok(ruleBars.some((t) => t.startsWith('章节序号（section-numbering）：')), ruleBars.join());
      const statusBars = await page.$$eval('#chart-status svg g title', (ts) => ts.map((t) => t.textContent!));
      assert.ok(statusBars.includes('unreadable：1'), statusBars.join());

      // Sort by errors, descending then ascending.
      await page.click('th[data-key="e"]');
      const desc = (await column(3)).map(Number);
      assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
      assert.ok(desc[0] > 0);
      assert.equal(await page.getAttribute('th[data-key="e"]', 'aria-sort'), 'descending');
      await page.click('th[data-key="e"]');
      const asc = (await column(3)).map(Number);
      assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
      // Sort by file name.
      await page.click('th[data-key="f"]');
      const names = await page.$$eval('tr.report td.file', (tds) => tds.map((td) => td.textContent!));
      assert.deepEqual(names, [...names].sort());

      // Filter by status, by name and by rule.
      await page.selectOption('#status', 'unreadable');
      assert.deepEqual(await files(), ['损坏的文件.txt']);
      await page.selectOption('#status', '');
      await page.fill('#q', '教育局');
      assert.deepEqual(await files(), ['县教育局2023年政府信息公开工作年度报告.txt']);
      assert.match(await page.textContent('#count') ?? '', /显示 1 \/ 1 份报告（共 10 份）/);
      await page.fill('#q', '');
      await page.selectOption('#rule', 'section-numbering');
      assert.deepEqual(await files(), ['县卫生健康委2020年政府信息公开工作年度报告.txt']);

      // Expand: the findings with the text around each one.
      await page.click('tr.report');
      const finding = await page.textContent('tr.details .finding.error');
      assert.match(finding ?? '', /第 403 行错误 章节序号 章节序号应为“六、”/);
      assert.equal(await page.textContent('tr.details .finding.error mark'), '6、 ');
      await page.selectOption('#rule', '');
      await page.click('th[data-key="s"]');
      await page.click('th[data-key="s"]');
      await page.click('th[data-key="s"]');
      // The screenshot for the README: sorted by status, one report expanded.
      const shot = process.env.SCREENSHOT === '1' ? join(ROOT, 'docs', 'summary.png') : join(dir, 'summary.png');
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok(readFileSync(shot).length > 10_000);
      // Collapse again.
      await page.click('tr.report.open');
      assert.equal(await page.$('tr.details'), null);
    } finally {
      await browser.close();
    }
  });
});
