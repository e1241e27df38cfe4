/**
 * Output formats. Each reporter receives files one at a time, in order, and writes as it goes, so the
 * output streams and memory stays bounded: text, JSON (an array written element by element), SARIF
 * 2.1.0 (results streamed, rule metadata first, unreadable files as tool notifications) and JUnit XML.
 */
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Locale, RULES, localize } from '../service/analyze';
import type { Severity } from '../rules/rule';
import { Msg, join, msg, text } from '../base/msg';
import type { FileDiagnostic, FileResult } from './check';
import type { FixChange } from './fix-edits';
import { JUNIT_MARK } from './output-guard';
import { shownName } from './names';
import { ENGINE_CODES } from '../service/engine-codes';
import { FINGERPRINT_VERSION, partialFingerprints } from '../service/fingerprint';
import { DISMISSED_NOTE } from './review';

export type Sink = (chunk: string) => void;

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
  tooLarge: number;
  timedOut: number;
  skipped: number;
  ignored: number;
  byStatus: Record<FileResult['status'], number>;
  byRule: Record<string, number>;
  version: string;
  /** With `--review`: findings dismissed (not counted above), confirmed, and entries whose finding has gone. */
  dismissed: number;
  confirmed: number;
  resolved: number;
  /** With `--baseline`: findings new since it, and its findings gone from the reports checked. */
  baseline: { new: number; absent: number } | null;
}

export interface Reporter {
  file(r: FileResult): void;
  end(s: Summary): void;
}

export function newSummary(version: string): Summary {
  return { files: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0, tooLarge: 0, timedOut: 0, skipped: 0, ignored: 0,
    byStatus: { clean: 0, warnings: 0, errors: 0, unreadable: 0, 'too-large': 0, 'timed-out': 0, skipped: 0 }, byRule: {}, version,
    dismissed: 0, confirmed: 0, resolved: 0, baseline: null };
}

export function addToSummary(s: Summary, r: FileResult): void {
  s.files++;
  s.byStatus[r.status]++;
  if (r.status === 'unreadable') s.unreadable++;
  if (r.status === 'too-large') s.tooLarge++;
  if (r.status === 'timed-out') s.timedOut++;
  s.resolved += r.resolved?.length ?? 0;
  if (s.baseline) s.baseline.absent += r.absent?.length ?? 0;
  for (const d of r.diagnostics) {
    if (d.baseline === 'new' && s.baseline) s.baseline.new++;
    if (d.review?.status === 'dismissed') { s.dismissed++; continue; }
    if (d.review?.status === 'confirmed') s.confirmed++;
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    else s.infos++;
    s.byRule[d.code] = (s.byRule[d.code] ?? 0) + 1;
  }
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };


export { ENGINE_CODES };

export function ruleCatalog() {
  return [
    ...RULES.map((r) => ({ id: r.id, names: r.names, description: r.description, defaultSeverity: r.defaultSeverity, fixable: r.fixable, tags: r.tags })),
    ...ENGINE_CODES.map((c) => ({ ...c, fixable: false, tags: ['engine'] })),
  ];
}

export function originText(d: Pick<FileDiagnostic, 'page' | 'paragraph' | 'ocr'>, locale: Locale): string {
  if (d.page !== undefined && d.ocr) return text(msg(`识别自扫描页，第 ${d.page} 页`, `recognised from a scanned page, page ${d.page}`), locale);
  if (d.page !== undefined) return text(msg(`第 ${d.page} 页`, `page ${d.page}`), locale);
  if (d.paragraph !== undefined) return text(msg(`第 ${d.paragraph} 段`, `paragraph ${d.paragraph}`), locale);
  return '';
}

export function summaryLine(s: Summary, locale: Locale): string {
  const extra: Msg[] = [];
  if (s.unreadable) extra.push(msg(`${s.unreadable} 个无法读取`, `${s.unreadable} unreadable`));
  if (s.tooLarge) extra.push(msg(`${s.tooLarge} 个过大未完整检查`, `${s.tooLarge} too large to check fully`));
  if (s.timedOut) extra.push(msg(`${s.timedOut} 个超时未完成`, `${s.timedOut} timed out`));
  if (s.skipped) extra.push(msg(`跳过 ${s.skipped} 个非报告文件`, `${s.skipped} non-report file(s) skipped`));
  if (s.ignored) extra.push(msg(`按配置忽略 ${s.ignored} 个`, `${s.ignored} ignored by configuration`));
  if (s.dismissed) extra.push(DISMISSED_NOTE(s.dismissed));
  if (s.resolved) extra.push(msg(`审核记录中 ${s.resolved} 处问题已不再出现`, `${s.resolved} reviewed finding(s) resolved`));
  if (s.baseline) extra.push(msg(`新增 ${s.baseline.new} 处，已解决 ${s.baseline.absent} 处`, `${s.baseline.new} new, ${s.baseline.absent} resolved`));
  const head = msg(`共检查 ${s.files} 个文件：${s.errors} 个错误，${s.warnings} 个警告`, `${s.files} file(s): ${s.errors} error(s), ${s.warnings} warning(s)`);
  return text(join(extra.length ? [head, msg('；', '; '), join(extra, msg('，', ', '))] : [head]), locale) + '\n';
}

/** How many changes a fix line lists before it says how many more. */
const FIX_ITEMS = 10;

function changeText(c: FixChange): Msg {
  const show = (v: string) => (v === '' ? '∅' : v.length > 30 ? v.slice(0, 30) + '…' : v).replace(/\n/g, '⏎');
  return msg(`第 ${c.line} 行 ${show(c.from)}→${show(c.to)}（${c.code}）`, `line ${c.line} ${show(c.from)}→${show(c.to)} (${c.code})`);
}

/** One line for a file `--fix` changed: how many changes, which, and how the file was written. */
export function fixedLine(r: FileResult, locale: Locale): string {
  const changes = r.fixed ?? [];
  const items = changes.slice(0, FIX_ITEMS).map(changeText);
  if (changes.length > FIX_ITEMS) items.push(msg(`等共 ${changes.length} 处`, `and ${changes.length - FIX_ITEMS} more`));
  const how = r.fixedHow?.length ? join([msg('（', ' ('), join(r.fixedHow, msg('；', '; ')), msg('）', ')')]) : '';
  const line = join([msg(`已修复 ${changes.length} 处：`, `fixed ${changes.length}: `), join(items, msg('，', ', ')), how]);
  return say(locale, r.file, line);
}

/** `file：message` (or `file: message` in English), the file name shown safely for a terminal. */
export function say(locale: Locale, file: string, m: Msg): string {
  return text(msg(`${shownName(file)}：${m.zh}`, `${shownName(file)}: ${m.en}`), locale);
}

// ---------------------------------------------------------------- text

export function textReporter(out: Sink, locale: Locale): Reporter {
  return {
    file(r) {
      const name = shownName(r.file);
      for (const d of r.diagnostics) {
        if (d.review?.status === 'dismissed') continue;
        const sev = text(msg(SEVERITY_ZH[d.severity], d.severity), locale);
        const where = originText(d, locale);
        const fixable = (d.fixable ? text(msg('（可自动修复）', ' (fixable)'), locale) : '')
          + (d.review?.status === 'confirmed' ? text(msg('［已确认］', ' [confirmed]'), locale) : '')
          + (d.baseline === 'new' ? text(msg('［新增］', ' [new]'), locale) : '');
        out(`${name}:${d.line}:${d.column}: ${sev} [${d.code}] ${d.message}${fixable}${where ? text(msg(`［${where}］`, ` [${where}]`), locale) : ''}\n`);
      }
      if (r.fixed) out(fixedLine(r, locale) + '\n');
    },
    end(s) { out(summaryLine(s, locale)); },
  };
}

// ---------------------------------------------------------------- JSON

export function jsonEntry(r: FileResult, locale: Locale) {
  const base: Record<string, unknown> = { file: r.file, kind: r.kind };
  if (r.ocr) base.ocr = true;
  if (r.encoding) { base.encoding = r.encoding; base.bom = r.bom; }
  if (r.error) return { ...base, status: r.status, error: { kind: r.error.kind, message: localize(r.error.message, locale) } };
  return {
    ...base, formatVersion: r.formatVersion, year: r.year, status: r.status, related: r.related ?? [],
    ...(r.agency ? { agency: r.agency } : {}),
    ...(r.identity ? { identity: r.identity, fingerprintVersion: FINGERPRINT_VERSION } : {}),
    ...(r.fixed ? { fixed: r.fixed.map((c) => ({ code: c.code, line: c.line, column: c.column, from: c.from, to: c.to })) } : {}),
    diagnostics: r.diagnostics.map((d) => {
      const o: Record<string, unknown> = {
        code: d.code, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn,
        message: d.message, fixable: d.fixable,
      };
      if (d.page !== undefined) o.page = d.page;
      if (d.ocr) o.ocr = true;
      if (d.box) o.box = d.box;
      if (d.paragraph !== undefined) o.paragraph = d.paragraph;
      o.fingerprint = d.fingerprint;
      o.place = d.place;
      if (d.review) o.review = d.review;
      if (d.baseline) o.baseline = d.baseline;
      return o;
    }),
    ...(r.absent ? { absent: r.absent.map((f) => ({ code: f.code, line: f.line, column: f.column, message: f.message, fingerprint: f.fingerprint, file: f.file })) } : {}),
    ...(r.resolved ? { resolved: r.resolved } : {}),
  };
}

/** One entry, indented for reading, each diagnostic on one line (pretty-printing every field costs more than checking). */
function formatJsonEntry(entry: Record<string, unknown>): string {
  const lines = Object.entries(entry).map(([k, v]) => {
    if ((k === 'diagnostics' || k === 'absent' || k === 'resolved') && Array.isArray(v)) {
      return `    ${JSON.stringify(k)}: ${v.length ? `[\n${v.map((d) => '      ' + JSON.stringify(d)).join(',\n')}\n    ]` : '[]'}`;
    }
    return `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `  {\n${lines.join(',\n')}\n  }`;
}

/**
 * `{"tool": {"name": "ogi-report", "version"}, "files": [one entry per file]}`, written as the files are
 * checked. The tool's name also marks the file as an earlier output (cli/output-guard.ts).
 */
export function jsonReporter(out: Sink, locale: Locale, info: { version: string }): Reporter {
  let first = true;
  const head = `{\n  "tool": ${JSON.stringify({ name: 'ogi-report', version: info.version })},\n  "files": `;
  return {
    file(r) {
      out((first ? `${head}[\n` : ',\n') + formatJsonEntry(jsonEntry(r, locale)));
      first = false;
    },
    end() { out(first ? `${head}[]\n}\n` : '\n  ]\n}\n'); },
  };
}

// ---------------------------------------------------------------- SARIF 2.1.0

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function artifactUri(file: string): string {
  const rel = relative(process.cwd(), file);
  if (!rel.startsWith('..') && !/^[a-zA-Z]:/.test(rel) && !rel.startsWith(sep)) return rel.split(sep).map(encodeURIComponent).join('/');
  return pathToFileURL(file).href;
}

export function sarifReporter(out: Sink, locale: Locale, info: { version: string; commandLine: string; guid?: string; baselineGuid?: string }): Reporter {
  const catalog = ruleCatalog();
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const rules = catalog.map((r) => {
    const zhLevel = SEVERITY_ZH[r.defaultSeverity];
    const text = `${r.description.zh}（默认级别：${zhLevel}${r.fixable ? '，可自动修复' : ''}）。\n${r.description.en} (default: ${r.defaultSeverity}${r.fixable ? ', fixable' : ''}).\n`
      + (r.tags.includes('engine') ? `由检查引擎报告；级别可在 ogi-report.config.json 的 "rules" 中或用 --rule ${r.id}=off|hint|info|warning|error 调整。 / Reported by the engine itself; set its severity in ogi-report.config.json "rules" or with --rule ${r.id}=off|hint|info|warning|error.`
        : `级别可在 ogi-report.config.json 的 "rules" 中或用 --rule ${r.id}=off|hint|info|warning|error 调整。 / Set its severity in ogi-report.config.json "rules" or with --rule ${r.id}=off|hint|info|warning|error.`);
    return {
      id: r.id,
      name: r.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
      shortDescription: { text: localize(r.description, locale) },
      fullDescription: { text: `${r.description.zh} / ${r.description.en}` },
      help: { text, markdown: text.replace(/\n/g, '\n\n') },
      defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
      properties: { tags: r.tags, fixable: r.fixable },
    };
  });
  const head = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
  };
  out(JSON.stringify(head).slice(0, -1) + ',"runs":[{"tool":' + JSON.stringify({
    driver: { name: 'ogi-report', version: info.version, semanticVersion: info.version, language: text(msg('zh-CN', 'en'), locale), rules },
  }) + (info.guid ? ',"automationDetails":' + JSON.stringify({ guid: info.guid }) : '')
    + (info.baselineGuid ? ',"baselineGuid":' + JSON.stringify(info.baselineGuid) : '')
    + ',"originalUriBaseIds":' + JSON.stringify({ '%SRCROOT%': { uri: pathToFileURL(process.cwd() + sep).href } }) + ',"results":[');
  let first = true;
  const notifications: object[] = [];
  return {
    file(r) {
      const uri = artifactUri(r.file);
      const location = { artifactLocation: uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' } };
      if (r.error) {
        notifications.push({
          level: 'error',
          message: { text: `${r.file}: ${localize(r.error.message, locale)}` },
          locations: [{ physicalLocation: location }],
          descriptor: { id: r.status === 'timed-out' ? 'timed-out' : `unreadable/${r.error.kind}` },
          properties: { kind: r.error.kind, status: r.status },
        });
        return;
      }
      for (const d of r.diagnostics) {
        const result: Record<string, unknown> = {
          ruleId: d.code,
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [{ physicalLocation: { ...location, region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn } } }],
        };
        const i = index.get(d.code);
        if (i !== undefined) result.ruleIndex = i;
        const props: Record<string, unknown> = {};
        if (d.page !== undefined) props.page = d.page;
        if (d.ocr) props.ocr = true;
        if (d.paragraph !== undefined) props.paragraph = d.paragraph;
        if (d.fixable) props.fixable = true;
        if (d.fingerprint) {
          result.fingerprints = { [FINGERPRINT_VERSION]: d.fingerprint };
          result.partialFingerprints = partialFingerprints(d.fingerprint);
        }
        if (d.review?.status === 'dismissed') {
          result.suppressions = [{ kind: 'external', status: 'accepted', justification: d.review.reason ?? '', ...(d.review.reviewer || d.review.at ? { properties: { reviewer: d.review.reviewer, at: d.review.at } } : {}) }];
        } else if (d.review) props.review = d.review;
        if (d.baseline) result.baselineState = d.baseline;
        if (Object.keys(props).length) result.properties = props;
        out((first ? '' : ',') + JSON.stringify(result));
        first = false;
      }
      for (const f of r.absent ?? []) {
        const i = index.get(f.code);
        out((first ? '' : ',') + JSON.stringify({
          ruleId: f.code, ...(i !== undefined ? { ruleIndex: i } : {}), level: 'none', message: { text: f.message || f.code }, baselineState: 'absent',
          locations: [{ physicalLocation: { ...location, ...(f.line > 0 ? { region: { startLine: f.line, startColumn: Math.max(1, f.column) } } : {}) } }],
          fingerprints: { [FINGERPRINT_VERSION]: f.fingerprint }, partialFingerprints: partialFingerprints(f.fingerprint),
        }));
        first = false;
      }
      if (r.status === 'too-large') {
        notifications.push({ level: 'warning', message: { text: `${r.file}: ${text(msg('文件过大，未完整检查', 'too large to check fully'), locale)}` }, locations: [{ physicalLocation: location }], descriptor: { id: 'too-large' } });
      }
    },
    end(s) {
      const invocation = {
        commandLine: info.commandLine,
        executionSuccessful: s.unreadable === 0 && s.tooLarge === 0 && s.timedOut === 0,
        toolExecutionNotifications: notifications,
        properties: { files: s.files, unreadable: s.unreadable, tooLarge: s.tooLarge, timedOut: s.timedOut, skipped: s.skipped, ignored: s.ignored,
          ...(s.dismissed || s.confirmed || s.resolved ? { dismissed: s.dismissed, confirmed: s.confirmed, resolved: s.resolved } : {}),
          ...(s.baseline ? { new: s.baseline.new, absent: s.baseline.absent } : {}) },
      };
      out('],"invocations":[' + JSON.stringify(invocation) + ']}]}\n');
    },
  };
}

// ---------------------------------------------------------------- JUnit XML

export function xmlEscape(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest are escaped.
  return s.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** One testsuite per file, one testcase per rule: errors and warnings fail it, information is in system-out. */
export function junitReporter(out: Sink, locale: Locale, ruleSettings: (file: string) => Record<string, string | undefined>): Reporter {
  const catalog = ruleCatalog().filter((r) => !r.tags.includes('engine'));
  out(`<?xml version="1.0" encoding="UTF-8"?>\n${JUNIT_MARK}\n<testsuites name="ogi-report">\n`);
  return {
    file(r) {
      const name = xmlEscape(r.file);
      if (r.error) {
        out(`  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n`
          + `    <testcase classname="${name}" name="${text(r.status === 'timed-out' ? msg('超时', 'timeout') : msg('读取文件', 'read'), locale)}">\n`
          + `      <error type="${xmlEscape(r.error.kind)}" message="${xmlEscape(localize(r.error.message, locale))}"/>\n`
          + '    </testcase>\n  </testsuite>\n');
        return;
      }
      const settings = ruleSettings(r.file);
      const codes = [...catalog.filter((c) => settings[c.id] !== 'off').map((c) => c.id)];
      for (const d of r.diagnostics) if (!codes.includes(d.code)) codes.push(d.code);
      let failures = 0;
      const cases = codes.map((code) => {
        const found = r.diagnostics.filter((d) => d.code === code);
        const failing = found.filter((d) => (d.severity === 'error' || d.severity === 'warning') && d.review?.status !== 'dismissed');
        const line = (d: FileDiagnostic) => {
          const where = originText(d, locale);
          const dismissed = d.review?.status === 'dismissed' ? text(msg(`（已驳回：${d.review.reason ?? ''}）`, ` (dismissed: ${d.review.reason ?? ''})`), locale) : '';
          return `${r.file}:${d.line}:${d.column}: ${text(msg(SEVERITY_ZH[d.severity], d.severity), locale)} ${d.message}${where ? ` (${where})` : ''}${dismissed}`;
        };
        let body = '';
        if (failing.length) {
          failures++;
          const type = failing.some((d) => d.severity === 'error') ? 'error' : 'warning';
          const message = text(msg(`${failing.length} 处问题`, `${failing.length} finding(s)`), locale);
          body += `      <failure type="${type}" message="${message}">${xmlEscape(failing.map(line).join('\n'))}</failure>\n`;
        }
        const rest = found.filter((d) => !failing.includes(d));
        if (rest.length) body += `      <system-out>${xmlEscape(rest.map(line).join('\n'))}</system-out>\n`;
        return `    <testcase classname="${name}" name="${xmlEscape(code)}"${body ? `>\n${body}    </testcase>` : '/>'}\n`;
      });
      out(`  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('')}  </testsuite>\n`);
    },
    end() { out('</testsuites>\n'); },
  };
}
