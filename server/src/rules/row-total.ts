import { identityFindings } from './lib/identities';
import { Rule, msg } from './rule';

/** Table 三: a row's 总计 ≠ its six applicant columns (R3). Reported on the localized culprit cell, or on the total when the culprit cannot be told. */
export const rule: Rule = {
  id: 'row-total',
  names: msg('合计', 'row total'),
  description: msg('表三：总计不等于各申请人列之和', 'Table 三: 总计 is not the sum of the applicant columns'),
  tags: ['identity', 'total', 'tables'],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    reports: 'table 三: 总计 ≠ the six applicant columns',
    fix: 'sets the wrong cells (those of one row together); if several sets could be wrong and no evidence decides, one suggestion per whole set (≤ 3)',
  },
  check(ctx) {
    for (const f of identityFindings('row-total', ctx.localization, ctx)) ctx.emit(f);
  },
};
