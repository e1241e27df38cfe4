import { checkClaims, quote } from './lib/claim-check';
import { Rule, msg } from './rule';

/**
 * The prose contradicts itself or the figures on a yes/no matter: every application settled while
 * some are carried over to next year; no fees charged while fees are reported, or the reverse.
 */
export const rule: Rule = {
  id: 'self-contradiction',
  names: msg('前后矛盾', 'self-contradiction'),
  description: msg('正文前后矛盾（全部办结与结转、未收费与收费）', 'The prose contradicts itself (all settled vs carried over, no fees vs fees)'),
  tags: ['prose', 'content'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: '"所有申请均已办结" while applications are carried over; "未收取…费" while fees are reported',
    fix: '—',
  },
  check({ report, emit }) {
    for (const c of checkClaims(report)) {
      if (c.verdict !== 'mismatch' || !('evidence' in c)) continue;
      const ev = c.evidence;
      const zh = ev.map((e) => (e.label.zh.startsWith('正文') ? e.label.zh : `${e.label.zh} = ${e.value}`)).join('，');
      const en = ev.map((e) => (e.label.en.startsWith('the prose') ? e.label.en : `${e.label.en} = ${e.value}`)).join(', ');
      const what = c.claim.kind === 'all-settled'
        ? msg(`正文称${quote(c.claim.phrase)}，但仍有申请结转下年度：${zh}`, `The prose says ${quote(c.claim.phrase)}, but applications are carried over: ${en}`)
        : msg(`正文称${quote(c.claim.phrase)}，但${zh}`, `The prose says ${quote(c.claim.phrase)}, but ${en}`);
      emit({
        start: c.claim.start, end: c.claim.end, message: what,
        related: ev.map((e) => ({ start: e.start, end: e.end, message: msg(`${e.label.zh}：${e.value}`, `${e.label.en}: ${e.value}`) })),
      });
    }
  },
};
