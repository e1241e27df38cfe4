import { SECTIONS } from '../model/template';
import { Rule, msg } from './rule';

/** A section heading with a wrong or missing numeral, e.g. `6、 其他需要报告的事项`. */
export const rule: Rule = {
  id: 'section-numbering',
  names: msg('章节序号', 'section numeral'),
  description: msg('章节序号错误', 'Wrong section numeral'),
  tags: ['structure', 'wording'],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    reports: 'a wrong or missing numeral (`6、 其他需要报告的事项`)',
    fix: 'replaces the numeral',
  },
  check({ report, emit }) {
    for (const h of report.headings) {
      const want = SECTIONS[h.index - 1].numeral;
      if (h.numeral === want && /^.\s*、$/.test(report.tree.text.slice(h.numeralStart, h.numeralEnd))) continue;
      const title = `${want}、${h.title}`;
      const fix = { kind: 'safe' as const, title: msg(`改为“${want}、”`, `Change to "${want}、"`), edits: [{ start: h.numeralStart, end: h.numeralEnd, newText: `${want}、` }] };
      if (!h.numeral) {
        emit({ start: h.titleStart, end: h.titleEnd, message: msg(`章节标题缺少序号，应为“${title}”`, `Heading has no numeral; expected "${title}"`), fix });
      } else if (h.numeral !== want) {
        emit({
          start: h.numeralStart, end: h.numeralEnd,
          message: msg(`章节序号应为“${want}、”，实为“${h.numeral}”`, `Section numeral should be "${want}、", found "${h.numeral}"`),
          fix,
        });
      } else {
        const sep = report.tree.text.slice(h.numeralStart, h.numeralEnd);
        emit({ start: h.numeralStart, end: h.numeralEnd, message: msg(`章节序号后应使用顿号：“${want}、”，实为“${sep.trim()}”`, `Use "${want}、" after the numeral, found "${sep.trim()}"`), fix });
      }
    }
  },
};
