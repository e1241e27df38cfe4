import { identityFindings } from './lib/identities';
import { Rule, msg } from './rule';

/** Table 四: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结. One identity per group, so the culprit is known only when a single non-negative change explains it. */
export const rule: Rule = {
  id: 'review-total',
  names: msg('表四总计', 'review total'),
  description: msg('表四：总计不等于维持、纠正、其他、尚未审结之和', 'Table 四: 总计 is not the sum of its four parts'),
  tags: ['identity', 'total', 'tables'],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    reports: 'table 四: 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结',
    fix: 'sets the wrong cells (those of one row together); if several sets could be wrong and no evidence decides, one suggestion per whole set (≤ 3)',
  },
  check(ctx) {
    for (const f of identityFindings('review-total', ctx.localization, ctx)) ctx.emit(f);
  },
};
