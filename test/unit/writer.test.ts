/** The writer's experience: new-report skeleton, table snippets, short hovers, fix titles, digit style, lens status. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, analyze, applyEdits } from '../../server/src/service/analyze';
import { codeActions, recomputeTotals } from '../../server/src/service/actions';
import { hover } from '../../server/src/service/hover';
import { expandSnippet, renderNewReportSnippet } from '../../server/src/service/new-report';
import { codeLenses, tableStatus } from '../../server/src/service/outline';
import { codeName as ruleName } from '../../server/src/service/actions';
import { buildSnippets } from '../../server/src/service/snippets';
import { setCell, styleFigure } from '../../server/src/rules/rule';
import { resolveLocale } from '../../client/src/resolve-locale';
import { ROOT, readFixture } from './helpers';

const LAYOUTS = ['tab', 'pipe', 'markdown', 'cells'] as const;

describe('new report', () => {
  for (const year of [2020, 2025]) {
    for (const layout of LAYOUTS) {
      it(`a fresh ${year} skeleton in the ${layout} layout reads back whole, its tables balanced, and its placeholder sections 一, 五, 六 are unfilled errors`, () => {
        const { version, snippet } = renderNewReportSnippet({ agency: '清河镇人民政府', year, layout });
        assert.equal(version, year === 2020 ? '2019' : '2021');
        const text = expandSnippet(snippet);
        const a = analyze(text);
        assert.deepEqual(a.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message.zh.slice(0, 6)}`),
          ['error empty-section: 第一部分“总', 'error empty-section: 第五部分“存', 'error empty-section: 第六部分“其']);
        assert.ok(a.diagnostics.every((d) => /仍是模板占位文字/.test(d.message.zh)));
        assert.equal(a.report.year, year);
        assert.equal(a.report.formatVersion, version);
        assert.equal(a.report.tables.length, 3);
        assert.ok(a.report.tables.every((t) => t.layout === layout), 'every table is read back in the chosen layout');
        assert.equal(a.report.sections.length, 6);
      });
    }
  }
});

describe('Chinese by default', () => {
  it('auto is Chinese for an English or Chinese display language, English only for another chosen language', () => {
    assert.equal(resolveLocale('auto', 'en'), 'zh-cn');
    assert.equal(resolveLocale('auto', 'en-us'), 'zh-cn');
    assert.equal(resolveLocale(undefined, 'en'), 'zh-cn');
    assert.equal(resolveLocale('auto', 'zh-cn'), 'zh-cn');
    assert.equal(resolveLocale('auto', 'zh-tw'), 'zh-cn');
    assert.equal(resolveLocale('auto', 'de'), 'en');
    assert.equal(resolveLocale('auto', 'ja'), 'en');
    assert.equal(resolveLocale('en', 'zh-cn'), 'en');
    assert.equal(resolveLocale('zh-cn', 'de'), 'zh-cn');
  });
  it('the palette finds 合计, 年报 and 新建 in English and Chinese display languages', () => {
    const en = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    for (const nls of [en, zh]) {
      assert.match(nls['command.recomputeTotals'], /重新计算全部合计/);
      assert.match(nls['command.newReport'], /新建政府信息公开工作年度报告/);
      assert.match(nls['command.category'], /年报/);
    }
    assert.match(en['command.recomputeTotals'], /^Recompute all totals/);
  });
});

describe('table snippets', () => {
  const snippets = buildSnippets('tab');
  it('one entry per table and version, with Chinese prefixes and descriptions, no duplicates', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    assert.deepEqual(prefixes, ['表二（2021版）', '表二（2019版）', '表三（2021版）', '表三（2019版）', '表四']);
    for (const s of Object.values(snippets)) assert.match(s.description, /^插入表[二三四]“/);
  });
  it('each table inserted into a skeleton of its version reads back as that table, with no new finding', () => {
    for (const layout of LAYOUTS) {
      for (const [name, s] of Object.entries(buildSnippets(layout))) {
        const version = /2019版/.test(name) ? 2020 : 2025;
        const kind = /^表二/.test(name) ? 0 : /^表三/.test(name) ? 1 : 2;
        assert.match(s.body.join('\n'), /\$\{1:0\}/, 'a tab stop on the first figure');
        const report = expandSnippet(renderNewReportSnippet({ agency: '某局', year: version, layout }).snippet);
        const a = analyze(report);
        const table = a.report.tables[kind];
        const replaced = report.slice(0, table.start) + expandSnippet(s.body.join('\n')).replace(/\n$/, '') + report.slice(table.end);
        const b = analyze(replaced);
        assert.deepEqual(b.diagnostics.map((d) => d.code).filter((c) => c !== 'empty-section'), [], `${name} in ${layout}`);
        assert.equal(b.report.tables[kind].layout, layout);
      }
    }
  });
});

describe('short hovers', () => {
  it('an article cited without an item shows its opening and how many items follow, not all of them', () => {
    const text = '按照《条例》第二十条的规定主动公开。';
    const h = hover(analyze(text), text.indexOf('第二十条') + 1)!;
    assert.match(h.markdown, /行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：……（共 15 项）/);
    assert.doesNotMatch(h.markdown, /（一）行政法规/);
    assert.match(h.markdown, /command:ogiReport\.showArticle\?%5B%22%E4%BA%8C%E5%8D%81%22%5D/);
  });
  it('statute items are written with full-width brackets in every hover', () => {
    const text = '依据《条例》第五十条第（二）项和第三十六条第（一）项。';
    for (const needle of ['第五十条', '第三十六条']) {
      const md = hover(analyze(text), text.indexOf(needle) + 1)!.markdown;
      assert.doesNotMatch(md, /\([一二三四五六七八九十]+\)/, needle);
      assert.match(md, /（[一二]）/, needle);
    }
  });
});

describe('fix details', () => {
  const broken = readFixture('rules', 'row-total', 'invalid-row-total.txt');
  const toFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  it('a total fix in a row typed in full-width digits writes full-width digits', () => {
    const line = broken.split('\n').find((l) => l.includes('1.本机关不掌握相关政府信息'))!;
    const full = broken.replace(line, line.replace(/\t[\d\t]+$/, (m) => toFull(m)));
    const a = analyze(full);
    const d = a.diagnostics.find((x) => x.code === 'row-total')!;
    assert.ok(d?.fix, 'the row-total finding still has a fix');
    assert.equal(d.fix.edits[0].newText, '３２');
    assert.equal(full.slice(d.start, d.end), '３３');
  });
  it('a figure keeps the separators and unit the writer used; ASCII stays ASCII', () => {
    assert.equal(styleFigure('1234', '1,200'), '1,234');
    assert.equal(styleFigure('12', '11件'), '12件');
    assert.equal(styleFigure('134', '１２０'), '１３４');
    assert.equal(styleFigure('134', '120'), '134');
    assert.equal(styleFigure('7', ''), '7');
  });
  it('a blank total takes the digit style of its row when the row is given', () => {
    const a = analyze(toFull(broken));
    const row = a.report.tables.flatMap((t) => t.rows).find((r) => r.cells.length > 2)!;
    const blank = { ...row.cells[row.cells.length - 1], cell: { ...row.cells[row.cells.length - 1].cell, text: '' } };
    assert.match(setCell(blank, 5, row).newText, /^５$/);
    assert.equal(setCell(blank, 5).newText, '5');
  });
  it('fix-all titles name the rule in Chinese with the count, never its id', () => {
    const two = broken.replace(/(2\.没有现成信息需要另行制作\t)(\d+)/, (_m, a: string, n: string) => `${a}${Number(n) + 1}`);
    const a = analyze(two);
    const ds = a.diagnostics.filter((d) => d.code === 'row-total');
    assert.equal(ds.length, 2);
    const titles = codeActions(a, ds[0].start, ds[0].end).map((x) => x.title.zh);
    assert.ok(titles.includes('修复本文件中所有“合计”问题（2 处）'), titles.join(' | '));
    assert.ok(titles.every((x) => !/row-total|column-total|balance/.test(x)));
  });
  it('a rule without a short name is named by its description', () => {
    assert.deepEqual(ruleName('no-such-rule'), { zh: 'no-such-rule', en: 'no-such-rule' });
    for (const r of RULES) assert.doesNotMatch(ruleName(r.id).zh, /^[a-z-]+$/, r.id);
  });
});

describe('recompute all totals', () => {
  it('leaves every total right in one command, including the （七）总计 cell that needed its row and column first', () => {
    const text = expandSnippet(renderNewReportSnippet({ agency: '某县民政局', year: 2023, layout: 'pipe' }).snippet)
      .replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 3 | 1 |')
      .replace('| （一）予以公开 | 0 | 0 |', '| （一）予以公开 | 3 | 1 |');
    const edits = recomputeTotals(analyze(text));
    assert.equal(edits.length, 5);
    const out = applyEdits(text, edits);
    assert.match(out, /\| （七）总计 \| 3 \| 1 \| 0 \| 0 \| 0 \| 0 \| 4 \|/);
    assert.deepEqual(analyze(out).diagnostics.map((d) => d.code).filter((c) => c !== 'empty-section'), [], 'only the unfilled sections remain');
    assert.deepEqual(recomputeTotals(analyze(out)), [], 'nothing left to recompute');
  });
});

describe('code lens status', () => {
  it('no tick on a table whose rows could not be read', () => {
    const text = readFixture('rules', 'table-shape', 'invalid-missing-value.txt');
    const a = analyze(text);
    const t3 = a.report.tables.find((t) => t.kind === 't3')!;
    const status = tableStatus(a, t3).text.zh;
    assert.doesNotMatch(status, /✓/);
    assert.match(status, /1 行无法读取/);
    const lens = codeLenses(a).find((l) => l.line === t3.startLine)!;
    assert.match(lens.title.zh, /^表三 收到和处理申请：.*1 行无法读取/);
  });
  it('no tick on a table with blank cells', () => {
    const a = analyze(readFixture('rules', 'blank-cell', 'invalid-blanks.txt'));
    const texts = a.report.tables.map((t) => tableStatus(a, t).text.zh);
    assert.ok(texts.some((x) => /个空白单元格/.test(x)), texts.join(' | '));
    for (const x of texts) if (/空白/.test(x)) assert.doesNotMatch(x, /✓/);
  });
  it('a tick on a clean table', () => {
    const a = analyze(readFixture('rules', 'row-total', 'valid-balanced.txt'));
    assert.ok(a.report.tables.every((t) => /^✓/.test(tableStatus(a, t).text.zh)));
  });
});
