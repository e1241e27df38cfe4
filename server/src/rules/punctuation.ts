import { halfWidthPunctuation } from '../model/prose';
import { Rule, msg } from './rule';

/**
 * Half-width punctuation in Chinese prose: ASCII parentheses in list numbering and statute references
 * (`(一)`), and ASCII commas, semicolons and colons between Chinese characters. URLs, numbers and tables
 * are not prose. One finding per paragraph for its commas and colons; the fix writes the full-width forms.
 */
export const rule: Rule = {
  id: 'punctuation',
  names: msg('半角标点', 'half-width punctuation'),
  description: msg('中文正文中使用了半角标点', 'Half-width punctuation in Chinese prose'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: '`(一)` in numbering and statute references; ASCII `,` `;` `:` between Chinese characters, one finding per paragraph',
    fix: 'full-width forms',
  },
  check({ report, emit }) {
    for (const p of halfWidthPunctuation(report)) {
      const edits = p.marks.map((m) => ({ start: m.start, end: m.end, newText: m.replacement }));
      const first = p.marks[0];
      if (p.kind === 'numbering') {
        emit({
          start: first.start, end: p.marks[p.marks.length - 1].end,
          message: msg(`序号应使用全角括号：“${p.text}”应为“${p.fixed}”`, `Numbering takes full-width parentheses: "${p.text}" should be "${p.fixed}"`),
          fix: { title: msg(`改为“${p.fixed}”`, `Change to "${p.fixed}"`), kind: 'safe', edits },
        });
      } else {
        const n = p.marks.length;
        emit({
          start: first.start, end: first.end,
          message: msg(n > 1 ? `中文正文中使用了半角标点（本段 ${n} 处），应为全角` : `中文正文中使用了半角标点“${p.text}”，应为“${first.replacement}”`,
            n > 1 ? `Half-width punctuation in Chinese prose (${n} in this paragraph); use full-width forms` : `Half-width "${p.text}" in Chinese prose; use "${first.replacement}"`),
          fix: { title: msg('改为全角标点', 'Use full-width punctuation'), kind: 'safe', edits },
        });
      }
    }
  },
};
