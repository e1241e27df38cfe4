/**
 * PDF importer: reads the text layer and the drawn lines with PDFium (Google's PDF library compiled to
 * WebAssembly, from the package's own pdfium.wasm: no network, no worker) and rebuilds the page as a
 * reader sees it. Ruled tables are found from the lines drawn on the page (the cell borders), text runs
 * are placed in the cells they sit in, and each table row becomes one tab-separated line with merged
 * labels repeated. Outside tables, runs are gathered into lines by their baseline and lines into
 * paragraphs by indentation and the right margin. Page numbers are dropped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LineOrigin, SourceError, SourceText } from './index';
import { continueTable, GridCell, renderGrid } from './table';

/** A text run placed on the page as it is shown (y grows upwards). */
interface Run {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  size: number;
}

interface Segment {
  /** Horizontal: y fixed, x from a to b. Vertical: x fixed, y from a to b. */
  pos: number;
  a: number;
  b: number;
}

interface Block {
  top: number;
  lines: { text: string; size: number; left: number; right: number; top: number; bottom: number }[];
  table?: { grid: GridCell[][]; xs: number[] };
}

const TOL = 2;

// ---------- PDFium ----------

/**
 * The PDFium functions used here, taken from the module's raw WebAssembly exports: the package's
 * wrapped functions check every argument and return value on each call, which costs more than the
 * call itself when it is made for every character.
 */
interface Pdfium {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  PDFiumExt_Init(): void;
  FPDF_LoadMemDocument(buf: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_GetPageBoundingBox(page: number, rect: number): number;
  FPDFPage_GetRotation(page: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetUnicode(text: number, i: number): number;
  FPDFText_IsGenerated(text: number, i: number): number;
  FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(text: number, i: number, rect: number): number;
  FPDFText_GetCharBox(text: number, i: number, left: number, right: number, bottom: number, top: number): number;
  FPDFText_GetFontSize(text: number, i: number): number;
  FPDFText_GetMatrix(text: number, i: number, matrix: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, i: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, i: number): number;
  FPDFPageObj_GetType(obj: number): number;
  FPDFPageObj_GetMatrix(obj: number, matrix: number): number;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, i: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): number;
}

/** One PDFium instance per thread, with a small buffer that the functions write their results into. */
interface Lib {
  pdf: Pdfium;
  out: number;
  buffer: ArrayBuffer | null;
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
}

const OBJ_PATH = 2, OBJ_IMAGE = 3, OBJ_FORM = 5;
const SEG_LINE = 0, SEG_MOVE = 2;
const ERR_PASSWORD = 4, ERR_SECURITY = 5;

let libPromise: Promise<Lib> | null = null;

function loadPdfium(): Promise<Lib> {
  if (!libPromise) {
    libPromise = (async () => {
      const require = createRequire(__filename);
      const { init } = require('@embedpdf/pdfium') as { init(module: object): Promise<{ pdfium: { wasmExports: Pdfium } }> };
      // PDFium's own messages would land in the CLI's output (JSON, SARIF…): they are dropped.
      const quiet = () => undefined;
      const instance = await init({ wasmBinary: readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')), print: quiet, printErr: quiet });
      const pdf = instance.pdfium.wasmExports;
      pdf.PDFiumExt_Init();
      return { pdf, out: pdf.malloc(64), buffer: null, f64: new Float64Array(0), f32: new Float32Array(0), i32: new Int32Array(0) };
    })();
    libPromise.catch(() => { libPromise = null; });
  }
  return libPromise;
}

/**
 * Views of the out buffer, taken after each call that writes into it: the wasm memory is replaced
 * when it grows, and views of the old one read nothing.
 */
function views(lib: Lib): Lib {
  if (lib.buffer !== lib.pdf.memory.buffer) {
    lib.buffer = lib.pdf.memory.buffer;
    lib.f64 = new Float64Array(lib.buffer, lib.out, 8);
    lib.f32 = new Float32Array(lib.buffer, lib.out, 16);
    lib.i32 = new Int32Array(lib.buffer, lib.out, 16);
  }
  return lib;
}

function fail(kind: 'corrupt' | 'encrypted' | 'scanned' | 'too-large' | 'no-report', zh: string, en: string): SourceError {
  return { error: { kind, message: { zh, en } } };
}

const corrupt = () => fail('corrupt', '是损坏的 PDF，无法读取', 'is a damaged PDF and cannot be read');

export const MAX_PDF_PAGES = 500;

export async function readPdf(bytes: Uint8Array): Promise<SourceText | SourceError> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return fail('corrupt', '不是有效的 PDF 文件（缺少 %PDF 文件头，可能是改了扩展名的其他文件）', 'is not a PDF file (no %PDF header; perhaps another file renamed to .pdf)');
  const lib = await loadPdfium();
  try {
    return readDocument(lib, bytes);
  } catch {
    // A trap inside PDFium leaves its heap in an unknown state: the next file gets a new instance.
    libPromise = null;
    return corrupt();
  }
}

function readDocument(lib: Lib, bytes: Uint8Array): SourceText | SourceError {
  const { pdf } = lib;
  const data = pdf.malloc(bytes.length);
  if (!data) return fail('too-large', 'PDF 太大，无法读取', 'the PDF is too large to be read');
  try {
    // PDFium reads the document from its own memory, for as long as the document is open.
    new Uint8Array(pdf.memory.buffer, data, bytes.length).set(bytes);
    const doc = pdf.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!doc) {
      const code = pdf.FPDF_GetLastError();
      if (code === ERR_PASSWORD || code === ERR_SECURITY) return fail('encrypted', '是加密的 PDF，需要密码才能打开，无法读取', 'is an encrypted PDF that needs a password; it cannot be read');
      return corrupt();
    }
    try {
      const count = pdf.FPDF_GetPageCount(doc);
      // PDFium opens what it can of a damaged file; a page tree it cannot read gives no pages.
      if (count <= 0) return corrupt();
      if (count > MAX_PDF_PAGES) return fail('too-large', `PDF 有 ${count} 页，超过 ${MAX_PDF_PAGES} 页的上限`, `the PDF has ${count} pages, over the limit of ${MAX_PDF_PAGES}`);
      const pages: { blocks: Block[]; page: number }[] = [];
      let chars = 0;
      let images = 0;
      for (let p = 0; p < count; p++) {
        const page = pdf.FPDF_LoadPage(doc, p);
        if (!page) return corrupt();
        try {
          const view = pageView(lib, page);
          if (!view) return corrupt();
          const { shown, height } = view;
          const text = readRuns(lib, page, shown);
          chars += text.chars;
          // Drawings are read only where they can matter: a page whose text has cells (runs set
          // apart on a line) may hold a ruled table, and a page with no text may be a scan.
          let segments: { h: Segment[]; v: Segment[] } = { h: [], v: [] };
          if (!text.runs.length || hasCells(text.runs)) {
            const drawn = readDrawings(lib, page, shown);
            if (!text.runs.length) images += drawn.images;
            segments = drawn;
          }
          pages.push({ page: p + 1, blocks: layoutPage(text.runs, segments, 0, height) });
        } finally {
          pdf.FPDF_ClosePage(page);
        }
      }
      if (chars === 0 && images === 0) return fail('no-report', 'PDF 中没有任何文字（页面是空白的）', 'the PDF holds no text at all (its pages are blank)');
      if (chars === 0) return fail('scanned', '是扫描件，没有文字层，需要 OCR 才能读取', 'is a scanned PDF with no text layer; it needs OCR to be read');
      return assemble(pages);
    } finally {
      pdf.FPDF_CloseDocument(doc);
    }
  } finally {
    pdf.free(data);
  }
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Everything is placed as the page is shown: from the page's visible box (media box cut by the crop
 * box) with its lower left corner at 0,0, and turned by /Rotate (clockwise), so a turned page reads
 * left to right.
 */
function pageView(lib: Lib, page: number): { shown: Matrix; height: number } | null {
  const { pdf, out } = lib;
  const ok = pdf.FPDF_GetPageBoundingBox(page, out);
  const { f32 } = views(lib);
  if (!ok) f32.fill(0, 0, 4);
  const [l, t, r, b] = [Math.min(f32[0], f32[2]), Math.max(f32[1], f32[3]), Math.max(f32[0], f32[2]), Math.min(f32[1], f32[3])];
  // A rotation below 0 means PDFium could not take the page's dictionary for a page.
  switch (pdf.FPDFPage_GetRotation(page)) {
    case -1: return null;
    case 1: return { shown: [0, -1, 1, 0, -b, r], height: r - l };
    case 2: return { shown: [-1, 0, 0, -1, r, t], height: t - b };
    case 3: return { shown: [0, 1, -1, 0, t, -l], height: r - l };
    default: return { shown: [1, 0, 0, 1, -l, -b], height: t - b };
  }
}

/**
 * The page's characters gathered into runs: characters that follow one another on one baseline at one
 * size. As a reader would, a gap of a tenth of an em or more is a space, and a gap over 0.6 em (or a
 * step back, a new baseline or size) starts a new run, which the layout then spaces or tabs by its
 * distance. Characters PDFium makes up (spaces and line ends it infers) are left out: the gaps say the same.
 */
function readRuns(lib: Lib, page: number, shown: Matrix): { runs: Run[]; chars: number } {
  const { pdf, out } = lib;
  const text = pdf.FPDFText_LoadPage(page);
  const runs: Run[] = [];
  let chars = 0;
  if (!text) return { runs, chars };
  try {
    const n = pdf.FPDFText_CountChars(text);
    let run: Run | null = null;
    let end = 0;
    const push = () => {
      // A blank run only marks a space between its neighbours.
      if (run) runs.push(run.str.trim() === '' ? { ...run, str: ' ', w: 0 } : run);
      run = null;
    };
    for (let i = 0; i < n; i++) {
      if (pdf.FPDFText_IsGenerated(text, i)) continue;
      const code = pdf.FPDFText_GetUnicode(text, i);
      if (code === 0 || code > 0x10ffff) continue;
      // PDFium reports a hyphen that ends a line as U+0002; it is the hyphen the page shows.
      const ch = code === 2 ? '-' : code < 0x20 ? ' ' : String.fromCodePoint(code);
      if (!pdf.FPDFText_GetCharOrigin(text, i, out, out + 8)) continue;
      let v = views(lib);
      const ox = v.f64[0], oy = v.f64[1];
      const x = shown[0] * ox + shown[2] * oy + shown[4], y = shown[1] * ox + shown[3] * oy + shown[5];
      // The font size is in text space; the character's matrix scales it to the page.
      let scale = 1;
      if (pdf.FPDFText_GetMatrix(text, i, out)) {
        v = views(lib);
        scale = Math.hypot(v.f32[2], v.f32[3]) || Math.hypot(v.f32[0], v.f32[1]) || 1;
      }
      const size = pdf.FPDFText_GetFontSize(text, i) * scale;
      // The loose box (left, top, right, bottom) spans the character's advance: its right edge is where
      // the next character would start. For vertical writing it is meaningless (as wide as the
      // font's whole box), and the glyph's own box (left, right, bottom, top) is used instead.
      let xa = x, xb = x;
      if (pdf.FPDFText_GetLooseCharBox(text, i, out)) {
        v = views(lib);
        xa = shown[0] * v.f32[0] + shown[2] * v.f32[1] + shown[4];
        xb = shown[0] * v.f32[2] + shown[2] * v.f32[3] + shown[4];
      }
      if (!(Math.abs(xb - xa) <= size * 2)) {
        xa = xb = x;
        if (pdf.FPDFText_GetCharBox(text, i, out, out + 8, out + 16, out + 24)) {
          v = views(lib);
          xa = shown[0] * v.f64[0] + shown[2] * v.f64[3] + shown[4];
          xb = shown[0] * v.f64[1] + shown[2] * v.f64[2] + shown[4];
        }
      }
      const right = Math.max(xa, xb, x);
      const blank = ch.trim() === '';
      if (!blank) chars++;
      const r: Run | null = run;
      const gap = r ? x - end : 0;
      if (r && Math.abs(y - r.y) <= r.size * 0.2 && Math.abs(size - r.size) <= 0.5 && gap >= -r.size * 0.3 && gap <= r.size * 0.6) {
        if (gap > r.size * 0.102 && !blank && !/\s$/.test(r.str)) r.str += ' ';
        r.str += ch;
        end = Math.max(end, right);
        r.w = end - r.x;
      } else {
        push();
        // A new font or size in mid-line still keeps its word space (the runs' gap alone says it only when wide).
        if (r && !blank && Math.abs(y - r.y) <= Math.max(r.size, size) * 0.5 && gap > Math.min(r.size, size) * 0.102 && gap <= Math.max(r.size, size) * 0.6) runs.push({ str: ' ', x: end, y: r.y, w: 0, h: r.h, size: r.size });
        const left = Math.min(xa, xb, x);
        run = { str: ch, x: left, y, w: right - left, h: size, size };
        end = right;
      }
    }
    push();
  } finally {
    pdf.FPDFText_ClosePage(text);
  }
  return { runs, chars };
}

// ---------- ruling lines ----------

/**
 * Horizontal and vertical strokes (and hairline-thin filled rectangles) drawn on the page, forms
 * included, and the number of images. A path's points are in its own space: its matrix (and that of
 * each form it sits in) takes them to the page.
 */
function readDrawings(lib: Lib, page: number, shown: Matrix): { h: Segment[]; v: Segment[]; images: number } {
  const { pdf, out } = lib;
  const h: Segment[] = [];
  const v: Segment[] = [];
  let images = 0;
  const addLine = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) < 0.8 && Math.abs(x1 - x2) > TOL) h.push({ pos: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.8 && Math.abs(y1 - y2) > TOL) v.push({ pos: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) });
  };
  const matrixOf = (obj: number, outer: Matrix): Matrix => {
    if (!pdf.FPDFPageObj_GetMatrix(obj, out)) return outer;
    const { f32 } = views(lib);
    return mul(outer, [f32[0], f32[1], f32[2], f32[3], f32[4], f32[5]]);
  };
  const path = (obj: number, m: Matrix) => {
    if (!pdf.FPDFPath_GetDrawMode(obj, out, out + 4)) return;
    const { i32 } = views(lib);
    const fill = i32[0] !== 0, stroke = i32[1] !== 0;
    if (!fill && !stroke) return;
    const subs: [number, number][][] = [[]];
    const n = pdf.FPDFPath_CountSegments(obj);
    for (let s = 0; s < n; s++) {
      const seg = pdf.FPDFPath_GetPathSegment(obj, s);
      if (!seg || !pdf.FPDFPathSegment_GetPoint(seg, out, out + 4)) continue;
      const { f32 } = views(lib);
      const px = f32[0], py = f32[1];
      const pt: [number, number] = [m[0] * px + m[2] * py + m[4], m[1] * px + m[3] * py + m[5]];
      const type = pdf.FPDFPathSegment_GetType(seg);
      let sub = subs[subs.length - 1];
      // A curve is not a ruling line: its points only start the next straight piece.
      if (type !== SEG_LINE && sub.length) subs.push(sub = []);
      if (type === SEG_MOVE || type === SEG_LINE) sub.push(pt);
      else subs.push([pt]);
      if (pdf.FPDFPathSegment_GetClose(seg) && sub.length) sub.push(sub[0]);
    }
    for (const sub of subs) {
      if (stroke) {
        for (let k = 1; k < sub.length; k++) addLine(sub[k - 1][0], sub[k - 1][1], sub[k][0], sub[k][1]);
      } else if (sub.length >= 4) {
        // A filled rectangle thinner than 2.5pt is a rule drawn as a bar.
        const xs = sub.map((p) => p[0]), ys = sub.map((p) => p[1]);
        const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
        if (y1 - y0 < 2.5 && x1 - x0 > TOL) h.push({ pos: (y0 + y1) / 2, a: x0, b: x1 });
        else if (x1 - x0 < 2.5 && y1 - y0 > TOL) v.push({ pos: (x0 + x1) / 2, a: y0, b: y1 });
      }
    }
  };
  const walk = (count: number, get: (i: number) => number, outer: Matrix, depth: number) => {
    for (let i = 0; i < count; i++) {
      const obj = get(i);
      if (!obj) continue;
      const type = pdf.FPDFPageObj_GetType(obj);
      if (type === OBJ_IMAGE) images++;
      else if (type === OBJ_PATH) path(obj, matrixOf(obj, outer));
      else if (type === OBJ_FORM && depth < 32) walk(pdf.FPDFFormObj_CountObjects(obj), (k) => pdf.FPDFFormObj_GetObject(obj, k), matrixOf(obj, outer), depth + 1);
    }
  };
  walk(pdf.FPDFPage_CountObjects(page), (i) => pdf.FPDFPage_GetObject(page, i), shown, 0);
  return { h, v, images };
}

/** Snaps nearby positions to one value (a border drawn twice, or hairline offsets). */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1] > TOL) out.push(x);
  return out;
}

function covers(segs: Segment[], pos: number, at: number): boolean {
  return segs.some((s) => Math.abs(s.pos - pos) <= TOL && s.a - TOL <= at && at <= s.b + TOL);
}

interface Grid {
  xs: number[];
  ys: number[];
  h: Segment[];
  v: Segment[];
}

/** Groups ruling lines that touch into tables; each table is a grid of column and row boundaries. */
function findGrids(h: Segment[], v: Segment[]): Grid[] {
  const all = [...h.map((s) => ({ s, horizontal: true })), ...v.map((s) => ({ s, horizontal: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i], b = v[j];
      if (b.pos >= a.a - TOL && b.pos <= a.b + TOL && a.pos >= b.a - TOL && a.pos <= b.b + TOL) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((e, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (e.horizontal ? g.h : g.v).push(e.s);
    groups.set(find(i), g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const ys = snap(g.h.map((s) => s.pos)).reverse();
    const xs = snap(g.v.map((s) => s.pos));
    if (ys.length >= 2 && xs.length >= 2) grids.push({ xs, ys, h: g.h, v: g.v });
  }
  return grids;
}

// ---------- page layout ----------

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Joins the runs of one line: a gap is a space (except between CJK runs inside a table cell), and
 * outside tables a wide gap is a tab, so that a table printed without borders still reads as cells.
 */
function joinRuns(runs: Run[], cell = false): string {
  let out = '';
  let end = -Infinity;
  let space = false;
  for (const r of runs) {
    if (r.str === ' ') {
      space = true;
      continue;
    }
    const gap = r.x - end;
    const cjk = cell && (CJK.test(out.slice(-1)) || CJK.test(r.str.charAt(0)));
    // Outside ruled tables, a gap of two characters or more separates the columns of a borderless table.
    if (out && !cell && gap > r.size * 2) out = out.trimEnd() + '\t';
    else if (out && (space || gap > r.size * 0.6) && !cjk && !/\s$/.test(out) && !/^\s/.test(r.str)) out += ' ';
    out += r.str;
    end = Math.max(end, r.x + r.w);
    space = false;
  }
  return out;
}

/** Whether some line of the page has runs set apart by a wide gap, as table cells are. */
function hasCells(runs: Run[]): boolean {
  return toLines(runs.filter((r) => r.str !== ' ')).some((line) => line.some((r, i) => i > 0 && r.x - (line[i - 1].x + line[i - 1].w) > r.size * 1.5));
}

/** Runs grouped into lines by baseline (top to bottom), each sorted left to right. */
function toLines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const line = lines.find((l) => Math.abs(l.y - r.y) < Math.max(2, Math.min(l.size, r.size) * 0.5));
    if (line) line.runs.push(r);
    else lines.push({ y: r.y, size: r.size, runs: [r] });
  }
  return lines.sort((p, q) => q.y - p.y).map((l) => l.runs.sort((p, q) => p.x - q.x));
}

/** The text of one table cell: its lines joined; spaces that only pad justified CJK text are dropped. */
function cellText(runs: Run[]): string {
  if (!runs.length) return '';
  const lines = toLines(runs).map((l) => joinRuns(l, true).trim());
  let text = lines.join('');
  if (lines.length > 1) text = text.replace(new RegExp(`(?<=${CJK.source})\\s+(?=${CJK.source})`, 'g'), '');
  return text;
}

function layoutPage(runs: Run[], segs: { h: Segment[]; v: Segment[] }, bottom: number, top: number): Block[] {
  const grids = findGrids(segs.h, segs.v);
  const used = new Set<Run>();
  const blocks: Block[] = [];
  for (const g of grids) {
    const nr = g.ys.length - 1, nc = g.xs.length - 1;
    // Union the grid positions that no border separates into merged cells.
    const id = (r: number, c: number) => r * nc + c;
    const parent = Array.from({ length: nr * nc }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let r = 0; r < nr; r++) {
      const ym = (g.ys[r] + g.ys[r + 1]) / 2;
      for (let c = 0; c < nc; c++) {
        const xm = (g.xs[c] + g.xs[c + 1]) / 2;
        if (c + 1 < nc && !covers(g.v, g.xs[c + 1], ym)) parent[find(id(r, c + 1))] = find(id(r, c));
        if (r + 1 < nr && !covers(g.h, g.ys[r + 1], xm)) parent[find(id(r + 1, c))] = find(id(r, c));
      }
    }
    const cellRuns = new Map<number, Run[]>();
    for (const run of runs) {
      const cx = run.x + run.w / 2;
      const cy = run.y + Math.min(run.h, run.size) * 0.35;
      if (cx < g.xs[0] || cx > g.xs[nc] || cy > g.ys[0] || cy < g.ys[nr]) continue;
      let c = 0;
      while (c < nc - 1 && cx > g.xs[c + 1]) c++;
      let r = 0;
      while (r < nr - 1 && cy < g.ys[r + 1]) r++;
      const k = find(id(r, c));
      const list = cellRuns.get(k);
      if (list) list.push(run);
      else cellRuns.set(k, [run]);
      used.add(run);
    }
    const texts = new Map<number, string>();
    for (const [k, list] of cellRuns) texts.set(k, cellText(list));
    // Top-left position of every merged cell.
    const origin = new Map<number, [number, number]>();
    for (let r = 0; r < nr; r++) for (let c = 0; c < nc; c++) if (!origin.has(find(id(r, c)))) origin.set(find(id(r, c)), [r, c]);
    const grid: GridCell[][] = [];
    for (let r = 0; r < nr; r++) {
      if (g.ys[r] - g.ys[r + 1] < 1) continue;
      const row: GridCell[] = [];
      for (let c = 0; c < nc; c++) {
        if (g.xs[c + 1] - g.xs[c] < 1) continue;
        const k = find(id(r, c));
        const [r0, c0] = origin.get(k)!;
        row.push({ text: texts.get(k) ?? '', rowOffset: r - r0, colOffset: c - c0 });
      }
      grid.push(row);
    }
    const xs = g.xs.filter((x, i) => i === 0 || x - g.xs[i - 1] >= 1);
    if (grid.length) blocks.push({ top: g.ys[0], lines: [], table: { grid, xs } });
  }
  const height = top - bottom;
  for (const line of toLines(runs.filter((r) => !used.has(r)))) {
    const text = joinRuns(line).trim();
    if (!text) continue;
    const y = line[0].y;
    const size = Math.max(...line.map((r) => r.size));
    // Page numbers in the top or bottom margin: "- 3 -", "第 3 页", "3/10".
    if ((y < bottom + height * 0.1 || y > top - height * 0.08) && /^第?\d+页?([/／]\d+)?(共\d+页)?$/.test(text.replace(/[-－—–\s]/g, ''))) continue;
    const left = line[0].x;
    const right = Math.max(...line.map((r) => r.x + r.w));
    blocks.push({ top: y + size, lines: [{ text, size, left, right, top: y + size, bottom: y }] });
  }
  return blocks.sort((p, q) => q.top - p.top);
}

// ---------- paragraphs ----------

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = values[0] ?? 0, n = 0;
  for (const [v, k] of counts) if (k > n) [best, n] = [v, k];
  return best;
}

function assemble(pages: { blocks: Block[]; page: number }[]): SourceText {
  const textLines = pages.flatMap((p) => p.blocks.flatMap((b) => b.lines));
  const body = mode(textLines.map((l) => l.size));
  const bodyLines = textLines.filter((l) => Math.abs(l.size - body) < 0.5);
  const leftMargin = mode(bodyLines.map((l) => l.left));
  const rightMargin = Math.max(...bodyLines.map((l) => l.right), 0);

  const out: string[] = [];
  const origins: LineOrigin[] = [];
  // A table is written when the next block is not its continuation on the following page.
  let table: { grid: GridCell[][]; xs: number[]; pages: number[]; lastPage: number } | null = null;
  const flush = () => {
    if (!table) return;
    renderGrid(table.grid).forEach((line) => { out.push(line); origins.push({ page: table!.pages[0] }); });
    table = null;
  };
  type Prev = { size: number; right: number; bottom: number } | null;
  let prev: Prev = null;
  for (const { blocks, page } of pages) {
    blocks.forEach((b, i) => {
      if (b.table) {
        if (table && i === 0 && table.lastPage === page - 1 && sameColumns(table.xs, b.table.xs)) {
          table.grid = continueTable(table.grid, b.table.grid);
          table.lastPage = page;
        } else {
          flush();
          table = { grid: b.table.grid, xs: b.table.xs, pages: [page], lastPage: page };
        }
        prev = null;
        return;
      }
      flush();
      const l = b.lines[0];
      const sameSize = prev && Math.abs(prev.size - l.size) < 0.5;
      const prevFull = prev && prev.right >= rightMargin - l.size * 1.5;
      const notIndented = l.left <= leftMargin + l.size * 0.5;
      // A heading (larger than the body) wrapped over lines is one heading.
      const headingWrap = sameSize && l.size > body * 1.15 && prev && prev.bottom - l.top < l.size * 1.5;
      const tabbed = l.text.includes('\t') || (out.length > 0 && out[out.length - 1].includes('\t'));
      const continues = prev && sameSize && !tabbed && ((prevFull && notIndented) || headingWrap);
      if (continues && out.length) {
        const last = out[out.length - 1];
        out[out.length - 1] = last + (/[A-Za-z]$/.test(last) && /^[A-Za-z]/.test(l.text) ? ' ' : '') + l.text;
      } else {
        out.push(l.text);
        origins.push({ page });
      }
      prev = { size: l.size, right: l.right, bottom: l.bottom };
    });
  }
  flush();
  return { kind: 'pdf', text: out.join('\n') + '\n', origins };
}

function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 3);
}
