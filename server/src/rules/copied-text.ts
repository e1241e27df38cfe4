/**
 * copied-text: a section of the narrative whose text largely repeats last year's report (内容雷同, named
 * in the accountability clause of 国办公开办函〔2021〕30号). The share is measured per section on
 * counted characters — no digits, dates or statutory wording (see workspace/copied.ts) — and reported
 * above the rule's `threshold` option (percent, default 50), with links to the matching passages.
 */
import { MIN_SECTION_CHARS, copiedSections } from '../workspace/copied';
import { fileName, fileRange } from '../workspace';
import { Rule, msg } from './rule';

const MAX_RELATED = 3;

export const rule: Rule = {
  id: 'copied-text',
  names: msg('照搬上年', 'copied text'),
  description: msg('本节文字大部分与上年报告相同', 'Most of this section repeats last year\'s report'),
  tags: ['cross-report', 'content'],
  defaultSeverity: 'warning',
  fixable: false,
  options: {
    threshold: {
      description: msg('本节文字与上年报告相同的比例超过此百分比时报告（不计数字、日期和法定固定表述）',
        'Report a section when more than this percentage of its text repeats last year\'s (figures, dates and statutory wording not counted)'),
      schema: { type: 'number', minimum: 1, maximum: 100 },
      default: 50,
    },
  },
  docs: {
    reports: 'a section whose text mostly repeats last year\'s (option `threshold`, default 50%)',
    fix: '—',
  },
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return;
    const threshold = (ctx.options.threshold as number) / 100;
    const file = fileName(prev.entry.path);
    for (const s of copiedSections(ctx.report, prev.report)) {
      if (s.chars < MIN_SECTION_CHARS || s.share <= threshold) continue;
      const section = ctx.report.sections.find((x) => x.index === s.section);
      if (!section) continue;
      const pct = Math.round(s.share * 100);
      const limit = Math.round(threshold * 100);
      ctx.emit({
        start: section.heading.titleStart,
        end: section.heading.titleEnd,
        message: msg(
          `本节 ${pct}% 的文字（${s.copied}/${s.chars} 字，不计数字、日期和法定固定表述）与上年报告 ${file} 相同，超过 ${limit}%；请核实是否照搬上年内容`,
          `${pct}% of this section (${s.copied} of ${s.chars} characters, not counting figures, dates and statutory wording) repeats last year's report ${file}, above ${limit}%; was it copied?`,
        ),
        related: s.passages.slice(0, MAX_RELATED).map((p) => ({
          start: p.start, end: p.end,
          message: msg(`上年报告 ${file} 中的相同文字（${p.chars} 字）`, `The same text in last year's report ${file} (${p.chars} characters)`),
          file: fileRange(prev.entry.path, prev.report, p.prevStart, p.prevEnd),
        })),
      });
    }
  },
};
