/**
 * The rule contract. A rule declares its id (equal to its file name, stable forever: it is a settings
 * key and the diagnostic `code`), a description, tags, a default severity and whether it can fix, and
 * reports through a context. The engine, not the rule, owns severity, range checks and crash containment.
 */
import type { Report, TypedCell } from '../model/report';
import type { T3Totals } from '../model/totals';
import type { Localization } from '../model/localize';
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
  emit(finding: Finding): void;
}

export interface Rule {
  id: string;
  description: Msg;
  tags: string[];
  defaultSeverity: Severity;
  fixable: boolean;
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
