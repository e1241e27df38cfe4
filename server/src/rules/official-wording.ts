import { SECTIONS, versionForYear } from '../model/template';
import { Rule, msg } from './rule';

/** A table label or section heading close to, but not, the official wording. */
export const rule: Rule = {
  id: 'official-wording',
  names: msg('规范表述', 'official wording'),
  description: msg('表格项目或章节标题与统一格式的规范表述不一致', 'Label or heading differs from the official wording'),
  tags: ['wording'],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    reports: 'a label or heading close to, but not, the official wording',
    fix: 'the official wording',
  },
  check({ report, emit }) {
    const version = report.formatVersion ?? versionForYear(report.year);
    for (const h of report.headings) {
      if (!h.wordingTypo) continue;
      const official = SECTIONS[h.index - 1].title[version];
      emit({
        start: h.titleStart, end: h.titleEnd,
        message: msg(`章节标题应为“${official}”，实为“${h.title}”`, `Heading should read "${official}", found "${h.title}"`),
        fix: { kind: 'safe', title: msg(`改为“${official}”`, `Replace with "${official}"`), edits: [{ start: h.titleStart, end: h.titleEnd, newText: official }] },
      });
    }
    for (const table of report.tables) {
      for (const row of table.rows) {
        if (!row.label || !row.officialLabel || row.labelCost === 0) continue;
        const official = row.officialLabel;
        emit({
          start: row.label.start, end: row.label.end,
          message: msg(`应为统一格式的规范表述“${official}”，实为“${row.label.text}”`, `Official wording is "${official}", found "${row.label.text}"`),
          fix: { kind: 'safe', title: msg(`改为“${official}”`, `Replace with "${official}"`), edits: [{ start: row.label.start, end: row.label.end, newText: official }] },
        });
      }
    }
  },
};
