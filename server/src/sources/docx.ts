/**
 * Word (.docx) importer: unpacks `word/document.xml` with fflate (bounded: entry count and unpacked
 * size are checked from the ZIP directory before anything is inflated), parses it with htmlparser2 in
 * XML mode, and writes paragraphs one per line and tables one row per line. Merged cells
 * (`w:gridSpan`, `w:vMerge`) are expanded on the table grid; a table continued after a page break
 * as a second table is joined to the first. Each line remembers its paragraph number.
 *
 * Bounds (each beyond gives one `too-large` line): 10,000 ZIP entries (`MAX_DOCX_ENTRIES`), 50 MB of
 * unpacked `word/document.xml` (`MAX_DOCX_XML_BYTES`), elements nested 1,000 deep (`MAX_NESTING`);
 * tables are at most 64 columns wide (wider cells are dropped). Within them reading is linear: a table
 * continued over any number of breaks is joined in place.
 */
import { unzipSync } from 'fflate';
import type { ChildNode, Element } from 'domhandler';
import { LineOrigin, SourceError, sourceError, SourceText } from './types';
import { MAX_NESTING, parseBounded, TooDeep } from './dom';
import { continueTable, GridCell, renderGridRows } from './table';

/** Unpacked size of `word/document.xml` accepted (a zip bomb is refused before inflating). */
export const MAX_DOCX_XML_BYTES = 50 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 10_000;

const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const CJK_END = new RegExp(`${CJK}$`);
const CJK_START = new RegExp(`^${CJK}`);

const isElement = (n: ChildNode): n is Element => n.type === 'tag';
const kids = (el: Element, name: string): Element[] => el.children.filter((c): c is Element => isElement(c) && c.name === name);
const kid = (el: Element | undefined, name: string): Element | undefined => (el ? kids(el, name)[0] : undefined);

export function readDocx(bytes: Uint8Array): SourceText | SourceError {
  // An encrypted Word file is an OLE compound file, not a ZIP.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return sourceError('encrypted', '是加密的 Word 文件或旧版 .doc 文件，无法读取（请另存为未加密的 .docx）', 'is an encrypted Word file or an old .doc file; save it as an unencrypted .docx');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return sourceError('corrupt', '不是有效的 .docx 文件（不是 ZIP 包）', 'is not a valid .docx file (not a ZIP package)');
  let entries = 0;
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (++entries > MAX_DOCX_ENTRIES) throw new Error('too many entries');
        if (f.name !== 'word/document.xml' && f.name !== 'word/numbering.xml') return false;
        if (f.originalSize > MAX_DOCX_XML_BYTES) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    if (entries > MAX_DOCX_ENTRIES) return sourceError('too-large', `.docx 包内文件超过 ${MAX_DOCX_ENTRIES} 个，疑似压缩炸弹，不予读取`, `the .docx holds over ${MAX_DOCX_ENTRIES} files (a zip bomb?) and is not read`);
    return sourceError('corrupt', '是损坏的 .docx 文件（ZIP 包不完整或已损坏），无法读取', 'is a damaged .docx file (the ZIP package is truncated or broken)');
  }
  if (tooLarge) return sourceError('too-large', `.docx 正文解压后超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB，疑似压缩炸弹，不予读取`, `the .docx body unpacks to over ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB (a zip bomb?) and is not read`);
  const xml = files['word/document.xml'];
  if (!xml) return sourceError('corrupt', '不是有效的 .docx 文件（缺少 word/document.xml）', 'is not a valid .docx file (word/document.xml is missing)');
  if (xml.length > MAX_DOCX_XML_BYTES) return sourceError('too-large', '.docx 正文解压后过大，不予读取', 'the .docx body unpacks too large and is not read');
  try {
    const doc = parseBounded(new TextDecoder('utf-8').decode(xml), { xmlMode: true });
    const root = doc.children.find((c): c is Element => isElement(c) && c.name === 'w:document');
    const body = kid(root, 'w:body');
    if (!body) return sourceError('corrupt', '不是有效的 .docx 文件（没有正文）', 'is not a valid .docx file (no document body)');
    const numbering = files['word/numbering.xml'];
    return render(body, numbering ? readNumbering(new TextDecoder('utf-8').decode(numbering)) : new Map());
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    return sourceError('too-large', `.docx 正文的元素嵌套超过 ${MAX_NESTING} 层，不予读取`, `the .docx body nests elements over ${MAX_NESTING} deep and is not read`);
  }
}

interface State {
  paragraph: number;
  lines: string[];
  origins: LineOrigin[];
  /** The table being written, kept open while only empty paragraphs or page breaks follow it. */
  table: { grid: GridCell[][]; paragraphs: number[] } | null;
  /** Paragraph number of the first paragraph of each row of the table being read. */
  rowParagraphs: number[];
  numbering: Numbering;
  /** Current count of each list definition (abstractNumId) at each level. */
  counters: Map<string, number[]>;
}

function render(body: Element, numbering: Numbering): SourceText {
  const st: State = { paragraph: 0, lines: [], origins: [], table: null, rowParagraphs: [], numbering, counters: new Map() };
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
        const text = (numberLabel(c, st) + paragraphText(c)).replace(/[ \t\u00a0]+/g, ' ').trim();
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
          const paragraphs = st.table.paragraphs;
          for (let k = grid.length - (st.table.grid.length - before); k < st.rowParagraphs.length; k++) paragraphs.push(st.rowParagraphs[k]);
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
        parts.push(numberLabel(c, st) + paragraphText(c));
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

// ---------- automatic numbering ----------

/** For each list (numId), its levels: number format, label pattern ("%1、") and start value. */
type Numbering = Map<string, { abstract: string; levels: { fmt: string; text: string; start: number }[] }>;

/** Reads `word/numbering.xml`: lists point at abstract definitions, whose levels give the label format. */
function readNumbering(xml: string): Numbering {
  const doc = parseBounded(xml, { xmlMode: true });
  const root = doc.children.find((c): c is Element => isElement(c) && c.name === 'w:numbering');
  const out: Numbering = new Map();
  if (!root) return out;
  const abstract = new Map<string, { fmt: string; text: string; start: number }[]>();
  for (const a of kids(root, 'w:abstractNum')) {
    const levels: { fmt: string; text: string; start: number }[] = [];
    for (const lvl of kids(a, 'w:lvl')) {
      const i = Number.parseInt(lvl.attribs['w:ilvl'] ?? '0', 10);
      if (i >= 0 && i < 9) levels[i] = { fmt: val(kid(lvl, 'w:numFmt')) ?? 'decimal', text: val(kid(lvl, 'w:lvlText')) ?? '', start: Number.parseInt(val(kid(lvl, 'w:start')) ?? '1', 10) || 1 };
    }
    abstract.set(a.attribs['w:abstractNumId'] ?? '', levels);
  }
  for (const n of kids(root, 'w:num')) {
    const id = val(kid(n, 'w:abstractNumId')) ?? '';
    const levels = abstract.get(id);
    if (levels) out.set(n.attribs['w:numId'] ?? '', { abstract: id, levels });
  }
  return out;
}

const DIGITS = '〇一二三四五六七八九';

function chineseCount(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10), ones = n % 10;
  return (tens > 1 ? DIGITS[tens] : '') + '十' + (ones ? DIGITS[ones] : '');
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return fmt === 'ideographTraditional' ? '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] : chineseCount(n);
    case 'chineseLegalSimplified':
      return chineseCount(n).replace(/[一二三四五六七八九十]/g, (c) => '壹贰叁肆伍陆柒捌玖拾'['一二三四五六七八九十'.indexOf(c)]);
    case 'ideographDigital':
      return [...String(n)].map((d) => DIGITS[Number(d)]).join('');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      const c = String.fromCharCode(97 + ((n - 1) % 26));
      return fmt === 'upperLetter' ? c.toUpperCase() : c;
    }
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** The label Word draws before an automatically numbered paragraph ("一、", "（二）", "3."), counted in order. */
function numberLabel(p: Element, st: State): string {
  const numPr = kid(kid(p, 'w:pPr'), 'w:numPr');
  const numId = val(kid(numPr, 'w:numId'));
  if (!numId || numId === '0') return '';
  const list = st.numbering.get(numId);
  const levels = list?.levels;
  const ilvl = Math.min(8, Math.max(0, Number.parseInt(val(kid(numPr, 'w:ilvl')) ?? '0', 10) || 0));
  const level = levels?.[ilvl];
  if (!list || !levels || !level || level.fmt === 'bullet' || level.fmt === 'none') return '';
  // Lists that share one definition count on together, as Word numbers them.
  const counts = st.counters.get(list.abstract) ?? [];
  counts[ilvl] = (counts[ilvl] ?? (level.start - 1)) + 1;
  counts.length = ilvl + 1; // a deeper level starts again after its parent moves on
  st.counters.set(list.abstract, counts);
  return level.text.replace(/%([1-9])/g, (_, d: string) => {
    const k = Number(d) - 1;
    const lv = levels[k];
    return lv ? formatNumber(counts[k] ?? lv.start, lv.fmt) : '';
  });
}
