import { identityFindings } from './lib/identities';
import { Rule, msg } from './rule';

/** Table 三, per column: （一）…（六） sum to （七）总计 (R2). A view of the localization in model/error-location.ts. */
export const rule: Rule = {
  id: 'column-total',
  names: msg('（七）总计', 'column total'),
  description: msg('表三：（七）总计不等于（一）至（六）之和', 'Table 三: （七） is not the sum of the result rows'),
  tags: ['identity', 'total', 'tables'],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    reports: 'table 三: （七）总计 ≠ the result rows （一）…（六）',
    fix: 'sets the wrong cells (those of one row together); if several sets could be wrong and no evidence decides, one suggestion per whole set (≤ 3)',
  },
  check(ctx) {
    for (const f of identityFindings('column-total', ctx.localization, ctx)) ctx.emit(f);
  },
};
