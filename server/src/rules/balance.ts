import { identityFindings } from './lib/identities';
import { Rule, msg } from './rule';

/** Table 三, per column: 一 + 二 = 三（七） + 四 (R1), the 勾稽关系 printed in the table. A view of the localization. */
export const rule: Rule = {
  id: 'balance',
  names: msg('勾稽关系', 'balance'),
  description: msg('表三勾稽关系不平衡：一 + 二 ≠ 三（七）+ 四', 'Table 三 does not balance: 一 + 二 ≠ 三（七） + 四'),
  tags: ['identity', 'tables'],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    reports: 'table 三, per column: 一 + 二 ≠ 三（七） + 四',
    fix: 'sets the wrong cells (those of one row together); if several sets could be wrong and no evidence decides, one suggestion per whole set (≤ 3)',
  },
  check(ctx) {
    for (const f of identityFindings('balance', ctx.localization, ctx)) ctx.emit(f);
  },
};
