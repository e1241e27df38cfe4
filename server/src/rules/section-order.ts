import { SECTIONS } from '../model/template';
import { Rule, msg } from './rule';

/** Sections out of order or duplicated. */
export const rule: Rule = {
  id: 'section-order',
  names: msg('章节顺序', 'section order'),
  description: msg('章节顺序错误或重复', 'Sections out of order or duplicated'),
  tags: ['structure'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'sections out of order or duplicated',
    fix: '—',
  },
  check({ report, emit }) {
    const seen = new Set<number>();
    let max = 0;
    for (const h of report.headings) {
      const name = `${SECTIONS[h.index - 1].numeral}、${h.title}`;
      if (seen.has(h.index)) {
        emit({ start: h.numeralStart, end: h.titleEnd, message: msg(`章节“${name}”重复出现`, `Section "${name}" appears more than once`) });
      } else if (h.index < max) {
        const after = SECTIONS[max - 1];
        emit({
          start: h.numeralStart, end: h.titleEnd,
          message: msg(`章节顺序错误：第${SECTIONS[h.index - 1].numeral}部分应在第${after.numeral}部分之前`, `Section ${h.index} must come before section ${max}`),
        });
      }
      seen.add(h.index);
      max = Math.max(max, h.index);
    }
  },
};
