/**
 * PDF importer: reads the text layer with pdf.js (legacy Node build, no worker thread, no network)
 * and rebuilds the page as a reader sees it. Ruled tables are found from the lines drawn on the page
 * (the cell borders), text runs are placed in the cells they sit in, and each table row becomes one
 * tab-separated line with merged labels repeated. Outside tables, runs are gathered into lines by
 * their baseline and lines into paragraphs by indentation and the right margin. Page numbers are dropped.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LineOrigin, SourceError, SourceText } from './index';
import { continueTable, GridCell, renderGrid } from './table';

/** A text run placed on the page (PDF user space: y grows upwards). */
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

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

async function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    // The legacy build carries core-js, which replaces some built-ins that Node already has
    // (Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString) with slower
    // polyfills for the whole process. Put the originals back; what it adds (Promise.withResolvers…) stays.
    const builtins: object[] = [Array.prototype, Array, JSON, Function.prototype, Object, Object.prototype, String.prototype, Promise,
      Map.prototype, Set.prototype, Uint8Array.prototype, Object.getPrototypeOf(Uint8Array.prototype), Math, Number, RegExp.prototype];
    const saved = builtins.map((o) => new Map(Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)!])));
    try {
      const g = globalThis as { pdfjsWorker?: unknown };
      // Runs the worker's code on this thread: no worker file is looked up and no thread is started.
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      builtins.forEach((o, i) => {
        for (const [k, d] of saved[i]) {
          const now = Object.getOwnPropertyDescriptor(o, k);
          if (now && (now.value !== d.value || now.get !== d.get)) Object.defineProperty(o, k, d);
        }
      });
    }
  })();
  return pdfjsPromise;
}

function pdfjsDir(): string | undefined {
  try {
    return dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  } catch {
    return undefined;
  }
}

function fail(kind: 'corrupt' | 'encrypted' | 'scanned' | 'too-large' | 'no-report', zh: string, en: string): SourceError {
  return { error: { kind, message: { zh, en } } };
}

export const MAX_PDF_PAGES = 500;

export async function readPdf(bytes: Uint8Array): Promise<SourceText | SourceError> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return fail('corrupt', '不是有效的 PDF 文件（缺少 %PDF 文件头，可能是改了扩展名的其他文件）', 'is not a PDF file (no %PDF header; perhaps another file renamed to .pdf)');
  const pdfjs = await loadPdfJs();
  const dir = pdfjsDir();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  const task = pdfjs.getDocument({
    // pdf.js may transfer the buffer it is given; give it a copy so the caller's bytes stay intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    verbosity: 0,
    ...(dir ? { cMapUrl: join(dir, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(dir, 'standard_fonts') + '/' } : {}),
  });
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') return fail('encrypted', '是加密的 PDF，需要密码才能打开，无法读取', 'is an encrypted PDF that needs a password; it cannot be read');
    return fail('corrupt', '是损坏的 PDF，无法读取', 'is a damaged PDF and cannot be read');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) return fail('too-large', `PDF 有 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限`, `the PDF has ${doc.numPages} pages, over the limit of ${MAX_PDF_PAGES}`);
    const pages: { blocks: Block[]; page: number }[] = [];
    let chars = 0;
    let images = 0;
    const imageOps = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject,
      pdfjs.OPS.paintImageXObjectRepeat, pdfjs.OPS.paintImageMaskXObjectRepeat, pdfjs.OPS.paintImageMaskXObjectGroup, pdfjs.OPS.paintInlineImageXObjectGroup]);
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      // Everything is placed as the page is shown: a page turned by /Rotate reads left to right.
      const viewport = page.getViewport({ scale: 1 });
      const [va, vb, vc, vd, ve, vf] = viewport.transform as number[];
      const shown: Matrix = [va, -vb, vc, -vd, ve, viewport.height - vf];
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , d, e, f] = item.transform as number[];
        const size = Math.hypot(a, b) || Math.abs(d) || item.height;
        // A blank run only marks a space between its neighbours; its reported width is not reliable.
        const blank = item.str.trim() === '';
        const x = shown[0] * e + shown[2] * f + shown[4], y = shown[1] * e + shown[3] * f + shown[5];
        runs.push({ str: blank ? ' ' : item.str, x, y, w: blank ? 0 : item.width, h: item.height || size, size });
        chars += item.str.trim().length;
      }
      // Drawing operators are read only where they can matter: a page whose text has cells (runs
      // set apart on a line) may hold a ruled table, and a page with no text may be a scan.
      let segments: { h: Segment[]; v: Segment[] } = { h: [], v: [] };
      if (!runs.length || hasCells(runs)) {
        const ops = await page.getOperatorList();
        if (!runs.length) images += ops.fnArray.filter((f) => imageOps.has(f)).length;
        segments = collectSegments(pdfjs.OPS, ops.fnArray, ops.argsArray, shown);
      }
      pages.push({ page: p, blocks: layoutPage(runs, segments, 0, viewport.height) });
      page.cleanup();
    }
    if (chars === 0 && images === 0) return fail('no-report', 'PDF 中没有任何文字（页面是空白的）', 'the PDF holds no text at all (its pages are blank)');
    if (chars === 0) return fail('scanned', '是扫描件，没有文字层，需要 OCR 才能读取', 'is a scanned PDF with no text layer; it needs OCR to be read');
    return assemble(pages);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

// ---------- ruling lines ----------

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Horizontal and vertical strokes (and hairline-thin filled rectangles) drawn on the page. */
function collectSegments(OPS: PdfJs['OPS'], fns: number[], args: unknown[][], page: Matrix): { h: Segment[]; v: Segment[] } {
  const h: Segment[] = [];
  const v: Segment[] = [];
  let ctm: Matrix = page;
  const stack: Matrix[] = [];
  const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  const addLine = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) < 0.8 && Math.abs(x1 - x2) > TOL) h.push({ pos: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.8 && Math.abs(y1 - y2) > TOL) v.push({ pos: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) });
  };
  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i];
    const a = args[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, a as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(a?.[0]) || ArrayBuffer.isView(a?.[0])) ctm = mul(ctm, Array.from(a[0] as number[]));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const paint = a[0] as number;
      const stroke = strokeOps.has(paint);
      if (!stroke && !fillOps.has(paint)) continue;
      const data = (a[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const pts: [number, number][][] = [[]];
      for (let j = 0; j < data.length;) {
        const op = data[j];
        if (op === 0 || op === 1) {
          const x = data[j + 1], y = data[j + 2];
          const pt: [number, number] = [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
          if (op === 0 && pts[pts.length - 1].length) pts.push([]);
          pts[pts.length - 1].push(pt);
          j += 3;
        } else if (op === 2) j += 7;
        else if (op === 3) j += 5;
        else {
          const sub = pts[pts.length - 1];
          if (sub.length) sub.push(sub[0]);
          j += 1;
        }
      }
      for (const sub of pts) {
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
    }
  }
  return { h, v };
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
      cellRuns.set(k, [...(cellRuns.get(k) ?? []), run]);
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
