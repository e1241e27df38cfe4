/**
 * Finding the configuration file on disk: from the checked file's folder upwards, the first folder
 * holding `ogi-report.config.json` or `.ogi-reportrc.json` governs the file. Parsing and merging are
 * pure (`service/config.ts`); this file only reads, and caches per folder so a batch reads each once.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, ReportConfig, emptyConfig, ignoreMatcher, parseConfig } from './service/config';
import { Msg, msg } from './base/msg';

export interface LoadedConfig {
  path: string;
  dir: string;
  config: ReportConfig;
  problems: Msg[];
  /** Deprecated forms still understood: worth telling the user, not a failure. */
  warnings: Msg[];
  fatal: boolean;
  isIgnored(file: string): boolean;
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and parses one configuration file; a file that cannot be read is one problem. */
export function loadConfigFile(path: string): LoadedConfig {
  const abs = resolve(path);
  let text: string;
  try {
    // A regular file of a sane size only: `--config /dev/zero` or a FIFO must not read or wait forever.
    const st = statSync(abs);
    if (!st.isFile()) return withMatcher(abs, emptyConfig(), [msg('配置文件不是普通文件', 'the configuration file is not a regular file')], [], true);
    if (st.size > MAX_CONFIG_BYTES) return withMatcher(abs, emptyConfig(), [msg('配置文件过大（上限 1 MB）', 'the configuration file is too large (limit 1 MB)')], [], true);
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const problems = [code === 'ENOENT' ? msg('配置文件不存在', 'configuration file not found') : msg(`无法读取配置文件（${code}）`, `cannot read the configuration file (${code})`)];
    return withMatcher(abs, emptyConfig(), problems, [], true);
  }
  const parsed = parseConfig(text);
  return withMatcher(abs, parsed.config, parsed.problems, parsed.warnings, !!parsed.fatal);
}

function withMatcher(path: string, config: ReportConfig, problems: Msg[], warnings: Msg[], fatal: boolean): LoadedConfig {
  const dir = dirname(path);
  const match = ignoreMatcher(config.ignore);
  return { path, dir, config, problems, warnings, fatal, isIgnored: (file) => {
    const rel = relative(dir, resolve(file));
    return !rel.startsWith('..') && match(rel);
  } };
}

/** Finds configurations from a file's folder upwards, with a per-folder cache. */
export function createConfigFinder(): (file: string) => LoadedConfig | null {
  const byDir = new Map<string, LoadedConfig | null>();
  const lookup = (dir: string): LoadedConfig | null => {
    const cached = byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: LoadedConfig | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      try {
        // A missing file is the usual answer: told without an exception (and its stack trace) each time.
        if (statSync(p, { throwIfNoEntry: false })?.isFile()) { found = loadConfigFile(p); break; }
      } catch { /* not here */ }
    }
    if (!found) {
      const parent = dirname(dir);
      found = parent === dir ? null : lookup(parent);
    }
    byDir.set(dir, found);
    return found;
  };
  return (file) => lookup(dirname(resolve(file)));
}
