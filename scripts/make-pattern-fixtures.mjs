// Writes test/fixtures/patterns/: the balanced 2021 report of test/fixtures/matrix/ reshaped the way real
// published reports reach a checker (issue: read every real layout), each pattern in more than one layout.
// Run: node scripts/make-pattern-fixtures.mjs   (then UPDATE_GOLDEN=1 npm run test:unit)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'test/fixtures/patterns';
const read = (layout) => readFileSync(join('test/fixtures/matrix', `2021-${layout}.txt`), 'utf8');
const out = {};

// 1. Blank cells between separators: an HTML table copied with its zero cells left empty.
const blankZeros = {
  tab: (t) => t.split('\n').map((l) => (l.includes('\t') ? l.split('\t').map((c) => (c === '0' ? '' : c)).join('\t') : l)).join('\n'),
  pipe: (t) => t.split('\n').map((l) => (l.includes(' | ') ? l.split(' | ').map((c) => (c.trim() === '0' ? ' ' : c)).join(' | ') : l)).join('\n'),
  markdown: (t) => t.split('\n').map((l) => (l.startsWith('|') && !l.startsWith('|---') ? l.replace(/\| 0(?= \|)/g, '|  ') : l)).join('\n'),
  cells: (t) => t.replace(/^\t0$/gm, '\t'),
};
for (const [layout, f] of Object.entries(blankZeros)) out[`blank-separators-${layout}.txt`] = f(read(layout));
// The same in the ` | ` rows a web copy gives, without a leading pipe and with a trailing one: `… | 14 |  |  | `.
out['blank-separators-trailing-pipe.txt'] = read('pipe').split('\n')
  .map((l) => (/^[一二三（0-9]/.test(l.trim()) && l.includes(' | ') ? `${l.split(' | ').map((c) => (c.trim() === '0' ? ' ' : c)).join(' | ')} | ` : l))
  .join('\n');

// 2. A heading run into its first paragraph, as web pages are copied.
const glue = (t, heading, sep) => t.replace(new RegExp(`(${heading}[^\\n]*)\\n\\n`), `$1${sep}`);
out['glued-headings-tab.txt'] = glue(glue(read('tab'), '一、总体情况', ''), '五、存在的主要问题及改进情况', ' ');
out['glued-headings-cells.txt'] = glue(glue(read('cells'), '一、总体情况', ' '), '五、存在的主要问题及改进情况', '');

// 3. Table 三 split into sub-tables, one per row group, under ### headings with placeholder headers.
function splitSubTables(text, { pipeRows }) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('一、本年新收'));
  const end = lines.findIndex((l, i) => i > start && l.includes('四、结转下年度'));
  const header = '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |';
  const body = [];
  let group = '';
  for (let i = start; i <= end; i++) {
    const cells = pipeRows ? lines[i].split(' | ').map((c) => c.trim()) : lines[i].split('|').map((c) => c.trim()).filter((c, k, a) => !(c === '' && (k === 0 || k === a.length - 1)));
    const label = cells.find((c) => /^（[一二三四五六七]）/.test(c)) ?? cells[0];
    const g = /^（[一二三四五六七]）/.test(label) ? label.slice(0, 3) : label;
    if (g !== group) {
      group = g;
      body.push('', `### ${g}`, '', header, '|---|---|---|---|---|---|---|---|');
    }
    const leaf = cells.filter((c) => c && !/^\d+$/.test(c)).pop();
    const figures = cells.filter((c) => /^\d+$/.test(c));
    body.push(`| ${leaf} | ${figures.join(' | ')} |`);
  }
  return [...lines.slice(0, start), ...body, '', ...lines.slice(end + 1)].join('\n');
}
out['sub-tables-markdown.txt'] = splitSubTables(read('markdown'), { pipeRows: false });
out['sub-tables-pipe.txt'] = splitSubTables(read('pipe'), { pipeRows: true });

// 4. A garbled extraction: table 三's labels in one block, its figures in another.
function garble(text, sep) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('一、本年新收'));
  const end = lines.findIndex((l, i) => i > start && l.includes('四、结转下年度'));
  const labels = [];
  const figures = [];
  for (let i = start; i <= end; i++) {
    const cells = lines[i].split(sep).map((c) => c.trim());
    labels.push(cells.filter((c) => c && !/^\d+$/.test(c)).pop());
    figures.push(cells.filter((c) => /^\d+$/.test(c)).join(sep));
  }
  return [...lines.slice(0, start), ...labels, ...figures, ...lines.slice(end + 1)].join('\n');
}
out['garbled-tab.txt'] = garble(read('tab'), '\t');
out['garbled-pipe.txt'] = garble(read('pipe'), ' | ');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(out)) writeFileSync(join(OUT, name), text);
console.log(`${Object.keys(out).length} pattern fixtures written`);
