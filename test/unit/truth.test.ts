/** The editor tells the truth: one count of unreadable rows and blank cells for the lens, the preview and the findings. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/service/analyze';
import { codeLenses, tableStatus } from '../../server/src/service/outline';
import { previewModel } from '../../server/src/service/preview';
import { tableCounts } from '../../server/src/model/table-counts';
import { LINE_BUDGET, columnHints } from '../../server/src/service/inlay';
import { RELATED_SHOWN, toDiagnostics } from '../../server/src/lsp/convert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { encodeText } from '../../server/src/sources/decode';
import { gb18030Report, looksMisdecoded } from '../../server/src/service/gbk-report';
import { readFixture } from './helpers';

describe('one count for the lens, the preview and the findings', () => {
  const text = readFixture('reports', '004_e325a6a5591f9c6b.txt');
  const a = analyze(text);
  const t3 = a.report.tables.find((t) => t.kind === 't3')!;
  const inT3 = a.diagnostics.filter((d) => d.start >= t3.start && d.end <= t3.end);

  it('seed 004: the lens above 表三 says 8 unreadable rows and 90 blank cells, as the findings do', () => {
    const shape = inT3.find((d) => d.code === 'table-shape')!;
    const blank = inT3.find((d) => d.code === 'blank-cell')!;
    assert.match(shape.message.zh, /8 行的数字与列对不上/);
    assert.match(blank.message.zh, /有 90 个空白单元格/);
    const lens = codeLenses(a).find((l) => l.line === t3.startLine)!;
    // (The third part is the table's format-version error, which is not a count of rows or cells.)
    assert.equal(lens.title.zh, '表三 收到和处理申请：8 行无法读取，90 个空白单元格，1 处其他错误');
    assert.equal(lens.title.en.includes('8 rows unreadable, 90 blank cells'), true, lens.title.en);
  });

  it('seed 004: the preview header of 表三 gives the same two counts', () => {
    const p = previewModel(a).tables.find((t) => t.kind === 't3')!;
    assert.match(p.status.text.zh, /8 行无法读取/);
    assert.match(p.status.text.zh, /90 个空白单元格/);
    assert.doesNotMatch(p.status.text.zh, /✓/);
  });

  it('every table of every seed: the lens, the preview and the findings agree with tableCounts', () => {
    for (const name of ['000_eefba31524fbc4b6', '001_b4cf58a1ae5d2f01', '002_1a82f41e62f68c0a', '003_61f4a806a08c13ab', '004_e325a6a5591f9c6b']) {
      const b = analyze(readFixture('reports', `${name}.txt`));
      for (const t of b.report.tables) {
        const c = tableCounts(t);
        const status = tableStatus(b, t).text.zh;
        const preview = previewModel(b).tables.find((x) => x.span.start === t.start)!.status.text.zh;
        for (const shown of [status, preview]) {
          if (c.unreadable.length) assert.match(shown, new RegExp(`${c.unreadable.length} 行无法读取`), `${name} ${t.kind}`);
          else assert.doesNotMatch(shown, /行无法读取/, `${name} ${t.kind}`);
          if (c.blanks.length) assert.match(shown, new RegExp(`${c.blanks.length} 个空白单元格`), `${name} ${t.kind}`);
          else assert.doesNotMatch(shown, /空白单元格/, `${name} ${t.kind}`);
        }
        const blank = b.diagnostics.find((d) => d.code === 'blank-cell' && d.start >= t.start && d.end <= t.end);
        if (c.blanks.length > 1) assert.match(blank!.message.zh, new RegExp(`有 ${c.blanks.length} 个空白单元格`), `${name} ${t.kind}`);
      }
    }
  });
});

describe('the palette finds every command by its Chinese name', () => {
  const ROOT_DIR = process.cwd();
  const pkg = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8'));
  const en = JSON.parse(readFileSync(join(ROOT_DIR, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(readFileSync(join(ROOT_DIR, 'package.nls.zh-cn.json'), 'utf8'));
  const titles = (nls: Record<string, string>) => (pkg.contributes.commands as { command: string; title: string }[])
    .map((c) => ({ command: c.command, title: nls[c.title.replace(/^%|%$/g, '')] ?? c.title }));
  it('every command title has Chinese words in the English and the Chinese display language', () => {
    for (const nls of [en, zh]) for (const c of titles(nls)) assert.match(c.title, /[\u4e00-\u9fff]{2,}/, c.command);
  });
  it('「对比上年报告」 is found by 对比 and by 上年 whatever the display language', () => {
    for (const nls of [en, zh]) {
      const t = titles(nls).find((c) => c.command === 'ogiReport.compareWithLastYear')!.title;
      assert.match(t, /对比/);
      assert.match(t, /上年/);
    }
  });
});

describe('every figure of a long row keeps its column hint', () => {
  for (const name of ['2021-tab.txt', '2021-pipe.txt']) {
    it(`table 四 (${name}): all 15 figures are named within VS Code's per-line budget, the 行政诉讼 ones too`, () => {
      const text = readFixture('matrix', name);
      const a = analyze(text);
      const t4 = a.report.tables.find((t) => t.kind === 't4')!;
      const row = t4.rows.find((r) => r.cells.length === 15)!;
      const hints = columnHints(a).filter((h) => row.cells.some((c) => c.cell.start === h.offset));
      assert.equal(hints.length, 15);
      assert.ok(hints.reduce((n, h) => n + h.label.length, 0) <= LINE_BUDGET, hints.map((h) => h.label).join(' '));
      assert.deepEqual(hints.map((h) => h.label), [
        '复议维持', '纠正', '其他', '未结', '总计', '直接起诉维持', '纠正', '其他', '未结', '总计', '复议后起诉维持', '纠正', '其他', '未结', '总计']);
      assert.equal(hints[5].tooltip, '未经复议直接起诉·结果维持', 'the full name on hover');
    });
  }

  it('a row of table 三 keeps its full column names: they fit', () => {
    const a = analyze(readFixture('matrix', '2021-cells.txt'));
    assert.ok(columnHints(a).every((h) => h.tooltip === undefined));
  });
});

describe('the blank-cell hover', () => {
  it('seed 004: shows the count and the first five of the 90 blank cells, not all of them', () => {
    const text = readFixture('reports', '004_e325a6a5591f9c6b.txt');
    const doc = TextDocument.create('file:///004.txt', 'ogi-report', 1, text);
    const d = toDiagnostics(doc, analyze(text), 'zh-cn').find((x) => x.code === 'blank-cell')!;
    assert.match(String(d.message), /90 个空白单元格/);
    assert.equal(d.relatedInformation!.length, RELATED_SHOWN + 1);
    assert.match(d.relatedInformation![RELATED_SHOWN].message, /另有 85 处未列出（共 90 处/);
  });
});

describe('a GBK report under any name', () => {
  const report = readFixture('reports', '001_b4cf58a1ae5d2f01.txt');
  const gbk = new Uint8Array(encodeText(report, 'gb18030', false));
  it('its bytes read as UTF-8 look garbled, and decode as GB18030 into the report', () => {
    const asUtf8 = new TextDecoder('utf-8').decode(gbk);
    assert.equal(looksMisdecoded(asUtf8), true);
    assert.equal(gb18030Report(gbk), report);
  });
  it('a UTF-8 report, a GBK note that is no report, and the report itself shown right are left alone', () => {
    assert.equal(gb18030Report(new TextEncoder().encode(report)), null, 'UTF-8 needs no reopening');
    assert.equal(gb18030Report(new Uint8Array(encodeText('会议纪要\n今天讨论了食堂的菜单。\n', 'gb18030', false))), null);
    assert.equal(looksMisdecoded(report), false);
  });
});
