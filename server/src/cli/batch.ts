/**
 * The batch as a workspace: the text reports of one run form the index of the cross-report rules (last
 * year's report, a region's manifest). The CLI is the front end, so it reads the files: each once to
 * index it, and before each check the few other reports that check needs (kept in a small cache, so the
 * many copies of one body's report read last year's once). The engine gets texts, never a reader.
 */
import { MANIFEST_NAME, WorkspaceContext, WorkspaceIndex, createIndex, dirOf, indexFile, isManifestPath, reportsNeeded } from '../workspace';
import { decodeText, isSourceError } from '../sources';
import { readRegular } from './safe-read';

/** Cross-report rules read the other reports of the batch; past this many files they are not indexed. */
export const MAX_BATCH_INDEX = 5000;
/** Texts of other reports kept between checks: copies of one body's report all compare with one file. */
const TEXT_CACHE_SIZE = 32;

export interface BatchOptions {
  /** A file's text, or null when it cannot be read as text (tests count the reads). */
  read?: (path: string) => string | null;
}

let batchPaths: readonly string[] = [];
let read: (path: string) => string | null = readText;
let index: WorkspaceIndex | null = null;
const texts = new Map<string, string>();

function readText(path: string): string | null {
  // Regular files only, with the byte cap: a link to /dev/zero or a FIFO in the batch must not stall the index.
  try {
    const bytes = readRegular(path);
    if (!Buffer.isBuffer(bytes)) return null;
    const d = decodeText(bytes);
    return isSourceError(d) ? null : d.text;
  } catch {
    return null;
  }
}

/**
 * The text reports of this run (none with `--no-cross-report`). Set once in the main thread and in every worker; the index is built
 * on first use from the files themselves.
 */
export function setBatch(paths: readonly string[], options: BatchOptions = {}): void {
  batchPaths = paths.length <= MAX_BATCH_INDEX ? paths : [];
  read = options.read ?? readText;
  index = null;
  texts.clear();
}

/**
 * Reports and the region manifests of their folders. Unless `keep`, the index keeps no text, so memory
 * does not grow with the batch. `--fix` keeps the texts, so that every report is compared with the
 * others as they were when the run began, not as another file's fix has left them.
 */
function buildIndex(paths: readonly string[], keep: boolean): WorkspaceIndex {
  const out = createIndex();
  const dirs = new Set<string>();
  for (const path of paths) {
    if (isManifestPath(path)) continue;
    const text = read(path);
    if (text === null) continue;
    indexFile(out, path, text, { keepText: keep });
    dirs.add(dirOf(path));
  }
  for (const dir of dirs) {
    const text = read(dir + MANIFEST_NAME);
    if (text !== null) indexFile(out, dir + MANIFEST_NAME, text);
  }
  return out;
}

/** The workspace for checking `file` (undefined alone or without the index), with the texts its check needs. */
/**
 * Builds the batch's index now, if there is one to build. Workers call it before a file's time limit
 * starts: reading every file of a large batch (on a slow share, say) is the run's cost, not one file's.
 */
export function prepareBatch(fix: boolean): void {
  if (batchPaths.length >= 2) index ??= buildIndex(batchPaths, fix);
}

export function workspaceFor(file: string, fix: boolean): WorkspaceContext | undefined {
  if (batchPaths.length < 2) return undefined;
  index ??= buildIndex(batchPaths, fix);
  const self = index.reports.get(file);
  const needed = new Map<string, string>();
  for (const path of self ? reportsNeeded(index, file, self) : []) {
    if (index.reports.get(path)?.text !== undefined) continue;
    let text = texts.get(path);
    if (text === undefined) {
      text = read(path) ?? undefined;
      if (text === undefined) continue;
      if (texts.size >= TEXT_CACHE_SIZE) texts.delete(texts.keys().next().value!);
    } else texts.delete(path);
    texts.set(path, text);
    needed.set(path, text);
  }
  return { index, path: file, texts: needed };
}
