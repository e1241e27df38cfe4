/**
 * The scanned pages of a PDF (pages that show images and hold no text): each is recognised
 * (`ocr.ts`), laid out like a text page, and the document assembled as one; the placeholders of the
 * figures read in table cells are then replaced by the figures, and each reading gets its place in
 * the text. Lines from scanned pages are marked in their origins, and the source as recognised.
 *
 * Bounds, each one bilingual line: at most `MAX_OCR_PAGES` (40) scanned pages in a file, and
 * `OCR_PAGE_SECONDS` for one page (and the CLI's per-file limit restarts on each page: `ocr-clock.ts`);
 * a page too large to draw (`MAX_RENDER_PIXELS`) is refused.
 */
import { assemble, Block, layoutPage, LayoutLimit } from './pdf-layout';
import { GrayImage, MAX_RENDER_PIXELS, renderPdfPage } from './pdfium';
import { decodeGreyPng, pictureComplete, pictureSize } from './png';
import { OcrReading, SourceError, sourceError, SourceText } from './types';
import { closeOcr, greyPng, ocrAvailable } from './ocr-engine';
import { ocrPage, OCR_DPI, TOKEN } from './ocr';
import { scannedPageStarted } from './ocr-clock';

export { OCR_DPI };

/** Most scanned pages recognised in one file. */
export const MAX_OCR_PAGES = 40;
/** Longest one page may take to be recognised. */
export const OCR_PAGE_SECONDS = 60;

/** Whether an image shows anything: a few hundred changes from light to dark along its rows. */
export function hasInk(img: GrayImage): boolean {
  let changes = 0;
  for (let y = 0; y < img.height; y += 4) {
    let dark = false;
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) {
      const d = img.data[row + x] < 128;
      if (d && !dark && ++changes > 200) return true;
      dark = d;
    }
  }
  return false;
}

class PageTimeout extends Error {}

function withTimeout<T>(p: Promise<T>, seconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new PageTimeout()), seconds * 1000); });
  // The engine is ended after a timeout: the page's own promise then fails, and nobody waits for it.
  p.catch(() => undefined);
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** A scanned page: its place among the pages, its number (1-based) and its height as shown (points). */
export interface Scan {
  index: number;
  page: number;
  height: number;
}

/** Recognises the scanned pages into `pages` (the text pages already laid out) and assembles the document. */
export async function readScans(bytes: Uint8Array, pages: { blocks: Block[]; page: number }[], scans: Scan[], hasText: boolean): Promise<SourceText | SourceError> {
  if (scans.length > MAX_OCR_PAGES) {
    return sourceError('too-large', `扫描页超过 ${MAX_OCR_PAGES} 页的识别上限，不予识别`, `it has more than ${MAX_OCR_PAGES} scanned pages, the limit recognised`);
  }
  if (!ocrAvailable()) {
    if (hasText) return assemble(pages);
    return sourceError('scanned', '是扫描件，没有文字层，需要 OCR 才能读取（未安装识别引擎 tesseract.js）', 'is a scanned PDF with no text layer; it needs OCR to be read (the engine, tesseract.js, is not installed)');
  }
  const readings: OcrReading[] = [];
  const scanned = new Set<number>();
  try {
    for (const s of scans) {
      scannedPageStarted();
      const image = await renderPdfPage(bytes, s.page - 1, OCR_DPI);
      if (!image) return sourceError('too-large', `第 ${s.page} 页太大，无法识别`, `page ${s.page} is too large to be recognised`);
      if (!hasInk(image)) continue;
      const read = await withTimeout(ocrPage(image, s.height, s.page, readings), OCR_PAGE_SECONDS);
      try {
        pages[s.index].blocks = layoutPage(read.runs, read.segments, 0, s.height);
      } catch (e) {
        if (e instanceof LayoutLimit) return sourceError('too-large', `第 ${s.page} 页的表格线过多，不予识别`, `page ${s.page} rules too many table cells to be recognised`);
        throw e;
      }
      if (pages[s.index].blocks.length) scanned.add(s.page);
    }
  } catch (e) {
    if (e instanceof PageTimeout) return sourceError('too-large', `扫描页识别超过每页 ${OCR_PAGE_SECONDS} 秒的时限，不予识别`, `recognising a scanned page took over the limit of ${OCR_PAGE_SECONDS} s a page`);
    throw e;
  } finally {
    await closeOcr();
  }
  if (!hasText && !scanned.size) return sourceError('scanned', '是扫描件，OCR 未能识别出文字', 'is a scanned PDF in which OCR found no text');
  return finish('pdf', assemble(pages), readings, scanned);
}

/** The placeholders of the recognised figures replaced by the figures, each reading placed; lines of scanned pages marked. */
function finish(kind: 'pdf' | 'image', doc: SourceText, readings: OcrReading[], scanned: Set<number>): SourceText {
  let text = '';
  let last = 0;
  for (const m of doc.text.matchAll(TOKEN)) {
    const r = readings[Number(m[1])];
    if (!r) continue;
    text += doc.text.slice(last, m.index);
    r.offset = text.length;
    text += r.text;
    last = m.index! + m[0].length;
  }
  text += doc.text.slice(last);
  const origins = doc.origins?.map((o) => (o?.page !== undefined && scanned.has(o.page) ? { ...o, ocr: true } : o));
  return { kind, text, origins, ocr: true, readings: readings.filter((r) => r.offset >= 0) };
}

/**
 * A picture file (`.png`, `.jpg`) named on the command line: a photo or scan of a report page, read as
 * one scanned page. Its header's size is checked before it is decoded (`MAX_RENDER_PIXELS`).
 */
export async function readImage(bytes: Uint8Array): Promise<SourceText | SourceError> {
  const size = pictureSize(bytes);
  if (!size || !(size.width > 0 && size.height > 0) || !pictureComplete(bytes)) return sourceError('corrupt', '是损坏的图片，无法读取', 'is a damaged picture and cannot be read');
  if (size.width * size.height > MAX_RENDER_PIXELS) return sourceError('too-large', `图片有 ${size.width}×${size.height} 像素，超过识别上限`, `the picture is ${size.width}×${size.height} pixels, over the limit recognised`);
  if (!ocrAvailable()) return sourceError('unsupported', '是图片，需要 OCR 才能读取（未安装识别引擎 tesseract.js）', 'is a picture; it needs OCR to be read (the engine, tesseract.js, is not installed)');
  const readings: OcrReading[] = [];
  try {
    scannedPageStarted();
    let image: GrayImage | null = null;
    try {
      image = decodeGreyPng(await withTimeout(greyPng(bytes), OCR_PAGE_SECONDS));
    } catch (e) {
      if (e instanceof PageTimeout) throw e;
    }
    if (!image) return sourceError('corrupt', '是损坏的图片，无法读取', 'is a damaged picture and cannot be read');
    if (!hasInk(image)) return sourceError('no-report', '图片是空白的，没有文字', 'the picture is blank: it holds no text');
    // The picture is taken as drawn at the resolution pages are drawn at.
    const height = (image.height * 72) / OCR_DPI;
    const read = await withTimeout(ocrPage(image, height, 1, readings), OCR_PAGE_SECONDS);
    let blocks: Block[];
    try {
      blocks = layoutPage(read.runs, read.segments, 0, height);
    } catch (e) {
      if (e instanceof LayoutLimit) return sourceError('too-large', '图片中的表格线过多，不予识别', 'the picture rules too many table cells to be recognised');
      throw e;
    }
    if (!blocks.length) return sourceError('scanned', '是图片，OCR 未能识别出文字', 'is a picture in which OCR found no text');
    return finish('image', assemble([{ page: 1, blocks }]), readings, new Set([1]));
  } catch (e) {
    if (e instanceof PageTimeout) return sourceError('too-large', `图片识别超过 ${OCR_PAGE_SECONDS} 秒的时限，不予识别`, `recognising the picture took over the limit of ${OCR_PAGE_SECONDS} s`);
    throw e;
  } finally {
    await closeOcr();
  }
}

