/**
 * The metadata lines above a report as web pages, crawlers and document systems copy them
 * (`标题: …`, `发布时间: 2024-01-20`, `来源：…`, `发布机构：…`, `索引号：…`, a `==== 正文 ====` line):
 * the page's words, not the report's prose. The rules about prose typography (half-width punctuation,
 * spacing, brackets, document numbers, doubled words) read the prose through `proseLinesOnly` and
 * `proseParagraphs`, which leave these lines out. The title the model reads from `标题: …` stays the
 * title (model/report/headings.ts), and the dates the model reads from them stay dates.
 */
import type { Report } from '../../model/report';
import { paragraphs, proseLines, subSegment, type Paragraph } from '../../model/segments';
import type { Line } from '../../syntax/parse';
import { Memo } from '../../base/memo';

/** Keys of such lines, as Chinese government sites and their copies print them. */
const KEYS = [
  '标题', '题名', '文章标题', '名称', '发布时间', '发布日期', '发文日期', '成文日期', '生成日期', '公开日期', '印发日期',
  '更新时间', '更新日期', '来源', '信息来源', '文章来源', '稿件来源', '发布机构', '发布单位', '发文机关', '发文单位',
  '发文机构', '文号', '发文字号', '索引号', '主题分类', '主题词', '体裁分类', '组配分类', '信息分类', '分类', '栏目',
  '所属栏目', '作者', '编辑', '责任编辑', '浏览次数', '阅读次数', '访问次数', '点击数', '点击量', '浏览量', '字号', '字体',
  '原文链接', '原文地址', '网址', '链接', '本地目录', '公开方式', '公开范围', '公开时限', '有效性', '时效性', '服务对象',
];
const KEY_LINE = new RegExp(`^[\\s\\uFEFF]*[【\\[]?(?:${KEYS.join('|')})[】\\]]?[ \\t\\u3000]*[:：]`);
/** `==================== 正文 ====================`, `----------`. */
const RULE_CHARS = new Set('=＝-—_~*');
const SEPARATOR_WORDS = ['正文内容', '正文', '全文', '原文'];

/**
 * A separator line: `==== 正文 ====`, `-----`: at least three rule characters either side of an optional
 * word, or five alone. Scanned by hand (as a regular expression the two runs of rule characters around
 * nothing would match a long run in quadratic time).
 */
function isSeparator(line: string): boolean {
  const t = line.trim();
  let i = 0;
  while (i < t.length && RULE_CHARS.has(t[i])) i++;
  if (i === t.length) return i >= 5;
  if (i < 3) return false;
  let j = i;
  while (j < t.length && /\s/.test(t[j])) j++;
  const word = SEPARATOR_WORDS.find((w) => t.startsWith(w, j));
  if (word) j += word.length;
  while (j < t.length && /\s/.test(t[j])) j++;
  const from = j;
  while (j < t.length && RULE_CHARS.has(t[j])) j++;
  return j === t.length && j - from >= 3;
}

/** Metadata is looked for above the first heading and table, in this many lines at most. */
const MAX_LINES = 30;

const CACHE = new Memo<Report, Set<number>>();

/** The indexes of the report's metadata lines (computed once per report). */
export function metadataLines(report: Report): Set<number> {
  let out = CACHE.get(report);
  if (out) return out;
  out = new Set<number>();
  const lines = report.tree.lines;
  const stop = Math.min(lines.length, MAX_LINES, report.headings[0]?.line.index ?? Infinity, report.tables[0]?.startLine ?? Infinity);
  let separator = -1;
  for (let i = 0; i < stop; i++) {
    const t = lines[i].text;
    if (KEY_LINE.test(t)) out.add(i);
    else if (out.size && isSeparator(t)) { separator = i; break; }
  }
  // Above a separator that follows metadata, every short line is the page's (`页面链接与图片详见 links.tsv`).
  for (let i = 0; i < separator; i++) {
    const t = lines[i].text.trim();
    if (t && t.length <= 80 && !/[。；]/.test(t)) out.add(i);
  }
  if (separator >= 0) out.add(separator);
  CACHE.set(report, out);
  return out;
}

/** The lines of running text without the metadata lines. */
export function proseLinesOnly(report: Report): Line[] {
  const meta = metadataLines(report);
  const lines = proseLines(report);
  return meta.size ? lines.filter((l) => !meta.has(l.index)) : lines;
}

const PARAGRAPHS = new Memo<Report, Paragraph[]>();

/** The paragraphs of the prose without the metadata lines (a paragraph holding some is cut around them). */
export function proseParagraphs(report: Report): Paragraph[] {
  const meta = metadataLines(report);
  if (!meta.size) return paragraphs(report);
  let out = PARAGRAPHS.get(report);
  if (out) return out;
  out = [];
  const lines = report.tree.lines;
  for (const p of paragraphs(report)) {
    let touched = false;
    for (let i = p.firstLine; i <= p.lastLine && !touched; i++) touched = meta.has(i);
    if (!touched) { out.push(p); continue; }
    // Each run of lines that are not metadata is a paragraph of its own.
    let k = 0;
    for (let a = p.firstLine; a <= p.lastLine; a++) {
      if (meta.has(a)) continue;
      let b = a;
      while (b + 1 <= p.lastLine && !meta.has(b + 1)) b++;
      const from = lines[a].start;
      const to = lines[b].end;
      while (k < p.text.length && p.offsets[p.base + k] < from) k++;
      let e = k;
      while (e < p.text.length && p.offsets[p.base + e] <= to) e++;
      if (e > k && p.text.slice(k, e).trim()) out.push({ ...subSegment(p, k, e), firstLine: a, lastLine: b });
      k = e;
      a = b;
    }
  }
  PARAGRAPHS.set(report, out);
  return out;
}
