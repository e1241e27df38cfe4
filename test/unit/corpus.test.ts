/**
 * The real published reports of test/fixtures/corpus/ (copied from the shared corpus, with FACTS.md):
 * each has a golden; what FACTS.md lists is found, and no error appears that it does not list
 * (test/integration/corpus-property.test.ts changes their figures at random).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { CORPUS, checkGolden, corpusReports, readFixture, renderDiagnostics, renderModel } from './helpers';


/** What FACTS.md says, as rule ids: `find` must be reported (with counts), `errors` are the only error ids allowed. */
const FACTS: Record<string, { find: Record<string, number>; errors: string[] }> = {
  'hongze_2023.txt': { find: { 'review-total': 2, 'official-wording': 1, 'format-version': 1, 'look-alike': 1 }, errors: ['review-total', 'format-version'] },
  'hongze_2024.txt': { find: { 'official-wording': 1, 'format-version': 1 }, errors: ['format-version'] },
  'huaian_2024.txt': { find: { 'official-wording': 1 }, errors: [] },
  'pingtan_2021.txt': { find: {}, errors: [] },
  'pingtan_2022.txt': { find: { 'official-wording': 1 }, errors: [] },
  'pingtan_2024.txt': { find: { 'look-alike': 1 }, errors: [] },
  'shanghai_kewei_2024_extract.md': { find: { 'section-numbering': 1, 'section-order': 1, 'missing-section': 1 }, errors: ['section-numbering', 'section-order', 'missing-section', 'table-shape'] },
};

/** The proofreading rules (issue 21): no error or warning of theirs on a real report unless FACTS.md lists it. */
const PROOFREADING = ['serious-wording', 'look-alike', 'document-number', 'unbalanced-brackets', 'preamble-parts', 'agency-name', 'number-spacing', 'percent-sign'];
const PROOFREADING_FACTS: Record<string, string[]> = { 'hongze_2023.txt': ['look-alike'], 'pingtan_2024.txt': ['look-alike'] };

describe('real published reports (corpus)', () => {
  const files = corpusReports();
  it('every corpus report has its facts here', () => assert.deepEqual(files, Object.keys(FACTS).sort()));

  for (const file of files) {
    describe(file, () => {
      const a = analyze(readFixture('corpus', file));
      it('matches its diagnostics and model goldens', () => {
        checkGolden(join(CORPUS, file.replace(/\.(txt|md)$/, '.golden.txt')), renderDiagnostics(a));
        checkGolden(join(CORPUS, file.replace(/\.(txt|md)$/, '.model.txt')), renderModel(a.report));
      });
      it('finds every defect FACTS.md lists', () => {
        for (const [code, n] of Object.entries(FACTS[file].find)) {
          assert.ok(a.diagnostics.filter((d) => d.code === code).length >= n, `${code} ×${n} not found`);
        }
      });
      it('reports no error that FACTS.md does not list', () => {
        const extra = a.diagnostics.filter((d) => d.severity === 'error' && !FACTS[file].errors.includes(d.code));
        assert.deepEqual(extra.map((d) => `${d.code}: ${d.message.zh}`), []);
      });
      it('reports no proofreading error or warning that FACTS.md does not list', () => {
        const extra = a.diagnostics.filter((d) => PROOFREADING.includes(d.code) && (d.severity === 'error' || d.severity === 'warning') && !(PROOFREADING_FACTS[file] ?? []).includes(d.code));
        assert.deepEqual(extra.map((d) => `${d.code}: ${d.message.zh}`), []);
      });
      it('at most one table-shape finding per table, and at most 6 warnings', () => {
        const shape = a.diagnostics.filter((d) => d.code === 'table-shape');
        for (const t of a.report.tables) assert.ok(shape.filter((d) => d.start >= t.start && d.end <= t.end).length <= 1, `table ${t.kind}`);
        assert.ok(a.diagnostics.filter((d) => d.severity === 'warning').length <= 6);
      });
    });
  }

  it('hongze 2023: the two table 四 totals printed as 0 are the ones reported', () => {
    const text = readFixture('corpus', 'hongze_2023.txt');
    const d = analyze(text).diagnostics.filter((x) => x.code === 'review-total');
    assert.deepEqual(d.map((x) => text.slice(x.start, x.end)), ['0', '0']);
    assert.match(d[0].message.zh, /应为 11/);
    assert.match(d[1].message.zh, /各分项之和为 5.*“复议后起诉·总计”改为 5/, 'the parts or the total: both named, neither guessed');
  });

  it('pingtan 2024: the typo 仍在不足 is the one proofreading finding, with its fix', () => {
    const text = readFixture('corpus', 'pingtan_2024.txt');
    const d = analyze(text).diagnostics.filter((x) => ['serious-wording', 'look-alike', 'agency-name', 'document-number', 'unbalanced-brackets', 'preamble-parts'].includes(x.code));
    assert.deepEqual(d.map((x) => text.slice(x.start, x.end)), ['仍在不足']);
    assert.equal(d[0].fix?.edits[0].newText, '仍存在不足');
  });

  it('pingtan: a heading that shares its line with the first paragraph is a section', () => {
    for (const f of ['pingtan_2021.txt', 'pingtan_2022.txt', 'pingtan_2024.txt']) {
      assert.deepEqual(analyze(readFixture('corpus', f)).report.sections.map((s) => s.index), [1, 2, 3, 4, 5, 6], f);
    }
  });
});
