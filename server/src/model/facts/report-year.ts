/**
 * The report year and the reporting agency as the lowering needs them (to pick the format version before
 * the tables are read): the year from the title, else from the statistics period, else the most frequent
 * year of the text; the agency from the title. The prose's own statements of the year are read in years.ts.
 */
import type { Report, Title } from '../report/types';

const YEAR_RE = /((?:19|20)\d{2})\s*年/;

export function findYear(title: Title | null, text: string): { year: number | null; source: Report['yearSource'] } {
  const fromTitle = title && YEAR_RE.exec(title.text.normalize('NFKC'));
  if (fromTitle) return { year: Number(fromTitle[1]), source: 'title' };
  const norm = text.normalize('NFKC');
  const period = /统计(?:期限|时限|时间|区间)[^。\n]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(norm);
  if (period) return { year: Number(period[1]), source: 'period' };
  const counts = new Map<number, number>();
  for (const m of norm.matchAll(/((?:19|20)\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && y < best)) best = y;
  return { year: best, source: best === null ? null : 'body' };
}

/** Words before the year that are no agency (`正文2024年…`, `标题：…`): nothing is better than a wrong agency. */
const NOT_AGENCY = /^(?:正文|全文|原文|目录|标题|文章正文|正文内容|附件\d*)[:：]?$/;

export function findAgency(title: Title | null): string | null {
  const agency = agencyOf(title);
  return agency && !NOT_AGENCY.test(agency) ? agency : null;
}

const PAGE_PREFIX = /^(?:正文|全文|原文|目录|标题)[:：]?/;

function agencyOf(title: Title | null): string | null {
  if (!title) return null;
  const t = title.text.normalize('NFKC');
  const m = YEAR_RE.exec(t);
  if (m) {
    const before = t.slice(0, m.index).replace(/[\s《》"“”]+/g, '').replace(PAGE_PREFIX, '');
    if (before) return before;
    const after = /^(?:度)?(.*?)(?:政府信息公开|政务公开)/.exec(t.slice(m.index + m[0].length));
    if (after && after[1].replace(/\s+/g, '')) return after[1].replace(/\s+/g, '');
    return null;
  }
  const noYear = /^(.*?)(?:政府信息公开|政务公开)/.exec(t);
  return noYear && noYear[1].trim() ? noYear[1].trim() : null;
}
