/**
 * Hover on a prose number or statement the engine understood: what it was compared with (a table
 * cell or a sum of cells) and whether it agrees, so the writer sees what the tool thinks it means.
 */
import { Locale, Msg, msg, text } from '../base/msg';
import type { Analysis } from './analyze';
import { Check, checkClaims, gives, renderReading } from '../rules/lib/claim-check';
import { agreesWhenCorrected, correctionsOf } from '../rules/lib/corrected';
import { locateErrors } from '../model/error-location';
import { Breakdown, readBreakdowns } from '../model/claims/breakdown';
import { reportedSum } from '../rules/lib/breakdown-check';

const VERDICT = {
  match: msg('✓ 一致', '✓ agrees'),
  mismatch: msg('✗ 不一致', '✗ disagrees'),
  unknown: msg('表中无法读出对应数字，未比对', 'No matching figure can be read from the tables; not compared'),
  /** Disagrees with the table as printed, agrees once the identity findings' corrections are made: no finding here. */
  corrected: msg('✓ 与按勾稽关系更正后的表格一致（与所印数字不一致：错在表格，见该单元格的提示）',
    '✓ agrees with the table as its identities correct it (not with the printed figure: the table is wrong; see that cell\'s finding)'),
};

const L = {
  compared: msg('对照：', 'Compared with:'),
  against: msg('不符的单元格：', 'Cells that disagree:'),
  noneAgainst: msg('对照：表四 结果纠正、其他结果、尚未审结（应为 0）', 'Compared with: table 四 corrected, other and pending results (should be 0)'),
  contrary: msg('相反的说法或数字：', 'Contrary statements or figures:'),
  result: msg('结果：', 'Result: '),
  parts: msg('其后所列各项：', 'The parts listed after it:'),
  sum: msg('各项之和：', 'Their sum: '),
  open: msg('所列各项可能交叉重复或未列全（如发布渠道、只列两项、各项比例均按总数计算），未作比对', 'The parts may overlap or not all be named (channels, a list of two, shares all taken of the whole): not compared'),
};

function range(c: Check): { start: number; end: number } {
  const claim = c.claim;
  if (claim.kind === 'count' || claim.kind === 'percent') return { start: claim.numStart, end: claim.numEnd };
  if (claim.kind === 'fee' && claim.numStart !== undefined) return { start: claim.numStart, end: claim.numEnd! };
  return { start: claim.start, end: claim.end };
}

function body(c: Check, locale: Locale): string[] {
  if ('readings' in c) {
    const lines = c.readings.map((r) => `- ${renderReading(r, locale)}${c.claim.kind === 'count' && (r.value === c.claim.value || r.alt === c.claim.value) ? ' ✓' : ''}`);
    return lines.length ? [`${text(L.compared, locale)}\n${lines.join('\n')}`] : [];
  }
  if ('against' in c) {
    return c.against.length ? [`${text(L.against, locale)}\n${c.against.map((t) => `- ${text(t.label, locale)} = ${t.value}`).join('\n')}`] : [text(L.noneAgainst, locale)];
  }
  if ('bases' in c) {
    const n = c.claim.count.value;
    const share = (b: { label: Msg; value: number }) => `- ${n} ÷ ${b.value} = ${((100 * n) / b.value).toFixed(2)}%${text(msg(`（${b.label.zh}）`, ` (${b.label.en})`), locale)}`;
    return [`${text(L.compared, locale)}\n${c.bases.map(share).join('\n')}`];
  }
  if ('evidence' in c) {
    const sep = text(msg('：', ': '), locale);
    return c.evidence.length ? [`${text(L.contrary, locale)}\n${c.evidence.map((e) => `- ${text(e.label, locale)}${sep}${e.value}`).join('\n')}`] : [];
  }
  return [];
}

/** The hover of the claim at `offset` (the same shape as service/hover.ts's result), or null. */
export function claimHover(a: Analysis, offset: number, locale: Locale = 'zh-cn'): { start: number; end: number; markdown: string } | null {
  const checks = checkClaims(a.report);
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i];
    const r = range(c);
    if (offset < r.start || offset > r.end) continue;
    const prose = text(msg(`**正文：“${c.claim.phrase}”**`, `**Prose: “${c.claim.phrase}”**`), locale);
    const verdict = c.verdict === 'mismatch' && agreesCorrected(a, i) ? 'corrected' : c.verdict;
    const md = [prose, ...body(c, locale), `${text(L.result, locale)}${text(VERDICT[verdict], locale)}`].join('\n\n');
    return { start: r.start, end: r.end, markdown: md };
  }
  for (const b of readBreakdowns(a.report)) {
    const h = breakdownHover(b, offset, locale);
    if (h) return h;
  }
  return null;
}

/**
 * Whether the i-th check, a mismatch as printed, agrees with the tables as the identity findings correct
 * them (the rules then leave the prose figure without a finding: lib/corrected.ts), on the same evidence.
 */
function agreesCorrected(a: Analysis, i: number): boolean {
  const loc = a.localization ?? locateErrors(a.report, a.t3);
  return agreesWhenCorrected(a.report, () => correctionsOf(loc, { report: a.report, previous: a.previous ?? null }))(i);
}

/** The hover of a breakdown's whole (its parts and their sum) or of a share of one part (the part over the whole). */
function breakdownHover(b: Breakdown, offset: number, locale: Locale): { start: number; end: number; markdown: string } | null {
  const prose = (phrase: string) => text(msg(`**正文：“${phrase}”**`, `**Prose: “${phrase}”**`), locale);
  if (offset >= b.total.numStart && offset <= b.total.numEnd) {
    const sum = b.parts.reduce((x, p) => x + p.value, 0);
    const md = [
      prose(b.total.phrase),
      `${text(L.parts, locale)}\n${b.parts.map((p) => `- ${p.phrase}`).join('\n')}`,
      `${text(L.sum, locale)}${b.parts.map((p) => p.value).join(' + ')} = ${sum}`,
      sum === b.total.value || reportedSum(b)
        ? `${text(L.result, locale)}${text(VERDICT[sum === b.total.value ? 'match' : 'mismatch'], locale)}`
        : text(L.open, locale),
    ].join('\n\n');
    return { start: b.total.numStart, end: b.total.numEnd, markdown: md };
  }
  for (const s of b.shares) {
    if (offset < s.numStart || offset > s.numEnd) continue;
    const part = b.parts[s.part];
    const share = ((100 * part.value) / b.total.value).toFixed(2);
    const md = [
      prose(s.phrase),
      `${text(L.compared, locale)}\n- ${part.value} ÷ ${b.total.value} = ${share}%${text(msg(`（“${part.phrase}”占“${b.total.phrase}”）`, ` (“${part.phrase}” of “${b.total.phrase}”)`), locale)}`,
      `${text(L.result, locale)}${text(VERDICT[gives(part.value, b.total.value, s.value, s.decimals) ? 'match' : 'mismatch'], locale)}`,
    ].join('\n\n');
    return { start: s.numStart, end: s.numEnd, markdown: md };
  }
  return null;
}
