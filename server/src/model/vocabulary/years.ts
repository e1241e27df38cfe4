/** Words about years and periods (data: the readers in model/facts build their patterns from these). */

/** Names of the statistics period: 统计期限为2024年1月1日至12月31日. */
export const PERIOD_WORDS = [
  '统计期限', '统计时限', '统计时间', '统计周期', '统计区间', '统计时段', '统计范围', '统计期间',
  '数据期限', '数据时限', '数据时间', '数据区间', '报告期',
];

/** Words that make a year a comparison or a plan, not the reporting year. */
export const NOT_REPORT_YEAR_WORDS = [
  '同比', '较上年', '比上年', '上年', '上一年', '去年', '前年', '以来', '以前', '之前', '将', '计划', '预计', '力争', '拟', '争取',
  '下一步', '明年', '今后', '截至', '截止',
];
