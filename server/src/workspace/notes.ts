/**
 * What the workspace tells about one report besides rule findings: the other reports it is compared
 * with (which the front end reads before the analysis, and the CLI's JSON names as `related`), and notes
 * where a match was ambiguous, so no comparison is ever made on a silent guess. Index data only: no
 * other report's text is needed here.
 */
import { Msg, msg } from '../base/msg';
import { Report } from '../model/report';
import { WorkspaceContext } from './models';
import { fileName } from './paths';
import { childLookups, regionsOf } from './region';
import { WorkspaceIndex, findReport } from './reports';

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
    notes.push({ ...at, message: msg(
      `有 ${prev.candidates.length} 份 ${report.year - 1} 年报告都可能是本单位的上年报告：${names}；无法确定，未做跨年比对`,
      `${prev.candidates.length} reports for ${report.year - 1} could be this body's last report: ${names}; none was chosen and no year-on-year check was made`,
    ) });
  }
  for (const region of regionsOf(ws, report)) {
    for (const c of childLookups(ws.index, region, report.year)) {
      if (c.lookup.kind !== 'ambiguous') continue;
      const names = c.lookup.candidates.map((e) => fileName(e.path)).join('、');
      notes.push({ ...at, message: msg(
        `下级单位“${c.ref.label}”有 ${c.lookup.candidates.length} 份 ${report.year} 年报告可能匹配：${names}；请在 ogi-report.region.json 中改用 "file" 指明`,
        `Child "${c.ref.label}" matches ${c.lookup.candidates.length} reports for ${report.year}: ${names}; name the file in ogi-report.region.json`,
      ) });
    }
  }
  return notes;
}

/**
 * The other reports an analysis of the report at `path` may read: last year's of the same body (which
 * copied-text compares with too) and a region's children. Pure: the front end reads these files (those
 * the index does not keep) and hands their texts down in `WorkspaceContext.texts`.
 */
export function reportsNeeded(index: WorkspaceIndex, path: string, report: Pick<Report, 'agency' | 'year'>): string[] {
  if (report.year === null) return [];
  const out = new Set<string>();
  const prev = findReport(index, report.agency, report.year - 1, path);
  if (prev.kind === 'found') out.add(prev.entry.path);
  for (const region of regionsOf({ index, path }, report)) {
    for (const c of childLookups(index, region, report.year)) if (c.lookup.kind === 'found') out.add(c.lookup.entry.path);
  }
  return [...out];
}

/** The paths of the reports this one is compared with: last year's, and a region's children. */
export function comparedWith(ws: WorkspaceContext | undefined, report: Pick<Report, 'agency' | 'year'>): string[] {
  return ws ? reportsNeeded(ws.index, ws.path, report) : [];
}
