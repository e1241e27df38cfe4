/**
 * unbalanced-brackets: a bracket or quotation mark without its partner in a paragraph: （ without ）,
 * 《 without 》, “ without ” (a published report had an unbalanced `（`). Reported once per paragraph, on
 * the first mark left alone. A list marker closed on one side (`1）`, `a)`) is not an unbalanced bracket;
 * neither is a mark whose partner is on a line next to the paragraph that is not prose (a table a PDF
 * importer broke into pieces: `（本列数据的勾稽关系为：…` on a line of table debris, `…之和）` in the prose).
 * The brackets of a 发文字号's year (`国办公开办函（2021〕30号`) are document-number's: its fix settles them.
 */
import { spanOf } from '../model/segments';
import { proseLinesOnly, proseParagraphs } from './lib/metadata';
import { yearBrackets } from './lib/document-number';
import { Rule, msg } from './rule';

const OPENERS: Record<string, string> = { '（': '（）', '(': '（）', '《': '《》', '“': '“”' };
const CLOSERS: Record<string, string> = { '）': '（）', ')': '（）', '》': '《》', '”': '“”' };
/** `1）`, `Ⅰ）`, `iii)`…: a list marker closed on one side, at the paragraph's start or after a stop. */
const LIST_MARKER = /(?:^|[\s。；;：:，,、])(?:[0-9０-９a-zA-Z一二三四五六七八九十①-⑳Ⅰ-Ⅻⅰ-ⅻ]{1,2}|[IVXivx]{3,4})$/;

/**
 * The index of the first mark of `text` left without its partner, or -1. `cutBefore`/`cutAfter`: the
 * paragraph's text goes on in a line before/after it that is not prose, so a lone closer/opener is no finding.
 */
export function unbalancedAt(text: string, cutBefore = false, cutAfter = false): number {
  // Pairs by character code (no string per character): 1 （）, 2 《》, 3 “”; the stack holds pair, index.
  const pairs: number[] = [];
  const ats: number[] = [];
  const skip = new Set(yearBrackets(text));
  for (let i = 0; i < text.length; i++) {
    if (skip.has(i)) continue;
    const c = text.charCodeAt(i);
    const o = openerPair(c);
    if (o) { pairs.push(o); ats.push(i); continue; }
    const pair = closerPair(c);
    if (!pair) continue;
    let k = pairs.length - 1;
    while (k >= 0 && pairs[k] !== pair) k--;
    if (k < 0) {
      if (cutBefore || (pair === 1 && LIST_MARKER.test(text.slice(Math.max(0, i - 4), i)))) continue;
      return i;
    }
    // Marks opened inside and never closed before this one are the unbalanced ones.
    if (k < pairs.length - 1) return ats[k + 1];
    pairs.length = k;
    ats.length = k;
  }
  return pairs.length && !cutAfter ? ats[0] : -1;
}

function openerPair(c: number): number {
  return c === 0xff08 || c === 0x28 ? 1 : c === 0x300a ? 2 : c === 0x201c ? 3 : 0;
}

function closerPair(c: number): number {
  return c === 0xff09 || c === 0x29 ? 1 : c === 0x300b ? 2 : c === 0x201d ? 3 : 0;
}

export const rule: Rule = {
  id: 'unbalanced-brackets',
  names: msg('括号、引号不配对', 'unbalanced brackets'),
  description: msg('段落中的括号、书名号或引号不配对', 'A bracket, title mark or quotation mark without its partner in a paragraph'),
  tags: ['wording'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'a `（` `《` `“` or `）` `》` `”` without its partner in a paragraph, once per paragraph (list markers like `1）` excepted)',
    fix: '—',
  },
  check({ report, emit }) {
    const lines = report.tree.lines;
    const prose = new Set(proseLinesOnly(report).map((l) => l.index));
    // A line next to the paragraph that holds text but is not prose (a table, its debris).
    const cut = (i: number) => i >= 0 && i < lines.length && !prose.has(i) && lines[i].text.trim() !== '';
    for (const p of proseParagraphs(report)) {
      const t = p.text.trimEnd();
      const at = unbalancedAt(t, cut(p.firstLine - 1), cut(p.lastLine + 1));
      if (at < 0) continue;
      const c = t[at];
      const pair = OPENERS[c] ?? CLOSERS[c];
      const missing = OPENERS[c] ? pair[1] : pair[0];
      emit({
        ...spanOf(p, at, at + 1),
        message: msg(`「${c}」没有配对的「${missing}」（本段括号、引号不配对）`, `「${c}」 has no matching 「${missing}」 in this paragraph`),
      });
    }
  },
};
