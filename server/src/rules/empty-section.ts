import type { Report } from '../model/report';
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

// ------------------------------------------------------------------ detection

/** The text of a section after its heading title, and whether it holds a table. */
function sectionContent(report: Report, index: number): { text: string; hasTable: boolean; start: number; end: number } | null {
  const s = report.sections.find((x) => x.index === index);
  if (!s) return null;
  const lines = report.tree.lines;
  const parts: string[] = [lines[s.startLine].text.slice(s.heading.titleEnd - lines[s.startLine].start)];
  for (let i = s.startLine + 1; i <= s.endLine && i < lines.length; i++) parts.push(lines[i].text);
  const hasTable = report.tables.some((t) => t.startLine > s.startLine && t.startLine <= s.endLine);
  return { text: parts.join('\n'), hasTable, start: s.heading.line.start, end: s.heading.titleEnd };
}

/** Text that only says "nothing": 无, 暂无, 无。, 没有. */
export function saysNothing(text: string): boolean {
  const t = text.normalize('NFKC').replace(/[\s。.，,；;：:！!*#\-—]/g, '');
  return /^(?:无|暂无|没有|本年度无|本年无|无相关情况|无相关内容|无此项|无此类情况)$/.test(t);
}
