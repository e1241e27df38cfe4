/**
 * Scanned pages: a page image becomes the same runs and ruling lines that a text page gives, so the
 * one page layout (`pdf-layout.ts`) places them and the one table writer (`table.ts`) writes the
 * tables. The ruling lines are found in the bitmap (`ocr-lines.ts`); each merged cell of a ruled table
 * is recognised on its own, and the text outside tables is recognised with the tables painted out.
 * Every figure read in a cell is kept as a `Reading` (its confidence, its doubtful digits, or that it
 * could not be read), which `pdf.ts` places in the final text: `sources/` says how sure the reading
 * is and leaves judging the figures to the model.
 */
import type { GrayImage } from './pdfium';
import type { Run, Segments } from './pdf-layout';
import { blank, CellBox, clearRemnants, deskew, halve, imageSegments, inked, pgm, PixelBox, tableCells, verticalLine } from './ocr-lines';
import { OcrLine, recognize } from './ocr-engine';
import type { OcrReading } from './types';

/** The resolution pages are drawn at for recognition. */
export const OCR_DPI = 300;
/** A digit read with less confidence than this is doubtful. */
export const DOUBTFUL = 0.85;

/** A figure cell's placeholder in the layout: a figure (so the table writer keeps it in its column) that no page prints. */
export const TOKEN_PREFIX = '7355608';
export const TOKEN = /7355608(\d{6})/g;
const token = (i: number) => `${TOKEN_PREFIX}${String(i).padStart(6, '0')}`;

const CJK = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** Words of a line joined as the page shows them: no spaces around CJK characters. */
function joinWords(words: { text: string }[]): string {
  let out = '';
  for (const w of words) {
    if (out && !CJK.test(out[out.length - 1]) && !CJK.test(w.text[0])) out += ' ';
    out += w.text;
  }
  return out;
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', '(': '（', ')': '）', ':': '：', ';': '；', '?': '？', '!': '！' };
const CJK_BEFORE = /[\u4e00-\u9fff（）“”《》、，。：；]/;
const CJK_AFTER = /[\u4e00-\u9fff（）“”《》]/;

/** Half-width punctuation with Chinese text on either side (spaces between aside) as its full-width mark, in one pass. */
function fullWidthNextToCjk(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (!(c in HALF_TO_FULL)) { out += c; i++; continue; }
    let j = i + 1;
    while (j < text.length && /\s/.test(text[j])) j++;
    const before = out.trimEnd();
    if ((before && CJK_BEFORE.test(before[before.length - 1])) || (j < text.length && CJK_AFTER.test(text[j]))) {
      out = before + HALF_TO_FULL[c];
      i = j;
    } else { out += c; i++; }
  }
  return out;
}

/** `text` without the characters of `set` at either end (a linear scan, unlike an anchored regex pair). */
export function trimChars(text: string, set: string): string {
  let a = 0, b = text.length;
  while (a < b && (set.includes(text[a]) || /\s/.test(text[a]))) a++;
  while (b > a && (set.includes(text[b - 1]) || /\s/.test(text[b - 1]))) b--;
  return text.slice(a, b);
}

/**
 * What the engine reads as the page prints it: half-width punctuation beside Chinese text is the
 * full-width mark it stands for (the engine's model has one shape for both), quotation marks alternate
 * open and close, and an item number read with a dash or a comma ("2-其他") takes its point.
 */
export function normalize(text: string, cell: boolean): string {
  let out = fullWidthNextToCjk(text);
  let open = true;
  out = out.replace(/[“”"]/g, () => ((open = !open) ? '”' : '“'));
  if (cell) {
    out = out.replace(/^(\d{1,2})\s*[-·,，、]\s*(?=[\u4e00-\u9fff])/, '$1.');
    // A bracket around an item numeral read as another bracket: 《一）, (一〉.
    out = out.replace(/^[《〈<(（[【]\s*([一二三四五六七八九十])\s*[)）\]】〉》>]?/, '（$1）');
  }
  return out;
}

const FIGURE_TEXT = /^[0-9０-９][0-9０-９,，]*$/;
const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[，]/g, ',');

const NOISE = ".,'\"`:;|-_~·。、‘’“”，";
/** Letters the engine gives for a digit in a figure cell (only kept when the digits-only reading agrees). */
const LOOKS_LIKE: Record<string, string> = { o: '0', O: '0', D: '0', l: '1', I: '1', '|': '1', S: '5', B: '8', Z: '2' };
const asDigits = (s: string) => (/^[oODlIS|BZ0-9]+$/.test(s) ? s.replace(/[oODlIS|BZ]/g, (c) => LOOKS_LIKE[c]) : s);

/**
 * A figure read in a cell: the least confidence of its digits, its doubtful digits (below `DOUBTFUL`,
 * or read otherwise by a second reading of digits only at half the resolution: a misread the engine
 * is sure of, 7545 as 7343, rarely happens at two sizes alike), and that second reading when it
 * differs. When the first reading was cleaned of specks, every digit is doubtful unless both agree.
 */
async function readFigure(img: GrayImage, cell: PixelBox, text: string, lines: OcrLine[], cleaned: boolean): Promise<Omit<OcrReading, 'page'>> {
  const symbols = lines.flatMap((l) => l.words.flatMap((w) => w.symbols)).filter((s) => /[0-9０-９]/.test(s.text));
  const confidence = symbols.length ? Math.min(...symbols.map((s) => s.confidence)) : 0;
  const digits = text.replace(/,/g, '');
  const doubtful = new Set<number>();
  if (symbols.length === digits.length) symbols.forEach((s, i) => { if (s.confidence < DOUBTFUL) doubtful.add(i); });
  const again = (await recognize(pgm(halve(img, cell, 6), undefined, 0, true), 'digits', OCR_DPI / 2)).map((l) => l.words.map((w) => w.text).join('')).join('').replace(/,/g, '');
  if (again !== digits) {
    for (let i = 0; i < digits.length; i++) if (cleaned || again.length !== digits.length || again[i] !== digits[i]) doubtful.add(i);
  }
  const out: Omit<OcrReading, 'page'> = { text, confidence, doubtful: [...doubtful].sort((p, q) => p - q), unreadable: false, offset: -1 };
  if (again !== digits && /^\d+$/.test(again)) out.alternative = again;
  return out;
}

/** Share of a page's figures whose two readings differ above which the page is rough (a poor scan). */
const ROUGH = 0.05;

/**
 * On a rough page (the two readings of its figures differ often: noise, a JPEG's blocks, rules scanned
 * askew) a misread the engine is sure of twice happens too (an italic 6 read as 5 at both sizes): each
 * figure is read a third time, digits only at full resolution, and a digit it reads otherwise is
 * doubtful too. A clean page is not read again.
 */
async function readAgainIfRough(img: GrayImage, figures: { reading: OcrReading; cell: PixelBox }[]): Promise<void> {
  const differ = figures.filter((f) => f.reading.alternative !== undefined || f.reading.doubtful.length === f.reading.text.replace(/,/g, '').length && f.reading.doubtful.length > 0).length;
  if (!figures.length || differ < figures.length * ROUGH) return;
  for (const { reading, cell } of figures) {
    const digits = reading.text.replace(/,/g, '');
    const third = (await recognize(pgm(img, cell, 10, true), 'digits', OCR_DPI)).map((l) => l.words.map((w) => w.text).join('')).join('').replace(/,/g, '');
    if (third === digits) continue;
    const doubtful = new Set(reading.doubtful);
    for (let i = 0; i < digits.length; i++) if (third.length !== digits.length || third[i] !== digits[i]) doubtful.add(i);
    reading.doubtful = [...doubtful].sort((p, q) => p - q);
    if (reading.alternative === undefined && /^\d+$/.test(third)) reading.alternative = third;
  }
}

export interface OcrPage {
  runs: Run[];
  segments: Segments;
}

/**
 * Recognises one page drawn at `OCR_DPI` (`width` × `height` points). Readings of figure cells are
 * appended to `readings`, and their runs hold placeholders (`TOKEN`) that `pdf.ts` replaces.
 */
export async function ocrPage(scan: GrayImage, height: number, page: number, readings: OcrReading[]): Promise<OcrPage> {
  const k = 72 / OCR_DPI;
  const straight = deskew(scan);
  const segments = imageSegments(straight, OCR_DPI, height);
  const { cells, areas } = tableCells(segments, OCR_DPI, height);
  // The cells are read without the bits of their borders left inside them.
  const img = clearRemnants(straight, cells);
  const runs: Run[] = [];
  // Cells first: their texts, then which columns hold figures (a cell there that is inked but reads as
  // no figure could not be read).
  const read: { cell: typeof cells[number]; text: string; lines: OcrLine[] }[] = [];
  for (const cell of cells) {
    if (!inked(img, cell)) continue;
    const upright = verticalLine(img, cell);
    const lines = await recognize(upright ? pgm(upright, undefined, 0, true) : pgm(img, cell, 10, true), 'cell', OCR_DPI);
    // Bits of a border left in the crop read as bars: never part of the cell's text.
    const text = trimChars(normalize(lines.map((l) => joinWords(l.words)).join(''), true), '|丨').split(/[|丨]/).map((p) => p.trim()).join(' ').trim();
    read.push({ cell, text, lines });
  }
  const figureCols = new Set<string>(), figureRows = new Set<string>();
  for (const r of read) if (FIGURE_TEXT.test(r.text)) figureCols.add(`${r.cell.grid}:${r.cell.col}`);
  // A row holds figures when a cell under figures reads as one, specks aside.
  for (const r of read) if (figureCols.has(`${r.cell.grid}:${r.cell.col}`) && FIGURE_TEXT.test(asDigits(trimChars(r.text, NOISE)))) figureRows.add(`${r.cell.grid}:${r.cell.row}`);
  // A cell of one position in a row of figures (at least three, and most of its cells), where no word
  // was read: a figure too, read or not, though its column has no other figure (a table of one row).
  const rowFigures = new Map<string, { n: number; cells: number; w: number; h: number }>();
  for (const r of read) {
    const key = `${r.cell.grid}:${r.cell.row}`;
    const e = rowFigures.get(key) ?? { n: 0, cells: 0, w: 0, h: 0 };
    e.cells++;
    if (FIGURE_TEXT.test(asDigits(trimChars(r.text, NOISE)))) { e.n++; e.w = Math.max(e.w, r.cell.w); e.h = Math.max(e.h, r.cell.h); }
    rowFigures.set(key, e);
  }
  const amongFigures = (cell: CellBox, text: string) => {
    const e = rowFigures.get(`${cell.grid}:${cell.row}`);
    return !!e && e.n >= 3 && e.n >= e.cells * 0.6 && cell.w <= e.w * 1.5 && cell.h <= e.h * 1.2 && !/[\u4e00-\u9fff]/.test(text);
  };
  const figures: { reading: OcrReading; cell: PixelBox }[] = [];
  for (const { cell, text, lines } of read) {
    let str = text;
    // Specks read as marks around a figure ("0.", "'12") are dropped; the second reading must agree.
    const stripped = asDigits(trimChars(text, NOISE));
    const underFigures = (figureCols.has(`${cell.grid}:${cell.col}`) && figureRows.has(`${cell.grid}:${cell.row}`)) || amongFigures(cell, text);
    const figure = FIGURE_TEXT.test(text) || (underFigures && FIGURE_TEXT.test(stripped));
    // Inked, under figures, beside figures, and no word: a figure that could not be read.
    const unreadable = !figure && underFigures && !/[\u4e00-\u9fff]{2}/.test(text);
    if (figure) {
      readings.push({ page, ...(await readFigure(img, cell, toAscii(stripped), lines, stripped !== text)) });
      figures.push({ reading: readings[readings.length - 1], cell });
    }
    else if (unreadable) readings.push({ page, text: '', confidence: 0, doubtful: [], unreadable, offset: -1 });
    if (figure || unreadable) str = token(readings.length - 1);
    if (!str) continue;
    const size = Math.min(cell.h * k, 12);
    runs.push({ str, x: (cell.x + cell.w / 2) * k - 1, y: height - (cell.y + cell.h / 2) * k - size * 0.35, w: 2, h: size, size });
  }
  await readAgainIfRough(img, figures);
  // The text outside the tables.
  const rest = areas.length ? blank(img, areas) : img;
  for (const line of await recognize(pgm(rest, undefined, 0, true), 'page', OCR_DPI)) {
    // A figure read here, outside any ruled cell, is never taken as read with certainty: if the layout
    // puts it in a table (a table whose rules were not found), it is doubtful in every digit.
    const words = line.words.map((w) => {
      const figure = toAscii(trimChars(w.text, NOISE));
      if (!FIGURE_TEXT.test(figure)) return w;
      const confidence = w.symbols.length ? Math.min(...w.symbols.map((x) => x.confidence)) : 0;
      readings.push({ page, text: figure, confidence, doubtful: [...figure.replace(/,/g, '')].map((_, i) => i), unreadable: false, offset: -1 });
      return { ...w, text: token(readings.length - 1) };
    });
    const str = normalize(joinWords(words), false);
    if (!str) continue;
    const size = Math.max(4, line.box.h * k * 0.9);
    runs.push({ str, x: line.box.x * k, y: height - line.baseline * k, w: line.box.w * k, h: size, size });
  }
  return { runs, segments };
}
