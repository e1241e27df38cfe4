/**
 * Scanned-page geometry (issue 22): bits of a cell's borders left inside its box are cleared before the
 * cell is read (a remnant beside a 0 read as `10` was accepted as a figure), and the print is not touched.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearRemnants } from '../../server/src/sources/ocr-lines';
import type { GrayImage } from '../../server/src/sources/pdfium';

/** A white image of w × h with the given boxes painted dark. */
function image(w: number, h: number, dark: [number, number, number, number][]): GrayImage {
  const data = new Uint8Array(w * h).fill(255);
  for (const [x, y, bw, bh] of dark) for (let j = y; j < y + bh; j++) data.fill(20, j * w + x, j * w + x + bw);
  return { width: w, height: h, data };
}
const inkAt = (img: GrayImage, x: number, y: number) => img.data[y * img.width + x] < 160;

describe('clearing border remnants in cells', () => {
  const cell = { x: 10, y: 10, w: 120, h: 60 };

  it('a thin rule piece along an edge and a speck in the corner are paper; the figure in the middle stays', () => {
    const img = image(140, 80, [
      [60, 25, 14, 24], // the figure's ink, in the middle
      [11, 20, 2, 30], // a vertical remnant along the left edge (2 px thick, 30 long)
      [40, 67, 50, 2], // a horizontal remnant along the bottom edge
      [127, 11, 2, 2], // a speck in the top-right corner
    ]);
    const out = clearRemnants(img, [cell]);
    assert.ok(inkAt(out, 65, 30));
    assert.ok(!inkAt(out, 11, 30) && !inkAt(out, 60, 68) && !inkAt(out, 127, 11));
    // The image given is not changed.
    assert.ok(inkAt(img, 11, 30));
  });

  it('print near an edge is kept: a 1 with its flag, a wide stroke, text further in', () => {
    const img = image(140, 80, [
      [12, 25, 3, 28], [9 + 3, 25, 8, 3], // a 1 at the left edge: its stem and its flag make one piece 8 px wide
      [40, 12, 40, 5], // a stroke near the top, 5 px thick
      [60, 40, 2, 20], // a thin vertical stroke 20 px in from the edges
    ]);
    const out = clearRemnants(img, [cell]);
    assert.deepEqual(out, img);
  });
});
