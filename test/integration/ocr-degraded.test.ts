/**
 * Scanned reports at other resolutions and badly scanned (issue 22, "Done when"): the pages of the
 * corpus PDFs that hold tables 二, 三 and 四 are scanned at 200 dpi, and again degraded as a cheap
 * scanner and its software would: grey noise, fed 1° askew, and saved as a JPEG of quality 60. Every
 * figure of the three tables read from them equals the figure of the text PDF, or is corrected to it
 * by the table's identities, or is reported as not reliably read: 0 wrong figures accepted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../server/src/service/analyze';
import { compare, Tally, tallyLine } from './ocr-compare';

const DEGRADED = { dpi: 200, noise: 40, skew: 1, jpeg: 60 };

/**
 * Figures not in their place are in rows whose labels the engine misread, or cells left blank: the
 * table says it could not be read whole, as a warning (a scan's misreading is no error of the report).
 */
function assertReported(tally: Tally, analysis: Analysis): void {
  for (const kind of new Set(tally.missing.map((k) => k.split('/')[0]))) {
    const t = analysis.report.tables.find((x) => x.kind === kind)!;
    const said = analysis.diagnostics.filter((d) => d.start >= t.start && d.start <= t.end && ['table-shape', 'ocr-reading', 'blank-cell'].includes(d.code));
    assert.ok(said.length > 0, `${kind}: ${tally.missing.join(', ')}`);
  }
  assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error' && ['table-shape', 'cell-value', 'blank-cell'].includes(d.code)), []);
}

describe('scanned table pages at 200 dpi, clean and degraded (OCR)', { timeout: 600_000 }, () => {
  it('200 dpi: every figure of tables 二/三/四 right, corrected by identity, or marked', async () => {
    const { tally, source } = await compare('hongze_2024.pdf', { dpi: 200, pages: [2, 3, 4], keepText: true });
    console.log(tallyLine('hongze_2024 pages 2–4, 200 dpi', tally));
    assert.deepEqual(tally.wrong, []);
    assert.ok(tally.read + tally.corrected + tally.confirmed >= tally.figures * 0.9, `only ${tally.read} of ${tally.figures} figures read`);
    // Text pages stay text pages; only the scanned ones are marked.
    assert.ok(source.origins?.some((o) => o?.page === 1 && !o.ocr));
    assert.ok(source.origins?.some((o) => o?.page === 3 && o.ocr));
  });

  it('the other corpus report at 150 and 200 dpi (huaian_2024, tables on pages 3–5): no figure accepted wrong', async () => {
    for (const dpi of [150, 200]) {
      const { tally, analysis } = await compare('huaian_2024.pdf', { dpi, pages: [3, 4, 5] });
      console.log(tallyLine(`huaian_2024 pages 3–5, ${dpi} dpi`, tally));
      assert.deepEqual(tally.wrong, []);
      assert.ok(tally.read + tally.corrected + tally.confirmed >= tally.figures * 0.7, `only ${tally.read} of ${tally.figures} figures read`);
      assertReported(tally, analysis);
    }
  });

  it('degraded (noise, fed 1° askew, JPEG quality 60): no page is lost, no figure accepted wrong', async () => {
    const { tally, source, analysis } = await compare('hongze_2024.pdf', { ...DEGRADED, pages: [2, 3, 4], keepText: true });
    console.log(tallyLine('hongze_2024 pages 2–4, 200 dpi, noise, 1° skew, JPEG 60', tally));
    assert.deepEqual(tally.wrong, []);
    assert.ok(tally.read + tally.corrected + tally.confirmed >= tally.figures * 0.9, `only ${tally.read} of ${tally.figures} figures read`);
    assertReported(tally, analysis);
    assert.ok(source.origins?.some((o) => o?.page === 5 && !o.ocr));
    assert.ok(source.origins?.some((o) => o?.page === 3 && o.ocr));
  });

  it('degraded, the other corpus report (huaian_2024: thin rules, italic figures; tables on pages 3–5): no figure accepted wrong', async () => {
    const { tally, analysis } = await compare('huaian_2024.pdf', { ...DEGRADED, pages: [3, 4, 5] });
    console.log(tallyLine('huaian_2024 pages 3–5, 200 dpi, noise, 1° skew, JPEG 60', tally));
    assert.deepEqual(tally.wrong, []);
    assert.ok(tally.read + tally.corrected + tally.confirmed >= tally.figures * 0.5, `only ${tally.read} of ${tally.figures} figures read`);
    assertReported(tally, analysis);
  });
});
