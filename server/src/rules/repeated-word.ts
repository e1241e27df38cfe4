import { repeatedWords } from '../model/prose';
import { Rule, msg } from './rule';

/** An accidentally doubled word (资金资金, 的的). Legitimate doubling (研究研究, 常常, 清清楚楚) is not read as one. The fix deletes one copy. */
export const rule: Rule = {
  id: 'repeated-word',
  names: msg('词语重复', 'repeated word'),
  description: msg('词语重复（如“资金资金”“的的”）', 'An accidentally doubled word'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: 'a doubled word (`资金资金`, `审核审核`, `的的`); 研究研究, 常常, 清清楚楚 and 人民政府政府信息 are not',
    fix: 'deletes one copy',
  },
  check({ report, emit }) {
    for (const r of repeatedWords(report)) {
      emit({
        start: r.start, end: r.end,
        message: msg(`“${r.word}”重复：“${r.word}${r.word}”`, `"${r.word}" is doubled`),
        fix: { title: msg(`删除重复的“${r.word}”`, `Delete the repeated "${r.word}"`), kind: 'safe', edits: [{ start: r.start + r.word.length, end: r.end, newText: '' }] },
      });
    }
  },
};
