/**
 * Makes scanned copies of PDFs for the OCR tests: each page drawn by PDFium at a resolution, optionally
 * degraded (noise, a small skew), and put back as the only thing on its page (an image, no text
 * layer), as a scanner would. `pages` picks the pages to scan; the others are left out, unless
 * `keepText` keeps them as the text pages they are (a text PDF with some scanned pages).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

let lib: Promise<Raw> | null = null;
function pdfium(): Promise<Raw> {
  if (!lib) {
    lib = (async () => {
      const require = createRequire(__filename);
      const { init } = require('@embedpdf/pdfium');
      const quiet = () => undefined;
      const inst = await init({ wasmBinary: readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')), print: quiet, printErr: quiet });
      const pdf = inst.pdfium.wasmExports;
      pdf.PDFiumExt_Init();
      return pdf;
    })();
  }
  return lib;
}

export interface ScanOptions {
  dpi: number;
  /** 1-based pages to scan (all when absent). */
  pages?: number[];
  /** Keep the pages not scanned as the text pages they are (else they are left out). */
  keepText?: boolean;
  /** Grey noise added to every pixel, ± this many levels, and this share of pixels flipped. */
  noise?: number;
  speckle?: number;
  /** A turn of the page in degrees (a sheet fed askew). */
  skew?: number;
  /** Saved as a JPEG of this quality (1–100) and decoded back, as a scanner that saves JPEG would. */
  jpeg?: number;
}

/** A deterministic generator of numbers in 0…1, so a degraded copy is the same each run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The scanned copy of `src` (PDF bytes). */
export async function scanPdf(src: Uint8Array, o: ScanOptions): Promise<Uint8Array> {
  const pdf = await pdfium();
  const data = pdf.malloc(src.length);
  new Uint8Array(pdf.memory.buffer, data, src.length).set(src);
  const doc = pdf.FPDF_LoadMemDocument(data, src.length, 0);
  if (!doc) throw new Error('cannot open the PDF');
  const n = pdf.FPDF_GetPageCount(doc);
  const rnd = random(42);
  // Pages are replaced in place: a scanned page's objects are removed and its image inserted.
  for (let p = 0; p < n; p++) {
    if (o.pages && !o.pages.includes(p + 1)) continue;
    const page = pdf.FPDF_LoadPage(doc, p);
    const wpt = pdf.FPDF_GetPageWidthF(page), hpt = pdf.FPDF_GetPageHeightF(page);
    const w = Math.round((wpt * o.dpi) / 72), h = Math.round((hpt * o.dpi) / 72);
    const bmp = pdf.FPDFBitmap_Create(w, h, 0);
    pdf.FPDFBitmap_FillRect(bmp, 0, 0, w, h, 0xffffffff);
    pdf.FPDF_RenderPageBitmap(bmp, page, 0, 0, w, h, 0, 0);
    const buf = pdf.FPDFBitmap_GetBuffer(bmp), stride = pdf.FPDFBitmap_GetStride(bmp);
    if (o.noise || o.speckle || o.skew) {
      const mem = new Uint8Array(pdf.memory.buffer);
      const gray = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) gray[y * w + x] = mem[buf + y * stride + x * 4 + 1];
      const t = ((o.skew ?? 0) * Math.PI) / 180, cos = Math.cos(t), sin = Math.sin(t);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          // The source pixel this one shows, turned about the centre (nearest neighbour).
          const dx = x - w / 2, dy = y - h / 2;
          const sx = Math.round(cos * dx + sin * dy + w / 2), sy = Math.round(-sin * dx + cos * dy + h / 2);
          let v = sx >= 0 && sy >= 0 && sx < w && sy < h ? gray[sy * w + sx] : 255;
          if (o.noise) v += Math.round((rnd() * 2 - 1) * o.noise);
          if (o.speckle && rnd() < o.speckle) v = 255 - v;
          v = Math.max(0, Math.min(255, v));
          const at = buf + y * stride + x * 4;
          mem[at] = mem[at + 1] = mem[at + 2] = v;
        }
      }
    }
    if (o.jpeg) jpegRoundTrip(new Uint8Array(pdf.memory.buffer), buf, stride, w, h, o.jpeg);
    for (let i = pdf.FPDFPage_CountObjects(page) - 1; i >= 0; i--) {
      const obj = pdf.FPDFPage_GetObject(page, i);
      if (pdf.FPDFPage_RemoveObject(page, obj)) pdf.FPDFPageObj_Destroy(obj);
    }
    showImage(pdf, doc, page, bmp, wpt, hpt);
    pdf.FPDFBitmap_Destroy(bmp);
    pdf.FPDF_ClosePage(page);
  }
  if (o.pages && !o.keepText) {
    for (let p = n - 1; p >= 0; p--) if (!o.pages.includes(p + 1)) pdf.FPDFPage_Delete(doc, p);
  }
  const bytes = saveAndClose(pdf, doc);
  pdf.free(data);
  return bytes;
}

/** The page bitmap (BGRA rows of `stride` bytes at `buf`) encoded as a JPEG of `quality` and decoded back in place. */
function jpegRoundTrip(mem: Uint8Array, buf: number, stride: number, w: number, h: number, quality: number): void {
  const jpeg = require('jpeg-js') as typeof import('jpeg-js');
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const at = buf + y * stride + x * 4, to = (y * w + x) * 4;
      rgba[to] = mem[at + 2]; rgba[to + 1] = mem[at + 1]; rgba[to + 2] = mem[at]; rgba[to + 3] = 255;
    }
  }
  const coded = jpeg.encode({ data: rgba, width: w, height: h }, quality).data;
  const back = jpeg.decode(coded, { useTArray: true, formatAsRGBA: true });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const at = buf + y * stride + x * 4, from = (y * w + x) * 4;
      mem[at] = back.data[from + 2]; mem[at + 1] = back.data[from + 1]; mem[at + 2] = back.data[from]; mem[at + 3] = 255;
    }
  }
}

/** The document's bytes as PDFium saves it; the document is closed. */
function saveAndClose(pdf: Raw, doc: number): Uint8Array {
  const writer = pdf.PDFiumExt_OpenFileWriter();
  pdf.PDFiumExt_SaveAsCopy(doc, writer);
  const size = pdf.PDFiumExt_GetFileWriterSize(writer);
  const out = pdf.malloc(size);
  pdf.PDFiumExt_GetFileWriterData(writer, out, size);
  const bytes = new Uint8Array(pdf.memory.buffer, out, size).slice();
  pdf.free(out);
  pdf.PDFiumExt_CloseFileWriter(writer);
  pdf.FPDF_CloseDocument(doc);
  return bytes;
}

/** Puts a bitmap on a page as one image object covering `width` × `height` points, and writes the page's content. */
function showImage(pdf: Raw, doc: number, page: number, bmp: number, width: number, height: number): void {
  const img = pdf.FPDFPageObj_NewImageObj(doc);
  pdf.FPDFImageObj_SetBitmap(0, 0, img, bmp);
  pdf.FPDFImageObj_SetMatrix(img, width, 0, 0, height, 0, 0);
  pdf.FPDFPage_InsertObject(page, img);
  pdf.FPDFPage_GenerateContent(page);
}

/** A PDF of `count` pages of `width` × `height` points, each showing only a small image with a dark stripe (a hostile scan). */
export async function imagePdf(count: number, width = 595, height = 842): Promise<Uint8Array> {
  const pdf = await pdfium();
  const doc = pdf.FPDF_CreateNewDocument();
  const bmp = pdf.FPDFBitmap_Create(8, 8, 0);
  pdf.FPDFBitmap_FillRect(bmp, 0, 0, 8, 8, 0xffffffff);
  pdf.FPDFBitmap_FillRect(bmp, 0, 3, 8, 2, 0xff000000);
  for (let i = 0; i < count; i++) {
    const page = pdf.FPDFPage_New(doc, i, width, height);
    showImage(pdf, doc, page, bmp, width, height);
    pdf.FPDF_ClosePage(page);
  }
  pdf.FPDFBitmap_Destroy(bmp);
  return saveAndClose(pdf, doc);
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function chunk(type: string, data: Uint8Array): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = -1;
  for (const b of td) crc = CRC[(crc ^ b) & 0xff] ^ (crc >>> 8);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  td.copy(out, 4);
  out.writeUInt32BE((crc ^ -1) >>> 0, 8 + data.length);
  return out;
}

/** An 8-bit grey PNG of `width` × `height` pixels (`data` row after row; absent: a header claiming that size and one row). */
export function png(width: number, height: number, data?: Uint8Array): Uint8Array {
  const { deflateSync } = require('node:zlib') as typeof import('node:zlib');
  const rows = data ? height : 1;
  const raw = Buffer.alloc((width + 1) * rows, 255);
  for (let y = 0; y < rows; y++) {
    raw[y * (width + 1)] = 0;
    if (data) raw.set(data.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const ih = Buffer.alloc(13);
  ih.writeUInt32BE(width, 0);
  ih.writeUInt32BE(height, 4);
  ih[8] = 8;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ih), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** One page (1-based) of a PDF drawn at `dpi` as a grey PNG: a photo or scan of the page saved as a picture. */
export async function pagePng(src: Uint8Array, pageNo: number, dpi: number): Promise<Uint8Array> {
  const pdf = await pdfium();
  const data = pdf.malloc(src.length);
  new Uint8Array(pdf.memory.buffer, data, src.length).set(src);
  const doc = pdf.FPDF_LoadMemDocument(data, src.length, 0);
  const page = pdf.FPDF_LoadPage(doc, pageNo - 1);
  const w = Math.round((pdf.FPDF_GetPageWidthF(page) * dpi) / 72), h = Math.round((pdf.FPDF_GetPageHeightF(page) * dpi) / 72);
  const bmp = pdf.FPDFBitmap_Create(w, h, 0);
  pdf.FPDFBitmap_FillRect(bmp, 0, 0, w, h, 0xffffffff);
  pdf.FPDF_RenderPageBitmap(bmp, page, 0, 0, w, h, 0, 0);
  const buf = pdf.FPDFBitmap_GetBuffer(bmp), stride = pdf.FPDFBitmap_GetStride(bmp);
  const mem = new Uint8Array(pdf.memory.buffer);
  const grey = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) grey[y * w + x] = mem[buf + y * stride + x * 4 + 1];
  pdf.FPDFBitmap_Destroy(bmp);
  pdf.FPDF_ClosePage(page);
  pdf.FPDF_CloseDocument(doc);
  pdf.free(data);
  return png(w, h, grey);
}
