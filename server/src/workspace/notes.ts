/**
 * What the workspace tells about one report besides rule findings: the other reports it was compared
 * with (CLI JSON `related`), and notes where a match was ambiguous, so no comparison is ever made on a
 * silent guess.
 */
import { Report } from '../model/report';
import { WorkspaceContext, fileName, findReport } from './index';
import { childReports, regionsOf } from './region';

type Msg = { zh: string; en: string };

export interface WorkspaceNote {
  start: number;
  end: number;
  message: Msg;
}

function titleRange(report: Report): { start: number; end: number } {
  return report.title ? { start: report.title.start, end: report.title.end } : { start: 0, end: 0 };
}

/** Notes on ambiguous matches: last year's report, and a region's children. */
export function previousReportNotes(ws: WorkspaceContext | undefined, report: Report): WorkspaceNote[] {
  if (!ws || report.year === null) return [];
  const notes: WorkspaceNote[] = [];
  const at = titleRange(report);
  const prev = findReport(ws.index, report.agency, report.year - 1, ws.path);
  if (prev.kind === 'ambiguous') {
    const names = prev.candidates.map((c) => `${fileName(c.path)}（${c.agency}）`).join('、');
    notes.push({ ...at, message: {
      zh: `有 ${prev.candidates.length} 份 ${report.year - 1} 年报告都可能是本单位的上年报告：${names}；无法确定，未做跨年比对`,
      en: `${prev.candidates.length} reports for ${report.year - 1} could be this body's last report: ${names}; none was chosen and no year-on-year check was made`,
    } });
  }
  for (const region of regionsOf(ws, report)) {
    for (const c of childReports(ws.index, region, report.year)) {
      if (c.lookup.kind !== 'ambiguous') continue;
      const names = c.lookup.candidates.map((e) => fileName(e.path)).join('、');
      notes.push({ ...at, message: {
        zh: `下级单位“${c.ref.label}”有 ${c.lookup.candidates.length} 份 ${report.year} 年报告可能匹配：${names}；请在 ogi-report.region.json 中改用 "file" 指明`,
        en: `Child "${c.ref.label}" matches ${c.lookup.candidates.length} reports for ${report.year}: ${names}; name the file in ogi-report.region.json`,
      } });
    }
  }
  return notes;
}

/** The paths of the reports this one is compared with: last year's, and a region's children. */
export function comparedWith(ws: WorkspaceContext | undefined, report: Report): string[] {
  if (!ws || report.year === null) return [];
  const out = new Set<string>();
  const prev = findReport(ws.index, report.agency, report.year - 1, ws.path);
  if (prev.kind === 'found') out.add(prev.entry.path);
  for (const region of regionsOf(ws, report)) {
    for (const c of childReports(ws.index, region, report.year)) if (c.lookup.kind === 'found') out.add(c.lookup.entry.path);
  }
  return [...out];
}
