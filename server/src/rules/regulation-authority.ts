import { readFacts } from '../model/facts';
import { Rule, msg } from './rule';

const LEVEL = { township: '乡镇', county: '县级' } as const;

/**
 * Only 国务院部门 and the people's governments of provinces and 设区的市/自治州 may make 规章 (立法法
 * 第九十一条、第九十三条). Non-zero 规章 figures in the report of a 乡镇 or 县级 body or department are
 * suspicious; reported only when the title makes the level certain.
 */
export const rule: Rule = {
  id: 'regulation-authority',
  names: msg('规章制定权', 'rule-making authority'),
  description: msg('无规章制定权的机关填报了规章数量', 'A body that cannot make 规章 reports 规章 figures'),
  tags: ['content', 'tables'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'non-zero 规章 figures from a 乡镇 or 县级 body or department, when the title makes the level certain',
    fix: '—',
  },
  check({ report, emit }) {
    const body = readFacts(report).body;
    if (!body || (body.level !== 'township' && body.level !== 'county')) return;
    const level = LEVEL[body.level];
    const who = body.kind === 'government' ? `${level}人民政府` : `${level}政府部门`;
    for (const t of report.tables) {
      if (t.kind !== 't2') continue;
      for (const row of t.rows) {
        if (row.id !== 'rules' || row.item !== '1') continue;
        const hit = row.cells.find((c) => c.value.kind === 'number' && Number(c.value.decimal) > 0);
        if (!hit || hit.value.kind !== 'number') continue;
        emit({
          start: hit.cell.start, end: hit.cell.end,
          message: msg(`${body.name}是${who}，无权制定规章（《立法法》第九十一条、第九十三条），但“${row.officialLabel ?? row.label?.text ?? ''}·${hit.column.label}”填为 ${hit.value.decimal}`,
            `${body.name} is a ${body.level} ${body.kind} and cannot make 规章 (Legislation Law arts. 91, 93), yet "${hit.column.label}" is ${hit.value.decimal}`),
        });
      }
    }
  },
};
