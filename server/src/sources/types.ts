/**
 * The shapes every importer shares: what a source gives (text, and where each line came from) and the
 * one error it gives instead of throwing (a kind and a bilingual `Msg`). Imports no importer, so the
 * importers and the dispatching `index.ts` all import it without a cycle.
 */
import { msg, Msg } from '../base/msg';

export type SourceKind = 'text' | 'docx' | 'html' | 'pdf';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Where a line of the extracted text came from in the original file (1-based). */
export interface LineOrigin {
  page?: number;
  paragraph?: number;
}

export interface SourceText {
  kind: SourceKind;
  text: string;
  /** For text files: the encoding the bytes were decoded with, and whether they began with a BOM. */
  encoding?: TextEncoding;
  bom?: boolean;
  /** One entry per line of `text` (index = 0-based line), when the format has pages or paragraphs. */
  origins?: (LineOrigin | undefined)[];
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
