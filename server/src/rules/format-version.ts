import { FORMAT_2021_FROM_YEAR, versionForYear } from '../model/template';
import { formatName, tableName } from '../model/names';
import { Rule, msg } from './rule';

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
      const table = tableName(t.kind);
      const used = formatName(t.version!);
      if (report.year !== null) {
        const want = versionForYear(report.year);
        if (t.version !== want) {
          const why = want === '2021' ? `${FORMAT_2021_FROM_YEAR} 年及以后的报告应使用` : `${report.year} 年报告应使用`;
          emit({
            start, end,
            message: msg(`${report.year} 年报告的${table.zh}使用了 ${used.zh}，${why} ${formatName(want).zh}`,
              `${table.en} of a ${report.year} report uses ${used.en}; it must use ${formatName(want).en}`),
          });
        }
      } else if (versioned[0].version !== t.version) {
        emit({
          start, end,
          message: msg(`${table.zh}使用了 ${used.zh}，与其他表格（${formatName(versioned[0].version!).zh}）混用`,
            `${table.en} uses ${used.en}, mixed with ${formatName(versioned[0].version!).en}`),
        });
      }
    }
  },
};
