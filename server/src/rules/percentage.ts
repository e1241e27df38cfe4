import { readBreakdowns } from '../model/claims/breakdown';
import type { Breakdown, Share } from '../model/claims/breakdown';
import type { Span } from '../model/claims/types';
import { reportedSum, takenOfSum } from './lib/breakdown-check';
import { checkClaims, gives, quote } from './lib/claim-check';
import { agreesOnceCorrected } from './lib/corrected';
import { Finding, Rule, msg } from './rule';

function ratio(count: number, base: number, decimals: number): string {
  return String(Number(((100 * count) / base).toFixed(Math.max(2, decimals + 1))));
}

/**
 * A share stated of a part of a breakdown (主动公开的占40.5%) that the part over the stated whole does not
 * give; when the part over the sum of the listed parts gives it, the message says the base is wrong.
 */
function shareFinding(b: Breakdown, s: Share, text: string): Finding | null {
  const part = b.parts[s.part];
  const whole = b.total.value;
  if (gives(part.value, whole, s.value, s.decimals)) return null;
  // breakdown-sum reports the whole and names this share as taken of the parts' sum: one problem, one finding.
  if (reportedSum(b) && takenOfSum(b, s)) return null;
  // The figure as written (27.0%, not 27%).
  const stated = text.slice(s.numStart, s.numEnd);
  const sum = b.parts.reduce((a, p) => a + p.value, 0);
  const wrongBase = sum !== whole && gives(part.value, sum, s.value, s.decimals);
  const r = ratio(part.value, whole, s.decimals);
  const zhBase = wrongBase ? `；${stated} 是按各分项之和 ${sum} 算得（${part.value} ÷ ${sum}），而非总数 ${whole}` : '';
  const enBase = wrongBase ? `; ${stated} is taken of the sum of the parts, ${sum} (${part.value} / ${sum}), not of the whole, ${whole}` : '';
  return {
    start: s.numStart, end: s.numEnd,
    message: msg(
      `正文称${quote(s.phrase)}，但 ${part.value} ÷ ${whole} = ${r}%（${quote(part.phrase)}占${quote(b.total.phrase)}）${zhBase}`,
      `The prose says ${quote(s.phrase)}, but ${part.value} / ${whole} = ${r}% (${quote(part.phrase)} of ${quote(b.total.phrase)})${enBase}`,
    ),
    related: [
      { start: part.numStart, end: part.numEnd, message: msg(`所占比例的数字：${part.value}`, `The count of the share: ${part.value}`) },
      { start: b.total.numStart, end: b.total.numEnd, message: msg(`总数：${whole}`, `The whole: ${whole}`) },
    ],
  };
}

/** The count and its share as the report writes them: one quote when they are close together, else each its own. */
function quoted(text: string, count: Span, share: Span, gap: string): string {
  const between = text.slice(count.end, share.start);
  if (count.end <= share.start && between.length <= 20 && !/[\n。；;]/.test(between)) return quote(text.slice(count.start, share.end));
  return `${quote(count.phrase)}${gap}${quote(share.phrase)}`;
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
    reports: 'a stated share (`占45.6%`) that its count over the total gives neither rounded nor truncated; a share of a listed part (`其中主动公开150条…主动公开的占40.5%`) not taken of the stated whole (40.5% is 150 ÷ 370, the sum of the parts, not 150 ÷ 400)',
    fix: '—',
  },
  check(ctx) {
    const { report, text, emit } = ctx;
    const claimed = new Set<number>();
    // A share that the tables give once the identity findings' corrections are made is right: the cell's finding is the one.
    const corrected = agreesOnceCorrected(ctx);
    for (const [i, c] of checkClaims(report).entries()) {
      if (c.claim.kind === 'percent') claimed.add(c.claim.numStart);
      if (c.verdict !== 'mismatch' || c.claim.kind !== 'percent' || !('bases' in c) || corrected(i)) continue;
      const { claim } = c;
      const n = claim.count.value;
      // One line per distinct total, naming every place that total comes from.
      const totals = [...new Set(c.bases.map((b) => b.value))];
      const from = (v: number, lang: 'zh' | 'en') => c.bases.filter((b) => b.value === v).map((b) => b.label[lang]).join(lang === 'zh' ? '；' : '; ');
      const zh = totals.map((v) => `${n} ÷ ${v} = ${ratio(n, v, claim.decimals)}%（${from(v, 'zh')}）`).join('，');
      const en = totals.map((v) => `${n} / ${v} = ${ratio(n, v, claim.decimals)}% (${from(v, 'en')})`).join(', ');
      emit({
        start: claim.numStart, end: claim.numEnd,
        message: msg(`正文称${quoted(text, claim.count, claim, '……')}，但 ${zh}`, `The prose says ${quoted(text, claim.count, claim, ' … ')}, but ${en}`),
        related: [{ start: claim.count.numStart, end: claim.count.numEnd, message: msg(`所占比例的件数：${n}`, `The count of the share: ${n}`) }],
      });
    }
    for (const b of readBreakdowns(report)) {
      for (const s of b.shares) {
        if (claimed.has(s.numStart)) continue;
        const f = shareFinding(b, s, text);
        if (f) emit(f);
      }
    }
  },
};
