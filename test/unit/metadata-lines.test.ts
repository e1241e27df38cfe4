/**
 * The metadata lines a web copy puts above a report (`标题: …`, `发布时间: 2024-01-20`, `来源：…`,
 * `发布机构：…`, a `==== 正文 ====` line) are the page's words, not the report's prose: the prose
 * typography rules (half-width punctuation, brackets, document numbers, doubled words, spacing) give
 * them no hints. The same words in the report's body still get them, and the model still reads the
 * title and the publication date from those lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Diagnostic } from '../../server/src/service/analyze';
import { positionAt } from '../../server/src/syntax/parse';
import { readFixture } from './helpers';

const PROSE_TYPOGRAPHY = ['punctuation', 'number-spacing', 'percent-sign', 'unbalanced-brackets', 'document-number', 'repeated-word'];

/** Findings of the prose typography rules, as `line code` (1-based lines), on lines up to `last`. */
function typography(text: string, last: number): string[] {
  const a = analyze(text);
  return a.diagnostics
    .filter((d: Diagnostic) => PROSE_TYPOGRAPHY.includes(d.code))
    .map((d) => ({ line: positionAt(a.report.tree.lines, d.start).line + 1, code: d.code }))
    .filter((x) => x.line <= last)
    .map((x) => `${x.line} ${x.code}`);
}

const META = [
  '标题: 淮安市洪泽区人民政府2024 年政府信息公开工作年度报告',
  '发布时间: 2025-01-20 09:30',
  '来源: 洪泽区人民政府办公室(区政务公开办',
  '发布机构：淮安市洪泽区人民政府办公室,区大数据局',
  '作者: 区政府办;区数据局',
  '文号：洪政办发【2025】3号',
  '浏览次数：1 200 次',
  '栏目: 政府信息公开年报年报',
  '原文链接: https://www.hongze.gov.cn/col/nb.htm',
  '页面链接与图片详见 links.tsv(同目录)',
  '==================== 正文 ====================',
];
const HONGZE = readFixture('corpus', 'hongze_2024.txt');
/** hongze_2024 as a crawler saves it: the metadata block, then the report without its title line. */
const WEB_COPY = META.join('\n') + '\n' + HONGZE.slice(HONGZE.indexOf('\n') + 1);

describe('a web copy of a real report (hongze_2024) with a metadata block above it', () => {
  it('no prose typography finding on the metadata lines', () => {
    assert.deepEqual(typography(WEB_COPY, META.length), []);
  });

  it('the title is still read from 标题:, and the report is otherwise checked as before', () => {
    const a = analyze(WEB_COPY);
    assert.equal(a.report.title?.text, '淮安市洪泽区人民政府2024 年政府信息公开工作年度报告');
    assert.deepEqual(analyze(WEB_COPY).diagnostics.map((d) => d.code).sort(), analyze(HONGZE).diagnostics.map((d) => d.code).sort());
  });

  it('the same lines inside the report (section 六) are prose and get their hints', () => {
    const at = HONGZE.indexOf('六、其他需要报告的事项');
    const next = HONGZE.indexOf('\n', at) + 1;
    const body = HONGZE.slice(0, next) + META.slice(2, 8).map((l) => `${l}。`).join('\n') + '\n' + HONGZE.slice(next);
    const codes = new Set(typography(body, 1000).map((x) => x.split(' ')[1]));
    for (const code of ['punctuation', 'unbalanced-brackets', 'document-number', 'repeated-word']) assert.ok(codes.has(code), `${code} in the body`);
  });
});

describe('the crawler pages of the layout fixtures', () => {
  for (const name of ['pingtan_gonganju_2022', 'pingtan_guanweihui_2021']) {
    it(`${name}.page.txt: no prose typography finding on its metadata lines (标题:, 栏目: …)`, () => {
      const text = readFixture('layouts', 'crawler', `${name}.page.txt`);
      const sep = text.split('\n').findIndex((l) => /^=+ 正文 =+$/.test(l));
      assert.ok(sep > 0);
      assert.deepEqual(typography(text, sep + 1), []);
    });
  }

  it('the publication date is still read from 发布时间: (publication-date warns on a late report)', () => {
    const text = readFixture('rules', 'publication-date', 'invalid-run-on-published.txt');
    const a = analyze(text);
    assert.deepEqual(a.diagnostics.filter((d) => d.code === 'publication-date').map((d) => positionAt(a.report.tree.lines, d.start).line + 1), [2]);
    assert.deepEqual(typography(text, 4), []);
  });
});
