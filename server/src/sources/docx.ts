/**
 * Word (.docx) importer: unpacks `word/document.xml` with fflate (bounded: entry count and unpacked
 * size are checked from the ZIP directory before anything is inflated), parses it with htmlparser2 in
 * XML mode, and writes paragraphs one per line and tables one row per line. Merged cells
 * (`w:gridSpan`, `w:vMerge`) are expanded on the table grid; a table continued after a page break
 * as a second table is joined to the first. Each line remembers its paragraph number.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { LineOrigin, SourceError, SourceText } from './index';
import { continueTable, GridCell, renderGridRows } from './table';

/** Unpacked size of `word/document.xml` accepted (a zip bomb is refused before inflating). */
export const MAX_DOCX_XML_BYTES = 50 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 10_000;

const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const CJK_END = new RegExp(`${CJK}$`);
const CJK_START = new RegExp(`^${CJK}`);

function fail(kind: 'corrupt' | 'too-large' | 'encrypted', zh: string, en: string): SourceError {
  return { error: { kind, message: { zh, en } } };
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag';
const kids = (el: Element, name: string): Element[] => el.children.filter((c): c is Element => isElement(c) && c.name === name);
const kid = (el: Element | undefined, name: string): Element | undefined => (el ? kids(el, name)[0] : undefined);

export function readDocx(bytes: Uint8Array): SourceText | SourceError {
  // An encrypted Word file is an OLE compound file, not a ZIP.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail('encrypted', '是加密的 Word 文件或旧版 .doc 文件，无法读取（请另存为未加密的 .docx）', 'is an encrypted Word file or an old .doc file; save it as an unencrypted .docx');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return fail('corrupt', '不是有效的 .docx 文件（不是 ZIP 包）', 'is not a valid .docx file (not a ZIP package)');
  let entries = 0;
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (++entries > MAX_DOCX_ENTRIES) throw new Error('too many entries');
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > MAX_DOCX_XML_BYTES) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    if (entries > MAX_DOCX_ENTRIES) return fail('too-large', `.docx 包内文件超过 ${MAX_DOCX_ENTRIES} 个，疑似压缩炸弹，不予读取`, `the .docx holds over ${MAX_DOCX_ENTRIES} files (a zip bomb?) and is not read`);
    return fail('corrupt', '是损坏的 .docx 文件（ZIP 包不完整或已损坏），无法读取', 'is a damaged .docx file (the ZIP package is truncated or broken)');
  }
  if (tooLarge) return fail('too-large', `.docx 正文解压后超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB，疑似压缩炸弹，不予读取`, `the .docx body unpacks to over ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB (a zip bomb?) and is not read`);
  const xml = files['word/document.xml'];
  if (!xml) return fail('corrupt', '不是有效的 .docx 文件（缺少 word/document.xml）', 'is not a valid .docx file (word/document.xml is missing)');
  if (xml.length > MAX_DOCX_XML_BYTES) return fail('too-large', '.docx 正文解压后过大，不予读取', 'the .docx body unpacks too large and is not read');
  const doc = parseDocument(new TextDecoder('utf-8').decode(xml), { xmlMode: true });
  const root = doc.children.find((c): c is Element => isElement(c) && c.name === 'w:document');
  const body = kid(root, 'w:body');
  if (!body) return fail('corrupt', '不是有效的 .docx 文件（没有正文）', 'is not a valid .docx file (no document body)');
  return render(body);
}

interface State {
  paragraph: number;
  lines: string[];
  origins: LineOrigin[];
  /** The table being written, kept open while only empty paragraphs or page breaks follow it. */
  table: { grid: GridCell[][]; paragraphs: number[] } | null;
  /** Paragraph number of the first paragraph of each row of the table being read. */
  rowParagraphs: number[];
}

function render(body: Element): SourceText {
  const st: State = { paragraph: 0, lines: [], origins: [], table: null, rowParagraphs: [] };
  const flush = () => {
    if (!st.table) return;
    const rows = st.table.paragraphs;
    for (const { line, row } of renderGridRows(st.table.grid)) {
      st.lines.push(line);
      st.origins.push({ paragraph: rows[row] ?? rows[rows.length - 1] });
    }
    st.table = null;
  };
  const blocks = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'w:p') {
        st.paragraph++;
        const text = paragraphText(c).replace(/[ \t\u00a0]+/g, ' ').trim();
        if (!text) continue; // empty paragraphs and page breaks keep a table open
        flush();
        st.lines.push(text);
        st.origins.push({ paragraph: st.paragraph });
      } else if (c.name === 'w:tbl') {
        st.rowParagraphs = [];
        const grid = tableGrid(c, st);
        if (st.table) {
          const before = st.table.grid.length;
          st.table.grid = continueTable(st.table.grid, grid);
          // Heading rows repeated after the break were dropped from the front of the new part.
          st.table.paragraphs.push(...st.rowParagraphs.slice(grid.length - (st.table.grid.length - before)));
        } else st.table = { grid, paragraphs: st.rowParagraphs };
      } else if (c.name === 'w:sdt') blocks(kid(c, 'w:sdtContent') ?? c);
      else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:smartTag') blocks(c);
    }
  };
  blocks(body);
  flush();
  return { kind: 'docx', text: st.lines.join('\n') + '\n', origins: st.origins };
}

/** The text of a paragraph (or any run container): text, tabs and breaks; deleted text is left out. */
function paragraphText(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (!isElement(c)) continue;
    switch (c.name) {
      case 'w:t':
        out += c.children.map((t) => (t.type === 'text' ? t.data : '')).join('');
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        out += ' ';
        break;
      case 'w:del':
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
      case 'w:pict':
      case 'w:drawing':
      case 'w:rPr':
      case 'w:pPr':
        break;
      default:
        out += paragraphText(c);
    }
  }
  return out;
}

function cellText(tc: Element, st: State): string {
  const parts: string[] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'w:p') {
        st.paragraph++;
        parts.push(paragraphText(c));
      } else if (c.name === 'w:tbl' || c.name === 'w:tr' || c.name === 'w:tc' || c.name === 'w:sdt' || c.name === 'w:sdtContent') visit(c);
    }
  };
  visit(tc);
  // Paragraphs of one cell are one label broken over lines: no space where CJK meets CJK.
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).reduce((a, p) => a + (a && !(CJK_END.test(a) && CJK_START.test(p)) ? ' ' : '') + p, '');
}

const val = (el: Element | undefined): string | undefined => el?.attribs['w:val'];

/** The table on its grid: `gridSpan` widens a cell, `vMerge` continues the cell above. */
function tableGrid(tbl: Element, st: State): GridCell[][] {
  const grid: GridCell[][] = [];
  for (const tr of tbl.children.filter((c): c is Element => isElement(c) && (c.name === 'w:tr' || c.name === 'w:sdt' || c.name === 'w:customXml'))) {
    const rows = tr.name === 'w:tr' ? [tr] : kids(kid(tr, 'w:sdtContent') ?? tr, 'w:tr');
    for (const row of rows) {
      st.rowParagraphs.push(st.paragraph + 1);
      const out: GridCell[] = [];
      const trPr = kid(row, 'w:trPr');
      const before = Number.parseInt(val(kid(trPr, 'w:gridBefore')) ?? '0', 10) || 0;
      for (let i = 0; i < Math.min(before, 64); i++) out.push({ text: '', rowOffset: 0, colOffset: 0 });
      const cells = row.children.filter((c): c is Element => isElement(c) && (c.name === 'w:tc' || c.name === 'w:sdt'))
        .flatMap((c) => (c.name === 'w:tc' ? [c] : kids(kid(c, 'w:sdtContent') ?? c, 'w:tc')));
      for (const tc of cells) {
        const tcPr = kid(tc, 'w:tcPr');
        const span = Math.max(1, Math.min(Number.parseInt(val(kid(tcPr, 'w:gridSpan')) ?? '1', 10) || 1, 64));
        const vMerge = kid(tcPr, 'w:vMerge');
        const continues = vMerge !== undefined && val(vMerge) !== 'restart';
        const text = cellText(tc, st);
        const col = out.length;
        const above = grid[grid.length - 1]?.[col];
        for (let k = 0; k < span && out.length < 64; k++) {
          if (continues && above) {
            const a = grid[grid.length - 1][col + k] ?? above;
            out.push({ text: a.text, rowOffset: a.rowOffset + 1, colOffset: a.colOffset });
          } else out.push({ text, rowOffset: 0, colOffset: k });
        }
      }
      grid.push(out);
    }
  }
  return grid;
}
