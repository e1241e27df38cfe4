import { readFacts } from '../model/facts';
import { Rule, msg } from './rule';

const ROLE: Record<string, [string, string]> = {
  period: ['统计期限', 'the statistics period'],
  self: ['报告自述的年度', 'the year the report gives itself'],
  opening: ['总体情况开篇', 'the opening of the overview'],
  statement: ['总体情况中本年数据的年份', 'the year of this year’s figures in the overview'],
};

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
    reports: 'years presented as the report year (title, 统计期限, the report naming itself, the overview\'s opening and this year\'s figures) that disagree; a 统计期限 that is not one calendar year (warning); a mistyped year such as `202020年` (error). Comparison years, plans and dates of cited documents are not read as the report year',
    fix: '— (a suggestion for the typo)',
  },
  check({ report, emit }) {
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
    const titleRange = report.title ? { start: report.title.start, end: report.title.end } : null;
    let periodReported = !!period && !(period.from.month === 1 && period.from.day === 1 && period.to.month === 12 && period.to.day === 31 && period.to.year === period.from.year);
    for (const c of facts.yearClaims) {
      if (c.year === reference) continue;
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
