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

const PARTS_RE = /(?:包括|包含|由|分为|分成|涵盖)[^。；]{4,300}?(?:等|共)*\s*([一二三四五六七八九十]|\d{1,2})\s*个?部分/gu;

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
      for (const m of p.text.matchAll(PARTS_RE)) {
        const n = numeral(m[1]);
        if (n === null) continue;
        if (n >= sections) {
          // The count is right: are the parts in the report's order?
          const order = listedOrder(m[0]);
          const shown = report.sections.map((x) => x.index);
          if (!order || shown.join() !== SECTIONS.map((x) => x.index).join()) continue;
          if (order.every((k, i) => i === 0 || k > order[i - 1])) continue;
          const first = order.findIndex((k, i) => i > 0 && k < order[i - 1]);
          emit({
            ...spanOf(p, m.index!, m.index! + m[0].length),
            message: msg(`前言所列各部分的顺序与报告章节顺序不一致（“${SECTIONS[first].title['2021']}”应列在“${SECTIONS[first - 1].title['2021']}”之后）`,
              `The preamble lists the parts in another order than the sections ("${SECTIONS[first].title['2021']}" comes after "${SECTIONS[first - 1].title['2021']}")`),
          });
          continue;
        }
        const at = m.index! + m[0].lastIndexOf(m[1]);
        const span = spanOf(p, at, at + m[1].length);
        const right = /\d/.test(m[1]) ? String(sections) : CN[sections] ?? String(sections);
        emit({
          ...span,
          message: msg(`前言称本报告共${m[1]}个部分，但报告有${CN[sections] ?? sections}个部分`, `The preamble says the report has ${n} parts, but it has ${sections} sections`),
          suggestions: [{ title: msg(`改为“${right}”`, `Change to "${right}"`), kind: 'suggestion', edits: [{ ...span, newText: right }] }],
        });
      }
    }
  },
};
