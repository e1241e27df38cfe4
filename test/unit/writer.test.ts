/** The writer's experience: new-report skeleton, table snippets, short hovers, fix titles, digit style, lens status. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { expandSnippet, renderNewReportSnippet } from '../../server/src/service/new-report';

const LAYOUTS = ['tab', 'pipe', 'markdown', 'cells'] as const;

describe('new report', () => {
  for (const year of [2020, 2025]) {
    for (const layout of LAYOUTS) {
      it(`a fresh ${year} skeleton in the ${layout} layout produces no diagnostic`, () => {
        const { version, snippet } = renderNewReportSnippet({ agency: '清河镇人民政府', year, layout });
        assert.equal(version, year === 2020 ? '2019' : '2021');
        const text = expandSnippet(snippet);
        const a = analyze(text);
        assert.deepEqual(a.diagnostics.map((d) => `${d.code}: ${d.message.zh}`), []);
        assert.equal(a.report.year, year);
        assert.equal(a.report.formatVersion, version);
        assert.equal(a.report.tables.length, 3);
        assert.ok(a.report.tables.every((t) => t.layout === layout), 'every table is read back in the chosen layout');
        assert.equal(a.report.sections.length, 6);
      });
    }
  }
});
