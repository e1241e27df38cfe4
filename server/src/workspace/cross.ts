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

/**
 * A class, not an object literal with getters: V8 makes a literal's accessors in the old generation, and
 * their closures held each analysis's report through the next young-generation collection (the whole
 * model copied and promoted, as garbage, at every keystroke: 90 KB per collection for a seed-size report).
 */
class Cross implements CrossReports {
  private readonly read = new Set<string>();
  private last: OtherReport | null | undefined;
  private children: RegionReports[] | undefined;

  constructor(private readonly ws: WorkspaceContext | undefined, private readonly report: Report) {}

  get previous(): OtherReport | null {
    if (this.last === undefined) {
      this.last = previousReport(this.ws, this.report);
      if (this.last) this.read.add(this.last.entry.path);
    }
    return this.last;
  }

  get regions(): readonly RegionReports[] {
    if (this.children === undefined) {
      const { ws, report } = this;
      this.children = !ws || report.year === null ? [] : regionsOf(ws, report).map((region) => ({ region, children: childReports(ws, region, report.year) }));
      for (const r of this.children) for (const c of r.children) if (c.other) this.read.add(c.other.entry.path);
    }
    return this.children;
  }

  reads(): string[] {
    return [...this.read];
  }

  previousIfRead(): OtherReport | null {
    return this.last ?? null;
  }
}

export function crossReports(ws: WorkspaceContext | undefined, report: Report): CrossReports {
  return new Cross(ws, report);
}
