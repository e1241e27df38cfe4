/**
 * Expands the command line's inputs into the files to check. A file named on the command line is
 * checked whatever its extension, in argument order; a folder is walked recursively and a glob
 * expanded (tinyglobby), each sorted, keeping report files (`sourceKindOf`) and counting the rest as
 * skipped. Hidden folders and node_modules are not entered; the configuration's `ignore` globs apply.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { SourceKind, sourceKindOf } from '../sources';

export interface Target {
  file: string;
  kind: SourceKind | null;
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
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function walkDir(dir: string, out: string[]): void {
  let entries;
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
    } else if (e.isFile() || e.isSymbolicLink()) out.push(p);
  }
}

export function expandInputs(inputs: string[], isIgnored: (file: string) => boolean = () => false): Expansion {
  const seen = new Set<string>();
  const out: Expansion = { targets: [], skipped: 0, ignored: 0, unmatched: [], empty: [] };
  const add = (file: string, explicit: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const kind = sourceKindOf(file);
    if (!explicit) {
      if (!kind) { out.skipped++; return; }
      if (isIgnored(file)) { out.ignored++; return; }
    }
    out.targets.push({ file, kind });
  };
  for (const input of inputs) {
    let isDir = false;
    let exists = false;
    try {
      const st = statSync(input);
      exists = true;
      isDir = st.isDirectory();
    } catch { /* not a path: maybe a glob */ }
    if (isDir) {
      const files: string[] = [];
      walkDir(input, files);
      files.sort(byName);
      const before = out.targets.length + out.ignored;
      for (const f of files) add(f, false);
      if (out.targets.length + out.ignored === before) out.empty.push(input);
    } else if (!exists && isDynamicPattern(input)) {
      const files = globSync(input, { dot: false, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**'] }).sort(byName);
      if (!files.length) out.unmatched.push(input);
      for (const f of files) add(f, false);
    } else add(input, true);
  }
  return out;
}
