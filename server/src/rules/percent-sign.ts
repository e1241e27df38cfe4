/**
 * percent-sign: the prose writes a percentage with both `%` and `％`. A document uses one; the fix writes
 * the fewer in the form of the more (`%` on a tie). One finding per document, on the first of the fewer.
 */
import { spanOf } from '../model/segments';
import { proseParagraphs } from './lib/metadata';
import { Rule, msg } from './rule';

export const rule: Rule = {
  id: 'percent-sign',
  names: msg('百分号不统一', 'mixed percent signs'),
  description: msg('正文中“%”与“％”混用', 'The prose mixes % and ％'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: 'percentages written with both `%` and `％` in the prose, once per document',
    fix: 'the sign most of them use',
  },
  check({ report, emit }) {
    const half: { start: number; end: number }[] = [];
    const full: { start: number; end: number }[] = [];
    for (const p of proseParagraphs(report)) {
      for (const m of p.text.matchAll(/(?<=[0-9\uFF10-\uFF19])\s*([%％])/g)) {
        const at = m.index! + m[0].length - 1;
        (m[1] === '%' ? half : full).push(spanOf(p, at, at + 1));
      }
    }
    if (!half.length || !full.length) return;
    const toFull = full.length > half.length;
    const odd = toFull ? half : full;
    const sign = toFull ? '％' : '%';
    emit({
      ...odd[0],
      message: msg(`百分号“%”与“％”混用：${odd.length} 处应统一为“${sign}”`, `% and ％ are mixed: ${odd.length} should be "${sign}"`),
      fix: { title: msg(`统一为“${sign}”`, `Use "${sign}"`), kind: 'safe', edits: odd.map((s) => ({ ...s, newText: sign })) },
    });
  },
};
