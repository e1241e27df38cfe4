/**
 * Region manifests (`ogi-report.region.json`): which report is a region's parent and which reports are
 * its children, by agency name or by file. The parent is treated as the sum of its children only where
 * the manifest says so (`"aggregate": true`): a 人民政府's own report normally covers its own office's
 * work, not its departments' (条例第四十九条、第五十条: each 行政机关 reports its own work).
 */
import { Report } from '../model/report';
import { IndexedReport, Lookup, WorkspaceContext, WorkspaceIndex, agencyKey, findReport, matchAgency, modelOf } from './index';

export const MANIFEST_NAME = 'ogi-report.region.json';

export interface RegionRef {
  agency?: string;
  /** Resolved against the manifest's folder. */
  file?: string;
  /** As written in the manifest, for messages. */
  label: string;
}

export interface Region {
  name: string | null;
  parent: RegionRef;
  aggregate: boolean;
  children: RegionRef[];
}

export interface RegionManifest {
  path: string;
  regions: Region[];
  /** Why parts of the manifest were ignored (bad JSON, a region without a parent …). */
  errors: string[];
}

export function isManifestPath(path: string): boolean {
  return /(^|[\\/])ogi-report\.region\.json$/i.test(path);
}

function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** `a/b/../c.txt` → `a/c.txt`, keeping the separator style of the manifest's path. */
function joinPath(dir: string, rel: string): string {
  if (/^([\\/]|[a-z]:[\\/])/i.test(rel)) return rel;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const parts: string[] = [];
  for (const p of (dir + rel).split(/[\\/]/)) {
    if (p === '..' && parts.length && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join(sep);
}

function readRef(raw: unknown, dir: string): RegionRef | null {
  if (typeof raw === 'string' && raw.trim()) return { agency: raw.trim(), label: raw.trim() };
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (typeof o.file === 'string' && o.file.trim()) return { file: joinPath(dir, o.file.trim()), label: o.file.trim() };
    if (typeof o.agency === 'string' && o.agency.trim()) return { agency: o.agency.trim(), label: o.agency.trim() };
  }
  return null;
}

/** Never throws: a manifest that cannot be read has no regions and says why in `errors`. */
export function parseManifest(path: string, text: string): RegionManifest {
  const out: RegionManifest = { path, regions: [], errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    out.errors.push(`不是有效的 JSON：${(err as Error).message}`);
    return out;
  }
  const list = Array.isArray((json as { regions?: unknown })?.regions) ? (json as { regions: unknown[] }).regions
    : json && typeof json === 'object' && 'parent' in json ? [json] : null;
  if (!list) {
    out.errors.push('缺少 "regions" 数组（或单个含 "parent" 的对象）');
    return out;
  }
  const dir = dirOf(path);
  list.forEach((r, i) => {
    const o = (r ?? {}) as Record<string, unknown>;
    const parent = readRef(o.parent, dir);
    if (!parent) return void out.errors.push(`第 ${i + 1} 个地区缺少 "parent"`);
    const children = Array.isArray(o.children) ? o.children.map((c) => readRef(c, dir)).filter((c): c is RegionRef => !!c) : [];
    if (!children.length) return void out.errors.push(`第 ${i + 1} 个地区没有 "children"`);
    out.regions.push({ name: typeof o.name === 'string' ? o.name : null, parent, aggregate: o.aggregate === true, children });
  });
  return out;
}

function refMatches(ref: RegionRef, path: string, report: Report): boolean {
  if (ref.file) return ref.file === path;
  return !!ref.agency && !!report.agency && matchAgency(agencyKey(ref.agency), agencyKey(report.agency)) !== null;
}

/** The regions whose parent is this report. */
export function regionsOf(ws: WorkspaceContext | undefined, report: Report): Region[] {
  if (!ws) return [];
  const out: Region[] = [];
  for (const m of ws.index.manifests.values()) for (const r of m.regions) if (refMatches(r.parent, ws.path, report)) out.push(r);
  return out;
}

export type ChildReport = { ref: RegionRef; lookup: Lookup; report?: Report };

/** Each child's report for the parent's year (a file given by name counts only if it is that year's). */
export function childReports(index: WorkspaceIndex, region: Region, year: number | null): ChildReport[] {
  return region.children.map((ref) => {
    let lookup: Lookup;
    if (ref.file) {
      const e: IndexedReport | undefined = index.reports.get(ref.file);
      lookup = e && e.year === year ? { kind: 'found', entry: e, match: 'exact' } : { kind: 'none' };
    } else lookup = findReport(index, ref.agency ?? null, year);
    return { ref, lookup, report: lookup.kind === 'found' ? modelOf(lookup.entry) : undefined };
  });
}
