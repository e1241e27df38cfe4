/**
 * Figures recognised from a scan, on the model's cells: each table cell that holds a figure the OCR
 * engine read (a source's `OcrReading`) gets its `ocr` flag — the page, the engine's confidence, the
 * readings and the doubtful digits — so that rules, the preview and the correction by identity
 * (`service/ocr-readings.ts`) know which figures came from a scan and how sure the engine was.
 * Linear in the cells and readings (readings sorted once, one binary search per cell).
 */
import type { OcrReading } from '../../sources/types';
import type { CellOcr, Report } from './types';

/** Sets `ocr` on every typed cell of `report`'s tables that a reading falls in (its offset within the cell). */
export function markRecognised(report: Report, readings: readonly OcrReading[]): void {
  if (!readings.length) return;
  const sorted = [...readings].filter((r) => r.offset >= 0).sort((p, q) => p.offset - q.offset);
  const firstAt = (at: number) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].offset < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const t of report.tables) {
    for (const row of t.rows) {
      for (const c of row.cells) {
        const r = sorted[firstAt(c.cell.start)];
        if (!r || r.offset > c.cell.end) continue;
        c.ocr = cellOcr(r);
      }
    }
  }
}

function cellOcr(r: OcrReading): CellOcr {
  return {
    page: r.page, confidence: r.confidence, readings: r.alternative && r.alternative !== r.text ? [r.text, r.alternative] : [r.text],
    doubtful: r.doubtful, unreadable: r.unreadable,
  };
}
