/**
 * HTML importer for saved web pages (`.html`, `.htm`, `.shtml`). Decodes the page by its BOM or its
 * `<meta charset>` (GB2312/GBK pages are read as GB18030), parses it with htmlparser2, takes the
 * article body rather than the site's navigation, and writes paragraphs one per line and tables one
 * row per line (spans expanded, empty cells kept in place). Also reads the HTML that the Word
 * importer produces.
 *
 * Bounds: elements nested 1,000 deep (`MAX_NESTING`; deeper gives one `too-large` line), tables 64
 * columns wide; a table of any number of rows is read in time linear in its cells.
 */
import type { ChildNode, Element } from 'domhandler';
import { SourceError, sourceError, SourceText } from './types';
import { MAX_NESTING, parseBounded, TooDeep } from './dom';
import { expandSpans, renderGrid, SpanCell } from './table';

const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'select', 'button', 'input', 'textarea', 'svg', 'object', 'head', 'title', 'meta', 'link']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'center', 'form', 'fieldset', 'figure', 'figcaption', 'hr', 'caption', 'body', 'html']);
const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const CJK_CHAR = new RegExp(CJK);
const SPACE = /\s/;

/**
 * Drops whitespace from the page's source formatting (a line break, &nbsp; padding, a run of spaces),
 * not typed, between two CJK characters: what `text.replace(/(?<=CJK)(\s*[\n\u00a0]\s*|[ \t]{2,})(?=CJK)/g, '')`
 * does, in one pass (the expression backtracks quadratically on long runs of whitespace). A gap is
 * dropped from a CJK character (U+3000 counts as both CJK and space) up to the last CJK character its
 * run of whitespace reaches, when the gap holds a line break or &nbsp;, or is two or more spaces or tabs.
 */
export function dropSoftGaps(text: string): string {
  const isCjk = (i: number) => i >= 0 && i < text.length && CJK_CHAR.test(text[i]);
  let out = '';
  let copied = 0;
  for (let s = 0; s < text.length;) {
    if (!SPACE.test(text[s])) {
      s++;
      continue;
    }
    let r = s;
    while (r < text.length && SPACE.test(text[r])) r++;
    // Within the run [s, r): the next line break or &nbsp; at or after each position, the last U+3000.
    const nextBreak = new Int32Array(r - s + 1).fill(r);
    for (let i = r - 1; i >= s; i--) nextBreak[i - s] = text[i] === '\n' || text[i] === '\u00a0' ? i : nextBreak[i + 1 - s];
    let lastIdeo = -1;
    for (let i = s; i < r; i++) if (text[i] === '\u3000') lastIdeo = i;
    const endCjk = isCjk(r);
    for (let p = s; p < r;) {
      let end = -1;
      if (isCjk(p - 1)) {
        const br = nextBreak[p - s];
        if (br < r) end = endCjk ? r : lastIdeo > br ? lastIdeo : -1;
        if (end < 0) {
          let t = p;
          while (t < r && (text[t] === ' ' || text[t] === '\t')) t++;
          if (t - p >= 2 && isCjk(t)) end = t;
        }
      }
      if (end < 0) {
        p++;
        continue;
      }
      out += text.slice(copied, p);
      copied = end;
      p = end;
    }
    s = r;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const GBK_LABELS = /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030|cp936|euc-cn)$/;

/**
 * Decodes a page: BOM first, then the charset the page declares, then UTF-8, then GB18030. As browsers
 * do, a declared UTF-16 in a page without a BOM means UTF-8. A declaration that lies is not believed:
 * bytes that are valid UTF-8 with characters beyond ASCII are UTF-8 whatever the page says, and a page
 * declared UTF-8 whose bytes are not UTF-8 but are GB18030 is GB18030.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  let declared: string | undefined;
  const lower = head.toLowerCase();
  for (let at = lower.indexOf('<meta'); at >= 0 && !declared; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    const tag = lower.slice(at, end < 0 ? undefined : end).replace(/\s+/g, '');
    declared = /charset=["']?([\w-]+)/.exec(tag)?.[1];
  }
  const strict = (label: string) => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  const utf8 = strict('utf-8');
  if (declared) {
    let label = GBK_LABELS.test(declared) ? 'gb18030' : declared;
    if (/^(utf-?16|utf-?16le|utf-?16be|unicode|ucs-?2)$/.test(label)) label = 'utf-8';
    if (label === 'utf-8' || label === 'utf8') {
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
      const gb = strict('gb18030');
      if (gb !== null) return { text: gb, encoding: 'gb18030' };
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    }
    // UTF-8 with characters beyond ASCII is almost never meant as another encoding.
    if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
    try {
      return { text: new TextDecoder(label).decode(bytes), encoding: label };
    } catch {
      // an unknown label: sniff below
    }
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

function hidden(el: Element): boolean {
  const style = (el.attribs.style ?? '').replace(/\s/g, '').toLowerCase();
  return 'hidden' in el.attribs || style.includes('display:none') || style.includes('visibility:hidden');
}

/** Text that is not inside a link, per element (how much reading matter it holds). */
function measure(root: Element, weights: Map<Element, number>): number {
  let total = 0;
  for (const child of root.children) {
    if (child.type === 'text') total += child.data.replace(/\s|&nbsp;/g, '').length;
    else if (isElement(child) && !SKIP.has(child.name) && !hidden(child)) {
      const w = measure(child, weights);
      if (child.name !== 'a') total += w;
    }
  }
  weights.set(root, total);
  return total;
}

/** The article: descend from the body while one child holds most of the reading matter. */
function findArticle(body: Element): { el: Element; weight: number } {
  const weights = new Map<Element, number>();
  measure(body, weights);
  let el = body;
  for (;;) {
    const own = weights.get(el) ?? 0;
    let best: Element | null = null, bestW = 0;
    for (const c of el.children) if (isElement(c) && (weights.get(c) ?? 0) > bestW) [best, bestW] = [c, weights.get(c) ?? 0];
    if (!best || bestW < own * 0.7 || best.name === 'p' || (best.name === 'table' && !isLayoutTable(best))) return { el, weight: own };
    el = best;
  }
}

interface Out {
  lines: string[];
  current: string;
}

function breakLine(out: Out, raw = false): void {
  const line = raw ? out.current : out.current.replace(/\s+/g, ' ').trim();
  if (line) out.lines.push(line);
  out.current = '';
}

function cellText(el: Element): string {
  const out: Out = { lines: [], current: '' };
  walk(el, out, true);
  out.lines.push(out.current);
  return dropSoftGaps(out.lines.join('\n')).replace(/\s+/g, ' ').trim();
}

/**
 * A table used to lay out the page (old sites put the navigation and the article in table cells)
 * rather than to hold data: it holds another table, or a cell with a long text of its own.
 */
function isLayoutTable(table: Element): boolean {
  let layout = false;
  const visit = (el: Element, depth: number) => {
    for (const c of el.children) {
      if (layout || !isElement(c)) continue;
      if (c.name === 'table' && depth > 0) layout = true;
      else if ((c.name === 'td' || c.name === 'th') && textLength(c) > 300) layout = true;
      else visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return layout;
}

function textLength(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === 'text') n += c.data.replace(/\s/g, '').length;
    else if (isElement(c) && !SKIP.has(c.name)) n += textLength(c);
  }
  return n;
}

function readTable(table: Element): string[] {
  const rows: SpanCell[][] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') {
        const row: SpanCell[] = [];
        for (const td of c.children) {
          if (!isElement(td) || (td.name !== 'td' && td.name !== 'th') || hidden(td)) continue;
          row.push({ text: cellText(td), colSpan: Number.parseInt(td.attribs.colspan ?? '1', 10) || 1, rowSpan: Number.parseInt(td.attribs.rowspan ?? '1', 10) || 1 });
        }
        rows.push(row);
      } else if (c.name !== 'table') visit(c);
    }
  };
  visit(table);
  return renderGrid(expandSpans(rows));
}

function walk(el: Element, out: Out, inCell: boolean): void {
  for (const child of el.children) {
    if (child.type === 'text') {
      out.current += child.data;
      continue;
    }
    if (!isElement(child) || SKIP.has(child.name) || hidden(child)) continue;
    const name = child.name;
    if (name === 'br') {
      if (inCell) out.current += '\n';
      else breakLine(out);
    } else if (name === 'table' && !inCell && !isLayoutTable(child)) {
      breakLine(out);
      for (const line of readTable(child)) out.lines.push(line);
    } else if (BLOCK.has(name) || name === 'table' || name === 'tr' || name === 'td' || name === 'th') {
      if (inCell) {
        out.current += '\n';
        walk(child, out, inCell);
        out.current += '\n';
        continue;
      }
      breakLine(out);
      walk(child, out, inCell);
      breakLine(out);
    } else walk(child, out, inCell);
  }
}

export function readHtml(bytes: Uint8Array): SourceText | SourceError {
  const { text: source } = decodeHtml(bytes);
  let doc: ReturnType<typeof parseBounded>;
  try {
    doc = parseBounded(source, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    return sourceError('too-large', `网页的元素嵌套超过 ${MAX_NESTING} 层，不予读取`, `the page nests elements over ${MAX_NESTING} deep and is not read`);
  }
  const find = (nodes: ChildNode[], name: string): Element | null => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === name) return n;
      const f = find(n.children, name);
      if (f) return f;
    }
    return null;
  };
  const body = find(doc.children, 'body') ?? (doc as unknown as Element);
  const { el, weight } = findArticle(body);
  if (weight < 100) {
    return sourceError('no-report', '网页中没有找到正文（可能是栏目页、目录页或错误页），不是年度报告', 'the page has no article text (perhaps an index, a list or an error page); it is not a report');
  }
  const out: Out = { lines: [], current: '' };
  walk(el, out, false);
  breakLine(out);
  const lines = out.lines.map((l) => l.replace(/\u00a0/g, ' ').trim()).filter(Boolean);
  // The page title (before the site name) stands above the article when the article does not repeat it.
  const title = find(doc.children, 'title');
  const titleText = title ? cellText(title as Element) : '';
  const heading = titleText.split(/[_|｜]| - /).map((s) => s.trim()).find((s) => s.length >= 6);
  if (heading && !lines.slice(0, 3).some((l) => l.includes(heading))) lines.unshift(heading);
  return { kind: 'html', text: lines.join('\n') + '\n' };
}
