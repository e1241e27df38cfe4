/**
 * Real layouts that used to give false errors (issue 19), as test/fixtures/layouts/ holds them (written by
 * scripts/make-layout-fixtures.mjs from the balanced matrix report): headings in other words, table 四 as
 * three labelled sub-tables, placeholder header sub-tables, a table split across pages, a PDF row without
 * ruling, run-on text. Each is read as the same report, or its one real problem is reported once.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, fixAll } from '../../server/src/service/analyze';
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
    for (const p of ['heading-variants', 'placeholder-headers', 'page-split', 'spaced-row', 't4-sub-tables']) assert.ok(of(p).length >= 2, p);
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
});
