/**
 * Regions against the index: the regions whose parent is a report, and each child's report for the
 * parent's year, by agency name or by the file the manifest names (see `manifest.ts`).
 */
import { Report } from '../model/report';
import { agencyKey, matchAgency } from './agency';
import { Region, RegionRef } from './manifest';
import { OtherReport, WorkspaceContext, otherReport } from './models';
import { Lookup, WorkspaceIndex, findReport } from './reports';

export { MANIFEST_NAME, isManifestPath, parseManifest } from './manifest';
export type { Region, RegionManifest, RegionRef } from './manifest';

function refMatches(ref: RegionRef, path: string, report: Pick<Report, 'agency'>): boolean {
  if (ref.file) return ref.file === path;
  return !!ref.agency && !!report.agency && matchAgency(agencyKey(ref.agency), agencyKey(report.agency)) !== null;
}

/** The regions whose parent is the report at `path`. */
export function regionsOf(ws: Pick<WorkspaceContext, 'index' | 'path'> | undefined, report: Pick<Report, 'agency'>): Region[] {
  if (!ws) return [];
  const out: Region[] = [];
  for (const m of ws.index.manifests.values()) for (const r of m.regions) if (refMatches(r.parent, ws.path, report)) out.push(r);
  return out;
}

export type ChildLookup = { ref: RegionRef; lookup: Lookup };
export type ChildReport = ChildLookup & { report?: Report; other?: OtherReport };

/** Each child's entry for the parent's year (a file given by name counts only if it is that year's). */
export function childLookups(index: WorkspaceIndex, region: Region, year: number | null): ChildLookup[] {
  return region.children.map((ref) => {
    if (!ref.file) return { ref, lookup: findReport(index, ref.agency ?? null, year) };
    const e = index.reports.get(ref.file);
    return { ref, lookup: e && e.year === year ? { kind: 'found', entry: e, match: 'exact' } : { kind: 'none' } };
  });
}

/** Each child's report for the parent's year, with its model when its text is at hand. */
export function childReports(ws: WorkspaceContext, region: Region, year: number | null): ChildReport[] {
  return childLookups(ws.index, region, year).map((c) => {
    const other = c.lookup.kind === 'found' ? otherReport(ws, c.lookup.entry) ?? undefined : undefined;
    return { ...c, ...(other ? { other, report: other.report } : {}) };
  });
}
