/**
 * Tables written one cell per line with a blank line between rows and no tab (review finding A2,
 * variants lay_cell3/lay_cell5) read like the same text with a leading tab per cell; a table that is
 * there but cannot be read is said once as unreadable, never as missing (缺少统计表).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze as analyzeAll } from '../../server/src/service/analyze';
import { projectModel, readFixture } from './helpers';

const analyze = (text: string) => analyzeAll(text, { rules: { 'digit-width': 'off' } });

/** Each pipe row written one cell per line (with a leading tab, or bare with an empty cell as an empty line), a blank line after it. */
function oneCellPerLine(pipeText: string, tab: boolean): string {
  return pipeText.split('\n').flatMap((line) => {
    if (!/ \| |^\||\|$/.test(line)) return [line];
    const cells = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) return [];
    return [...cells.map((c) => (tab ? `\t${c}` : c)), ''];
  }).join('\n');
}

const tables = (text: string) => projectModel(analyze(text).report).tables;
const shape = (text: string) => analyze(text).diagnostics.filter((d) => d.code === 'table-shape');

describe('one cell per line without a tab, rows separated by blank lines', () => {
  for (const [dir, file] of [['corpus', 'huaian_2024.txt'], ['corpus', 'pingtan_2022.txt'], ['matrix', '2021-pipe.txt'], ['matrix', '2019-pipe.txt']]) {
    it(`${file}: the same tables and findings as with a leading tab per cell`, () => {
      const source = readFixture(dir, file);
      const tabbed = oneCellPerLine(source, true);
      const bare = oneCellPerLine(source, false);
      assert.notEqual(bare, tabbed);
      assert.deepEqual(tables(bare), tables(tabbed));
      assert.deepEqual(tables(bare).map((t) => t.kind), ['t2', 't3', 't4']);
      const codes = (t: string) => analyze(t).diagnostics.map((d) => `${d.severity} ${d.code}`);
      assert.deepEqual(codes(bare), codes(tabbed));
      assert.deepEqual(shape(bare), []);
    });
  }

  it('short lines with a figure between paragraphs stay text (a signature, a date, a list without table words)', () => {
    const base = readFixture('matrix', '2021-tab.txt');
    const text = base.replace('六、其他需要报告的事项', '六、其他需要报告的事项\n\n服务热线\n12345\n\n办理时限\n15\n\n满意率\n98\n');
    const a = analyze(text);
    assert.deepEqual(a.report.tables.map((t) => t.kind), analyze(base).report.tables.map((t) => t.kind));
    assert.deepEqual(a.diagnostics.filter((d) => d.code === 'table-shape'), []);
  });
});

describe('a table that is there but cannot be read', () => {
  // Tables 三 and 四 one cell per line with no blank line between rows: nothing tells one row from the next.
  const bare = oneCellPerLine(readFixture('corpus', 'huaian_2024.txt'), false);
  const from = bare.indexOf('三、收到和处理政府信息公开申请情况');
  const to = bare.indexOf('五、存在的主要问题');
  const scrambled = bare.slice(0, from) + bare.slice(from, to).replace(/\n\n+/g, '\n') + bare.slice(to);

  it('is said to be unreadable once for both tables, on the first one, and never "缺少统计表"', () => {
    const found = shape(scrambled);
    assert.ok(found.every((d) => !d.message.zh.includes('缺少统计表')), found.map((d) => d.message.zh).join('\n'));
    assert.equal(found.length, 1);
    assert.match(found[0].message.zh, /^第三、四部分的统计表（表三、表四）无法读取：/);
    assert.equal(found[0].severity, 'error');
    assert.equal(scrambled.slice(found[0].start, found[0].end), '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    assert.equal(found[0].related?.length, 2);
  });

  it('all three tables one cell per line without any blank line: one finding for the three, none "missing"', () => {
    const from2 = bare.indexOf('二、主动公开政府信息情况');
    const all = bare.slice(0, from2) + bare.slice(from2, to).replace(/\n\n+/g, '\n') + bare.slice(to);
    const found = shape(all);
    assert.equal(found.length, 1);
    assert.match(found[0].message.zh, /^第二、三、四部分的统计表（表二、表三、表四）无法读取：/);
    assert.equal(found[0].related?.length, 3);
  });

  it('a section with no table at all still says the table is missing', () => {
    const base = readFixture('matrix', '2021-tab.txt');
    const lines = base.split('\n');
    const start = lines.findIndex((l) => l.startsWith('## 四、'));
    const end = lines.findIndex((l) => l.startsWith('## 五、'));
    const text = [...lines.slice(0, start + 1), '本年度未发生行政复议、行政诉讼。', ...lines.slice(end)].join('\n');
    const found = shape(text);
    assert.equal(found.length, 1);
    assert.match(found[0].message.zh, /第四部分缺少统计表（表四）/);
  });
});
