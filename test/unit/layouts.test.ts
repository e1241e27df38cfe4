/**
 * Real layouts that used to give false errors (issue 19), as test/fixtures/layouts/ holds them (written by
 * scripts/make-layout-fixtures.mjs from the balanced matrix report): headings in other words, table 四 as
 * three labelled sub-tables, placeholder header sub-tables, a table split across pages, a PDF row without
 * ruling, run-on text. Each is read as the same report, or its one real problem is reported once.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFacts } from '../../server/src/model/facts';
import { analyze as analyzeAll, fixAll } from '../../server/src/service/analyze';

/** These tests are about reading layouts; the tab layouts mix digit widths on purpose, which `digit-width` reports. */
const analyze = (text: string, options: Parameters<typeof analyzeAll>[1] = {}) =>
  analyzeAll(text, { ...options, rules: { 'digit-width': 'off', ...options.rules } });
import { codeLenses, foldingRanges } from '../../server/src/service/outline';
import { positionAt } from '../../server/src/syntax/parse';
import { FIXTURES, checkGolden, listFiles, projectModel, readFixture, renderDiagnostics } from './helpers';

const DIR = join(FIXTURES, 'layouts');
const files = listFiles(DIR, (f) => f.endsWith('.txt') && !f.endsWith('.golden.txt'));
const of = (prefix: string) => files.filter((f) => f.startsWith(prefix + '-'));
const load = (f: string) => analyze(readFixture('layouts', f));
const errors = (a: ReturnType<typeof analyze>) => a.diagnostics.filter((d) => d.severity === 'error');
const tableRows = (a: ReturnType<typeof analyze>, kind: string) => projectModel(a.report).tables.find((t) => t.kind === kind)?.rows;
const original = analyze(readFixture('matrix', '2021-tab.txt'));

describe('real layouts that used to give false errors', () => {
  it('has each pattern in at least two layouts', () => {
    for (const p of ['heading-variants', 'placeholder-headers', 'page-split', 'spaced-row', 't4-sub-tables', 'run-on', 'midline-headings']) assert.ok(of(p).length >= 2, p);
  });
  for (const f of files) {
    it(`${f} matches its golden`, () => checkGolden(join(DIR, f.replace(/\.txt$/, '.golden.txt')), renderDiagnostics(load(f))));
  }

  for (const f of of('heading-variants')) {
    it(`${f}: a numbered heading in other words is its section, with one wording warning and a fix`, () => {
      const a = load(f);
      assert.deepEqual(a.report.sections.map((s) => s.index), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(errors(a), []);
      assert.ok(!a.diagnostics.some((d) => d.code === 'missing-section'));
      const wording = a.diagnostics.filter((d) => d.code === 'official-wording');
      assert.ok(wording.length >= 1 && wording.every((d) => d.fix?.kind === 'safe' && d.severity === 'warning'));
      const fixed = fixAll(a.text).text;
      assert.match(fixed, /五、存在的主要问题及改进情况/);
      assert.deepEqual(analyze(fixed).diagnostics, []);
      assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
    });
  }

  for (const f of of('placeholder-headers')) {
    it(`${f}: header sub-tables of placeholders before table 三 are its header, not rows`, () => {
      const a = load(f);
      assert.deepEqual(a.diagnostics, []);
      assert.equal(a.report.tables.filter((t) => t.kind === 't3').length, 1);
      assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
    });
  }

  for (const f of of('page-split')) {
    it(`${f}: a table split across pages (page number, running title, repeated header) is one table`, () => {
      const a = load(f);
      assert.deepEqual(errors(a), []);
      assert.ok(!a.diagnostics.some((d) => d.code === 'table-shape'));
      assert.equal(a.report.tables.filter((t) => t.kind === 't3').length, 1);
      assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
    });
  }

  for (const f of of('spaced-row')) {
    it(`${f}: a row whose cells are separated by single spaces, between separated rows, is that row`, () => {
      const a = load(f);
      assert.deepEqual(a.diagnostics, []);
      assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
      assert.deepEqual(tableRows(a, 't2'), tableRows(original, 't2'));
    });
  }
  it('a spaced line without the columns\' count of figures stays text: the row is reported missing, once', () => {
    const text = readFixture('layouts', 'spaced-row-tab.txt').replace('2.没有现成信息需要另行制作 3 0 0 0 0 0 3', '2.没有现成信息需要另行制作 3 0 3');
    const shape = analyze(text).diagnostics.filter((d) => d.code === 'table-shape');
    assert.equal(shape.length, 1);
    assert.match(shape[0].message.zh, /缺少“2\.没有现成信息需要另行制作”行/);
  });

  for (const f of of('t4-sub-tables')) {
    it(`${f}: table 四 as three labelled five-column sub-tables is one row of fifteen, in the labels' order`, () => {
      const a = load(f);
      assert.deepEqual(a.diagnostics, []);
      assert.equal(a.report.tables.filter((t) => t.kind === 't4').length, 1);
      assert.deepEqual(tableRows(a, 't4'), tableRows(original, 't4'));
    });
  }
  it('a wrong total in one sub-table of 四 is one review-total error on that cell', () => {
    const text = readFixture('layouts', 't4-sub-tables-markdown.txt').replace('| 1 | 0 | 0 | 0 | 1 |', '| 1 | 0 | 0 | 0 | 3 |');
    const a = analyze(text);
    assert.deepEqual(errors(a).map((d) => d.code), ['review-total']);
    assert.equal(text.slice(errors(a)[0].start, errors(a)[0].end), '3');
  });

  for (const f of of('run-on')) {
    it(`${f}: the whole body on one line after metadata lines: six sections, the tables re-separated, the 发布时间 date`, () => {
      const a = load(f);
      assert.deepEqual(a.report.sections.map((s) => s.index), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(errors(a), []);
      assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
      assert.deepEqual(tableRows(a, 't4'), tableRows(original, 't4'));
      assert.equal(a.report.title?.text, '清河镇人民政府2023年政府信息公开工作年度报告');
      const signed = readFacts(a.report).signed;
      assert.deepEqual(signed && [signed.year, signed.month, signed.day], [2024, 1, 30]);
    });
  }
  it('run-on text: figures run together that split more than one way are one warning for their table, with the row', () => {
    const a = load('run-on-glued.txt');
    const shape = a.diagnostics.filter((d) => d.code === 'table-shape');
    assert.equal(shape.length, 1);
    assert.equal(shape[0].severity, 'warning');
    assert.match(shape[0].message.zh, /表二有 1 行的数字连写在一起.*“行政规范性文件”的“3117”/);
    assert.deepEqual(load('run-on-spaced.txt').diagnostics.filter((d) => d.code === 'table-shape'), []);
  });
  it('run-on text: a wrong figure run together is still found, on its cell, with the same line and column as the document', () => {
    const text = readFixture('layouts', 'run-on-spaced.txt').replace('4.保护第三方合法权益 3 1 0 0 0 0 4', '4.保护第三方合法权益 3 1 0 0 0 0 5');
    const a = analyze(text);
    assert.ok(errors(a).length >= 1);
    assert.ok(errors(a).every((d) => d.start >= text.indexOf('4.保护第三方') && d.end <= text.indexOf('4.保护第三方') + 40 || d.code !== 'row-total'));
    assert.ok(a.diagnostics.some((d) => text.slice(d.start, d.end) === '5'));
  });
  it('text without any section heading is one missing-section error, not six', () => {
    const text = readFixture('layouts', 'run-on-glued.txt').replace(/[一二三四五六]、/g, '');
    const missing = analyze(text).diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message.zh, /找不到任何章节标题/);
  });
  for (const name of ['pingtan_guanweihui_2021', 'pingtan_gonganju_2022']) {
    it(`crawler page ${name}: the same sections and tables 三 and 四 as the report with its lines separated, and no error`, () => {
      const page = analyze(readFixture('layouts', 'crawler', `${name}.page.txt`));
      const clean = analyze(readFixture('layouts', 'crawler', `${name}.txt`));
      assert.deepEqual(errors(page), []);
      assert.deepEqual(page.report.sections.map((s) => s.index), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(tableRows(page, 't3'), tableRows(clean, 't3'));
      assert.deepEqual(tableRows(page, 't4'), tableRows(clean, 't4'));
      assert.ok(page.diagnostics.filter((d) => d.severity === 'warning').length <= 1);
    });
  }

  it('a long preamble line that lists the six numbered sections is not run-on text', () => {
    const list = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const preamble = `本报告由${list.join('，')}六个部分组成。${'本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'.repeat(10)}`;
    const text = readFixture('matrix', '2021-tab.txt').replace('\n\n', `\n\n${preamble}\n\n`);
    assert.ok(preamble.length >= 400);
    const a = analyze(text);
    assert.deepEqual(a.report.sections.map((s) => s.heading.line.text.startsWith('本报告')), [false, false, false, false, false, false]);
    assert.deepEqual(a.diagnostics, analyze(readFixture('matrix', '2021-tab.txt')).diagnostics.map((d) => ({ ...d, start: d.start + preamble.length + 2, end: d.end + preamble.length + 2 })));
  });

  for (const f of of('midline-headings')) {
    it(`${f}: a heading after the end of a sentence in mid-line is its section; the tables stay as they are`, () => {
      const a = load(f);
      assert.deepEqual(a.report.sections.map((s) => s.index), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(a.diagnostics, []);
      assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
      const six = a.report.sections[5].heading;
      assert.equal(a.text.slice(six.numeralStart, six.titleEnd), '六、其他需要报告的事项');
    });
  }

  it('run-on text: positions, folds and lenses are on the document\'s own lines', () => {
    const text = readFixture('layouts', 'run-on-spaced.txt') + '\n附件：无\n';
    const a = analyze(text);
    const physical = text.split('\n');
    const at = text.indexOf('五、存在的主要问题');
    assert.deepEqual(positionAt(a.report.tree.lines, at), { line: 4, character: at - text.indexOf(physical[4]) });
    const tail = text.indexOf('附件：无');
    assert.deepEqual(positionAt(a.report.tree.lines, tail), { line: 6, character: 0 });
    for (const l of codeLenses(a)) assert.equal(l.line, 4);
    for (const f of foldingRanges(a)) assert.ok(f.startLine < f.endLine && f.endLine < physical.length);
  });

  it('run-on text: prose before a table stays prose, and is still read against the table', () => {
    const text = readFixture('layouts', 'run-on-spaced.txt')
      .replace('二、主动公开政府信息情况', '二、主动公开政府信息情况2023年，全镇共主动公开政府信息386条。')
      .replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况2023年共收到申请134件，予以公开55件。');
    const a = analyze(text);
    assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
    assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'hint').map((d) => `${d.code} ${text.slice(d.start, d.end)}`), ['text-table-mismatch 55']);
  });

  it('run-on text: a row label inside prose with a unit (申请数量134件) is not taken for the table\'s row', () => {
    const text = readFixture('layouts', 'run-on-spaced.txt')
      .replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况本年新收政府信息公开申请数量134件。');
    const a = analyze(text);
    assert.deepEqual(tableRows(a, 't3'), tableRows(original, 't3'));
    assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'hint'), []);
  });
});
