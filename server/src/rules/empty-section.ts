import { saysNothing, sectionContent } from '../model/prose';
import { SECTIONS } from '../model/template';
import { Rule, msg } from './rule';

/**
 * Section 五 (problems and improvements) must say something: empty or only "无" is not a report of the
 * year's problems. Section 一 must have content. Section 六 may be "无". A section whose heading appears
 * twice (a table of contents, a pasted duplicate) is left alone: its extent is not certain.
 */
export const rule: Rule = {
  id: 'empty-section',
  names: msg('空章节', 'empty section'),
  description: msg('第五部分为空或仅写“无”，或第一部分没有内容', 'Section 五 is empty or only "无", or section 一 has no content'),
  tags: ['content', 'structure'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'section 五 empty or only "无"; section 一 empty. Section 六 may be "无"',
    fix: '—',
  },
  check({ report, emit }) {
    for (const index of [1, 5]) {
      if (report.headings.filter((h) => h.index === index).length !== 1) continue;
      const c = sectionContent(report, index);
      if (!c || c.hasTable) continue;
      const title = SECTIONS[index - 1].title['2021'];
      const empty = c.text.trim() === '';
      if (index === 1 && empty) {
        emit({ start: c.start, end: c.end, message: msg(`第一部分“${title}”没有内容`, `Section 一 "${title}" has no content`) });
      } else if (index === 5 && (empty || saysNothing(c.text))) {
        emit({
          start: c.start, end: c.end,
          message: msg(`第五部分“${title}”${empty ? '为空' : '仅写“无”'}：应报告本年工作存在的主要问题及改进情况（《条例》第五十条第（四）项）`,
            `Section 五 "${title}" is ${empty ? 'empty' : 'only "无"'}: it must report the year's main problems and improvements (article 50(4))`),
        });
      }
    }
  },
};
