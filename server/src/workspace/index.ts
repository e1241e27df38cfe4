/**
 * Workspace layer: many reports, indexed by agency and year, so that rules can compare a report with
 * last year's report of the same body and with a region's reports. The index reads only each report's
 * model (title, agency, year), never rule output, so a folder of a thousand reports indexes in seconds;
 * models of other reports are parsed again on demand and kept in a small cache. An agency that matches
 * more than one report is never resolved by a guess: the lookup says it is ambiguous.
 */
import { Report, parseReport } from '../model/report';
import { positionAt } from '../syntax/parse';
import { agencyKey, matchAgency } from './agency';
import { MANIFEST_NAME, RegionManifest, isManifestPath, parseManifest } from './region';

export { agencyKey, matchAgency } from './agency';

export interface IndexedReport {
  path: string;
  text: string;
  agency: string | null;
  /** agencyKey(agency), or null without an agency. */
  key: string | null;
  year: number | null;
}

export interface WorkspaceIndex {
  reports: Map<string, IndexedReport>;
  manifests: Map<string, RegionManifest>;
  /** Bumped on every change, so cached analyses that read other reports know they are stale. */
  generation: number;
}

/** What the engine passes to cross-report rules: the index and the path of the report being checked. */
export interface WorkspaceContext {
  index: WorkspaceIndex;
  path: string;
}

export function createIndex(): WorkspaceIndex {
  return { reports: new Map(), manifests: new Map(), generation: 0 };
}

/**
 * Adds or replaces one file: a region manifest (`ogi-report.region.json`) or a report. A text with
 * neither a year nor an agency in its model is not a report and is left out (and removed if it was in).
 */
export function indexFile(index: WorkspaceIndex, path: string, text: string): void {
  index.generation++;
  modelCache.delete(path);
  if (isManifestPath(path)) {
    index.manifests.set(path, parseManifest(path, text));
    return;
  }
  const { agency, year } = identify(text);
  if (year === null && agency === null) {
    index.reports.delete(path);
    return;
  }
  index.reports.set(path, { path, text, agency, key: agency ? agencyKey(agency) : null, year });
}

/** Only the opening of a report names its body and year; the whole text is read only when its year is not there. */
const HEAD_CHARS = 1500;

function identify(text: string): { agency: string | null; year: number | null } {
  // The title and the statistics period come before 一、总体情况.
  const first = /^[ \t#*]*一[ \t]*[、.．]/m.exec(text.slice(0, HEAD_CHARS));
  const cut = first ? first.index : HEAD_CHARS;
  if (text.length > cut) {
    const head = parseReport(text.slice(0, cut));
    if (head.yearSource === 'title' || head.yearSource === 'period') return { agency: head.agency, year: head.year };
  }
  const report = parseReport(text);
  return { agency: report.agency, year: report.year };
}

export function removeFile(index: WorkspaceIndex, path: string): void {
  if (index.reports.delete(path) || index.manifests.delete(path)) index.generation++;
  modelCache.delete(path);
}

/** The index of one batch of files (the CLI's arguments): reports and region manifests. */
export function buildWorkspaceIndex(files: readonly { path: string; text: string }[]): WorkspaceIndex {
  const index = createIndex();
  for (const f of files) indexFile(index, f.path, f.text);
  return index;
}

/**
 * The index of a batch on disk (the CLI's run): reports and the region manifests of their folders.
 * `read` gives a file's text, or null when it cannot be read as text; it never throws. Unless `keepText`,
 * the index keeps no text: a report is read again when a rule needs its model, so memory does not grow
 * with the batch. `--fix` keeps the texts, so that every report is compared with the others as they
 * were when the run began, not as another file's fix has left them.
 */
export function batchIndex(paths: readonly string[], read: (path: string) => string | null, keepText = false): WorkspaceIndex {
  const index = createIndex();
  const dirs = new Set<string>();
  for (const path of paths) {
    if (isManifestPath(path)) continue;
    const text = read(path);
    if (text === null) continue;
    indexFile(index, path, text);
    const entry = keepText ? undefined : index.reports.get(path);
    if (entry) {
      index.reports.set(path, onDisk(entry, read));
      index.generation++;
    }
    const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    dirs.add(i < 0 ? '' : path.slice(0, i + 1));
  }
  for (const dir of dirs) {
    const text = read(dir + MANIFEST_NAME);
    if (text !== null) indexFile(index, dir + MANIFEST_NAME, text);
  }
  return index;
}

/** An indexed report whose text is read from disk when asked for. */
function onDisk(entry: IndexedReport, read: (path: string) => string | null): IndexedReport {
  const { path, agency, key, year } = entry;
  return { path, agency, key, year, get text() { return read(path) ?? ''; } };
}

// ------------------------------------------------------------------ models of other reports

const MODEL_CACHE_SIZE = 64;
const modelCache = new Map<string, { text: string; report: Report }>();

function remember(path: string, text: string, report: Report): void {
  modelCache.delete(path);
  modelCache.set(path, { text, report });
  if (modelCache.size > MODEL_CACHE_SIZE) modelCache.delete(modelCache.keys().next().value!);
}

/** The model of an indexed report, parsed again when it has left the cache. */
export function modelOf(entry: IndexedReport): Report {
  const hit = modelCache.get(entry.path);
  if (hit && hit.text === entry.text) {
    remember(entry.path, hit.text, hit.report);
    return hit.report;
  }
  const report = parseReport(entry.text);
  remember(entry.path, entry.text, report);
  return report;
}

// ------------------------------------------------------------------ lookups

export type Lookup =
  | { kind: 'none' }
  | { kind: 'found'; entry: IndexedReport; match: 'exact' | 'prefixed' }
  | { kind: 'ambiguous'; candidates: IndexedReport[] };

/** The index's reports by year, made again when the index has changed: every report looks up last year's. */
const byYear = new WeakMap<WorkspaceIndex, { generation: number; years: Map<number, IndexedReport[]> }>();

function reportsOfYear(index: WorkspaceIndex, year: number): readonly IndexedReport[] {
  let cached = byYear.get(index);
  if (!cached || cached.generation !== index.generation) {
    const years = new Map<number, IndexedReport[]>();
    for (const e of index.reports.values()) {
      if (e.year === null) continue;
      const list = years.get(e.year);
      if (list) list.push(e);
      else years.set(e.year, [e]);
    }
    byYear.set(index, (cached = { generation: index.generation, years }));
  }
  return cached.years.get(year) ?? [];
}

/** The report of `agency` for `year`, other than `exclude`: exact names first, then prefixed ones. */
export function findReport(index: WorkspaceIndex, agency: string | null, year: number | null, exclude?: string): Lookup {
  if (!agency || year === null) return { kind: 'none' };
  const key = agencyKey(agency);
  const exact: IndexedReport[] = [];
  const prefixed: IndexedReport[] = [];
  for (const e of reportsOfYear(index, year)) {
    if (e.path === exclude || !e.key) continue;
    const m = matchAgency(key, e.key);
    if (m === 'exact') exact.push(e);
    else if (m === 'prefixed') prefixed.push(e);
  }
  // Copies of one report (the same text under several names) are one report: nothing to choose between.
  const distinct = (l: IndexedReport[]) => {
    l.sort((a, b) => a.path.localeCompare(b.path));
    const texts = l.map((e) => e.text); // once each: a batch index reads them from disk
    return l.filter((_, i) => texts.indexOf(texts[i]) === i);
  };
  for (const [list, match] of [[distinct(exact), 'exact'], [distinct(prefixed), 'prefixed']] as const) {
    if (list.length === 1) return { kind: 'found', entry: list[0], match };
    if (list.length > 1) return { kind: 'ambiguous', candidates: list };
  }
  return { kind: 'none' };
}

/** Last year's report of the same body, or null (none, or ambiguous: see `workspaceNotes`). */
export function previousReport(ws: WorkspaceContext | undefined, report: Report): { entry: IndexedReport; report: Report } | null {
  if (!ws || report.year === null) return null;
  const found = findReport(ws.index, report.agency, report.year - 1, ws.path);
  return found.kind === 'found' ? { entry: found.entry, report: modelOf(found.entry) } : null;
}

/** A range of another report's text as a related location (0-based lines and UTF-16 characters). */
export function fileRange(path: string, report: Report, start: number, end: number): { path: string; line: number; character: number; endLine: number; endCharacter: number } {
  const s = positionAt(report.tree.lines, start);
  const e = positionAt(report.tree.lines, end);
  return { path, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}

/** A path as users read it in a message: the file name only. */
export function fileName(path: string): string {
  const decoded = /^[a-z][\w+.-]*:/i.test(path) ? safeDecode(path) : path;
  return decoded.slice(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export { previousReportNotes as workspaceNotes, comparedWith } from './notes';
export type { RegionManifest } from './region';
