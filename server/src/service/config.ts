/**
 * Project configuration (`ogi-report.config.json` or `.ogi-reportrc.json`): rule severities, ignore
 * globs and the copied-text threshold. Pure: parses and merges what a caller has read; finding the file
 * on disk is `server/src/config.ts` (CLI) or the language server's workspace API. Never throws: a bad
 * file yields problems and the valid parts.
 */
import picomatch from 'picomatch';
import { RULES } from '../rules';
import type { Msg } from '../rules/rule';
import type { AnalyzeOptions, RuleSetting } from './analyze';

/** Names looked for in each folder, from the checked file upwards; the first found wins. */
export const CONFIG_FILE_NAMES = ['ogi-report.config.json', '.ogi-reportrc.json'] as const;

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface ReportConfig {
  rules: Record<string, RuleSetting>;
  ignore: string[];
  copiedTextThreshold?: number;
}

export interface ParsedConfig {
  config: ReportConfig;
  problems: Msg[];
  /** The file could not be used at all (not JSON, not an object). */
  fatal?: boolean;
}

/** Analyzer options: the engine's plus settings that rules added later read (passed through). */
export type CheckOptions = AnalyzeOptions & { copiedTextThreshold?: number };

const KNOWN_KEYS = new Set(['$schema', 'rules', 'ignore', 'copiedTextThreshold']);

export function emptyConfig(): ReportConfig {
  return { rules: {}, ignore: [] };
}

/** Parses the text of a configuration file. Unknown rules, bad severities and unknown keys are problems, not failures. */
export function parseConfig(text: string): ParsedConfig {
  const problems: Msg[] = [];
  const config = emptyConfig();
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { config, fatal: true, problems: [{ zh: `不是有效的 JSON：${(err as Error).message}`, en: `not valid JSON: ${(err as Error).message}` }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config, fatal: true, problems: [{ zh: '配置应为一个 JSON 对象', en: 'the configuration must be a JSON object' }] };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.has(key)) problems.push({ zh: `未知的配置项“${key}”`, en: `unknown key "${key}"` });
  }
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push({ zh: '“rules”应为对象（规则 → 级别）', en: '"rules" must be an object (rule → severity)' });
    } else {
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        const problem = checkRuleSetting(id, value);
        if (problem) problems.push(problem);
        else config.rules[id] = value as RuleSetting;
      }
    }
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((g) => typeof g !== 'string')) {
      problems.push({ zh: '“ignore”应为字符串数组（glob）', en: '"ignore" must be an array of glob strings' });
    } else config.ignore = obj.ignore as string[];
  }
  if (obj.copiedTextThreshold !== undefined) {
    const v = obj.copiedTextThreshold;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      problems.push({ zh: '“copiedTextThreshold”应为 0 到 1 之间的数', en: '"copiedTextThreshold" must be a number from 0 to 1' });
    } else config.copiedTextThreshold = v;
  }
  return { config, problems };
}

/** A problem with one `id=severity` setting, or null when it is valid. */
export function checkRuleSetting(id: string, value: unknown): Msg | null {
  if (!RULES.some((r) => r.id === id)) return { zh: `没有名为“${id}”的规则`, en: `no rule named "${id}"` };
  if (typeof value !== 'string' || !RULE_SETTINGS.includes(value as RuleSetting)) {
    return { zh: `规则“${id}”的级别应为 ${RULE_SETTINGS.join('、')}`, en: `rule "${id}" must be one of ${RULE_SETTINGS.join(', ')}` };
  }
  return null;
}

/**
 * The options for one file: editor or default settings, overridden by the configuration file that
 * governs it ("the file wins for the files under it"), overridden by command-line flags.
 */
export function effectiveOptions(base: Record<string, RuleSetting | undefined>, config: ReportConfig | null, flags: Record<string, RuleSetting> = {}): CheckOptions {
  const rules = { ...base, ...(config?.rules ?? {}), ...flags };
  const out: CheckOptions = { rules };
  if (config?.copiedTextThreshold !== undefined) out.copiedTextThreshold = config.copiedTextThreshold;
  return out;
}

/**
 * A matcher for a configuration's `ignore` globs. Paths are given relative to the folder that holds
 * the configuration, with `/` separators; a glob without a `/` matches at any depth (like .gitignore).
 */
export function ignoreMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (!globs.length) return () => false;
  const isMatch = picomatch(globs.map((g) => g.replace(/^\.\//, '')), { dot: true, matchBase: false });
  const plain = globs.filter((g) => !g.includes('/'));
  const base = plain.length ? picomatch(plain, { dot: true, basename: true }) : () => false;
  return (rel) => {
    const p = rel.replace(/\\/g, '/');
    if (isMatch(p) || base(p)) return true;
    // A folder glob ("草稿/") ignores everything under it.
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) if (isMatch(parts.slice(0, i).join('/')) || isMatch(parts.slice(0, i).join('/') + '/')) return true;
    return false;
  };
}
