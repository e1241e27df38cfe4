import { readFacts } from '../model/facts';
import { Rule, msg } from './rule';

/**
 * A people's government's report must cover 工作考核、社会评议和责任追究结果情况 (第五十条第（四）项; the
 * 2021 format puts it under 监督保障 in section 一). Reported only when the body is certainly a
 * government, not a department, and the report uses none of the usual words for it anywhere.
 */
export const rule: Rule = {
  id: 'assessment-disclosure',
  names: msg('考核评议', 'assessment disclosure'),
  description: msg('人民政府年报未报告工作考核、社会评议和责任追究结果情况', 'A government report does not cover assessment, public evaluation and accountability'),
  tags: ['content'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'a people\'s government\'s report that never speaks of 考核、评议、责任追究 or 监督保障 (第五十条第（四）项)',
    fix: '—',
  },
  check({ report, emit }) {
    const body = readFacts(report).body;
    if (!body || body.kind !== 'government') return;
    if (ASSESSMENT_WORDS.test(report.tree.text)) return;
    const s1 = report.sections.find((s) => s.index === 1);
    const at = s1 ? { start: s1.heading.line.start, end: s1.heading.titleEnd } : report.title ? { start: report.title.start, end: report.title.end } : null;
    if (!at) return;
    emit({
      ...at,
      message: msg('人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项；2021年格式列在“总体情况·监督保障”中），本报告未提及',
        'A people\'s government report must cover work assessment, public evaluation and accountability results (article 50(4); the 2021 format puts them under 监督保障 in section 一); this report does not mention them'),
    });
  },
};

// ------------------------------------------------------------------ detection

/**
 * Words that show the report speaks of 工作考核、社会评议和责任追究 (第五十条第（四）项), in any of the
 * usual wordings. 监督保障 counts too: the 2021 format places this item under 监督保障 in section 一, and
 * a report that reports on 监督保障 has addressed it where the format asks; its wording is not judged.
 */
const ASSESSMENT_WORD_LIST = ['考核', '考评', '评议', '评估', '测评', '追究', '问责', '督查', '督导', '监督检查', '奖惩', '监督保障'];
const ASSESSMENT_WORDS = new RegExp(ASSESSMENT_WORD_LIST.join('|'));
