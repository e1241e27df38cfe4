import { readFacts } from '../model/facts';
import { Rule, msg } from './rule';

/**
 * 第四十九条: 县级以上人民政府部门 publish by 1月31日, 县级以上人民政府 by 3月31日 of the following year.
 * 乡镇 reports are set by their county, so they are not checked. Reported only when both the date
 * (落款 or a stated publication date) and the kind of body are certain.
 */
export const rule: Rule = {
  id: 'publication-date',
  names: msg('发布期限', 'publication date'),
  description: msg('落款或发布日期晚于《条例》第四十九条规定的期限', 'The signature or publication date is after the statutory deadline (article 49)'),
  tags: ['content', 'deadline'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'a 落款 or 发布日期 after 1月31日 (县级以上部门) or 3月31日 (县级以上人民政府) of the next year (第四十九条); 乡镇 are not checked',
    fix: '—',
  },
  check({ report, emit }) {
    const facts = readFacts(report);
    const { signed, body } = facts;
    if (!signed || !body || body.level === 'township' || report.year === null || report.yearSource === 'body') return;
    const dueYear = report.year + 1;
    if (signed.year < dueYear) return;
    const [month, day] = body.kind === 'government' ? [3, 31] : [1, 31];
    const late = signed.year > dueYear || signed.month > month || (signed.month === month && signed.day > day);
    if (!late) return;
    const [zhDate, enDate] = signed.published ? ['发布日期', 'published'] : ['落款日期', 'dated'];
    const who = body.kind === 'government' ? '县级以上人民政府' : '县级以上人民政府部门';
    emit({
      start: signed.start, end: signed.end,
      message: msg(`${who}应在 ${dueYear}年${month}月${day}日前公布 ${report.year} 年度报告（《条例》第四十九条），${zhDate}为 ${signed.year}年${signed.month}月${signed.day}日`,
        `A ${body.kind === 'government' ? 'government at county level or above' : 'government department at county level or above'} must publish its ${report.year} report by ${dueYear}-${month}-${day} (article 49); it is ${enDate} ${signed.year}-${signed.month}-${signed.day}`),
    });
  },
};
