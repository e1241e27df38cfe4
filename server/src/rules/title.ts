import { Rule, msg } from './rule';

/** The title must exist and name the year and the agency. */
export const rule: Rule = {
  id: 'title',
  names: msg('标题', 'title'),
  description: msg('标题缺失或缺少年份、机关名称', 'Title missing, or without year or agency'),
  tags: ['structure'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'title missing, or without year or agency',
    fix: '—',
  },
  check({ report, emit }) {
    const t = report.title;
    if (!t) {
      const first = report.tree.lines.find((l) => l.text.trim() !== '');
      emit({
        start: first?.start ?? 0, end: first?.end ?? 0,
        message: msg('缺少标题，应为“XX（机关名称）XXXX年政府信息公开工作年度报告”', 'Missing title: "<agency><year>年政府信息公开工作年度报告"'),
      });
      return;
    }
    if (report.yearSource !== 'title') {
      const hint = report.year ? `（正文显示为 ${report.year} 年）` : '';
      emit({ start: t.start, end: t.end, message: msg(`标题缺少报告年度${hint}`, `The title has no report year${report.year ? ` (the body says ${report.year})` : ''}`) });
    }
    if (!report.agency) {
      emit({ start: t.start, end: t.end, message: msg('标题缺少机关名称', 'The title does not name the agency') });
    }
  },
};
