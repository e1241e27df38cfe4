/**
 * Figures recognised from a scan (`OcrReading`s of `sources/`), judged against the report's table
 * identities. Pure: text and readings in, corrected text and findings out.
 *
 * - A table whose identities fail as read, where exactly one change of one doubtful digit to a reading
 *   it is confused with (0/8/6/9, 1/7, 3/8/5, 5/6 …, or the engine's second reading) makes every
 *   identity of that table hold: the figure is taken so, and an info finding on it says
 *   `识别为 8，按勾稽关系取 3`. No correction otherwise: a publisher's own error is never hidden.
 * - Doubtful figures not corrected: one finding per table lists them (not reliably read).
 * - Cells that could not be read: one finding per table, and no identity finding on that table.
 */
import { msg, Msg } from '../base/msg';
import type { OcrReading } from '../sources/types';
import { tableName } from '../model/names';
import { RULES, ruleIdsTagged } from '../rules';
import type { Table } from '../model/report/types';
import { analyze, Analysis, AnalyzeOptions, Diagnostic } from './analyze';

const CONFUSED: Record<string, string> = { 0: '869', 1: '74', 2: '7', 3: '85', 4: '1', 5: '63', 6: '508', 7: '12', 8: '0369', 9: '80' };

/** Most single-digit alternatives tried in one table (each is one analysis of the identities only). */
const MAX_TRIES = 60;

export interface ReadingsResult {
  text: string;
  analysis: Analysis;
}

const finding = (code: string, severity: Diagnostic['severity'], start: number, end: number, message: Msg): Diagnostic => ({ code, severity, start, end, message, suggestions: [] });

/**
 * Analyzes a recognised text: corrections by identity first, then the findings on the readings.
 * `scanned(line)` says whether a line (0-based) was recognised: there, a wording finding (a character
 * or a mark off the official wording) is as likely the engine's misreading as the publisher's, and is
 * given as information, not as a warning.
 */
export function analyzeReadings(text: string, readings: readonly OcrReading[], options: AnalyzeOptions, scanned: (line: number) => boolean = () => true): ReadingsResult {
  const identity = new Set(ruleIdsTagged('identity'));
  const only: AnalyzeOptions = { ...options, rules: Object.fromEntries(RULES.map((r) => [r.id, identity.has(r.id) ? (options.rules?.[r.id] === 'off' ? 'off' : 'error') : 'off'])) };
  const within = (t: Table, at: number) => at >= t.start && at <= t.end;
  const failing = (a: Analysis, t: Table) => a.diagnostics.filter((d) => identity.has(d.code) && within(t, d.start)).length;
  const first = analyze(text, only);
  const notes: Diagnostic[] = [];
  const corrected = new Set<OcrReading>();
  for (const t of first.report.tables) {
    const here = readings.filter((r) => !r.unreadable && r.doubtful.length && within(t, r.offset));
    if (!here.length || readings.some((r) => r.unreadable && within(t, r.offset)) || !failing(first, t)) continue;
    const tries: { r: OcrReading; to: string }[] = [];
    for (const r of here) {
      const seen = new Set<string>([r.text]);
      const add = (to: string) => { if (!seen.has(to) && to.length === r.text.length) { seen.add(to); tries.push({ r, to }); } };
      if (r.alternative && r.alternative.length === r.text.replace(/,/g, '').length && !r.text.includes(',')) add(r.alternative);
      let k = -1;
      for (let i = 0; i < r.text.length; i++) {
        if (!/\d/.test(r.text[i])) continue;
        k++;
        if (!r.doubtful.includes(k)) continue;
        for (const d of CONFUSED[r.text[i]] ?? '') add(r.text.slice(0, i) + d + r.text.slice(i + 1));
      }
    }
    const good = tries.slice(0, MAX_TRIES).filter(({ r, to }) => {
      const a = analyze(text.slice(0, r.offset) + to + text.slice(r.offset + r.text.length), only);
      const same = a.report.tables.find((x) => x.kind === t.kind && x.start === t.start);
      return same !== undefined && failing(a, same) === 0;
    });
    if (good.length !== 1 || tries.length > MAX_TRIES) continue;
    const { r, to } = good[0];
    text = text.slice(0, r.offset) + to + text.slice(r.offset + r.text.length);
    corrected.add(r);
    notes.push(finding('ocr-reading', 'info', r.offset, r.offset + to.length, msg(`识别为 ${r.text}，按勾稽关系取 ${to}`, `read as ${r.text}; taken as ${to} by the table's identities`)));
  }
  const analysis = analyze(text, options);
  const tables = analysis.report.tables;
  const drop = new Set<Table>();
  for (const t of tables) {
    const unread = readings.filter((r) => r.unreadable && within(t, r.offset));
    if (unread.length) {
      drop.add(t);
      const pages = [...new Set(unread.map((r) => r.page))].join('、');
      notes.push(finding('ocr-reading', 'warning', unread[0].offset, unread[0].offset, msg(
        `${tableName(t.kind).zh}有 ${unread.length} 个单元格未能识别（扫描页第 ${pages} 页），其勾稽关系未核对，请对照原件`,
        `${unread.length} cells of ${tableName(t.kind).en} could not be read (scanned page ${pages}); its identities were not checked: compare with the original`)));
    }
    const doubt = readings.filter((r) => !r.unreadable && r.doubtful.length && !corrected.has(r) && within(t, r.offset));
    if (doubt.length) {
      const list = doubt.slice(0, 5).map((r) => r.text).join('、') + (doubt.length > 5 ? '…' : '');
      notes.push(finding('ocr-reading', 'info', doubt[0].offset, doubt[0].offset + doubt[0].text.length, msg(
        `${tableName(t.kind).zh}有 ${doubt.length} 个数字识别不确定（${list}），请对照原件`,
        `${doubt.length} figures of ${tableName(t.kind).en} were not read with certainty (${list}): compare with the original`)));
    }
  }
  const wording = new Set(ruleIdsTagged('wording'));
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (at: number) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const kept = analysis.diagnostics
    .filter((d) => !(identity.has(d.code) && [...drop].some((t) => within(t, d.start))))
    .map((d) => (wording.has(d.code) && (d.severity === 'warning' || d.severity === 'error') && scanned(lineOf(d.start)) ? { ...d, severity: 'info' as const } : d));
  analysis.diagnostics = [...kept, ...notes].sort((p, q) => p.start - q.start);
  return { text, analysis };
}
