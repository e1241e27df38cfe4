/** The five real seed reports, exactly as users paste them: goldens plus the facts each must give. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { FIXTURES, checkGolden, listFiles, readFixture, renderDiagnostics, renderModel } from './helpers';

const seeds = listFiles(join(FIXTURES, 'reports'), (f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f));
const codes = (name: string) => analyze(readFixture('reports', name)).diagnostics;
const errorCodes = (name: string) => codes(name).filter((d) => d.severity === 'error').map((d) => d.code);

describe('seed reports', () => {
  it('all five seeds are present', () => assert.equal(seeds.length, 5));

  for (const name of seeds) {
    it(`${name} matches its diagnostics and model goldens`, () => {
      const a = analyze(readFixture('reports', name));
      checkGolden(join(FIXTURES, 'reports', name.replace(/\.txt$/, '.golden.txt')), renderDiagnostics(a));
      checkGolden(join(FIXTURES, 'reports', name.replace(/\.txt$/, '.model.txt')), renderModel(a.report));
    });
  }

  it('000: 2021 report in the 2021 format, table-shape in tables 三 and 四, no arithmetic or missing section', () => {
    const name = seeds[0];
    const a = analyze(readFixture('reports', name));
    assert.equal(a.report.year, 2021);
    assert.equal(a.report.formatVersion, '2021');
    const shapes = a.diagnostics.filter((d) => d.code === 'table-shape');
    const t3 = a.report.tables.find((t) => t.kind === 't3')!;
    const t4 = a.report.tables.find((t) => t.kind === 't4')!;
    // Rows that cannot be read are one finding per table, each row in its related information.
    const inT3 = shapes.filter((d) => d.start >= t3.start && d.end <= t3.end);
    assert.equal(inT3.length, 1);
    assert.ok(inT3[0].related!.some((r) => /实有 12 列/.test(r.message.zh)));
    assert.ok(shapes.some((d) => d.start >= t4.start && d.end <= t4.end && /应有 15 列数字，实有 16 列/.test(d.message.zh)));
    for (const code of ['row-total', 'column-total', 'balance', 'review-total', 'missing-section']) {
      assert.ok(!a.diagnostics.some((d) => d.code === code), `unexpected ${code}`);
    }
  });

  it('001: 2021 report in the 2021 format with no error at all', () => {
    const a = analyze(readFixture('reports', seeds[1]));
    assert.equal(a.report.year, 2021);
    assert.equal(a.report.formatVersion, '2021');
    assert.deepEqual(errorCodes(seeds[1]), []);
  });

  it('002: 2020 report in the 2019 format, no format-version, section-numbering on 6、', () => {
    const a = analyze(readFixture('reports', seeds[2]));
    assert.equal(a.report.year, 2020);
    assert.equal(a.report.formatVersion, '2019');
    assert.ok(!a.diagnostics.some((d) => d.code === 'format-version'));
    const numbering = a.diagnostics.filter((d) => d.code === 'section-numbering');
    assert.equal(numbering.length, 1);
    assert.equal(a.text.slice(numbering[0].start, numbering[0].end).trim(), '6、');
  });

  it('003: 2021 report in the 2021 format, table-shape on the rows with 6 values', () => {
    const a = analyze(readFixture('reports', seeds[3]));
    assert.equal(a.report.year, 2021);
    assert.equal(a.report.formatVersion, '2021');
    const shape = a.diagnostics.filter((d) => d.code === 'table-shape');
    assert.equal(shape.length, 1, 'one finding for the table, not one per row');
    const six = shape[0].related!.filter((r) => /实有 6 列/.test(r.message.zh));
    assert.ok(six.length >= 20, `only ${six.length} six-value rows named`);
    assert.ok(six.some((r) => /予以公开/.test(r.message.zh)));
  });

  it('004: 2021 report in the 2019 format: format-version and blank-cell', () => {
    const a = analyze(readFixture('reports', seeds[4]));
    assert.equal(a.report.year, 2021);
    assert.equal(a.report.formatVersion, '2019');
    assert.ok(a.diagnostics.some((d) => d.code === 'format-version'));
    assert.ok(a.diagnostics.some((d) => d.code === 'blank-cell'));
    const amount = a.report.tables.find((t) => t.kind === 't2')!.rows.find((r) => r.id === 'procurement')!;
    assert.equal(amount.cells[1].value.kind === 'number' && amount.cells[1].value.decimal, '552.91');
  });
});
