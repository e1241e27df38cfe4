/**
 * preamble-parts: the preamble's list of the report's parts ("本报告包括总体情况、…等六个部分") gives
 * fewer parts than the report has sections (a published report listed five parts of a six-part report).
 * When the report has fewer sections than the preamble lists, a section is missing: missing-section says
 * so, and this rule is silent (one problem, one finding). The fix, a suggestion, writes the count.
 */
import { numeral } from '../model/facts/dates';
import { paragraphs, spanOf } from '../model/segments';
import { Rule, msg } from './rule';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const PARTS_RE = /(?:包括|包含|由|分为|分成|涵盖)[^。；]{4,300}?(?:等|共)*\s*([一二三四五六七八九十]|\d{1,2})\s*个?部分/gu;

export const rule: Rule = {
  id: 'preamble-parts',
  names: msg('前言所列部分数', 'parts listed in the preamble'),
  description: msg('前言所称报告部分数少于报告实际章节数', 'The preamble names fewer parts than the report has sections'),
  tags: ['structure'],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    reports: 'a preamble that says the report has fewer parts (`…等五个部分`) than it has sections',
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
        if (n === null || n >= sections) continue;
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
