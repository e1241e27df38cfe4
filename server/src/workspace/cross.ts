/**
 * The other reports one analysis reads, each looked up and parsed at most once and only when a rule
 * asks: last year's report and a region's children. It records which ones were read (`Analysis.reads`),
 * so that an editor re-checks a report when one of those changes, and only then.
 */
import { Report } from '../model/report';
import { Region } from './manifest';
import { OtherReport, WorkspaceContext, previousReport } from './models';
import { ChildReport, childReports, regionsOf } from './region';

export interface RegionReports {
  region: Region;
  /** Each child's report for this report's year. */
  children: ChildReport[];
}

export interface CrossReports {
  /** Last year's report of the same body, or null. */
  readonly previous: OtherReport | null;
  /** The regions whose parent is this report, with their children's reports. */
  readonly regions: readonly RegionReports[];
  /** The index paths of the other reports read so far. */
  reads(): string[];
  /** Last year's report if a rule has looked it up (null otherwise): what the analysis's findings rest on. */
  previousIfRead(): OtherReport | null;
}

export function crossReports(ws: WorkspaceContext | undefined, report: Report): CrossReports {
  const read = new Set<string>();
  let previous: OtherReport | null | undefined;
  let regions: RegionReports[] | undefined;
  return {
    get previous() {
      if (previous === undefined) {
        previous = previousReport(ws, report);
        if (previous) read.add(previous.entry.path);
      }
      return previous;
    },
    get regions() {
      if (regions === undefined) {
        regions = !ws || report.year === null ? [] : regionsOf(ws, report).map((region) => ({ region, children: childReports(ws, region, report.year) }));
        for (const r of regions) for (const c of r.children) if (c.other) read.add(c.other.entry.path);
      }
      return regions;
    },
    reads: () => [...read],
    previousIfRead: () => previous ?? null,
  };
}
