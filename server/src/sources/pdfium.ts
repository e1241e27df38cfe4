/**
 * The PDFium binding: loads Google's PDF library compiled to WebAssembly (from the package's own
 * pdfium.wasm: no network, no worker), once per thread, and reads what the page geometry needs from
 * each page of a document: its glyphs (character, origin, advance, size) and, on request, the straight
 * lines and thin bars it draws, all placed as the page is shown. It knows nothing about layout: that is
 * `pdf-layout.ts`. A trap inside PDFium drops the instance so the next file gets a fresh one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addBar, addStroke, Glyph, Segments } from './pdf-layout';

/**
 * The PDFium functions used here, taken from the module's raw WebAssembly exports: the package's
 * wrapped functions check every argument and return value on each call, which costs more than the
 * call itself when it is made for every character.
 */
interface Pdfium {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  PDFiumExt_Init(): void;
  FPDF_LoadMemDocument(buf: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_GetPageBoundingBox(page: number, rect: number): number;
  FPDFPage_GetRotation(page: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetUnicode(text: number, i: number): number;
  FPDFText_IsGenerated(text: number, i: number): number;
  FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(text: number, i: number, rect: number): number;
  FPDFText_GetCharBox(text: number, i: number, left: number, right: number, bottom: number, top: number): number;
  FPDFText_GetFontSize(text: number, i: number): number;
  FPDFText_GetMatrix(text: number, i: number, matrix: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, i: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, i: number): number;
  FPDFPageObj_GetType(obj: number): number;
  FPDFPageObj_GetMatrix(obj: number, matrix: number): number;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, i: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): number;
  FPDFBitmap_Create(width: number, height: number, alpha: number): number;
  FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): void;
  FPDFBitmap_GetBuffer(bitmap: number): number;
  FPDFBitmap_GetStride(bitmap: number): number;
  FPDFBitmap_Destroy(bitmap: number): void;
  FPDF_RenderPageBitmap(bitmap: number, page: number, x: number, y: number, w: number, h: number, rotate: number, flags: number): void;
}

/** One PDFium instance per thread, with a small buffer that the functions write their results into. */
interface Lib {
  pdf: Pdfium;
  out: number;
  buffer: ArrayBuffer | null;
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
}

const OBJ_PATH = 2, OBJ_IMAGE = 3, OBJ_FORM = 5;
const SEG_LINE = 0, SEG_MOVE = 2;
const ERR_PASSWORD = 4, ERR_SECURITY = 5;

let libPromise: Promise<Lib> | null = null;

/** PDFium's memory kept between documents; an instance that grew beyond is dropped after its document. */
const KEEP_MEMORY_BYTES = 128 * 1024 * 1024;

function loadPdfium(): Promise<Lib> {
  if (!libPromise) {
    libPromise = (async () => {
      const require = createRequire(__filename);
      const { init } = require('@embedpdf/pdfium') as { init(module: object): Promise<{ pdfium: { wasmExports: Pdfium } }> };
      // PDFium's own messages would land in the CLI's output (JSON, SARIF…): they are dropped.
      const quiet = () => undefined;
      const instance = await init({ wasmBinary: readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')), print: quiet, printErr: quiet });
      const pdf = instance.pdfium.wasmExports;
      pdf.PDFiumExt_Init();
      return { pdf, out: pdf.malloc(64), buffer: null, f64: new Float64Array(0), f32: new Float32Array(0), i32: new Int32Array(0) };
    })();
    libPromise.catch(() => { libPromise = null; });
  }
  return libPromise;
}

/**
 * Views of the out buffer, taken after each call that writes into it: the wasm memory is replaced
 * when it grows, and views of the old one read nothing.
 */
function views(lib: Lib): Lib {
  if (lib.buffer !== lib.pdf.memory.buffer) {
    lib.buffer = lib.pdf.memory.buffer;
    lib.f64 = new Float64Array(lib.buffer, lib.out, 8);
    lib.f32 = new Float32Array(lib.buffer, lib.out, 16);
    lib.i32 = new Int32Array(lib.buffer, lib.out, 16);
  }
  return lib;
}

/** A page drawn as grey levels (0 black … 255 white), one byte a pixel, row after row from the top. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** What a page offers while it is open: its size as shown, its glyphs, its drawings and its picture (each made only when asked). */
export interface PdfPage {
  width: number;
  height: number;
  glyphs(): Glyph[];
  drawings(): Segments & { images: number };
  /** The page drawn at `dpi` (null when PDFium cannot make a bitmap that large). */
  render(dpi: number): GrayImage | null;
}

export type PdfiumFailure = { failure: 'corrupt' | 'encrypted' | 'no-memory' } | { failure: 'too-many-pages'; pages: number };

/**
 * Opens a document and hands each page to `onPage` in order, while it is open (`false` stops). Fails (without
 * throwing) on a damaged or encrypted file, or on more than `maxPages` pages; an exception thrown by
 * PDFium or by `onPage` gives `corrupt` and a fresh PDFium instance for the next file.
 */
export async function readPdfPages(bytes: Uint8Array, maxPages: number, onPage: (page: PdfPage, index: number) => boolean | void, first = 0): Promise<{ pages: number } | PdfiumFailure> {
  const lib = await loadPdfium();
  try {
    return readDocument(lib, bytes, maxPages, onPage, first);
  } catch {
    // A trap inside PDFium leaves its heap in an unknown state: the next file gets a new instance.
    libPromise = null;
    return { failure: 'corrupt' };
  } finally {
    // WebAssembly memory never shrinks: after a document that grew it past this, the instance is let go.
    if (lib.pdf.memory.buffer.byteLength > KEEP_MEMORY_BYTES) libPromise = null;
  }
}

function readDocument(lib: Lib, bytes: Uint8Array, maxPages: number, onPage: (page: PdfPage, index: number) => boolean | void, first: number): { pages: number } | PdfiumFailure {
  const { pdf } = lib;
  const data = pdf.malloc(bytes.length);
  if (!data) return { failure: 'no-memory' };
  try {
    // PDFium reads the document from its own memory, for as long as the document is open.
    new Uint8Array(pdf.memory.buffer, data, bytes.length).set(bytes);
    const doc = pdf.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!doc) {
      const code = pdf.FPDF_GetLastError();
      return { failure: code === ERR_PASSWORD || code === ERR_SECURITY ? 'encrypted' : 'corrupt' };
    }
    try {
      const count = pdf.FPDF_GetPageCount(doc);
      // PDFium opens what it can of a damaged file; a page tree it cannot read gives no pages.
      if (count <= 0) return { failure: 'corrupt' };
      if (count > maxPages) return { failure: 'too-many-pages', pages: count };
      for (let p = first; p < count; p++) {
        const page = pdf.FPDF_LoadPage(doc, p);
        if (!page) return { failure: 'corrupt' };
        try {
          const view = pageView(lib, page);
          if (!view) return { failure: 'corrupt' };
          const { shown, height, width } = view;
          if (onPage({ width, height, render: (dpi) => renderPage(lib, page, width, height, dpi), glyphs: () => readGlyphs(lib, page, shown), drawings: () => readDrawings(lib, page, shown) }, p) === false) return { pages: p + 1 };
        } finally {
          pdf.FPDF_ClosePage(page);
        }
      }
      return { pages: count };
    } finally {
      pdf.FPDF_CloseDocument(doc);
    }
  } finally {
    pdf.free(data);
  }
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Everything is placed as the page is shown: from the page's visible box (media box cut by the crop
 * box) with its lower left corner at 0,0, and turned by /Rotate (clockwise), so a turned page reads
 * left to right.
 */
function pageView(lib: Lib, page: number): { shown: Matrix; height: number; width: number } | null {
  const { pdf, out } = lib;
  const ok = pdf.FPDF_GetPageBoundingBox(page, out);
  const { f32 } = views(lib);
  if (!ok) f32.fill(0, 0, 4);
  const [l, t, r, b] = [Math.min(f32[0], f32[2]), Math.max(f32[1], f32[3]), Math.max(f32[0], f32[2]), Math.min(f32[1], f32[3])];
  // A rotation below 0 means PDFium could not take the page's dictionary for a page.
  switch (pdf.FPDFPage_GetRotation(page)) {
    case -1: return null;
    case 1: return { shown: [0, -1, 1, 0, -b, r], height: r - l, width: t - b };
    case 2: return { shown: [-1, 0, 0, -1, r, t], height: t - b, width: r - l };
    case 3: return { shown: [0, 1, -1, 0, t, -l], height: r - l, width: t - b };
    default: return { shown: [1, 0, 0, 1, -l, -b], height: t - b, width: r - l };
  }
}

/**
 * The page's characters in content order, placed as shown. Characters PDFium makes up (spaces and line
 * ends it infers) are left out: the gaps between glyphs say the same.
 */
function readGlyphs(lib: Lib, page: number, shown: Matrix): Glyph[] {
  const { pdf, out } = lib;
  const text = pdf.FPDFText_LoadPage(page);
  const glyphs: Glyph[] = [];
  if (!text) return glyphs;
  try {
    const n = pdf.FPDFText_CountChars(text);
    for (let i = 0; i < n; i++) {
      if (pdf.FPDFText_IsGenerated(text, i)) continue;
      const code = pdf.FPDFText_GetUnicode(text, i);
      if (code === 0 || code > 0x10ffff) continue;
      // PDFium reports a hyphen that ends a line as U+0002; it is the hyphen the page shows.
      const ch = code === 2 ? '-' : code < 0x20 ? ' ' : String.fromCodePoint(code);
      if (!pdf.FPDFText_GetCharOrigin(text, i, out, out + 8)) continue;
      let v = views(lib);
      const ox = v.f64[0], oy = v.f64[1];
      const x = shown[0] * ox + shown[2] * oy + shown[4], y = shown[1] * ox + shown[3] * oy + shown[5];
      // The font size is in text space; the character's matrix scales it to the page.
      let scale = 1;
      if (pdf.FPDFText_GetMatrix(text, i, out)) {
        v = views(lib);
        scale = Math.hypot(v.f32[2], v.f32[3]) || Math.hypot(v.f32[0], v.f32[1]) || 1;
      }
      const size = pdf.FPDFText_GetFontSize(text, i) * scale;
      // The loose box (left, top, right, bottom) spans the character's advance: its right edge is where
      // the next character would start. For vertical writing it is meaningless (as wide as the
      // font's whole box), and the glyph's own box (left, right, bottom, top) is used instead.
      let xa = x, xb = x;
      if (pdf.FPDFText_GetLooseCharBox(text, i, out)) {
        v = views(lib);
        xa = shown[0] * v.f32[0] + shown[2] * v.f32[1] + shown[4];
        xb = shown[0] * v.f32[2] + shown[2] * v.f32[3] + shown[4];
      }
      if (!(Math.abs(xb - xa) <= size * 2)) {
        xa = xb = x;
        if (pdf.FPDFText_GetCharBox(text, i, out, out + 8, out + 16, out + 24)) {
          v = views(lib);
          xa = shown[0] * v.f64[0] + shown[2] * v.f64[3] + shown[4];
          xb = shown[0] * v.f64[1] + shown[2] * v.f64[2] + shown[4];
        }
      }
      glyphs.push({ ch, x, y, left: Math.min(xa, xb, x), right: Math.max(xa, xb, x), size });
    }
  } finally {
    pdf.FPDFText_ClosePage(text);
  }
  return glyphs;
}

/**
 * Horizontal and vertical strokes (and hairline-thin filled rectangles) drawn on the page, forms
 * included, and the number of images. A path's points are in its own space: its matrix (and that of
 * each form it sits in) takes them to the page.
 */
function readDrawings(lib: Lib, page: number, shown: Matrix): Segments & { images: number } {
  const { pdf, out } = lib;
  const segs: Segments = { h: [], v: [] };
  let images = 0;
  const matrixOf = (obj: number, outer: Matrix): Matrix => {
    if (!pdf.FPDFPageObj_GetMatrix(obj, out)) return outer;
    const { f32 } = views(lib);
    return mul(outer, [f32[0], f32[1], f32[2], f32[3], f32[4], f32[5]]);
  };
  const path = (obj: number, m: Matrix) => {
    if (!pdf.FPDFPath_GetDrawMode(obj, out, out + 4)) return;
    const { i32 } = views(lib);
    const fill = i32[0] !== 0, stroke = i32[1] !== 0;
    if (!fill && !stroke) return;
    const subs: [number, number][][] = [[]];
    const n = pdf.FPDFPath_CountSegments(obj);
    for (let s = 0; s < n; s++) {
      const seg = pdf.FPDFPath_GetPathSegment(obj, s);
      if (!seg || !pdf.FPDFPathSegment_GetPoint(seg, out, out + 4)) continue;
      const { f32 } = views(lib);
      const px = f32[0], py = f32[1];
      const pt: [number, number] = [m[0] * px + m[2] * py + m[4], m[1] * px + m[3] * py + m[5]];
      const type = pdf.FPDFPathSegment_GetType(seg);
      let sub = subs[subs.length - 1];
      // A curve is not a ruling line: its points only start the next straight piece.
      if (type !== SEG_LINE && sub.length) subs.push(sub = []);
      if (type === SEG_MOVE || type === SEG_LINE) sub.push(pt);
      else subs.push([pt]);
      if (pdf.FPDFPathSegment_GetClose(seg) && sub.length) sub.push(sub[0]);
    }
    for (const sub of subs) {
      if (stroke) {
        for (let k = 1; k < sub.length; k++) addStroke(segs, sub[k - 1][0], sub[k - 1][1], sub[k][0], sub[k][1]);
      } else addBar(segs, sub);
    }
  };
  const walk = (count: number, get: (i: number) => number, outer: Matrix, depth: number) => {
    for (let i = 0; i < count; i++) {
      const obj = get(i);
      if (!obj) continue;
      const type = pdf.FPDFPageObj_GetType(obj);
      if (type === OBJ_IMAGE) images++;
      else if (type === OBJ_PATH) path(obj, matrixOf(obj, outer));
      else if (type === OBJ_FORM && depth < 32) walk(pdf.FPDFFormObj_CountObjects(obj), (k) => pdf.FPDFFormObj_GetObject(obj, k), matrixOf(obj, outer), depth + 1);
    }
  };
  walk(pdf.FPDFPage_CountObjects(page), (i) => pdf.FPDFPage_GetObject(page, i), shown, 0);
  return { ...segs, images };
}


/**
 * One page (0-based) drawn at `dpi`, the document opened for it alone: a scan's pages are drawn one at
 * a time, each when it is recognised, so that only one page image is held at once.
 */
export async function renderPdfPage(bytes: Uint8Array, index: number, dpi: number): Promise<GrayImage | null> {
  let image: GrayImage | null = null;
  const r = await readPdfPages(bytes, Infinity, (page) => {
    image = page.render(dpi);
    return false;
  }, index);
  return 'failure' in r ? null : image;
}

/** Largest bitmap a page is drawn into (pixels): 20 × 30 inches at 200 dpi. */
export const MAX_RENDER_PIXELS = 24_000_000;

/**
 * The page as shown (turned by /Rotate, PDFium's own placing) drawn at `dpi` on white, as grey levels.
 * Null when the page is too small or too large to draw.
 */
function renderPage(lib: Lib, page: number, width: number, height: number, dpi: number): GrayImage | null {
  const { pdf } = lib;
  const w = Math.round((width * dpi) / 72), h = Math.round((height * dpi) / 72);
  if (!(w > 0 && h > 0) || w * h > MAX_RENDER_PIXELS) return null;
  const bitmap = pdf.FPDFBitmap_Create(w, h, 0);
  if (!bitmap) return null;
  try {
    pdf.FPDFBitmap_FillRect(bitmap, 0, 0, w, h, 0xffffffff);
    // No flags: no annotations, no LCD text; the bitmap is BGRx, made grey below.
    pdf.FPDF_RenderPageBitmap(bitmap, page, 0, 0, w, h, 0, 0);
    const buf = pdf.FPDFBitmap_GetBuffer(bitmap), stride = pdf.FPDFBitmap_GetStride(bitmap);
    const mem = new Uint8Array(pdf.memory.buffer);
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      let o = buf + y * stride;
      for (let x = 0; x < w; x++, o += 4) data[y * w + x] = (mem[o] * 29 + mem[o + 1] * 150 + mem[o + 2] * 77) >> 8;
    }
    return { width: w, height: h, data };
  } finally {
    pdf.FPDFBitmap_Destroy(bitmap);
  }
}
