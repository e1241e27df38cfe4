/**
 * Expands the command line's inputs into the files to check. A file named on the command line is
 * checked whatever its extension, in argument order; a folder is walked recursively and a glob
 * expanded (tinyglobby), each sorted, keeping report files (`sourceKindOf`) and counting the rest as
 * skipped. Hidden folders and node_modules are not entered; the configuration's `ignore` globs apply, and
 * its `images` adds pictures (.png, .jpg, .jpeg) to the report files found.
 * Only regular files are checked: a FIFO, device or socket, named directly or through a link, in a
 * folder or matched by a glob, is skipped with its reason (it would block or read forever).
 */
import { Dirent, Stats, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { Msg } from '../base/msg';
import { SourceKind, sourceKindOf } from '../sources';
import { specialKind } from './safe-read';

export interface Target {
  file: string;
  kind: SourceKind | null;
  /** Named on the command line (always checked), rather than found in a folder or by a glob. */
  explicit?: boolean;
}

export interface Expansion {
  targets: Target[];
  /** Files found under folders or by globs that are not report files. */
  skipped: number;
  /** Report files left out by a configuration's `ignore`. */
  ignored: number;
  /** Globs that matched nothing (one line each on stderr; the run fails). */
  unmatched: string[];
  /** Folders that hold no report file. */
  empty: string[];
  /** Pictures found under folders or by globs and left out (the configuration does not ask for images), by input. */
  pictures: Map<string, number>;
  /** Paths that are not regular files (after following links), with why; counted in `skipped`. */
  special: { file: string; reason: Msg; explicit: boolean }[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A file found in a folder; `checkType`: a link or a special file, whose target's type is checked. */
interface Found { path: string; checkType: boolean }

function walkDir(dir: string, out: Found[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      walkDir(p, out);
    } else out.push({ path: p, checkType: !e.isFile() });
  }
}

/** A picture by its name (read by OCR): folders and globs give it only when the configuration asks (`"images": true`). */
const PICTURE = /\.(png|jpe?g)$/i;

export function expandInputs(inputs: string[], isIgnored: (file: string) => boolean = () => false, wantsImages: (file: string) => boolean = () => false): Expansion {
  const seen = new Set<string>();
  const out: Expansion = { targets: [], skipped: 0, ignored: 0, unmatched: [], empty: [], special: [], pictures: new Map() };
  let input = '';
  const add = (file: string, explicit: boolean, checkType: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const picture = !explicit && PICTURE.test(file);
    const kind = sourceKindOf(file) ?? (picture && wantsImages(file) ? 'image' : null);
    if (!explicit) {
      if (!kind) {
        out.skipped++;
        if (picture) out.pictures.set(input, (out.pictures.get(input) ?? 0) + 1);
        return;
      }
      if (isIgnored(file)) { out.ignored++; return; }
    }
    if (checkType) {
      let st: Stats | null = null;
      try { st = statSync(file); } catch { /* a dangling link: reading it says so */ }
      const reason = st && !st.isDirectory() ? specialKind(st) : null;
      if (st?.isDirectory() && !explicit) { out.skipped++; return; }
      if (reason) {
        out.skipped++;
        out.special.push({ file, reason, explicit });
        return;
      }
    }
    out.targets.push(explicit ? { file, kind, explicit } : { file, kind });
  };
  for (input of inputs) {
    let isDir = false;
    let exists = false;
    let regular = false;
    try {
      const st = statSync(input);
      exists = true;
      isDir = st.isDirectory();
      regular = st.isFile();
    } catch { /* not a path: maybe a glob */ }
    if (isDir) {
      const files: Found[] = [];
      walkDir(input, files);
      files.sort((a, b) => byName(a.path, b.path));
      const before = out.targets.length + out.ignored;
      for (const f of files) add(f.path, false, f.checkType);
      if (out.targets.length + out.ignored === before) out.empty.push(input);
    } else if (!exists && isDynamicPattern(input)) {
      const files = globSync(input, { dot: false, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**'] }).sort(byName);
      if (!files.length) out.unmatched.push(input);
      for (const f of files) add(f, false, true);
    } else add(input, true, exists && !regular);
  }
  return out;
}
