/**
 * The shapes every importer shares: what a source gives (text, and where each line came from) and the
 * one error it gives instead of throwing (a kind and a bilingual `Msg`). Imports no importer, so the
 * importers and the dispatching `index.ts` all import it without a cycle.
 */
import { msg, Msg } from '../base/msg';

export type SourceKind = 'text' | 'docx' | 'html' | 'pdf' | 'image';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * A line's box on its page, in PDF points (1/72 inch) from the page's top-left corner, y growing
 * downwards (as a viewer measures the page). For a picture (`kind: "image"`) the picture is taken as
 * drawn at 300 dpi: a point is 300/72 of its pixels.
 */
export interface LineBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a line of the extracted text came from in the original file (1-based). */
export interface LineOrigin {
  page?: number;
  paragraph?: number;
  /** The line was recognised from a scanned page (OCR). */
  ocr?: boolean;
  /** The box the line came from on its page (PDF text and scanned pages; a table line is its row of cells). */
  box?: LineBox;
}

/**
 * A figure recognised in a table cell of a scanned page: where it stands in the text, how sure the
 * engine was (the least sure digit, 0…1), which of its digits are doubtful (0-based, commas not
 * counted), or that the cell holds ink that could not be read as a figure (then the text there is empty).
 */
export interface OcrReading {
  page: number;
  offset: number;
  text: string;
  confidence: number;
  doubtful: number[];
  /** The figure as a second reading gave it, when that differs. */
  alternative?: string;
  unreadable: boolean;
}

export interface SourceText {
  kind: SourceKind;
  text: string;
  /** For text files: the encoding the bytes were decoded with, and whether they began with a BOM. */
  encoding?: TextEncoding;
  bom?: boolean;
  /** One entry per line of `text` (index = 0-based line), when the format has pages or paragraphs. */
  origins?: (LineOrigin | undefined)[];
  /** Some pages were recognised from images (OCR); the figures read in their table cells. */
  ocr?: boolean;
  readings?: OcrReading[];
}

export type SourceErrorKind =
  | 'missing' | 'directory' | 'permission' | 'io' | 'empty' | 'binary' | 'encoding' | 'too-large'
  | 'corrupt' | 'encrypted' | 'scanned' | 'no-report' | 'unsupported';

export interface SourceError {
  error: { kind: SourceErrorKind; message: Msg };
}

export function isSourceError<T extends object>(x: T | SourceError): x is SourceError {
  return (x as SourceError).error !== undefined;
}

/** The one error of a source: its kind and one line in both languages. */
export function sourceError(kind: SourceErrorKind, zh: string, en: string): SourceError {
  return { error: { kind, message: msg(zh, en) } };
}

/** Largest file `readSource` accepts (bytes as stored; a `.docx` is also bounded after unpacking). */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
