/**
 * PDF importer: the entry that wires the PDFium binding (`pdfium.ts`: glyphs and drawn lines of each
 * page) to the page geometry (`pdf-layout.ts`: runs, lines, ruled tables, paragraphs). Drawings are
 * read only where they can matter: on a page whose text has cells (runs set apart on a line), which
 * may hold a ruled table, and on a page with no text, which may be a scan.
 *
 * Bounds: at most `MAX_PDF_PAGES` (500) pages, and at most `MAX_GRID_CELLS` (1,000,000) ruled-table
 * positions on a page (and the 64 MB `MAX_SOURCE_BYTES` of every source); beyond, one `too-large`
 * line. Within them the layout is O(n log n) in the glyphs and ruling lines of a page.
 */
import { SourceError, sourceError, SourceText } from './types';
import { assemble, Block, glyphRuns, hasCells, layoutPage, LayoutLimit, MAX_GRID_CELLS, Segments } from './pdf-layout';
import { readPdfPages } from './pdfium';
import { readScans, MAX_OCR_PAGES, Scan } from './ocr-pages';

const corrupt = () => sourceError('corrupt', '是损坏的 PDF，无法读取', 'is a damaged PDF and cannot be read');

export const MAX_PDF_PAGES = 500;

export async function readPdf(bytes: Uint8Array): Promise<SourceText | SourceError> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return sourceError('corrupt', '不是有效的 PDF 文件（缺少 %PDF 文件头，可能是改了扩展名的其他文件）', 'is not a PDF file (no %PDF header; perhaps another file renamed to .pdf)');
  const pages: { blocks: Block[]; page: number }[] = [];
  let chars = 0;
  let images = 0;
  let limit: number | null = null;
  // Pages with images and no text: recognised after the text pages are read, one at a time.
  const scans: Scan[] = [];
  const read = await readPdfPages(bytes, MAX_PDF_PAGES, (page, p) => {
    const text = glyphRuns(page.glyphs());
    chars += text.chars;
    let segments: Segments = { h: [], v: [] };
    if (!text.runs.length || hasCells(text.runs)) {
      const drawn = page.drawings();
      if (!text.runs.length) images += drawn.images;
      segments = drawn;
      if (!text.runs.length && drawn.images > 0) {
        // Past the limit of scanned pages the file is refused: reading stops at the first page over it.
        scans.push({ index: pages.length, page: p + 1, height: page.height });
        if (scans.length > MAX_OCR_PAGES) return false;
        pages.push({ page: p + 1, blocks: [] });
        return;
      }
    }
    try {
      pages.push({ page: p + 1, blocks: layoutPage(text.runs, segments, 0, page.height) });
    } catch (e) {
      if (!(e instanceof LayoutLimit)) throw e;
      limit = p + 1;
      return false;
    }
  });
  if ('failure' in read) {
    switch (read.failure) {
      case 'encrypted': return sourceError('encrypted', '是加密的 PDF，需要密码才能打开，无法读取', 'is an encrypted PDF that needs a password; it cannot be read');
      case 'no-memory': return sourceError('too-large', 'PDF 太大，无法读取', 'the PDF is too large to be read');
      case 'too-many-pages': return sourceError('too-large', `PDF 有 ${read.pages} 页，超过 ${MAX_PDF_PAGES} 页的上限`, `the PDF has ${read.pages} pages, over the limit of ${MAX_PDF_PAGES}`);
      default: return corrupt();
    }
  }
  if (limit !== null) return sourceError('too-large', `PDF 第 ${limit} 页的表格线围成超过 ${MAX_GRID_CELLS.toLocaleString('en')} 个单元格，不予读取`, `page ${limit} of the PDF rules a table of over ${MAX_GRID_CELLS.toLocaleString('en')} cells and is not read`);
  if (chars === 0 && images === 0) return sourceError('no-report', 'PDF 中没有任何文字（页面是空白的）', 'the PDF holds no text at all (its pages are blank)');
  if (!scans.length) return assemble(pages);
  return readScans(bytes, pages, scans, chars > 0);
}
