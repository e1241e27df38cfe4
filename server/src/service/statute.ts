/**
 * 《中华人民共和国政府信息公开条例》 article texts, verbatim from the domain reference
 * (server/src/data/statute.json, made by scripts/extract-statute.mjs), and the references to them
 * that appear in report text: 第二十条第（五）项, 《条例》第五十条, 第十四条.
 */
import statute from '../data/statute.json';

export interface Article {
  title: string;
  paragraphs: string[];
  partial?: boolean;
}

export const ARTICLES = statute as Record<string, Article>;

export interface StatuteRef {
  start: number;
  end: number;
  article: string; // 二十
  item: string | null; // 五
}

const REF_RE = /(?:《(?:中华人民共和国政府信息公开)?条例》)?第([一二三四五六七八九十]{1,4})条(?:第[（(]([一二三四五六七八九十]{1,3})[）)]项)?/g;

export function findStatuteRefs(text: string, from: number, to: number): StatuteRef[] {
  const out: StatuteRef[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(REF_RE)) {
    out.push({ start: from + m.index!, end: from + m.index! + m[0].length, article: m[1], item: m[2] ?? null });
  }
  return out;
}

/** Statute items written with full-width brackets, as reports and the official format write them: （一）. */
export function fullWidthItems(p: string): string {
  return p.replace(/^\(([一二三四五六七八九十]{1,3})\)/, '（$1）');
}

/** The paragraph of one item (（五）…), or null. */
export function articleItem(article: string, item: string): string | null {
  const a = ARTICLES[article];
  const p = a?.paragraphs.find((x) => x.startsWith(`(${item})`) || x.startsWith(`（${item}）`));
  return p ? fullWidthItems(p) : null;
}

/** A command link that opens the whole article beside the editor (the VS Code client registers it). */
export function articleLink(article: string, label?: string): string {
  const a = ARTICLES[article];
  if (!a) return '';
  return `[${label ?? `查看${a.title}全文`}](command:ogiReport.showArticle?${encodeURIComponent(JSON.stringify([article]))} "${a.title}全文")`;
}

/** The whole article as Markdown (completion documentation, the full-article view). */
export function renderArticle(ref: { article: string; item: string | null }): string | null {
  const a = ARTICLES[ref.article];
  if (!a) return null;
  const parts: string[] = [`**《中华人民共和国政府信息公开条例》${a.title}**${ref.item ? `第（${ref.item}）项` : ''}`];
  if (ref.item) {
    const item = articleItem(ref.article, ref.item);
    if (item) parts.push(`> ${item}`);
  }
  parts.push(a.paragraphs.map((p) => `> ${fullWidthItems(p)}`).join('\n>\n'));
  if (a.partial) parts.push('（节选）');
  return parts.join('\n\n');
}
