/**
 * Project configuration (`ogi-report.config.json` or `.ogi-reportrc.json`): rule severities and
 * options, ignore globs. A rule is set by its severity (`"copied-text": "warning"`) or, for a rule with
 * options, by an object of its severity and options (`"copied-text": {"severity": "warning", "threshold":
 * 60}`); the options are the rule record's, in the same units everywhere. Pure: parses and merges what a caller has read; finding the file
 * on disk is `server/src/config.ts` (CLI) or the language server's workspace API. Never throws: a bad
 * file yields problems and the valid parts.
 */
import picomatch from 'picomatch';
import { parseJsonText } from '../base/json';
import { RULES } from '../rules';
import { Msg, msg, validOption } from '../rules/rule';
import { AnalyzeOptions, RuleSetting, shareToPercent } from './analyze';
import { ENGINE_CODE_IDS } from './engine-codes';
import { Dictionary, mergeDictionaries, readDictionary } from '../rules/lib/dictionary';

/** Names looked for in each folder, from the checked file upwards; the first found wins. */
export const CONFIG_FILE_NAMES = ['ogi-report.config.json', '.ogi-reportrc.json'] as const;

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface ReportConfig {
  rules: Record<string, RuleSetting>;
  /** Options by rule id, then option name (only valid values). */
  ruleOptions: Record<string, Record<string, unknown>>;
  ignore: string[];
  /** `"images": true`: a folder or glob given to the command line also picks up pictures (.png, .jpg, .jpeg), read by OCR. */
  images?: boolean;
  /** The top-level `dictionary`: words never to flag and extra pairs, for every rule with a `dictionary` option. */
  dictionary?: Dictionary;
}

/** A rule's setting as written in a settings object: its severity, or its severity and options. */
export type RuleConfig = RuleSetting | ({ severity?: RuleSetting } & Record<string, unknown>);

export interface ParsedConfig {
  config: ReportConfig;
  problems: Msg[];
  /** Deprecated forms that were still understood (the top-level `copiedTextThreshold`). */
  warnings: Msg[];
  /** The file could not be used at all (not JSON, not an object). */
  fatal?: boolean;
}

/** Analyzer options for one file. */
export type CheckOptions = AnalyzeOptions;

const KNOWN_KEYS = new Set(['$schema', 'rules', 'ignore', 'images', 'copiedTextThreshold', 'dictionary']);

export function emptyConfig(): ReportConfig {
  return { rules: {}, ruleOptions: {}, ignore: [] };
}

/** Parses the text of a configuration file. Unknown rules, bad severities and unknown keys are problems, not failures. */
export function parseConfig(text: string): ParsedConfig {
  const problems: Msg[] = [];
  const config = emptyConfig();
  const parsed = parseJsonText(text);
  if ('problem' in parsed) return { config, fatal: true, warnings: [], problems: [parsed.problem] };
  const raw = parsed.value;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config, fatal: true, warnings: [], problems: [msg('配置应为一个 JSON 对象', 'the configuration must be a JSON object')] };
  }
  const warnings: Msg[] = [];
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.has(key)) problems.push(msg(`未知的配置项“${key}”`, `unknown key "${key}"`));
  }
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push(msg('“rules”应为对象（规则 → 级别）', '"rules" must be an object (rule → severity)'));
    } else {
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) readRuleConfig(config, id, value, problems);
    }
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((g) => typeof g !== 'string')) {
      problems.push(msg('“ignore”应为字符串数组（glob）', '"ignore" must be an array of glob strings'));
    } else config.ignore = obj.ignore as string[];
  }
  if (obj.images !== undefined) {
    if (typeof obj.images !== 'boolean') problems.push(msg('“images”应为 true 或 false（文件夹中是否也检查图片）', '"images" must be true or false (whether folders also give pictures to check)'));
    else config.images = obj.images;
  }
  if (obj.dictionary !== undefined) readDictionaryConfig(config, obj.dictionary, problems);
  // The old form: a top-level share, 0–1. Still read (unless the rule's own option is set), with a warning.
  if (obj.copiedTextThreshold !== undefined) {
    const v = obj.copiedTextThreshold;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      problems.push(msg('“copiedTextThreshold”应为 0 到 1 之间的数（已弃用，请改用 "rules": {"copied-text": {"threshold": 百分比}}）',
        '"copiedTextThreshold" must be a number from 0 to 1 (deprecated: write "rules": {"copied-text": {"threshold": percent}})'));
    } else {
      const percent = shareToPercent(v);
      warnings.push(msg(`“copiedTextThreshold”已弃用，请改为 "rules": {"copied-text": {"threshold": ${percent}}}（百分比）`,
        `"copiedTextThreshold" is deprecated: write "rules": {"copied-text": {"threshold": ${percent}}} (a percentage)`));
      if (percent > 0 && config.ruleOptions['copied-text']?.threshold === undefined) {
        config.ruleOptions['copied-text'] = { ...config.ruleOptions['copied-text'], threshold: percent };
      }
    }
  }
  return { config, problems, warnings };
}

/** Reads the top-level `dictionary` ({"allow": [词…], "replace": {错: 对}}); what is invalid is a problem. */
function readDictionaryConfig(config: ReportConfig, value: unknown, problems: Msg[]): void {
  const v = value as Record<string, unknown>;
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    problems.push(msg('“dictionary”应为对象：{"allow": [不检查的词], "replace": {"错词": "正词"}}', '"dictionary" must be an object: {"allow": [words], "replace": {"wrong": "right"}}'));
    return;
  }
  for (const key of Object.keys(v)) if (key !== 'allow' && key !== 'replace') problems.push(msg(`“dictionary”中未知的配置项“${key}”`, `unknown key "${key}" in "dictionary"`));
  if (v.allow !== undefined && (!Array.isArray(v.allow) || v.allow.some((w) => typeof w !== 'string' || !w))) {
    problems.push(msg('“dictionary.allow”应为非空字符串数组', '"dictionary.allow" must be an array of non-empty strings'));
  }
  if (v.replace !== undefined && (!v.replace || typeof v.replace !== 'object' || Array.isArray(v.replace) || Object.entries(v.replace).some(([w, r]) => !w || typeof r !== 'string'))) {
    problems.push(msg('“dictionary.replace”应为对象（错词 → 正词）', '"dictionary.replace" must be an object (wrong → right)'));
  }
  config.dictionary = readDictionary(v);
}

/**
 * Reads one rule's setting into `config`: a severity, or for a rule with options an object of an
 * optional `severity` and its options. Problems go to `problems`; the valid parts are kept.
 */
function readRuleConfig(config: Pick<ReportConfig, 'rules' | 'ruleOptions'>, id: string, value: unknown, problems: Msg[]): void {
  const rule = RULES.find((r) => r.id === id);
  if (!rule || typeof value === 'string' || !value || typeof value !== 'object' || Array.isArray(value)) {
    const problem = checkRuleSetting(id, value);
    if (problem) problems.push(problem);
    else config.rules[id] = value as RuleSetting;
    return;
  }
  const declared = rule.options ?? {};
  if (!Object.keys(declared).length) {
    problems.push(msg(`规则“${id}”没有选项，只能写级别（${RULE_SETTINGS.join('、')}）`, `rule "${id}" has no options: give its severity (${RULE_SETTINGS.join(', ')})`));
    return;
  }
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (name === 'severity') {
      const problem = checkRuleSetting(id, v);
      if (problem) problems.push(problem);
      else config.rules[id] = v as RuleSetting;
      continue;
    }
    const option = declared[name];
    if (!option) problems.push(msg(`规则“${id}”没有选项“${name}”`, `rule "${id}" has no option "${name}"`));
    else if (!validOption(option, v)) problems.push(msg(`规则“${id}”的选项“${name}”取值无效：${JSON.stringify(v)}`, `rule "${id}": invalid value for "${name}": ${JSON.stringify(v)}`));
    else config.ruleOptions[id] = { ...config.ruleOptions[id], [name]: v };
  }
}

/** A problem with one `id=severity` setting, or null when it is valid. */
export function checkRuleSetting(id: string, value: unknown): Msg | null {
  if (!RULES.some((r) => r.id === id) && !ENGINE_CODE_IDS.has(id)) return msg(`没有名为“${id}”的规则`, `no rule named "${id}"`);
  if (typeof value !== 'string' || !RULE_SETTINGS.includes(value as RuleSetting)) {
    return msg(`规则“${id}”的级别应为 ${RULE_SETTINGS.join('、')}`, `rule "${id}" must be one of ${RULE_SETTINGS.join(', ')}`);
  }
  return null;
}

/**
 * The options for one file: editor or default settings (`ogiReport.rules`: severities, or objects of a
 * severity and options), overridden by the configuration file that governs it ("the file wins for the
 * files under it"), overridden by command-line flags. Invalid editor settings are left out.
 */
export function effectiveOptions(base: Record<string, RuleConfig | undefined>, config: ReportConfig | null, flags: Record<string, RuleSetting> = {}): CheckOptions {
  const editor = emptyConfig();
  for (const [id, value] of Object.entries(base)) if (value !== undefined) readRuleConfig(editor, id, value, []);
  const rules = { ...editor.rules, ...(config?.rules ?? {}), ...flags };
  const ruleOptions: Record<string, Record<string, unknown>> = { ...editor.ruleOptions };
  for (const [id, o] of Object.entries(config?.ruleOptions ?? {})) ruleOptions[id] = { ...ruleOptions[id], ...o };
  // The top-level dictionary goes to every rule that reads one; a rule's own dictionary adds to it.
  if (config?.dictionary) {
    for (const r of RULES) if (r.options?.dictionary) ruleOptions[r.id] = { ...ruleOptions[r.id], dictionary: mergeDictionaries(config.dictionary, ruleOptions[r.id]?.dictionary) };
  }
  return { rules, ruleOptions };
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
