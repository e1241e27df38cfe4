import { FORMAT_2021_FROM_YEAR, versionForYear } from '../model/template';
import { Rule, msg } from './rule';

const NAME = { '2019': '2019 年试行格式（国办公开办函〔2019〕60号）', '2021': '2021 年格式（国办公开办函〔2021〕30号）' };
const NAME_EN = { '2019': 'the 2019 trial format', '2021': 'the 2021 format' };

/** Tables in the wrong format version for the report year, or versions mixed in one report. */
export const rule: Rule = {
  id: 'format-version',
  names: msg('格式版本', 'format version'),
  description: msg('统计表格式版本与报告年度不符或混用', 'Table format version wrong for the year, or mixed'),
  tags: ['tables', 'version'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'tables in the wrong format version for the year, or versions mixed',
    fix: '—',
  },
  check({ report, emit }) {
    const versioned = report.tables.filter((t) => t.version);
    for (const t of versioned) {
      const at = t.versionEvidence ?? t.rows[0]?.label ?? null;
      const start = at?.start ?? t.start;
      const end = at?.end ?? t.start;
      const name = t.kind === 't2' ? '二' : t.kind === 't3' ? '三' : '四';
      if (report.year !== null) {
        const want = versionForYear(report.year);
        if (t.version !== want) {
          const why = want === '2021' ? `${FORMAT_2021_FROM_YEAR} 年及以后的报告应使用` : `${report.year} 年报告应使用`;
          emit({
            start, end,
            message: msg(`${report.year} 年报告的表${name}使用了${NAME[t.version!]}，${why}${NAME[want]}`,
              `Table ${name} of a ${report.year} report uses ${NAME_EN[t.version!]}; it must use ${NAME_EN[want]}`),
          });
        }
      } else if (versioned[0].version !== t.version) {
        emit({
          start, end,
          message: msg(`表${name}使用了${NAME[t.version!]}，与其他表格（${NAME[versioned[0].version!]}）混用`,
            `Table ${name} uses ${NAME_EN[t.version!]}, mixed with ${NAME_EN[versioned[0].version!]}`),
        });
      }
    }
  },
};
