/**
 * Region manifests (`ogi-report.region.json`), as data: which report is a region's parent and which
 * reports are its children, by agency name or by file (`region.ts` looks them up in the index). The
 * parent is treated as the sum of its children only where the manifest says so (`"aggregate": true`):
 * a 人民政府's own report normally covers its own office's work, not its departments' (条例第四十九条、
 * 第五十条: each 行政机关 reports its own work).
 */
import { dirOf, joinPath } from './paths';
import { parseJsonText } from '../base/json';

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
  const parsed = parseJsonText(text);
  if ('problem' in parsed) { out.errors.push(parsed.problem.zh); return out; }
  const json = parsed.value;
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
