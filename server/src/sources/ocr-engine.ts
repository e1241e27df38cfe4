/**
 * The OCR engine: Tesseract (tesseract.js, WebAssembly, with the simplified-Chinese LSTM model of
 * `@tesseract.js-data/chi_sim`), loaded from node_modules on the first scanned page (never bundled, never
 * in the editor), from files only: no network, no cache written. One engine per thread, kept for the
 * next page; `closeOcr` ends it. What it gives back is plain data: lines of words with pixel boxes and
 * the confidence of each character.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PixelBox } from './ocr-lines';

/** One recognised character and how sure the engine is of it (0…1). */
export interface OcrSymbol {
  text: string;
  confidence: number;
}

export interface OcrWord {
  text: string;
  box: PixelBox;
  symbols: OcrSymbol[];
}

export interface OcrLine {
  words: OcrWord[];
  box: PixelBox;
  /** Height of the line's row (pixels): the text size. */
  size: number;
  /** The baseline's height at the line's left end (pixels from the top). */
  baseline: number;
}

/** How a picture is read: a page of text lines, one table cell (a block of a few lines), or one line of digits only. */
export type OcrMode = 'page' | 'cell' | 'digits';

interface TessBox { x0: number; y0: number; x1: number; y1: number }
interface TessWord { text: string; bbox: TessBox; symbols?: { text: string; confidence: number }[] }
interface TessLine { words: TessWord[]; bbox: TessBox; baseline?: TessBox; rowAttributes?: { row_height?: number } }
interface TessBlock { paragraphs: { lines: TessLine[] }[] }
interface TessWorker {
  setParameters(p: Record<string, string>): Promise<unknown>;
  recognize(image: Uint8Array, options: object, output: object): Promise<{ data: { blocks: TessBlock[] | null } }>;
  terminate(): Promise<unknown>;
}

let engine: Promise<TessWorker> | null = null;
let mode: OcrMode | null = null;

/** Whether the OCR engine is installed beside the CLI (an optional part). */
export function ocrAvailable(): boolean {
  try {
    const require = createRequire(__filename);
    require.resolve('tesseract.js');
    require.resolve('@tesseract.js-data/chi_sim/package.json');
    return true;
  } catch {
    return false;
  }
}

function load(): Promise<TessWorker> {
  if (!engine) {
    engine = (async () => {
      const require = createRequire(__filename);
      const { createWorker } = require('tesseract.js') as { createWorker(lang: string, oem: number, options: object): Promise<TessWorker> };
      const langPath = join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0');
      // cacheMethod 'none': the model is read from the package each time, nothing written to the disk.
      return createWorker('chi_sim', 1, { langPath, gzip: true, cacheMethod: 'none', logger: () => undefined, errorHandler: () => undefined });
    })();
    mode = null;
    engine.catch(() => { engine = null; });
  }
  return engine;
}

const box = (b: TessBox): PixelBox => ({ x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 });

/** Reads a picture (PGM, PNG or JPEG bytes) into lines of words. Throws when the engine fails. */
export async function recognize(image: Uint8Array, how: OcrMode, dpi: number): Promise<OcrLine[]> {
  const worker = await load();
  if (mode !== how) {
    // 3: a page laid out automatically; 6: one block of text (a cell, perhaps wrapped over lines).
    // The resolution is given, so that the engine does not estimate it (and say so on the console).
    await worker.setParameters({
      tessedit_pageseg_mode: how === 'page' ? '3' : how === 'cell' ? '6' : '7', preserve_interword_spaces: '0', user_defined_dpi: String(dpi),
      tessedit_char_whitelist: how === 'digits' ? '0123456789,' : '',
      // The engine's own remarks ("Detected 2006 diacritics") would land in the CLI's output.
      debug_file: '/dev/null',
    });
    mode = how;
  }
  const r = await worker.recognize(image, {}, { text: false, blocks: true });
  const lines: OcrLine[] = [];
  for (const b of r.data.blocks ?? []) {
    for (const p of b.paragraphs) {
      for (const l of p.lines) {
        const words = l.words.filter((w) => w.text.trim()).map((w) => ({
          text: w.text.trim(), box: box(w.bbox),
          symbols: (w.symbols ?? []).map((s) => ({ text: s.text, confidence: Math.max(0, Math.min(1, s.confidence / 100)) })),
        }));
        if (!words.length) continue;
        const size = l.rowAttributes?.row_height || l.bbox.y1 - l.bbox.y0;
        lines.push({ words, box: box(l.bbox), size, baseline: l.baseline ? l.baseline.y0 : l.bbox.y1 });
      }
    }
  }
  return lines;
}

/**
 * A PNG or JPEG file as the engine decodes it (Leptonica), given back as an 8-bit grey PNG (what
 * `png.ts` reads). Throws when the engine cannot read the picture.
 */
export async function greyPng(image: Uint8Array): Promise<Uint8Array> {
  const worker = await load();
  const r = await worker.recognize(image, {}, { text: false, blocks: false, hocr: false, tsv: false, imageGrey: true }) as unknown as { data: { imageGrey: string | null } };
  const url = r.data.imageGrey;
  if (!url || !url.startsWith('data:image/png;base64,')) throw new Error('no image');
  return new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

/** Ends this thread's engine (its worker thread), if one was started. */
export async function closeOcr(): Promise<void> {
  const e = engine;
  engine = null;
  mode = null;
  if (e) await (await e.catch(() => null))?.terminate();
}
