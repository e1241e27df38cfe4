import { readBreakdowns } from '../model/claims/breakdown';
import { reportedSum, sumOf, takenOfSum } from './lib/breakdown-check';
import { quote } from './lib/claim-check';
import { Rule, msg } from './rule';

/**
 * A whole the prose divides into parts whose figures do not add up to it: 共梳理信息400条，其中主动公开150条，
 * 依申请公开120条，不予公开100条 (150 + 120 + 100 = 370). Only lists whole by their wording are read
 * (model/claims/breakdown.ts): 其中…等, 包括… and inexact figures are never added up. An error when the
 * list names its own rest (其他, 其余), so the parts must make the whole; a warning otherwise. Parts that
 * name publication channels may overlap and are seldom all named: such a list is added up only when closed.
 */
export const rule: Rule = {
  id: 'breakdown-sum',
  names: msg('分项之和', 'breakdown sum'),
  description: msg('正文所列各分项之和与所述总数不符', 'The parts the prose lists do not add up to the whole it states'),
  tags: ['prose', 'content'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'a whole and its parts in one sentence (`共…400条，其中A 150条，B 120条，C 100条`, `在…的52条信息中，…`) whose parts do not add up to it; an error when the last part is the rest (其他, 其余). Partial lists (`其中…等`, `包括…`), inexact figures (`400余条`), lists of publication channels that do not name their rest, and applications by outcome (left to `text-table-mismatch`) are not read; hover the whole to see its parts and their sum',
    fix: '—',
  },
  check({ report, emit }) {
    for (const b of readBreakdowns(report)) {
      if (!reportedSum(b)) continue;
      const sum = sumOf(b);
      const more = sum > b.total.value;
      const figures = b.parts.map((p) => p.value).join(' + ');
      const unit = b.total.unit;
      // Shares of the parts taken of their sum: the writer counted from the parts, so the whole is the odd figure.
      const shares = b.shares.filter((s) => takenOfSum(b, s));
      const zhShares = shares.length ? `；${shares.map((s) => quote(s.phrase)).join('、')}也是按 ${sum} 算得的比例` : '';
      const enShares = shares.length ? `; ${shares.map((s) => quote(s.phrase)).join(', ')} ${shares.length > 1 ? 'are shares' : 'is a share'} of ${sum}` : '';
      emit({
        start: b.total.numStart, end: b.total.numEnd,
        severity: b.closed ? 'error' : 'warning',
        message: msg(
          `正文称${quote(b.total.phrase)}，但其后所列各项之和为 ${figures} = ${sum}${unit}，${more ? '多' : '少'}${Math.abs(sum - b.total.value)}${unit}${more && !b.closed ? '（如各项有交叉重复，请在正文中说明）' : ''}${zhShares}`,
          `The prose says ${quote(b.total.phrase)}, but the parts listed after it add up to ${figures} = ${sum}, ${Math.abs(sum - b.total.value)} ${more ? 'more' : 'fewer'}${more && !b.closed ? ' (if the parts overlap, say so in the text)' : ''}${enShares}`,
        ),
        related: [
          ...b.parts.map((p) => ({ start: p.numStart, end: p.numEnd, message: msg(`分项：${p.phrase}`, `Part: ${p.phrase}`) })),
          ...shares.map((s) => ({ start: s.numStart, end: s.numEnd, message: msg(`按各分项之和 ${sum} 算得的比例`, `A share of the parts' sum, ${sum}`) })),
        ],
        // Parts beyond the whole may overlap: writing their sum as the whole could turn a correct figure wrong.
        suggestions: b.closed || more ? [] : [{
          kind: 'suggestion',
          title: msg(`将总数改为 ${sum}（请先核对各分项）`, `Change the whole to ${sum} (check the parts first)`),
          edits: [{ start: b.total.numStart, end: b.total.numEnd, newText: String(sum) }],
        }],
      });
    }
  },
};
