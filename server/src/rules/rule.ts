/**
 * The rule contract. A rule is one record: its id (equal to its file name, stable forever: it is a
 * settings key and the diagnostic `code`), names, description, tags, default severity, whether it can
 * fix, its options, and a `check` that reports through a context. The registry (`rules/index.ts`), the
 * `ogiReport.rules` setting, the configuration file's schema and the README table are generated from
 * these records (`npm run generate`). The engine, not the rule, owns severity, range checks and crash
 * containment.
 */
import type { Report, TypedCell } from '../model/report';
import type { T3Totals } from '../model/totals';
import type { Localization } from '../model/error-location';
import type { OtherReport, RegionReports, WorkspaceContext } from '../workspace';

import type { Msg } from '../base/msg';
export type { Locale, Msg } from '../base/msg';
export { msg } from '../base/msg';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix is data. `safe` fixes change wording only and may run on save; `figure` fixes write numbers
 * and run only when the user asks (light bulb, recompute command, `--fix`); a `suggestion` is never
 * applied in bulk.
 */
export interface Fix {
  title: Msg;
  kind: 'safe' | 'figure' | 'suggestion';
  edits: TextEdit[];
}

/**
 * Related information: another place that explains the finding. Offsets are in this document's text,
 * unless `file` is set (cross-report rules), in which case the 0-based line/character range is in that file.
 */
export interface Related {
  start: number;
  end: number;
  message: Msg;
  file?: { path: string; line: number; character: number; endLine: number; endCharacter: number };
}

export interface Finding {
  start: number;
  end: number;
  message: Msg;
  fix?: Fix;
  suggestions?: Fix[];
  related?: Related[];
  /** A severity for this finding when it differs from the rule's default (a user setting still wins). */
  severity?: Severity;
}

export interface RuleContext {
  report: Report;
  text: string;
  /** Table 三's recomputed totals, shared by every rule (computed once per analysis). */
  readonly t3: T3Totals[];
  /** The error localization of tables 三 and 四 (computed once per analysis). */
  readonly localization: Localization;
  /** Other reports (last year's, a region's), for cross-report rules; absent when checking one file alone. */
  workspace?: WorkspaceContext;
  /** Last year's report of the same body with its model, or null (looked up once per analysis, on first use). */
  readonly previous: OtherReport | null;
  /** The regions whose parent is this report, with their children's reports (looked up once per analysis). */
  readonly regions: readonly RegionReports[];
  /** This rule's options: each declared option's value from settings, else its default. */
  readonly options: Readonly<Record<string, unknown>>;
  emit(finding: Finding): void;
}

/**
 * The tags a rule may carry, and what each means. Code queries `identity`, `total` and `cross-report`
 * (`ruleIdsTagged` in rules/index.ts); the others group the rules (the registry and the README table
 * list rules by their first tag, in this order) and reach SARIF as rule properties.
 */
export const RULE_TAGS = {
  structure: 'sections, their order and numerals, the title',
  tables: 'the statistics tables: their shape and format version',
  figures: 'the figures in table cells: their form, blanks',
  identity: 'a view of the error localization of tables 三 and 四 (model/error-location.ts): the outline counts these as a table\'s arithmetic failures, and the recompute command applies their figure fixes',
  total: 'a total cell checked against its parts: once its fixes are applied, no rule tagged total reports',
  'cross-report': 'reads other reports through ctx.workspace (last year\'s, a region\'s) and is silent without it; re-checked when another report changes',
  content: 'what the report must say (第五十条), and the facts it states',
  prose: 'figures stated in the prose, set against the tables (model/claim-check.ts)',
  wording: 'wording, spelling and punctuation; its fixes change wording only',
  basis: 'the documents the report cites as its basis',
  statute: 'references to articles of the 条例',
  version: 'the 2019 and 2021 table formats',
  year: 'the report year',
  deadline: 'statutory deadlines',
  plausibility: 'figures that are possible but worth a second look',
  engine: 'not a rule: a code the engine reports itself (service/engine-codes.ts), in rule catalogs',
} as const;

export type RuleTag = keyof typeof RULE_TAGS;

/** One option of a rule: passed to `check` as `ctx.options[name]`, configured beside the rule's severity. */
export interface RuleOption {
  description: Msg;
  /** JSON schema of the value (draft-07), as written in the settings and the configuration file. */
  schema: Record<string, unknown>;
  default: unknown;
}

/** Whether `value` is valid for an option, by the parts of JSON schema options use (type, minimum, maximum, enum). */
export function validOption(option: RuleOption, value: unknown): boolean {
  const s = option.schema as { type?: string; minimum?: number; maximum?: number; enum?: unknown[] };
  if (s.enum && !s.enum.includes(value)) return false;
  if (s.type === 'number' || s.type === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value) || (s.type === 'integer' && !Number.isInteger(value))) return false;
    return (s.minimum === undefined || value >= s.minimum) && (s.maximum === undefined || value <= s.maximum);
  }
  if (s.type === 'string' || s.type === 'boolean') return typeof value === s.type;
  return true;
}

export interface Rule {
  id: string;
  /** A short display name (quick-fix and suppression titles): 「修复本文件中所有“合计”问题」. */
  names: Msg;
  /** One line: what the rule reports. */
  description: Msg;
  tags: readonly RuleTag[];
  defaultSeverity: Severity;
  fixable: boolean;
  options?: Readonly<Record<string, RuleOption>>;
  /** The README rule table's row (Markdown): what it reports and what its fix does ('—' for none). */
  docs?: { reports: string; fix: string };
  check(ctx: RuleContext): void;
}

/**
 * The edit that writes `value` into a cell, in the digit style the writer used: full-width digits stay
 * full-width (１２０), thousands separators and a unit after the figure (件) are kept. A blank cell takes
 * the style of the first figure in `row` when one is given.
 */
export function setCell(c: TypedCell, value: number | string, row?: { cells: TypedCell[] }): TextEdit {
  const sample = digits(c.cell.text) ? c.cell.text : (row?.cells.map((x) => x.cell.text).find(digits) ?? '');
  return { start: c.cell.start, end: c.cell.end, newText: styleFigure(String(value), sample) };
}

const digits = (t: string) => /[0-9\uFF10-\uFF19]/.test(t);

/** Writes a plain ASCII figure the way `sample` is written (full-width digits, grouping, unit suffix). */
export function styleFigure(value: string, sample: string): string {
  if (!/^-?\d+(?:\.\d+)?$/.test(value)) return value;
  const t = sample.trim();
  let out = value;
  if (/\d[,，]\d{3}(?!\d)/.test(t.normalize('NFKC'))) {
    const comma = /\uFF0C/.test(t) ? '\uFF0C' : ',';
    out = out.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, comma));
  }
  if (/[\uFF10-\uFF19]/.test(t) && !/[0-9]/.test(t)) {
    out = out.replace(/[0-9.\-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xFEE0));
  }
  const unit = /(?:万元|元|件|个|条|项|次|人|份|宗|家)$/.exec(t);
  if (unit && digits(t.slice(0, -unit[0].length))) out += unit[0];
  return out;
}

/** "767+35+0+0+2+1". */
export function sumText(parts: number[]): string {
  return parts.join('+');
}
