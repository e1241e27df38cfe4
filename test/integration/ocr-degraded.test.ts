/**
 * Scanned reports at other resolutions and badly scanned (issue 22, "Done when"): the pages of
 * hongze_2024 that hold tables 二, 三 and 四 (pages 2–4) are scanned at 200 dpi, and again degraded as a
 * cheap scanner and its software would: grey noise, fed 1° askew, and saved as a JPEG of quality 60.
 * Every figure of the three tables read from them equals the figure of the text PDF, or is corrected
 * to it by the table's identities, or is reported as not reliably read: 0 wrong figures accepted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare, tallyLine } from './ocr-compare';

const TABLE_PAGES = [2, 3, 4];

describe('scanned table pages at 200 dpi, clean and degraded (OCR)', { timeout: 600_000 }, () => {
  it('200 dpi: every figure of tables 二/三/四 right, corrected by identity, or marked', async () => {
    const { tally, source } = await compare('hongze_2024.pdf', { dpi: 200, pages: TABLE_PAGES, keepText: true });
    console.log(tallyLine('hongze_2024 pages 2–4, 200 dpi', tally));
    assert.deepEqual(tally.wrong, []);
    assert.ok(tally.read + tally.corrected >= tally.figures * 0.8, `only ${tally.read} of ${tally.figures} figures read`);
    // Text pages stay text pages; only the scanned ones are marked.
    assert.ok(source.origins?.some((o) => o?.page === 1 && !o.ocr));
    assert.ok(source.origins?.some((o) => o?.page === 3 && o.ocr));
  });

  it('degraded (noise, fed 1° askew, JPEG quality 60): no page is lost, no figure accepted wrong', async () => {
    const { tally, source, analysis } = await compare('hongze_2024.pdf', { dpi: 200, pages: TABLE_PAGES, keepText: true, noise: 40, skew: 1, jpeg: 60 });
    console.log(tallyLine('hongze_2024 pages 2–4, 200 dpi, noise, 1° skew, JPEG 60', tally));
    assert.deepEqual(tally.wrong, []);
    // Figures not in their place are in rows whose labels the engine misread: the table says it could
    // not be read whole, as a warning (a scan's misreading is no error of the report).
    for (const kind of new Set(tally.missing.map((k) => k.split('/')[0]))) {
      const t = analysis.report.tables.find((x) => x.kind === kind)!;
      const said = analysis.diagnostics.filter((d) => d.start >= t.start && d.start <= t.end && ['table-shape', 'ocr-reading'].includes(d.code));
      assert.ok(said.length > 0, `${kind}: ${tally.missing.join(', ')}`);
    }
    assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error' && ['table-shape', 'cell-value', 'blank-cell'].includes(d.code)), []);
    assert.ok(tally.read + tally.corrected >= tally.figures * 0.5, `only ${tally.read} of ${tally.figures} figures read`);
    assert.ok(source.origins?.some((o) => o?.page === 5 && !o.ocr));
    assert.ok(source.origins?.some((o) => o?.page === 3 && o.ocr));
  });
});
