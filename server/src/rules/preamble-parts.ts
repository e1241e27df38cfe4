/**
 * preamble-parts: the preamble's list of the report's parts ("本报告包括总体情况、…等六个部分") gives
 * fewer parts than the report has sections (a published report listed five parts of a six-part report),
 * or names the six parts in another order than the report's sections (by the sections' key phrases of
 * model/template.ts).
 * When the report has fewer sections than the preamble lists, a section is missing: missing-section says
 * so, and this rule is silent (one problem, one finding). The fix, a suggestion, writes the count.
 */
import { numeral } from '../model/facts/dates';
import { SECTIONS } from '../model/template';
import { paragraphs, spanOf } from '../model/segments';
import { Rule, msg } from './rule';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Where the list names each official section (by its first key phrase), or null when it does not name them all. */
function listedOrder(list: string): number[] | null {
  const at = SECTIONS.map((s) => list.indexOf(s.keys[0][0]));
  return at.every((k) => k >= 0) ? at : null;
}

/**
 * Whether a list enumerates the report's parts: it names two sections or more by their first key phrase
 * (总体情况, 主动公开 …); "数据由各县区报送，其中一部分…" and "分为市级、县区、部门三个部分" do not.
 */
function namesSections(list: string): boolean {
  return SECTIONS.filter((s) => list.includes(s.keys[0][0])).length >= 2;
}

/** "…六个部分": the count, found first (not 第一部分); the list before it starts at 包括/由/分为 … in the same sentence. */
const COUNT_RE = /(?<!第|其中)([一二三四五六七八九十]|\d{1,2})个?部分/gu;
const LIST_START = /包括|包含|由|分为|分成|涵盖/gu;

/** The "包括…等六个部分" phrases of a paragraph: where each starts, its text, its count. */
function partLists(t: string): { index: number; text: string; count: string; phrase: string }[] {
  const out: { index: number; text: string; count: string; phrase: string }[] = [];
  for (const m of t.matchAll(COUNT_RE)) {
    const end = m.index! + m[0].length;
    let from = m.index!;
    const stop = Math.max(0, from - 300);
    while (from > stop && t[from - 1] !== '。' && t[from - 1] !== '；') from--;
    const head = t.slice(from, m.index!);
    const starts = [...head.matchAll(LIST_START)];
    if (!starts.length) continue;
    const index = from + starts[0].index!;
    if (m.index! - index < 6 || !namesSections(t.slice(index, end))) continue;
    out.push({ index, text: t.slice(index, end), count: m[1], phrase: m[0] });
  }
  return out;
}

export const rule: Rule = {
  id: 'preamble-parts',
  names: msg('前言所列部分数', 'parts listed in the preamble'),
  description: msg('前言所称报告部分数少于报告实际章节数，或所列顺序与章节不一致', 'The preamble names fewer parts than the report has sections, or lists them in another order'),
  tags: ['structure'],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    reports: 'a preamble that says the report has fewer parts (`…等五个部分`) than it has sections, or lists the six parts in another order',
    fix: 'suggestion: the number of sections',
  },
  check({ report, emit }) {
    const sections = report.sections.length;
    if (sections < 2) return;
    // The preamble: before the first section's heading, or in the first section (a heading may share its line).
    const end = report.sections[1].startLine;
    for (const p of paragraphs(report)) {
      if (p.firstLine >= end) break;
      for (const l of partLists(p.text)) {
        const n = numeral(l.count);
        if (n === null) continue;
        if (n >= sections) {
          // The count is right: are the parts in the report's order?
          const order = listedOrder(l.text);
          const shown = report.sections.map((x) => x.index);
          if (!order || shown.join() !== SECTIONS.map((x) => x.index).join()) continue;
          if (order.every((k, i) => i === 0 || k > order[i - 1])) continue;
          const first = order.findIndex((k, i) => i > 0 && k < order[i - 1]);
          emit({
            ...spanOf(p, l.index, l.index + l.text.length),
            message: msg(`前言所列各部分的顺序与报告章节顺序不一致（“${SECTIONS[first].title['2021']}”应列在“${SECTIONS[first - 1].title['2021']}”之后）`,
              `The preamble lists the parts in another order than the sections ("${SECTIONS[first].title['2021']}" comes after "${SECTIONS[first - 1].title['2021']}")`),
          });
          continue;
        }
        const at = l.index + l.text.lastIndexOf(l.count);
        const span = spanOf(p, at, at + l.count.length);
        const right = /\d/.test(l.count) ? String(sections) : CN[sections] ?? String(sections);
        emit({
          ...span,
          message: msg(`前言列出“${l.phrase}”，但报告有${CN[sections] ?? sections}个部分`, `The preamble lists "${l.phrase}", but the report has ${sections} sections`),
          suggestions: [{ title: msg(`改为“${right}”`, `Change to "${right}"`), kind: 'suggestion', edits: [{ ...span, newText: right }] }],
        });
      }
    }
  },
};
