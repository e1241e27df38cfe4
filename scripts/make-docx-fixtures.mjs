// Writes the .docx fixtures of test/fixtures/sources/ from a real report's text (the corpus copy in
// test/fixtures/corpus/*.txt), with the `docx` package: paragraphs, tables with merged cells (label
// columns merged down with vMerge, wide labels merged across with gridSpan, heading cells merged both
// ways) and table 三 split in two tables by a page break, as Word users do. Run: node scripts/make-docx-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, PageBreak, Table, TableCell, TableRow, TextRun } from 'docx';

const DIR = 'test/fixtures/sources';
const CORPUS = 'test/fixtures/corpus';
const FIGURE = /^[-+]?\d[\d,]*(\.\d+)?$/;
const cell = (text, span = {}) => new TableCell({ children: [new Paragraph(text)], ...span });

/** Rows of one text table (` | ` layout) → docx rows; headings are given by the caller as span specs. */
function tableRows(lines, headings, continuing = []) {
  const rows = lines.map((l) => l.split(' | ').map((c) => c.trim()));
  const data = rows.slice(headings.length);
  const labelCols = Math.max(1, ...data.map((r) => r.filter((c) => !FIGURE.test(c)).length));
  const figureCols = Math.max(0, ...data.map((r) => r.filter((c) => FIGURE.test(c)).length));
  const width = labelCols + figureCols;
  const out = headings.map((h) => new TableRow({ children: h.map(([text, columnSpan = 1, rowSpan = 1]) => cell(text, { columnSpan, rowSpan })) }));
  // Label cells equal to the one above at the same column are merged down (rowSpan → w:vMerge).
  const grid = data.map((r) => {
    const labels = r.filter((c) => !FIGURE.test(c));
    const figures = r.filter((c) => FIGURE.test(c));
    if (!figures.length) return r.map((text, i) => ({ text, span: i === r.length - 1 ? width - r.length + 1 : 1, rows: 1 }));
    const cells = labels.map((text, i) => ({ text, col: i, span: i === labels.length - 1 ? labelCols - labels.length + 1 : 1, rows: 1 }));
    return [...cells, ...figures.map((text) => ({ text, span: 1, rows: 1, figure: true }))];
  });
  for (let r = grid.length - 1; r > 0; r--) {
    for (const c of grid[r]) {
      if (c.figure || c.col === undefined) continue;
      const up = grid[r - 1].find((u) => u.col === c.col && !u.figure);
      if (up && up.text === c.text && up.span === c.span && !up.merged) { up.rows += c.rows; c.merged = true; }
    }
  }
  // A table continued after a page break: Word leaves the label cells that go on from the page before empty.
  if (grid.length) for (const c of grid[0]) if (c.col !== undefined && continuing[c.col] === c.text) c.text = '';
  for (const row of grid) {
    out.push(new TableRow({ children: row.filter((c) => !c.merged).map((c) => cell(c.text, { columnSpan: c.span, rowSpan: c.rows })) }));
  }
  return out;
}

const T3_HEAD = [
  [['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3], ['申请人情况', 7]],
  [['自然人', 1, 2], ['法人或其他组织', 5], ['总计', 1, 2]],
  [['商业企业'], ['科研机构'], ['社会公益组织'], ['法律服务机构'], ['其他']],
];
const T4_HEAD = [
  [['行政复议', 5], ['行政诉讼', 10]],
  [['结果维持', 1, 2], ['结果纠正', 1, 2], ['其他结果', 1, 2], ['尚未审结', 1, 2], ['总计', 1, 2], ['未经复议直接起诉', 5], ['复议后起诉', 5]],
  [['结果维持'], ['结果纠正'], ['其他结果'], ['尚未审结'], ['总计'], ['结果维持'], ['结果纠正'], ['其他结果'], ['尚未审结'], ['总计']],
];

// Headings numbered by Word itself (the "一、" and "（一）" are not in the text but in numbering.xml).
const NUMBERING = {
  config: [{
    reference: 'report',
    levels: [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
    ],
  }],
};
const HEADING = /^[一二三四五六七八九十]+、/;
const SUBHEADING = /^（[一二三四五六七八九十]+）/;

/** The report as Word would hold it: table 三 is split after `splitAfter` by a page break; with
 *  `numbered`, section headings and sub-headings outside tables are numbered automatically. */
function build(text, splitAfter, numbered = false) {
  const lines = text.split('\n').filter((l) => l.trim());
  const children = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i].includes(' | ') && !/^\s*\|/.test(lines[i])) {
      const level = !numbered ? -1 : HEADING.test(lines[i]) ? 0 : SUBHEADING.test(lines[i]) ? 1 : -1;
      const body = level === 0 ? lines[i].replace(HEADING, '') : level === 1 ? lines[i].replace(SUBHEADING, '') : lines[i];
      children.push(new Paragraph({ children: [new TextRun(body)], ...(level >= 0 ? { numbering: { reference: 'report', level } } : {}) }));
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && (lines[i].includes(' | ') || /^第二十条/.test(lines[i]) || /^\s*\|/.test(lines[i]))) i++;
    const block = lines.slice(start, i);
    const isT3 = block.some((l) => l.startsWith('（本列数据'));
    const isT4 = block.some((l) => l.startsWith('行政复议'));
    const headings = isT3 ? T3_HEAD : isT4 ? T4_HEAD : [];
    const rows = tableRows(block, headings);
    if (isT3 && splitAfter) {
      const cut = block.findIndex((l) => l.includes(splitAfter)) + 1;
      const a = tableRows(block.slice(0, cut), headings);
      const lastLabels = block[cut - 1].split(' | ').filter((c) => !FIGURE.test(c.trim()));
      const b = tableRows(block.slice(0, headings.length).concat(block.slice(cut)), headings, lastLabels).slice(headings.length);
      children.push(new Table({ rows: a }), new Paragraph({ children: [new PageBreak()] }), new Table({ rows: b }));
    } else children.push(new Table({ rows }));
    // table 二 has caption rows (第二十条…) inside the table: one table for the whole block.
  }
  return new Document({ numbering: NUMBERING, sections: [{ children }] });
}

for (const [name, splitAfter, numbered] of [['huaian_2024', '1.本机关不掌握相关政府信息', false], ['hongze_2024', null, true]]) {
  const src = readFileSync(`${CORPUS}/${name}.txt`, 'utf8');
  writeFileSync(`${DIR}/${name}.docx`, await Packer.toBuffer(build(src, splitAfter, numbered)));
  console.log('wrote', `${DIR}/${name}.docx`);
}
