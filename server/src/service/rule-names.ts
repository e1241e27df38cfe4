/**
 * Short names of the rules for titles users read (quick fixes, suppressions): Chinese first, never the
 * rule id. A rule without a short name here is named by its description.
 */
import { RULES } from '../rules';
import type { Msg } from '../rules/rule';

const SHORT: Record<string, Msg> = {
  'missing-section': { zh: '缺少章节', en: 'missing section' },
  'section-order': { zh: '章节顺序', en: 'section order' },
  'section-numbering': { zh: '章节序号', en: 'section numeral' },
  title: { zh: '标题', en: 'title' },
  'format-version': { zh: '格式版本', en: 'format version' },
  'official-wording': { zh: '规范表述', en: 'official wording' },
  'table-shape': { zh: '表格结构', en: 'table shape' },
  'cell-value': { zh: '数字格式', en: 'figure format' },
  'blank-cell': { zh: '空白单元格', en: 'blank cell' },
  'row-total': { zh: '合计', en: 'row total' },
  'column-total': { zh: '（七）总计', en: 'column total' },
  balance: { zh: '勾稽关系', en: 'balance' },
  'review-total': { zh: '表四总计', en: 'review total' },
  suppression: { zh: '禁用注释', en: 'suppression comment' },
};

export function ruleName(id: string): Msg {
  const known = SHORT[id];
  if (known) return known;
  const rule = RULES.find((r) => r.id === id);
  if (rule) return rule.description;
  return { zh: id, en: id };
}
