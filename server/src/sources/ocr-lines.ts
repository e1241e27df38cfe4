/**
 * Scanned-page geometry, pure (no engine, no WebAssembly): the ruling lines of a page drawn as grey
 * levels, given as the same `Segments` that `pdfium.ts` reads from a text PDF, so that `pdf-grid.ts`
 * finds the same grids in a scan; the merged cells of each grid as pixel boxes (each is recognised on
 * its own: an engine's line boxes merge a table row and drop figures); and crops of a bitmap as PGM,
 * which the engine reads. Linear in the pixels.
 */
import type { GrayImage } from './pdfium';
import { findGrids, mergedCells, Segment, TOL } from './pdf-grid';
import { addStroke, Segments } from './pdf-layout';

/** A box of pixels: left, top, width, height. */
export interface PixelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A merged cell of a ruled table, as a pixel box of the page image. */
export interface CellBox extends PixelBox {
  /** Index of its grid on the page, and its top-left grid position. */
  grid: number;
  row: number;
  col: number;
}

const DARK = 160;
const RULE_DARK = 200;
/** Lighter than this is paper (a shaded cell, noise) when a crop is cleaned for reading. */
const PAPER = 185;

/**
 * Straight dark runs of at least `minLen` pixels along rows (horizontal) or columns (vertical), gaps of
 * up to 4 pixels bridged (a scanned line is broken by noise), runs on neighbouring rows within 3 pixels of
 * each other joined into one line of some thickness. Lines thicker than 8 pixels are filled areas, not rules.
 */
function runs(img: GrayImage, horizontal: boolean, minLen: number): { pos: number; a: number; b: number }[] {
  const { width, height, data } = img;
  const outer = horizontal ? height : width, inner = horizontal ? width : height;
  const at = horizontal ? (o: number, i: number) => data[o * width + i] : (o: number, i: number) => data[i * width + o];
  // Open lines: each a span a…b seen on consecutive rows first…last.
  type Open = { a: number; b: number; first: number; last: number };
  let open: Open[] = [];
  const out: { pos: number; a: number; b: number }[] = [];
  const close = (l: Open) => {
    if (l.last - l.first <= 8) out.push({ pos: (l.first + l.last) / 2, a: l.a, b: l.b });
  };
  for (let o = 0; o < outer; o++) {
    const found: [number, number][] = [];
    let start = -1, gap = 0;
    for (let i = 0; i <= inner; i++) {
      // A rule is grey where a scan of low resolution was drawn larger: it counts up to a lighter grey.
      const dark = i < inner && at(o, i) < RULE_DARK;
      if (dark) {
        if (start < 0) start = i;
        gap = 0;
      } else if (start >= 0 && (++gap > 4 || i === inner)) {
        const end = i - gap + 1;
        if (end - start >= minLen) found.push([start, end]);
        start = -1;
        gap = 0;
      }
    }
    const next: Open[] = [];
    const kept = new Set<Open>();
    for (const [a, b] of found) {
      const l = open.find((x) => !kept.has(x) && Math.abs(x.a - a) <= 3 && Math.abs(x.b - b) <= 3);
      if (l) {
        l.last = o;
        l.a = Math.min(l.a, a);
        l.b = Math.max(l.b, b);
        kept.add(l);
        next.push(l);
      } else next.push({ a, b, first: o, last: o });
    }
    for (const l of open) if (!kept.has(l)) close(l);
    open = next;
  }
  for (const l of open) close(l);
  return out;
}

/**
 * The ruling lines of a page image as segments in points (y growing upwards, as `pdf-layout.ts`
 * places everything), for a page of `pageHeight` points drawn at `dpi`. A rule is at least a quarter
 * inch long: longer than any stroke of a character of body size.
 */
export function imageSegments(img: GrayImage, dpi: number, pageHeight: number): Segments {
  const k = 72 / dpi;
  const minLen = Math.round(dpi / 4);
  const segs: Segments = { h: [], v: [] };
  for (const r of runs(img, true, minLen)) addStroke(segs, r.a * k, pageHeight - r.pos * k, r.b * k, pageHeight - r.pos * k);
  for (const r of runs(img, false, minLen)) addStroke(segs, r.pos * k, pageHeight - r.a * k, r.pos * k, pageHeight - r.b * k);
  return segs;
}

/**
 * The merged cells of every ruled table found in `segs`, as pixel boxes inside their borders (a margin
 * of 3 pixels left out so that the border is not read as a stroke), in the order of their grid
 * positions. Positions no border separates are one cell, as `layoutPage` merges them.
 */
export function tableCells(segs: Segments, dpi: number, pageHeight: number): { cells: CellBox[]; areas: PixelBox[] } {
  const k = dpi / 72;
  const cells: CellBox[] = [];
  const areas: PixelBox[] = [];
  findGrids(segs.h as Segment[], segs.v as Segment[]).forEach((g, gi) => {
    const nr = g.ys.length - 1, nc = g.xs.length - 1;
    if (nr < 1 || nc < 1 || nr * nc > 20_000) return;
    const cellOf = mergedCells(g);
    const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
    for (let r = 0; r < nr; r++) {
      for (let c = 0; c < nc; c++) {
        const id = cellOf(r, c);
        const b = boxes.get(id);
        if (!b) boxes.set(id, { r0: r, c0: c, r1: r, c1: c });
        else {
          b.r1 = Math.max(b.r1, r);
          b.c1 = Math.max(b.c1, c);
        }
      }
    }
    for (const b of boxes.values()) {
      const x0 = g.xs[b.c0] * k, x1 = g.xs[b.c1 + 1] * k;
      const y0 = (pageHeight - g.ys[b.r0]) * k, y1 = (pageHeight - g.ys[b.r1 + 1]) * k;
      if (x1 - x0 < TOL * k || y1 - y0 < TOL * k) continue;
      const m = 3;
      cells.push({ grid: gi, row: b.r0, col: b.c0, x: Math.round(x0 + m), y: Math.round(y0 + m), w: Math.max(1, Math.round(x1 - x0 - 2 * m)), h: Math.max(1, Math.round(y1 - y0 - 2 * m)) });
    }
    const ax = g.xs[0] * k, ay = (pageHeight - g.ys[0]) * k;
    areas.push({ x: Math.floor(ax) - 4, y: Math.floor(ay) - 4, w: Math.ceil(g.xs[nc] * k - ax) + 8, h: Math.ceil((pageHeight - g.ys[nr]) * k - ay) + 8 });
  });
  return { cells, areas };
}

/** Whether a box of the image holds any ink (a dark pixel count above noise). */
export function inked(img: GrayImage, box: PixelBox): boolean {
  let n = 0;
  const x1 = Math.min(img.width, box.x + box.w), y1 = Math.min(img.height, box.y + box.h);
  for (let y = Math.max(0, box.y); y < y1; y++) {
    for (let x = Math.max(0, box.x); x < x1; x++) if (img.data[y * img.width + x] < DARK && ++n > 6) return true;
  }
  return false;
}

/** The image with the given boxes painted white (a copy). */
export function blank(img: GrayImage, boxes: PixelBox[]): GrayImage {
  const data = img.data.slice();
  for (const b of boxes) {
    const x0 = Math.max(0, b.x), x1 = Math.min(img.width, b.x + b.w);
    for (let y = Math.max(0, b.y); y < Math.min(img.height, b.y + b.h); y++) data.fill(255, y * img.width + x0, y * img.width + x1);
  }
  return { width: img.width, height: img.height, data };
}

/**
 * A box of the image as a binary PGM file, padded with `pad` white pixels on every side; with `clean`,
 * light greys (a shaded cell, paper, noise) are white, so that only the print is read.
 */
export function pgm(img: GrayImage, box: PixelBox = { x: 0, y: 0, w: img.width, h: img.height }, pad = 0, clean = false): Uint8Array {
  const w = box.w + 2 * pad, h = box.h + 2 * pad;
  const head = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(head.length + w * h).fill(255);
  out.set(head);
  for (let y = 0; y < box.h; y++) {
    const sy = box.y + y;
    if (sy < 0 || sy >= img.height) continue;
    const x0 = Math.max(0, box.x), x1 = Math.min(img.width, box.x + box.w);
    if (x1 > x0) out.set(img.data.subarray(sy * img.width + x0, sy * img.width + x1), head.length + (y + pad) * w + pad + (x0 - box.x));
  }
  if (clean) for (let i = head.length; i < out.length; i++) if (out[i] > PAPER) out[i] = 255;
  return out;
}

/**
 * A tall narrow cell holds text written top to bottom, one character under the other (a merged row
 * label such as 三、本年度办理结果): its characters are cut apart at the blank rows between them
 * (pieces joined while they fit in a square as wide as the ink) and laid side by side, as a line the
 * engine reads. Null when the box is not such a cell.
 */
export function verticalLine(img: GrayImage, box: PixelBox): GrayImage | null {
  if (box.h < box.w * 2.5) return null;
  const x1 = Math.min(img.width, box.x + box.w), y1 = Math.min(img.height, box.y + box.h);
  let left = Infinity, right = -Infinity;
  const rowInk: boolean[] = [];
  for (let y = Math.max(0, box.y); y < y1; y++) {
    let any = false;
    for (let x = Math.max(0, box.x); x < x1; x++) {
      if (img.data[y * img.width + x] < DARK) {
        any = true;
        if (x < left) left = x;
        if (x > right) right = x;
      }
    }
    rowInk.push(any);
  }
  if (!(right >= left)) return null;
  const side = right - left + 1;
  const glyphs: [number, number][] = [];
  for (let i = 0; i < rowInk.length;) {
    if (!rowInk[i]) { i++; continue; }
    let j = i;
    while (j < rowInk.length && rowInk[j]) j++;
    const last = glyphs[glyphs.length - 1];
    if (last && j - last[0] <= side * 1.15) last[1] = j;
    else glyphs.push([i, j]);
    i = j;
  }
  if (glyphs.length < 2) return null;
  const gap = Math.max(4, Math.round(side * 0.3));
  const h = side + 2 * gap;
  let w = gap;
  for (const [a, b] of glyphs) w += Math.max(b - a, 1) + gap;
  const data = new Uint8Array(w * h).fill(255);
  let at = gap;
  for (const [a, b] of glyphs) {
    const gh = b - a, top = gap + Math.max(0, Math.floor((side - gh) / 2));
    // The character is copied upright, its rows as they are: only its place changes.
    for (let dy = 0; dy < gh && top + dy < h; dy++) {
      const sy = Math.max(0, box.y) + a + dy;
      for (let dx = 0; dx < side && at + dx < w; dx++) data[(top + dy) * w + at + dx] = img.data[sy * img.width + left + dx];
    }
    at += Math.max(gh, 1) + gap;
  }
  return { width: w, height: h, data };
}

/** A box of the image at half the resolution (each pixel the mean of four), padded with `pad` white pixels. */
export function halve(img: GrayImage, box: PixelBox, pad = 0): GrayImage {
  const w = (box.w >> 1) + 2 * pad, h = (box.h >> 1) + 2 * pad;
  const data = new Uint8Array(w * h).fill(255);
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < img.width && y < img.height ? img.data[y * img.width + x] : 255);
  for (let y = 0; y < box.h >> 1; y++) {
    for (let x = 0; x < box.w >> 1; x++) {
      const sx = box.x + 2 * x, sy = box.y + 2 * y;
      data[(y + pad) * w + x + pad] = (at(sx, sy) + at(sx + 1, sy) + at(sx, sy + 1) + at(sx + 1, sy + 1)) >> 2;
    }
  }
  return { width: w, height: h, data };
}

/**
 * A sheet fed askew: the angle (degrees, within ±3) at which the page's dark pixels line up best into
 * rows (the sharpest row profile, found on a quarter-size sample), and the page turned back by it.
 * Pages within 0.1° are returned as they are.
 */
export function deskew(img: GrayImage): GrayImage {
  const step = 4, w = Math.floor(img.width / step), h = Math.floor(img.height / step);
  const pts: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (img.data[y * step * img.width + x * step] < DARK) pts.push(x, y);
  if (pts.length < 200) return img;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const rows = new Float64Array(h + w + 2);
    const off = Math.ceil(Math.abs(t) * w);
    for (let i = 0; i < pts.length; i += 2) {
      const r = Math.round(pts[i + 1] - pts[i] * t) + off;
      if (r >= 0 && r < rows.length) rows[r]++;
    }
    let s = 0;
    for (const v of rows) s += v * v;
    return s;
  };
  let best = 0, bestScore = score(0);
  for (let d = -3; d <= 3.0001; d += 0.1) {
    const s = score(d);
    if (s > bestScore * 1.0001) { best = d; bestScore = s; }
  }
  for (let d = best - 0.09; d <= best + 0.09; d += 0.03) {
    const s = score(d);
    if (s > bestScore) { best = d; bestScore = s; }
  }
  if (Math.abs(best) < 0.1) return img;
  // Each pixel shows the one the skew put there (nearest neighbour), turned about the centre.
  const t = (best * Math.PI) / 180, cos = Math.cos(t), sin = Math.sin(t);
  const data = new Uint8Array(img.width * img.height).fill(255);
  const cx = img.width / 2, cy = img.height / 2;
  for (let y = 0; y < img.height; y++) {
    const dy = y - cy;
    for (let x = 0; x < img.width; x++) {
      const dx = x - cx;
      const sx = Math.round(cos * dx - sin * dy + cx), sy = Math.round(sin * dx + cos * dy + cy);
      if (sx >= 0 && sy >= 0 && sx < img.width && sy < img.height) data[y * img.width + x] = img.data[sy * img.width + sx];
    }
  }
  return { width: img.width, height: img.height, data };
}

/**
 * Bits of a ruling line left inside a cell's box (a thin rule scanned askew and turned straight again
 * wobbles by a pixel or two, past the cell's margin) read as strokes: a `1` before a figure, a dash
 * under it. Within each cell, a piece of ink (faint pixels too) that lies along an edge (within `band`
 * pixels of it), thin across it (at most 3 pixels) and at least four times as long, or that lies within
 * 3 pixels of an edge, is paper. A character's strokes join
 * into wider pieces (a `1` has its flag or serif) or lie further in. Linear in the cells' pixels.
 */
export function clearRemnants(img: GrayImage, cells: readonly PixelBox[], band = 8): GrayImage {
  let data: Uint8Array | null = null;
  const src = img.data;
  const stack: number[] = [];
  const piece: number[] = [];
  for (const c of cells) {
    const x0 = Math.max(0, c.x), y0 = Math.max(0, c.y), x1 = Math.min(img.width, c.x + c.w), y1 = Math.min(img.height, c.y + c.h);
    const w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) continue;
    const seen = new Uint8Array(w * h);
    // Faint pixels count: the reading keeps them (`pgm` with `clean`), and they join a rule's bits into one piece.
    const dark = (i: number) => src[(y0 + ((i / w) | 0)) * img.width + x0 + (i % w)] <= PAPER;
    for (let start = 0; start < w * h; start++) {
      if (seen[start] || !dark(start)) continue;
      seen[start] = 1;
      stack.push(start);
      piece.length = 0;
      let minX = w, maxX = -1, minY = h, maxY = -1;
      while (stack.length) {
        const p = stack.pop()!;
        piece.push(p);
        const x = p % w, y = (p / w) | 0;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx, ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            const q = ny * w + nx;
            if (!seen[q] && dark(q)) { seen[q] = 1; stack.push(q); }
          }
        }
      }
      const pw = maxX - minX + 1, ph = maxY - minY + 1;
      const along = (ph <= 3 && pw >= 4 * ph && (minY < band || maxY >= h - band)) || (pw <= 3 && ph >= 4 * pw && (minX < band || maxX >= w - band))
        // or a speck within 3 pixels of an edge: no character is that thin there.
        || maxX < 3 || minX >= w - 3 || maxY < 3 || minY >= h - 3;
      if (!along) continue;
      data ??= src.slice();
      for (const p of piece) data[(y0 + ((p / w) | 0)) * img.width + x0 + (p % w)] = 255;
    }
  }
  return data ? { width: img.width, height: img.height, data } : img;
}
