/**
 * The engine: text in, report model and diagnostics out. It owns what rules must not: severity from
 * settings, inline suppression, range validation, the size cap and crash containment (a rule that
 * throws yields one `internal-error` diagnostic and the other rules still report). Pure: no I/O, no
 * editor types, so the CLI, the language server and the tests all call exactly this.
 */
import { Report, parseReport } from '../model/report';
import { markRecognised } from '../model/report/ocr-cells';
import type { OcrReading } from '../sources/types';
import { positionAt } from '../syntax/parse';
import { T3Totals, computeAllT3 } from '../model/totals';
import { Localization, locateErrors } from '../model/error-location';
import { versionForYear } from '../model/template';
import { RULES } from '../rules';
import { CrossReports, OtherReport, WorkspaceContext, crossReports, workspaceNotes } from '../workspace';
import { ENGINE_CODES, ENGINE_CODE_IDS } from './engine-codes';
import { looksMisdecoded } from './gbk-report';

export { looksMisdecoded };
import { Finding, Fix, Locale, Msg, Related, Rule, RuleContext, Severity, TextEdit, msg, validOption } from '../rules/rule';

export type RuleSetting = Severity | 'off';

export interface AnalyzeOptions {
  /** Per-rule severity or 'off', keyed by rule id. */
  rules?: Record<string, RuleSetting | undefined>;
  /** Documents longer than this (UTF-16 units) get one information diagnostic instead of the full check. */
  maxLength?: number;
  /** Extra rules, for tests of crash containment. */
  extraRules?: readonly Rule[];
  /** Other reports and this one's path in them: enables the cross-report rules (silent without it). */
  workspace?: WorkspaceContext;
  /** Rule options, keyed by rule id, then option name (a rule's record declares them; invalid values give the default). */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /**
   * @deprecated Use `ruleOptions: { 'copied-text': { threshold } }` (percent). copied-text's threshold as a
   * share (0.5) or a percentage (50); `ruleOptions` wins.
   */
  copiedTextThreshold?: number;
  /** Figures recognised from a scan (a source's readings): their cells carry an `ocr` flag (model/report/ocr-cells.ts). */
  readings?: readonly OcrReading[];
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  start: number;
  end: number;
  message: Msg;
  fix?: Fix;
  suggestions: Fix[];
  related?: Related[];
}

export interface Analysis {
  text: string;
  report: Report;
  diagnostics: Diagnostic[];
  t3: T3Totals[];
  /** The index paths of the other reports this analysis read (last year's, a region's children). */
  reads: string[];
  /** Last year's report, when a rule read it (the evidence the findings may rest on). */
  previous?: OtherReport | null;
  /** The error localization of tables 三 and 四, when a rule asked for it. */
  localization?: Localization;
}

export const DEFAULT_MAX_LENGTH = 2_000_000;


interface Suppressions {
  file: Set<string>;
  byLine: Map<number, Set<string>>;
  problems: Diagnostic[];
}

function readSuppressions(report: Report, known: Set<string>): Suppressions {
  const out: Suppressions = { file: new Set(), byLine: new Map(), problems: [] };
  for (const line of report.tree.lines) {
    if (!line.text.includes('ogi-report-disable')) continue;
    let from = 0;
    for (;;) {
      const open = line.text.indexOf('<!--', from);
      const close = open < 0 ? -1 : line.text.indexOf('-->', open + 4);
      if (close < 0) break;
      from = close + 3;
      const inner = line.text.slice(open + 4, close).trim();
      const m = /^ogi-report-disable(-next-line)?(?![\w-])/.exec(inner);
      if (!m) continue;
      const rest = inner.slice(m[0].length);
      const sep = rest.indexOf('--'); // ids are kebab-case, so "--" only ever starts the reason
      const ids = (sep >= 0 ? rest.slice(0, sep) : rest).split(/[\s,]+/).filter(Boolean);
      const start = line.start + open;
      const end = line.start + close + 3;
      const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
      if (!reason) {
        out.problems.push(engineDiagnostic('suppression', start, end,
          msg('抑制注释必须在“--”后写明理由', 'A suppression comment needs a reason after "--"')));
        continue;
      }
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length || ids.length === 0) {
        out.problems.push(engineDiagnostic('suppression', start, end,
          msg(`抑制注释中的规则不存在：${unknown.join('、') || '（未写规则）'}`, `Unknown rule in suppression: ${unknown.join(', ') || '(none given)'}`)));
      }
      const target = m[1] ? nextContentLine(report, line.index) : null;
      for (const id of ids) {
        if (target === null) out.file.add(id);
        else {
          const set = out.byLine.get(target) ?? new Set<string>();
          set.add(id);
          out.byLine.set(target, set);
        }
      }
    }
  }
  return out;
}

function nextContentLine(report: Report, after: number): number {
  const lines = report.tree.lines;
  for (let i = after + 1; i < lines.length; i++) if (lines[i].text.trim() !== '') return i;
  return after + 1;
}

/** A finding of the engine itself, at its code's default severity (service/engine-codes.ts). */
function engineDiagnostic(code: string, start: number, end: number, message: Msg): Diagnostic {
  const severity = ENGINE_CODES.find((c) => c.id === code)?.defaultSeverity ?? 'info';
  return { code, severity, start, end, message, suggestions: [] };
}

/** A rule's options: each declared option's given value when it is valid, else its default. */
function optionsOf(rule: Rule, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(rule.options ?? {})) out[name] = given && validOption(o, given[name]) ? given[name] : o.default;
  return out;
}

/** 0.85 → 85 exactly (0.85 × 100 is 85.00000000000001 in binary floating point). */
export function shareToPercent(share: number): number {
  return Math.round(share * 100 * 1e6) / 1e6;
}

/** The options given per rule, with the deprecated `copiedTextThreshold` (a share or a percentage) mapped in. */
function givenRuleOptions(options: AnalyzeOptions): Record<string, Record<string, unknown>> {
  const given = options.ruleOptions ?? {};
  const t = options.copiedTextThreshold;
  if (typeof t !== 'number' || !(t > 0 && t <= 100) || given['copied-text']?.threshold !== undefined) return given;
  return { ...given, 'copied-text': { ...given['copied-text'], threshold: t > 1 ? t : shareToPercent(t) } };
}

/** The engine's own codes (service/engine-codes.ts) take their severity from settings like rules, or are turned off. */
function engineSettings(diagnostics: Diagnostic[], options: AnalyzeOptions): Diagnostic[] {
  const set = options.rules;
  if (!set || !ENGINE_CODES.some((c) => set[c.id] !== undefined)) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = ENGINE_CODE_IDS.has(d.code) ? set[d.code] : undefined;
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}

function validEdits(edits: TextEdit[], length: number): boolean {
  return edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length);
}

/**
 * What every rule's context of one analysis shares, with the lazily computed totals and localization as
 * fields: a class like the context, no closures over the report (see workspace/cross.ts for what a
 * literal with getters did).
 */
class Shared {
  private t3: T3Totals[] | undefined;
  private localization: Localization | undefined;
  constructor(readonly report: Report, readonly text: string, readonly workspace: WorkspaceContext | undefined, readonly cross: CrossReports) {}
  getT3(): T3Totals[] {
    return (this.t3 ??= computeAllT3(this.report, this.report.formatVersion ?? versionForYear(this.report.year)));
  }
  getLocalization(): Localization {
    return (this.localization ??= locateErrors(this.report, this.getT3()));
  }
  /** The localization if a rule asked for it. */
  localizationIfMade(): Localization | undefined {
    return this.localization;
  }
}

/**
 * A rule's context: a class, so that its lazy parts are getters on one prototype (an object literal with
 * getters, made once per rule per analysis, cost more than some rules).
 */
class Context implements RuleContext {
  readonly report: Report;
  readonly text: string;
  readonly workspace: WorkspaceContext | undefined;
  /** An own function: rules destructure it (`check({ report, emit })`). */
  readonly emit: (f: Finding) => void;
  constructor(private readonly shared: Shared, readonly options: Readonly<Record<string, unknown>>, found: Finding[]) {
    this.report = shared.report;
    this.text = shared.text;
    this.workspace = shared.workspace;
    this.emit = (f) => { found.push(f); };
  }
  get t3(): T3Totals[] { return this.shared.getT3(); }
  get localization(): Localization { return this.shared.getLocalization(); }
  get previous() { return this.shared.cross.previous; }
  get regions() { return this.shared.cross.regions; }
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (looksMisdecoded(text)) {
    // One finding instead of seven missing sections on garbled text: reopen the file with its encoding.
    return {
      text, report: parseReport(''), t3: [], reads: [],
      diagnostics: engineSettings([engineDiagnostic('encoding', 0, Math.min(text.length, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length),
        msg('文件内容显示为乱码：它很可能是 GBK（GB18030）编码，请用“通过编码重新打开”选择 GBK 后再检查',
          'The text is garbled: the file is probably GBK (GB18030) encoded; reopen it with that encoding ("Reopen with Encoding") to check it'))], options),
    };
  }
  if (text.length > maxLength) {
    const report = parseReport('');
    return {
      text, report, t3: [], reads: [],
      diagnostics: engineSettings([engineDiagnostic('document-too-large', 0, 0,
        msg(`文档过大（${text.length} 字符，上限 ${maxLength}），未做完整检查`, `Document too large (${text.length} characters, limit ${maxLength}); not fully checked`))], options),
    };
  }
  const report = parseReport(text);
  if (options.readings) markRecognised(report, options.readings);
  const rules = [...RULES, ...(options.extraRules ?? [])];
  const known = new Set(rules.map((r) => r.id));
  const suppressions = readSuppressions(report, known);
  const diagnostics: Diagnostic[] = [...suppressions.problems];
  const lines = report.tree.lines;
  const workspace = options.workspace;
  const ruleOptions = givenRuleOptions(options);
  for (const n of workspaceNotes(workspace, report)) diagnostics.push(engineDiagnostic('workspace-match', n.start, n.end, n.message));
  const shared = new Shared(report, text, workspace, crossReports(workspace, report));

  for (const rule of rules) {
    const setting = options.rules?.[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off' || suppressions.file.has(rule.id)) continue;
    const found: Finding[] = [];
    const ctx = new Context(shared, optionsOf(rule, ruleOptions[rule.id]), found);
    try {
      rule.check(ctx);
    } catch (err) {
      diagnostics.push(engineDiagnostic('internal-error', 0, 0,
        msg(`规则 ${rule.id} 运行出错，已跳过：${(err as Error)?.message ?? err}`, `Rule ${rule.id} failed and was skipped: ${(err as Error)?.message ?? err}`)));
      continue;
    }
    for (const f of found) {
      const start = Math.max(0, Math.min(f.start, text.length));
      const end = Math.max(start, Math.min(f.end, text.length));
      const line = positionAt(lines, start).line;
      if (suppressions.byLine.get(line)?.has(rule.id)) continue;
      const fix = f.fix && f.fix.edits.length && validEdits(f.fix.edits, text.length) ? f.fix : undefined;
      const suggestions = (f.suggestions ?? []).filter((s) => s.edits.length && validEdits(s.edits, text.length));
      const related = f.related?.filter((r) => r.file || (r.start >= 0 && r.start <= r.end && r.end <= text.length));
      diagnostics.push({ code: rule.id, severity: (options.rules?.[rule.id] as Severity | undefined) ?? f.severity ?? setting, start, end, message: f.message, fix, suggestions, ...(related?.length ? { related } : {}) });
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  const { cross } = shared;
  return { text, report, diagnostics: engineSettings(diagnostics, options), t3: shared.getT3(), reads: cross.reads(), previous: cross.previousIfRead(), localization: shared.localizationIfMade() };
}

/** Applies edits left to right; an edit overlapping an earlier one is dropped. Returns the new text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return applyTagged(text, edits.map((e) => ({ edit: e, code: '' }))).text;
}

/** An edit as it was applied: the code of the finding whose fix it was, and the text it replaced. */
export interface AppliedEdit extends TextEdit {
  code: string;
  oldText: string;
}

/** `applyEdits`, saying which edits it applied (sorted; an edit overlapping an earlier one is dropped). */
function applyTagged(text: string, edits: { edit: TextEdit; code: string }[]): { text: string; applied: AppliedEdit[] } {
  const sorted = edits.map((x, i) => ({ x, i })).sort((a, b) => a.x.edit.start - b.x.edit.start || a.x.edit.end - b.x.edit.end || a.i - b.i);
  const applied: AppliedEdit[] = [];
  let out = '';
  let pos = 0;
  for (const { x: { edit: e, code } } of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.newText;
    applied.push({ ...e, code, oldText: text.slice(e.start, e.end) });
    pos = e.end;
  }
  return { text: out + text.slice(pos), applied };
}

/** The edits of every fix of the given kinds, without overlaps. */
export function collectFixEdits(diagnostics: Diagnostic[], kinds: Fix['kind'][], codes?: string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    if (!d.fix || !kinds.includes(d.fix.kind)) continue;
    if (codes && !codes.includes(d.code)) continue;
    edits.push(...d.fix.edits);
  }
  return edits;
}

/**
 * Applies fixes of the given kinds, re-checks and repeats until nothing more is fixable (at most
 * `maxRounds` rounds). Suggestions are never applied. `onRound` hears the edits each round applied, in
 * that round's text (the CLI maps them back to the original to say what changed).
 */
export function fixAll(text: string, options: AnalyzeOptions & { kinds?: Fix['kind'][]; codes?: string[]; maxRounds?: number; onRound?: (applied: AppliedEdit[]) => void } = {}): { text: string; rounds: number; analysis: Analysis } {
  const kinds = options.kinds ?? ['safe', 'figure'];
  let current = text;
  let analysis = analyze(current, options);
  let rounds = 0;
  while (rounds < (options.maxRounds ?? 10)) {
    const edits: { edit: TextEdit; code: string }[] = [];
    for (const d of analysis.diagnostics) {
      if (!d.fix || !kinds.includes(d.fix.kind) || (options.codes && !options.codes.includes(d.code))) continue;
      for (const edit of d.fix.edits) edits.push({ edit, code: d.code });
    }
    if (!edits.length) break;
    const { text: next, applied } = applyTagged(current, edits);
    if (next === current) break;
    options.onRound?.(applied);
    current = next;
    analysis = analyze(current, options);
    rounds++;
  }
  return { text: current, rounds, analysis };
}

/** The text of a message in a locale (base/msg.ts `text`). */
export { text as localize } from '../base/msg';

export { RULES };
export { ruleIdsTagged } from '../rules';
export type { Locale, Severity, Fix, Msg, Related, TextEdit };
