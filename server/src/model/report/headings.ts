/**
 * Headings and title: the parts of a report's structure read from its lines, not its tables. A heading
 * is a numbered (or known) section title; the title is the short lines before the first content.
 */
import { Line, countTrailing, trimWhere } from '../../syntax/parse';
import { SECTIONS } from '../template';
import { labelMatcher, normalizeLabel } from '../text';
import type { Heading, Title } from './types';

const SECTION_MATCHERS = SECTIONS.map((s) => {
  const variants = [...s.variants, s.title['2019'], s.title['2021']];
  return { index: s.index, keys: s.keys, variants: new Set(variants.map(normalizeLabel)), match: labelMatcher(variants, (v) => [v]) };
});

/**
 * Words that mark a section in a numbered heading worded otherwise (`五、存在的主要问题及下一步工作打算`,
 * `三、依申请公开政府信息情况`): the words of the section's key groups, less the generic 情况. Only a heading
 * whose numeral is the section's own is read this way, and only when no heading names the section in an
 * accepted wording (lowerReport drops the loose one then).
 */
const LOOSE_EXTRA: Record<number, string[]> = { 1: ['总体', '概况', '概述', '基本情况'] };
const LOOSE_WORDS = SECTIONS.map((s) => [...new Set([...s.keys.flat(), ...(LOOSE_EXTRA[s.index] ?? [])])].filter((w) => w !== '情况'));
const NUMERALS = '一二三四五六';

function sectionOfNumeral(numeral: string): number {
  const cn = NUMERALS.indexOf(numeral);
  if (cn >= 0) return cn + 1;
  const n = Number(numeral.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return n >= 1 && n <= 6 ? n : 0;
}

const NUMERAL_RE = /^([一二三四五六七八九十]|[0-9０-９]{1,2})\s*(?:[、.．,，:：]\s*|\s+)/;

/** Every accepted section title, normalised, for headings that run straight into their first paragraph. */
const GLUED_TITLES = SECTION_MATCHERS.flatMap((s) => [...s.variants].map((v) => ({ index: s.index, norm: v }))).sort((a, b) => b.norm.length - a.norm.length);
const MAX_TITLE = Math.max(...GLUED_TITLES.map((g) => g.norm.length)) + 8;

/**
 * A numbered heading followed on the same line by its first paragraph (`五、存在的主要问题及改进情况存在的问题…`,
 * `一、总体情况 2023年，…`), as web copies produce: the longest accepted title at the start of the text.
 */
function gluedTitle(titleRaw: string): number {
  return titleAt(titleRaw)?.length ?? 0;
}

/** The accepted section title at the start of `s` (the longest), with its section: `总体情况2024年，…` → 1, 4. */
export function titleAt(s: string): { index: number; length: number } | null {
  const limit = Math.min(s.length, MAX_TITLE);
  for (let k = limit; k >= 4; k--) {
    const n = normalizeLabel(s.slice(0, k));
    const g = GLUED_TITLES.find((x) => x.norm === n);
    if (g) return { index: g.index, length: k };
  }
  return null;
}

export function parseHeading(line: Line): Heading | null {
  const t = line.text;
  if (/\t/.test(t)) return null;
  const lead = /^[\s#*\uFEFF]*/.exec(t)![0].length;
  const rest = t.slice(lead);
  const m = NUMERAL_RE.exec(rest);
  let numeral = '';
  let numeralEnd = lead;
  if (m) {
    numeral = m[1];
    numeralEnd = lead + m[0].length;
  } else if (/^[（(]/.test(rest)) return null;
  let titleRaw = t.slice(numeralEnd);
  let titleTrimmed = trimWhere(titleRaw, /[\s*：:。.]/, 'end');
  if (t.length > 80 || titleTrimmed.length > 32 || /[。；;]/.test(titleTrimmed)) {
    const k = m ? gluedTitle(titleRaw) : 0;
    if (!k) return null;
    titleRaw = titleRaw.slice(0, k);
    titleTrimmed = trimWhere(titleRaw, /[\s*：:。.]/, 'end');
  }
  if (titleTrimmed.length === 0) return null;
  const norm = normalizeLabel(titleTrimmed);
  let best: { index: number; typo: boolean; exact: boolean } | null = null;
  for (const s of SECTION_MATCHERS) {
    const exact = s.variants.has(norm);
    const keyHit = s.keys.some((group) => group.every((k) => norm.includes(k)));
    const d = exact ? null : s.match(titleTrimmed);
    if (!exact && !keyHit && !d) continue;
    if (!m && !exact && !(d && d.cost <= 2)) continue; // without a numeral only a known title is a heading
    const typo = !exact && !!d && d.cost > 0;
    if (!best || (exact && !best.exact)) best = { index: s.index, typo, exact };
  }
  let loose = false;
  if (!best && m) {
    const index = sectionOfNumeral(numeral);
    if (index && LOOSE_WORDS[index - 1].some((w) => norm.includes(w))) {
      best = { index, typo: true, exact: false };
      loose = true;
    }
  }
  if (!best) return null;
  const titleStart = line.start + numeralEnd;
  return {
    index: best.index,
    line,
    numeral,
    numeralStart: line.start + lead,
    numeralEnd: line.start + numeralEnd,
    title: titleTrimmed,
    titleStart,
    titleEnd: titleStart + titleTrimmed.length,
    wordingTypo: best.typo,
    ...(loose ? { loose } : {}),
  };
}


/**
 * A line that is a web page's or an extractor's word, not part of the title (`正文` above
 * `2024 年上海市科委政府信息公开工作` / `年度报告`): it is never joined into the title.
 */
export const PAGE_WORD = /^[【\[]?(?:正文|全文|原文|目录|文章正文|正文内容|打印|打印本页|关闭|关闭窗口|分享|收藏)[】\]]?[:：]?$/;
const isPageWord = (s: string) => s.length <= 8 && PAGE_WORD.test(s);

export function findTitle(lines: Line[], stopLine: number): Title | null {
  const candidates: Line[] = [];
  for (const line of lines) {
    if (line.index >= stopLine) break;
    const s = line.text.trim();
    if (!s || s.startsWith('<!--') || isPageWord(s)) continue;
    if (s.length > 60 || /[。；]/.test(s) || /\t/.test(line.text)) break;
    candidates.push(line);
    if (/报告|年报/.test(s)) {
      // A title split over lines: join the short lines before it that carry no sentence.
      const parts = candidates.slice(-3);
      const first = parts[0];
      // A crawler's metadata line (`标题: …`) names the title after its key.
      const meta = /^\s*标题\s*[:：]\s*/.exec(line.text);
      if (meta) return { text: trimWhere(line.text.slice(meta[0].length), /[\s*]/), start: line.start + meta[0].length, end: line.end - countTrailing(line.text, /[\s*]/), startLine: line.index, endLine: line.index };
      const text = parts.map((l) => trimWhere(trimWhere(l.text, /[\s*]/, 'end'), /[\s#*\uFEFF]/)).join('');
      const lead = /^[\s#*\uFEFF]*/.exec(first.text)![0].length;
      const trail = countTrailing(line.text, /[\s*]/);
      return { text, start: first.start + lead, end: line.end - trail, startLine: first.index, endLine: line.index };
    }
    if (candidates.length >= 3) break;
  }
  return null;
}
