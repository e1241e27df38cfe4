import { readFacts } from '../model/facts';
import { quote, renderReading } from './lib/claim-check';
import { sentenceAround } from '../model/segments';
import { DatedCheck, checkDated, saidLastYear } from './lib/dated-check';
import { Finding, Rule, msg } from './rule';

const ROLE: Record<string, [string, string]> = {
  period: ['统计期限', 'the statistics period'],
  self: ['报告自述的年度', 'the year the report gives itself'],
  opening: ['总体情况开篇', 'the opening of the overview'],
  statement: ['总体情况中本年数据的年份', 'the year of this year’s figures in the overview'],
};

/** Counts of one sentence dated last year that this year's table gives (and last year's report, when known, does not). */
function misdated(group: DatedCheck[], year: number): Finding {
  const { dated } = group[0];
  const values = group.map((m) => m.dated.claim.value);
  const zhList = group.map((m) => renderReading(m.thisYear) + (m.lastYear.length ? `（上年报告中为 ${m.lastYear.map((r) => r.value).join(' 或 ')}）` : '')).join('，');
  const enList = group.map((m) => renderReading(m.thisYear, 'en') + (m.lastYear.length ? ` (last year's report: ${m.lastYear.map((r) => r.value).join(' or ')})` : '')).join(', ');
  const many = values.length > 1;
  return {
    start: dated.yearStart, end: dated.yearEnd,
    message: msg(
      `正文称${quote(dated.sentence)}，但 ${values.join('、')} 是本年度（${year}年）的数字：${zhList}；年份应为 ${year} 年？`,
      `The prose says ${quote(dated.sentence)}, but ${values.join(', ')} ${many ? 'are' : 'is'} this year's (${year}) ${many ? 'figures' : 'figure'}: ${enList}; should the year be ${year}?`,
    ),
    related: group.flatMap((m) => [
      { start: m.dated.claim.numStart, end: m.dated.claim.numEnd, message: msg(`本年度的数字：${m.dated.claim.value}`, `This year's figure: ${m.dated.claim.value}`) },
      ...m.thisYear.terms.filter((t) => t.cell).map((t) => ({ start: t.cell!.cell.start, end: t.cell!.cell.end, message: msg(`${t.label.zh} = ${t.value}`, `${t.label.en} = ${t.value}`) })),
    ]),
    suggestions: [{ kind: 'suggestion', title: msg(`改为 ${year} 年`, `Change to ${year}`), edits: [{ start: dated.yearStart, end: dated.yearEnd, newText: String(year) }] }],
  };
}

/**
 * Years the report presents as its reporting year must agree: the title, the statistics period, the
 * report naming itself, the overview's opening and its statements of this year's figures. Other years
 * (last year's comparison, next year's plans, dates of cited documents) are never read as the report year.
 * A year with digits glued to it (202020年) is an error; the statistics period must cover one calendar year.
 */
export const rule: Rule = {
  id: 'year-consistency',
  names: msg('报告年度', 'report year'),
  description: msg('标题、统计期限与正文所述报告年度不一致，或年份笔误', 'The title, the statistics period and the body disagree on the report year, or a year is mistyped'),
  tags: ['content', 'year'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'years presented as the report year (title, 统计期限, the report naming itself, the overview\'s opening and this year\'s figures) that disagree; this year\'s table figure dated last year (`2021年，全年收到申请86件` in a 2022 report whose table gives 86, and last year\'s report, when known, does not); a 统计期限 that is not one calendar year (warning); a mistyped year such as `202020年` (error). Comparison years, plans and dates of cited documents are not read as the report year',
    fix: '— (a suggestion for the typo)',
  },
  check(ctx) {
    const { report, emit } = ctx;
    const facts = readFacts(report);
    const period = facts.period;
    const titleYear = report.yearSource === 'title' ? report.year : null;
    const reference = titleYear ?? period?.from.year ?? null;
    for (const t of facts.yearTypos) {
      // The report year when the digits hold it, else the only plausible year in them.
      const meant = reference !== null && t.candidates.includes(reference) ? reference : t.candidates.length === 1 ? t.candidates[0] : null;
      emit({
        start: t.start, end: t.end, severity: 'error',
        message: msg(`年份“${t.text}年”有误${meant ? `，应为“${meant}年”？` : ''}`, `The year "${t.text}" is mistyped${meant ? ` (meant ${meant}?)` : ''}`),
        ...(meant ? { suggestions: [{ title: msg(`改为 ${meant}`, `Change to ${meant}`), kind: 'suggestion' as const, edits: [{ start: t.start, end: t.end, newText: String(meant) }] }] } : {}),
      });
    }
    if (period) {
      const { from, to } = period;
      const whole = from.month === 1 && from.day === 1 && to.month === 12 && to.day === 31 && to.year === from.year;
      if (!whole) {
        const y = reference ?? from.year;
        emit({
          start: period.start, end: period.end,
          message: msg(`统计期限应为报告年度的整个自然年（${y}年1月1日至${y}年12月31日），实为 ${from.year}年${from.month}月${from.day}日至${to.year}年${to.month}月${to.day}日`,
            `The statistics period should be the whole calendar year ${y} (1 January to 31 December), found ${from.year}-${from.month}-${from.day} to ${to.year}-${to.month}-${to.day}`),
        });
      }
    }
    if (reference === null) return;
    // Counts dated last year: this year's figures misdated, or (with last year's report) last year's indeed.
    const dated = report.year === reference ? checkDated(report, ctx.previous?.report ?? null) : { misdated: [], verified: [] };
    // One finding per year: a misdated sentence is reported with its figures, not again as a wrong year.
    const misdatedAt = new Set(dated.misdated.map((m) => m.dated.yearStart));
    const verifiedAt = new Set(dated.verified.map((d) => d.yearStart));
    const bySentence = new Map<number, DatedCheck[]>();
    for (const m of dated.misdated) bySentence.set(m.dated.yearStart, [...(bySentence.get(m.dated.yearStart) ?? []), m]);
    for (const group of bySentence.values()) emit(misdated(group, reference));
    const titleRange = report.title ? { start: report.title.start, end: report.title.end } : null;
    let periodReported = !!period && !(period.from.month === 1 && period.from.day === 1 && period.to.month === 12 && period.to.day === 31 && period.to.year === period.from.year);
    for (const c of facts.yearClaims) {
      if (c.year === reference || misdatedAt.has(c.start) || (c.role === 'statement' && verifiedAt.has(c.start))) continue;
      // A statement of last year's figures that last year's report gives word for word is about last year indeed.
      if (c.role === 'statement' && c.year === reference - 1 && ctx.previous) {
        const s = sentenceAround(ctx.text, c.start);
        if (saidLastYear(ctx.text.slice(s.from, s.to), ctx.previous.text)) continue;
      }
      // One finding for the period: a period that is not one calendar year was reported above.
      if (c.role === 'period') {
        if (periodReported) continue;
        periodReported = true;
      }
      const [zh, en] = ROLE[c.role];
      const source = titleYear !== null ? ['标题', 'the title'] : ['统计期限', 'the statistics period'];
      emit({
        start: c.start, end: c.end,
        message: msg(`${zh}为 ${c.year} 年，与${source[0]}的报告年度 ${reference} 年不一致`, `${en[0].toUpperCase()}${en.slice(1)} says ${c.year}, but ${source[1]} gives the report year ${reference}`),
        ...(titleYear !== null && titleRange ? { related: [{ ...titleRange, message: msg(`标题：${reference} 年`, `Title: ${reference}`) }] } : {}),
      });
    }
  },
};
