/**
 * Real layouts, as published reports reach a checker (test/fixtures/patterns/, written by
 * scripts/make-pattern-fixtures.mjs from the balanced matrix report): blank cells between separators,
 * headings run into their first paragraph, table 三 split into sub-tables, a garbled extraction; and
 * text decoded with the wrong encoding. Each is read as the same report, or reported once.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze as analyzeAll, fixAll, looksMisdecoded } from '../../server/src/service/analyze';

/** These tests are about reading layouts; the tab layouts mix digit widths on purpose, which `digit-width` reports. */
const analyze = (text: string, options: Parameters<typeof analyzeAll>[1] = {}) =>
  analyzeAll(text, { ...options, rules: { 'digit-width': 'off', ...options.rules } });
import { encodeText } from '../../server/src/sources/index';
import { FIXTURES, checkGolden, listFiles, projectModel, readFixture, renderDiagnostics } from './helpers';

const DIR = join(FIXTURES, 'patterns');
const files = listFiles(DIR, (f) => f.endsWith('.txt') && !f.endsWith('.golden.txt'));
const original = analyze(readFixture('matrix', '2021-tab.txt'));
const t3Values = (a: ReturnType<typeof analyze>) => projectModel(a.report).tables.find((t) => t.kind === 't3')!.rows;
const errors = (a: ReturnType<typeof analyze>) => a.diagnostics.filter((d) => d.severity === 'error');

describe('real layouts (pattern fixtures)', () => {
  it('has each pattern in more than one layout', () => {
    for (const p of ['blank-separators', 'glued-headings', 'sub-tables', 'garbled']) {
      assert.ok(files.filter((f) => f.startsWith(p + '-')).length >= 2, p);
    }
  });
  for (const f of files) {
    it(`${f} matches its golden`, () => checkGolden(join(DIR, f.replace(/\.txt$/, '.golden.txt')), renderDiagnostics(analyze(readFixture('patterns', f)))));
  }

  for (const f of files.filter((x) => x.startsWith('blank-separators-'))) {
    it(`${f}: empty cells keep their column; blanks are one warning per table and one fix fills them all`, () => {
      const a = analyze(readFixture('patterns', f));
      assert.deepEqual(errors(a), []);
      const blanks = a.diagnostics.filter((d) => d.code === 'blank-cell');
      assert.ok(blanks.length >= 1 && blanks.length <= a.report.tables.length, `${blanks.length} blank-cell findings`);
      assert.ok(blanks.some((d) => (d.related?.length ?? 0) > 50), 'the blank cells are listed as related information');
      const fixed = analyze(fixAll(a.text).text);
      assert.deepEqual(fixed.diagnostics, []);
      assert.deepEqual(t3Values(fixed), t3Values(original), 'the same figures as the original, with 0 in the blanks');
    });
  }

  for (const f of files.filter((x) => x.startsWith('glued-headings-'))) {
    it(`${f}: a heading followed on its line by text is still the section`, () => {
      const a = analyze(readFixture('patterns', f));
      assert.deepEqual(a.report.sections.map((s) => s.index), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(a.diagnostics, []);
    });
  }

  for (const f of files.filter((x) => x.startsWith('sub-tables-'))) {
    it(`${f}: sub-tables with placeholder headers are one table 三, read row by row`, () => {
      const a = analyze(readFixture('patterns', f));
      assert.deepEqual(a.diagnostics, []);
      assert.equal(a.report.tables.filter((t) => t.kind === 't3').length, 1);
      assert.deepEqual(t3Values(a), t3Values(original));
    });
  }

  for (const f of files.filter((x) => x.startsWith('garbled-'))) {
    it(`${f}: labels and figures in separate blocks: one finding for the table, saying why, and no arithmetic`, () => {
      const a = analyze(readFixture('patterns', f));
      const t3 = a.report.tables.find((t) => t.kind === 't3')!;
      const shape = a.diagnostics.filter((d) => d.code === 'table-shape');
      assert.equal(shape.length, 1);
      assert.ok(shape[0].start >= t3.start && shape[0].end <= t3.end);
      assert.match(shape[0].message.zh, /表三无法完整读取.*转换/);
      assert.ok(!a.diagnostics.some((d) => ['row-total', 'column-total', 'balance'].includes(d.code)));
    });
  }
});

describe('blank cells in rows typed in full-width digits', () => {
  it('the one fix of the table fills each blank in the digits of its row', () => {
    const text = readFixture('matrix', '2021-tab.txt').replace('4.保护第三方合法权益\t3\t1\t0\t0\t0\t0\t4', '4.保护第三方合法权益\t３\t１\t\t\t\t\t４');
    const a = analyze(text);
    const blank = a.diagnostics.filter((d) => d.code === 'blank-cell');
    assert.equal(blank.length, 1);
    assert.match(fixAll(text, { rules: { 'digit-width': 'off' } }).text, /4\.保护第三方合法权益\t３\t１\t０\t０\t０\t０\t４/);
  });
});

describe('text decoded with the wrong encoding', () => {
  const seed = readFixture('reports', '001_b4cf58a1ae5d2f01.txt');
  const gbk = encodeText(seed, 'gb18030', false);
  for (const [name, text] of [['as UTF-8', new TextDecoder('utf-8').decode(gbk)], ['as Windows-1252', new TextDecoder('windows-1252').decode(gbk)]] as const) {
    it(`a GBK file read ${name}: one diagnostic that says so, instead of missing sections`, () => {
      const a = analyze(text);
      assert.deepEqual(a.diagnostics.map((d) => d.code), ['encoding']);
      assert.match(a.diagnostics[0].message.zh, /GBK/);
    });
  }
  it('real reports are never taken for garbled text', () => {
    for (const f of listFiles(join(FIXTURES, 'reports'), (x) => /^\d{3}_[0-9a-f]+\.txt$/.test(x))) assert.equal(looksMisdecoded(readFixture('reports', f)), false, f);
    for (const f of listFiles(join(FIXTURES, 'corpus'), (x) => /\.(txt|md)$/.test(x) && !x.includes('.golden') && !x.includes('.model'))) {
      assert.equal(looksMisdecoded(readFixture('corpus', f)), false, f);
    }
  });
});
