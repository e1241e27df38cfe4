/**
 * Sources: turns the bytes of a file into the text a report is read from, and remembers where each
 * line came from (page or paragraph) when the file is not plain text. It knows nothing about reports
 * and never throws: a file that cannot be read yields one `SourceError` with a clear bilingual reason.
 * This module only dispatches: the shared shapes are in `types.ts`, text decoding in `decode.ts`, and
 * the importers (`docx.ts`, `html.ts`, `pdf.ts`) are loaded lazily.
 *
 * Bounds, each giving one bilingual line beyond it: any file 64 MB (`MAX_SOURCE_BYTES`, the CLI's read cap too); PDF 500 pages
 * and a million ruled-table cells on a page; Word 10,000 ZIP entries and 50 MB unpacked body; Word
 * and HTML elements nested 1,000 deep (`MAX_NESTING`); tables 64 columns wide. Within them every
 * importer is linear in its input, up to a log factor.
 */
import { decodeText } from './decode';
import { isSourceError, MAX_SOURCE_BYTES, SourceError, sourceError, SourceKind, SourceText } from './types';

export { decodeText, encodeText } from './decode';
export { isSourceError, MAX_SOURCE_BYTES } from './types';
export type { LineBox, LineOrigin, SourceError, SourceErrorKind, SourceKind, SourceText, TextEncoding } from './types';

/** The kind of a file by its name, or null when it is not a report file this tool reads. */
export function sourceKindOf(path: string): SourceKind | null {
  const lower = path.toLowerCase();
  if (/\.(txt|md|ogi|markdown|text)$/.test(lower)) return 'text';
  if (lower.endsWith('.docx')) return 'docx';
  if (/\.(html|htm|shtml|xhtml)$/.test(lower)) return 'html';
  if (lower.endsWith('.pdf')) return 'pdf';
  return null;
}

/**
 * The kind a file's bytes say it is, whatever its name: a ZIP package or an OLE compound file (an
 * Office document, encrypted or old) is Word, `%PDF-` at the start is PDF; null when the bytes do not say.
 */
export function sniffKind(bytes: Uint8Array): SourceKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'docx';
  if (bytes.length >= 5 && String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]) === '%PDF-') return 'pdf';
  // A PNG or JPEG picture (read by OCR when named on the command line; folders never hold it as a report).
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image';
  return null;
}

/**
 * Reads any supported file into text: by its bytes when they say what it is (`sniffKind`) and are
 * readable as such, else by its name. `docx`, `html` and `pdf` importers live beside this file and
 * are loaded lazily (`await import`) so that the editor bundle never runs them and the language
 * server does not load PDFium. Never throws: an importer that fails unexpectedly gives `corrupt`.
 */
export async function readSource(path: string, bytes: Uint8Array): Promise<SourceText | SourceError> {
  if (bytes.length === 0) return sourceError('empty', '是空文件（0 字节）', 'is an empty file (0 bytes)');
  if (bytes.length > MAX_SOURCE_BYTES) return sourceError('too-large', `文件超过 ${MAX_SOURCE_BYTES / 1024 / 1024} MB，不予读取`, `the file is over ${MAX_SOURCE_BYTES / 1024 / 1024} MB and is not read`);
  const named = sourceKindOf(path) ?? 'text';
  const sniffed = sniffKind(bytes);
  if (sniffed && sniffed !== named) {
    // A file whose bytes say Word or PDF is read as one; if it is not a readable one, as its name says.
    const r = await readAs(sniffed, bytes);
    if (!isSourceError(r) || r.error.kind !== 'corrupt' || sniffed === 'image') return r;
  }
  return readAs(named, bytes);
}

async function readAs(kind: SourceKind, bytes: Uint8Array): Promise<SourceText | SourceError> {
  try {
    switch (kind) {
      case 'docx': return await (await import('./docx')).readDocx(bytes);
      case 'html': return (await import('./html')).readHtml(bytes);
      case 'pdf': return await (await import('./pdf')).readPdf(bytes);
      case 'image': return await (await import('./ocr-pages')).readImage(bytes);
      default: return decodeText(bytes);
    }
  } catch (e) {
    const what = kind === 'docx' ? 'Word (.docx)' : kind.toUpperCase();
    const detail = e instanceof Error && e.message ? `：${e.message.slice(0, 200)}` : '';
    return sourceError('corrupt', `无法读取这个 ${what} 文件${detail}`, `cannot read this ${what} file${detail ? `: ${detail.slice(1)}` : ''}`);
  }
}

/** The text a file is read as (what `ogi-report extract FILE` prints), or its error. */
export async function extractText(path: string, bytes: Uint8Array): Promise<{ text: string } | SourceError> {
  const r = await readSource(path, bytes);
  return isSourceError(r) ? r : { text: r.text };
}
