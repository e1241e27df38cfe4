import { checkClaims } from './lib/claim-check';
import { Rule, msg } from './rule';

function ratio(count: number, base: number, decimals: number): string {
  return String(Number(((100 * count) / base).toFixed(Math.max(2, decimals + 1))));
}

/** A stated share (占33.9%) that its own count over the stated total does not give, rounded or truncated. */
export const rule: Rule = {
  id: 'percentage',
  names: msg('百分比', 'percentage'),
  description: msg('正文所述百分比与其数字不符', 'A stated percentage does not match its count and total'),
  tags: ['prose', 'content'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'a stated share (`占45.6%`) that its count over the total gives neither rounded nor truncated',
    fix: '—',
  },
  check({ report, emit }) {
    for (const c of checkClaims(report)) {
      if (c.verdict !== 'mismatch' || c.claim.kind !== 'percent' || !('bases' in c)) continue;
      const { claim } = c;
      const n = claim.count.value;
      // One line per distinct total, naming every place that total comes from.
      const totals = [...new Set(c.bases.map((b) => b.value))];
      const from = (v: number, lang: 'zh' | 'en') => c.bases.filter((b) => b.value === v).map((b) => b.label[lang]).join(lang === 'zh' ? '；' : '; ');
      const zh = totals.map((v) => `${n} ÷ ${v} = ${ratio(n, v, claim.decimals)}%（${from(v, 'zh')}）`).join('，');
      const en = totals.map((v) => `${n} / ${v} = ${ratio(n, v, claim.decimals)}% (${from(v, 'en')})`).join(', ');
      emit({
        start: claim.numStart, end: claim.numEnd,
        message: msg(`正文称“${claim.count.phrase}，${claim.phrase}”，但 ${zh}`, `The prose says “${claim.count.phrase}, ${claim.phrase}”, but ${en}`),
        related: [{ start: claim.count.numStart, end: claim.count.numEnd, message: msg(`所占比例的件数：${n}`, `The count of the share: ${n}`) }],
      });
    }
  },
};
