// Writes test/fixtures/layouts/: the balanced 2021 report of test/fixtures/matrix/ reshaped into the real
// layouts that used to give false errors (issue 19, "Real layouts that still give false errors"), each
// pattern in at least two of the four layouts. Run: node scripts/make-layout-fixtures.mjs
// (then UPDATE_GOLDEN=1 node --test dist-test/unit/layouts.test.js, and read every golden).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'test/fixtures/layouts';
const read = (layout, version = '2021') => readFileSync(join('test/fixtures/matrix', `${version}-${layout}.txt`), 'utf8').replace(/^\uFEFF/, '');
const out = {};

// 1. Section headings in other words: the section's own numeral and a key word, the rest in other words.
const reword = (t, pairs) => pairs.reduce((s, [from, to]) => s.replace(from, to), t);
out['heading-variants-tab.txt'] = reword(read('tab'), [
  ['五、存在的主要问题及改进情况', '五、存在的主要问题及下一步工作打算'],
  ['三、收到和处理政府信息公开申请情况', '三、依申请公开政府信息情况'],
]);
out['heading-variants-markdown.txt'] = reword(read('markdown'), [
  ['五、存在的主要问题及改进情况', '五、存在的主要问题及下一步工作打算'],
  ['一、总体情况', '一、基本情况'],
]);
out['heading-variants-pipe.txt'] = reword(read('pipe'), [
  ['五、存在的主要问题及改进情况', '五、工作中存在的问题和不足'],
  ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开被申请复议、诉讼情况'],
]);

// 3. Header sub-tables whose only data row is placeholders, before the real table 三 (a converter's header).
const replaceLines = (t, from, to, lines) => { const l = t.split('\n'); l.splice(from, to - from, ...lines); return l.join('\n'); };
const findLine = (t, s) => t.split('\n').findIndex((l) => l.includes(s));
{
  const md = read('markdown');
  const at = findLine(md, '勾稽关系');
  out['placeholder-headers-markdown.txt'] = replaceLines(md, at, at + 4, [
    '| (数据项目) | 数量 |', '|---|---|', '| - | - |', '',
    '| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---|---|---|---|---|---|', '| - | - | - | - | - | - | - |', '',
    '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---|---|---|---|---|---|---|',
  ]);
  const pipe = read('pipe');
  const p = findLine(pipe, '勾稽关系');
  out['placeholder-headers-pipe.txt'] = replaceLines(pipe, p, p + 3, [
    '(数据项目) | 数量', '- | -', '',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他', '- | - | - | - | -', '',
  ]);
}

// 4. One table split across pages by a PDF extraction: page number, running title, repeated header between the pieces.
for (const layout of ['tab', 'markdown', 'pipe']) {
  const t = read(layout);
  const lines = t.split('\n');
  const cut = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
  const h = lines.findIndex((l) => l.includes('勾稽关系'));
  const header = lines.slice(h, h + (layout === 'markdown' ? 4 : 3));
  lines.splice(cut + 1, 0, '', '- 3 -', '', '清河镇人民政府2023年政府信息公开工作年度报告', '续表', ...header);
  out[`page-split-${layout}.txt`] = lines.join('\n');
}

// 5. Rows without ruling: a PDF row whose cells come out separated by single spaces, between separated rows.
const spaced = (line, sep) => line.split(sep).map((c) => c.trim()).filter((c, i, a) => c !== '' && (/^\d/.test(c) || c !== a[i - 1])).join(' ');
for (const [layout, sep] of [['tab', '\t'], ['pipe', ' | '], ['markdown', '|']]) {
  out[`spaced-row-${layout}.txt`] = read(layout).split('\n')
    .map((l) => (l.includes('2.没有现成信息需要另行制作') || l.includes('（一）予以公开 |') || l.includes('(一) 予以公开\t') || /^\|?\s*(?:行政规范性文件|行政许可)\s*[\t|]/.test(l) ? spaced(l, sep) : l))
    .join('\n');
}

// 2. Table 四 as three labelled sub-tables of five columns, each with its own header, as OCR and Markdown conversions write it.
{
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const groups = [['行政复议', [2, 1, 0, 1, 4]], ['行政诉讼（未经复议直接起诉）', [1, 0, 0, 1, 2]], ['行政诉讼（复议后起诉）', [1, 0, 0, 0, 1]]];
  const swap = (t, lines) => {
    const l = t.split('\n');
    const from = l.findIndex((x) => x.includes('四、政府信息公开行政复议'));
    const to = l.findIndex((x) => x.includes('五、存在的主要问题'));
    l.splice(from + 1, to - from - 1, '', ...lines, '');
    return l.join('\n');
  };
  out['t4-sub-tables-markdown.txt'] = swap(read('markdown'), groups.flatMap(([g, v]) => [
    `### ${g}`, '', `| ${parts.join(' | ')} |`, `|${parts.map(() => '---').join('|')}|`, `| ${v.join(' | ')} |`, '']));
  out['t4-sub-tables-pipe.txt'] = swap(read('pipe'), groups.flatMap(([g, v]) => [g, `${parts.join(' | ')}`, `${v.join(' | ')}`, '']));
  // The groups in another order: each sub-table's label says where its figures go.
  out['t4-sub-tables-cells.txt'] = swap(read('cells'), groups.flatMap(([g, v]) => [g, '', ...parts.map((x) => `\t${x}`), '', ...v.map((x) => `\t${x}`), '']));
  out['t4-sub-tables-tab.txt'] = swap(read('tab'), [groups[1], groups[0], groups[2]].flatMap(([g, v]) => [g, parts.join('\t'), v.join('\t'), '']));
}

// 6. Run-on text, as a crawler saves a page: metadata lines, then the whole body on one line, headings in
// mid-line, table cells run together (glued) or separated by single spaces (spaced).
{
  const meta = ['标题: 清河镇人民政府2023年政府信息公开工作年度报告', '发布时间: 2024-01-30 15:01', '原文链接: https://example.gov.cn/qhz/2024/0130/nb.htm', '==================== 正文 ===================='];
  const body = (sep) => read('tab').replace(/^\uFEFF/, '').split('\n').slice(1)
    .map((l) => l.replace(/^#+\s*/, '').split('\t').filter((c) => c.trim() !== '').join(sep).trim())
    .filter((l) => l !== '').join('');
  out['run-on-glued.txt'] = [...meta, body(''), ''].join('\n');
  out['run-on-spaced.txt'] = [...meta, body(' '), ''].join('\n');
}

// 4b. The page number and 续表 inside the table's own rows (one cell per line; a tab-indented footer).
{
  const lines = read('cells').split('\n');
  let at = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
  while (lines[at].trim()) at++;
  lines.splice(at, 0, '', '\t- 3 -', '\t续表');
  out['page-split-cells.txt'] = lines.join('\n');
  const tab = read('tab').split('\n');
  const cut = tab.findIndex((l) => l.includes('4.保护第三方合法权益'));
  tab.splice(cut + 1, 0, '\t\t第 3 页 共 7 页', '续表\t');
  out['page-split-tab-footer.txt'] = tab.join('\n');
}

// 6b. Headings in mid-line of a paragraph, the tables on lines of their own (a web page's text view).
for (const layout of ['tab', 'markdown']) {
  out[`midline-headings-${layout}.txt`] = read(layout)
    .replace(/(第三十六条规定规范答复。)\n+(?:## )?(六、其他需要报告的事项)\n+/, '$1$2')
    .replace(/(法律服务机构\t|)(\n+)(?:## )?(一、总体情况)\n+/, '$1$2$3')
    .replace(/(\n+)(?:## )?(五、存在的主要问题及改进情况)\n+/, '$1本节如下。$2');
}

mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(out)) writeFileSync(join(OUT, name), text);
console.log(`wrote ${Object.keys(out).length} files to ${OUT}`);
