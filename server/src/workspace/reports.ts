/**
 * The index of many reports: each one's path, agency, year and a hash of its text, from the texts the
 * front end hands in (it reads the files; the index never does). The index keeps a report's text only
 * when asked to (the language server does, for open documents and the files it has read). Lookups by
 * agency and year cost the number of bodies of that year, not the number of files: copies of one report
 * (the same text under several names) are one report, told apart by their hash without comparing texts.
 */
import { parseReport } from '../model/report';
import { agencyKey, matchAgency } from './agency';
import { RegionManifest, isManifestPath, parseManifest } from './manifest';

export interface IndexedReport {
  path: string;
  agency: string | null;
  /** agencyKey(agency), or null without an agency. */
  key: string | null;
  year: number | null;
  /** `contentHash` of the text: re-saved copies of one report share it. */
  hash: string;
  /** The text, when the front end keeps it in the index (otherwise it hands it down in `WorkspaceContext.texts`). */
  text?: string;
}

export interface WorkspaceIndex {
  reports: Map<string, IndexedReport>;
  manifests: Map<string, RegionManifest>;
  /** Bumped on every change, so cached analyses that read other reports know they are stale. */
  generation: number;
}

export function createIndex(): WorkspaceIndex {
  return { reports: new Map(), manifests: new Map(), generation: 0 };
}

/**
 * Adds or replaces one file: a region manifest (`ogi-report.region.json`) or a report. A text with
 * neither a year nor an agency in its model is not a report and is left out (and removed if it was in).
 * Unless `keepText` is false, the index keeps the report's text.
 */
export function indexFile(index: WorkspaceIndex, path: string, text: string, options: { keepText?: boolean } = {}): void {
  index.generation++;
  if (isManifestPath(path)) {
    index.manifests.set(path, parseManifest(path, text));
    return;
  }
  // Typing in the body leaves the opening as it was: the identity read from it then stands.
  const prev = index.reports.get(path);
  const prevHead = prev && HEADS.get(prev);
  const { agency, year, head } = prevHead !== undefined && text.startsWith(prevHead) && headOf(text) === prevHead
    ? { agency: prev!.agency, year: prev!.year, head: prevHead }
    : identify(text);
  if (year === null && agency === null) {
    index.reports.delete(path);
    return;
  }
  const entry: IndexedReport = { path, agency, key: agency ? agencyKey(agency) : null, year, hash: contentHash(text) };
  if (options.keepText !== false) entry.text = text;
  if (head !== null) HEADS.set(entry, head);
  index.reports.set(path, entry);
}

/** The opening an entry's identity was read from, when the opening alone gave it. */
const HEADS = new WeakMap<IndexedReport, string>();

/** Only the opening of a report names its body and year; the whole text is read only when its year is not there. */
const HEAD_CHARS = 1500;

/** The opening of a report: its text before 一、总体情况 (where the title and the statistics period are), at most HEAD_CHARS. */
function headOf(text: string): string {
  const first = /^[ \t#*]*一[ \t]*[、.．]/m.exec(text.slice(0, HEAD_CHARS));
  return text.slice(0, first ? first.index : HEAD_CHARS);
}

/** The body and year a report names; `head` is the opening they were read from, null when the whole text was needed. */
function identify(text: string): { agency: string | null; year: number | null; head: string | null } {
  const head = headOf(text);
  if (text.length > head.length) {
    const model = parseReport(head);
    if (model.yearSource === 'title' || model.yearSource === 'period') return { agency: model.agency, year: model.year, head };
  }
  const report = parseReport(text);
  return { agency: report.agency, year: report.year, head: null };
}

export function removeFile(index: WorkspaceIndex, path: string): void {
  if (index.reports.delete(path) || index.manifests.delete(path)) index.generation++;
}

/** The index of files whose texts are at hand (tests, a batch kept in memory): reports and region manifests. */
export function buildWorkspaceIndex(files: readonly { path: string; text: string }[]): WorkspaceIndex {
  const index = createIndex();
  for (const f of files) indexFile(index, f.path, f.text);
  return index;
}

/**
 * A 64-bit hash of the text as a reader sees it: without a byte-order mark, with one kind of line end
 * and without spaces at the ends of lines or blank lines at the end. Two copies of one report, one
 * saved with CRLF, hash alike.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (c: number) => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  };
  let spaces = -1; // where a run of spaces began that is kept only if the line goes on
  let newlines = 0; // line ends kept only if text follows
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000) {
      if (spaces < 0) spaces = i;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      spaces = -1;
      newlines++;
      continue;
    }
    for (; newlines > 0; newlines--) mix(0x0a);
    if (spaces >= 0) for (let k = spaces; k < i; k++) mix(text.charCodeAt(k));
    spaces = -1;
    mix(c);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

// ------------------------------------------------------------------ lookups

export type Lookup =
  | { kind: 'none' }
  | { kind: 'found'; entry: IndexedReport; match: 'exact' | 'prefixed' }
  | { kind: 'ambiguous'; candidates: IndexedReport[] };

/** The copies of one text under one body's name in one year, in path order once asked for. */
interface Copies {
  entries: IndexedReport[];
  sorted: boolean;
}

/** Reports by year, then by agency key, then by hash: made again when the index has changed. */
const byYear = new WeakMap<WorkspaceIndex, { generation: number; years: Map<number, Map<string, Map<string, Copies>>> }>();

function bodiesOfYear(index: WorkspaceIndex, year: number): ReadonlyMap<string, Map<string, Copies>> | undefined {
  let cached = byYear.get(index);
  if (!cached || cached.generation !== index.generation) {
    const years = new Map<number, Map<string, Map<string, Copies>>>();
    for (const e of index.reports.values()) {
      if (e.year === null || !e.key) continue;
      let bodies = years.get(e.year);
      if (!bodies) years.set(e.year, (bodies = new Map()));
      let texts = bodies.get(e.key);
      if (!texts) bodies.set(e.key, (texts = new Map()));
      const copies = texts.get(e.hash);
      if (copies) copies.entries.push(e), (copies.sorted = false);
      else texts.set(e.hash, { entries: [e], sorted: true });
    }
    byYear.set(index, (cached = { generation: index.generation, years }));
  }
  return cached.years.get(year);
}

const byPath = new Intl.Collator().compare;

/** The first copy in path order other than `exclude`. */
function firstCopy(copies: Copies, exclude: string | undefined): IndexedReport | undefined {
  if (!copies.sorted) {
    copies.entries.sort((a, b) => byPath(a.path, b.path));
    copies.sorted = true;
  }
  return copies.entries[0].path !== exclude ? copies.entries[0] : copies.entries[1];
}

/** The report of `agency` for `year`, other than `exclude`: exact names first, then prefixed ones. */
export function findReport(index: WorkspaceIndex, agency: string | null, year: number | null, exclude?: string): Lookup {
  if (!agency || year === null) return { kind: 'none' };
  const key = agencyKey(agency);
  // One entry per text: copies of one report (the same text under several names) are one report.
  const exact = new Map<string, IndexedReport>();
  const prefixed = new Map<string, IndexedReport>();
  for (const [k, texts] of bodiesOfYear(index, year) ?? []) {
    const m = matchAgency(key, k);
    if (!m) continue;
    const into = m === 'exact' ? exact : prefixed;
    for (const [hash, copies] of texts) {
      const e = firstCopy(copies, exclude);
      const seen = into.get(hash);
      if (e && (!seen || byPath(e.path, seen.path) < 0)) into.set(hash, e);
    }
  }
  for (const [found, match] of [[exact, 'exact'], [prefixed, 'prefixed']] as const) {
    const list = [...found.values()].sort((a, b) => byPath(a.path, b.path));
    if (list.length === 1) return { kind: 'found', entry: list[0], match };
    if (list.length > 1) return { kind: 'ambiguous', candidates: list };
  }
  return { kind: 'none' };
}
