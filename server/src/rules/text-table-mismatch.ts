import { checkClaims, quote, renderReading } from './lib/claim-check';
import type { Reading, Term } from './lib/claim-check';
import { agreesOnceCorrected } from './lib/corrected';
import { Related, Rule, msg } from './rule';

function related(terms: Term[]): Related[] {
  return terms.flatMap((t) => t.parts ?? [t]).filter((t) => t.cell).map((t) => ({
    start: t.cell!.cell.start, end: t.cell!.cell.end, message: msg(`${t.label.zh} = ${t.value}`, `${t.label.en} = ${t.value}`),
  }));
}

const zh = (rs: Reading[]) => rs.map((r) => renderReading(r)).join('；或 ');
const en = (rs: Reading[]) => rs.map((r) => renderReading(r, 'en')).join('; or ');

/**
 * A count, "未收到…申请" or "均获维持" stated in the prose that every reading of the tables contradicts.
 * The finding covers the number; no fix, since either side may be wrong (a suggestion at most).
 * A figure that agrees with the tables once the identity findings' corrections are made is not
 * reported: the table cell is wrong, its identity finding says so (and may cite this very figure),
 * and the prose is right. One problem, one finding.
 */
export const rule: Rule = {
  id: 'text-table-mismatch',
  names: msg('文表不符', 'prose vs tables'),
  description: msg('正文所述数字与统计表不一致', 'A figure stated in the prose contradicts the tables'),
  tags: ['prose', 'content'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'a count in the prose (收到/受理…申请 N 件, the outcomes of table 三 — granted and partly granted together as （一）+（二）, each outcome group as the sum of its sub-rows, shown in the message —, 结转下年度, 行政复议/诉讼 N 件, 均获维持, 未收到申请) that no reading of the tables gives; hover a prose number to see what it was compared with',
    fix: 'a suggestion only',
  },
  check(ctx) {
    const { report, emit } = ctx;
    const corrected = agreesOnceCorrected(ctx);
    checkClaims(report).forEach((c, i) => {
      if (c.verdict !== 'mismatch' || corrected(i)) return;
      if (c.claim.kind === 'count' && 'readings' in c) {
        const claim = c.claim;
        const only = c.readings.length === 1 ? c.readings[0] : null;
        emit({
          start: claim.numStart, end: claim.numEnd,
          message: msg(`正文称${quote(claim.phrase)}，但${zh(c.readings)}`, `The prose says ${quote(claim.phrase)}, but ${en(c.readings)}`),
          related: related(c.readings.flatMap((r) => r.terms)),
          suggestions: only ? [{
            kind: 'suggestion',
            title: msg(`改为表中数字 ${only.value}（请先核对哪一方有误）`, `Use the table's ${only.value} (check which side is wrong first)`),
            edits: [{ start: claim.numStart, end: claim.numEnd, newText: String(only.value) }],
          }] : [],
        });
      } else if (c.claim.kind === 'none' && 'readings' in c) {
        emit({
          start: c.claim.start, end: c.claim.end,
          message: msg(`正文称${quote(c.claim.phrase)}，但${zh(c.readings)}`, `The prose says ${quote(c.claim.phrase)}, but ${en(c.readings)}`),
          related: related(c.readings.flatMap((r) => r.terms)),
        });
      } else if ((c.claim.kind === 'all-upheld' || c.claim.kind === 'all-closed') && 'against' in c) {
        const list = c.against.map((t) => `${t.label.zh} = ${t.value}`).join('，');
        const listEn = c.against.map((t) => `${t.label.en} = ${t.value}`).join(', ');
        emit({
          start: c.claim.start, end: c.claim.end,
          message: msg(`正文称${quote(c.claim.phrase)}，但${list}`, `The prose says ${quote(c.claim.phrase)}, but ${listEn}`),
          related: related(c.against),
        });
      }
    });
  },
};
