import { identityFindings } from './identities';
import { Rule, msg } from './rule';

/** Table 三, per column: 一 + 二 = 三（七） + 四 (R1), the 勾稽关系 printed in the table. A view of the localization. */
export const rule: Rule = {
  id: 'balance',
  description: msg('表三勾稽关系不平衡：一 + 二 ≠ 三（七）+ 四', 'Table 三 does not balance: 一 + 二 ≠ 三（七） + 四'),
  tags: ['tables', 'arithmetic'],
  defaultSeverity: 'error',
  fixable: true,
  check({ localization, emit }) {
    for (const f of identityFindings('balance', localization)) emit(f);
  },
};
