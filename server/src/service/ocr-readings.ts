/**
 * Figures recognised from a scan (`OcrReading`s of `sources/`), judged against the report's table
 * identities. Pure: text and readings in, corrected text and findings out.
 *
 * - A table whose identities fail as read, where exactly one change of one doubtful digit to a reading
 *   it is confused with (0/8/6/9, 1/7, 3/8/5, 5/6 …, or the engine's second reading) makes every
 *   identity of that table hold: the figure is taken so, and an info finding on it says
 *   `识别为 8，按勾稽关系取 3`. No correction otherwise: a publisher's own error is never hidden.
 * - A table whose identities hold as read: a doubtful figure each of whose other readings breaks an
 *   identity is confirmed as read (the reading itself is the one choice that makes them all hold).
 * - Doubtful figures neither corrected nor confirmed: one finding per table lists them (not reliably read).
 * - Cells that could not be read: one finding per table, and no identity finding on that table.
 */
import { msg, Msg } from '../base/msg';
import type { OcrReading } from '../sources/types';
import { tableName } from '../model/names';
import { RULES, ruleIdsTagged } from '../rules';
import type { CellOcr, Table } from '../model/report/types';
import { analyze, Analysis, AnalyzeOptions, Diagnostic } from './analyze';

const CONFUSED: Record<string, string> = { 0: '869', 1: '74', 2: '7', 3: '85', 4: '1', 5: '63', 6: '508', 7: '12', 8: '0369', 9: '80' };

/** Most single-digit alternatives tried in one table (each is one analysis of the identities only). */
const MAX_TRIES = 60;

export interface ReadingsResult {
  text: string;
  analysis: Analysis;
  /** Where doubtful figures stand that the identities confirmed as read (no longer listed as doubtful). */
  confirmed: number[];
}

/**
 * The cells of a table whose figure was recognised with a doubtful digit (their `ocr` flag), each with
 * where the figure stands in `text` and the figure as it stands there.
 */
function doubtfulCells(t: Table, text: string): { at: number; figure: string; ocr: CellOcr }[] {
  const out: { at: number; figure: string; ocr: CellOcr }[] = [];
  for (const row of t.rows) {
    for (const c of row.cells) {
      const ocr = c.ocr;
      if (!ocr || ocr.unreadable || !ocr.doubtful.length) continue;
      const figure = ocr.readings[0];
      const at = text.indexOf(figure, c.cell.start);
      if (figure && at >= 0 && at + figure.length <= c.cell.end) out.push({ at, figure, ocr });
    }
  }
  return out;
}

/** What a doubtful figure may be instead: its second reading, and each doubtful digit changed to a digit it is confused with (same length). */
function alternatives(figure: string, ocr: CellOcr): string[] {
  const seen = new Set<string>([figure]);
  const out: string[] = [];
  const add = (to: string) => { if (!seen.has(to) && to.length === figure.length) { seen.add(to); out.push(to); } };
  const second = ocr.readings[1];
  if (second && second.length === figure.replace(/,/g, '').length && !figure.includes(',')) add(second);
  let k = -1;
  for (let i = 0; i < figure.length; i++) {
    if (!/\d/.test(figure[i])) continue;
    k++;
    if (!ocr.doubtful.includes(k)) continue;
    for (const d of CONFUSED[figure[i]] ?? '') add(figure.slice(0, i) + d + figure.slice(i + 1));
  }
  return out;
}

const finding = (code: string, severity: Diagnostic['severity'], start: number, end: number, message: Msg): Diagnostic => ({ code, severity, start, end, message, suggestions: [] });

/**
 * Analyzes a recognised text: corrections by identity first, then the findings on the readings.
 * `scanned(line)` says whether a line (0-based) was recognised: there, a wording finding (a character
 * or a mark off the official wording) is as likely the engine's misreading as the publisher's, and is
 * given as information, not as a warning; an error on the form of a figure cell or on the rows of a
 * table (cell-value, blank-cell, table-shape) is a warning there.
 */
export function analyzeReadings(text: string, readings: readonly OcrReading[], options: AnalyzeOptions, scanned: (line: number) => boolean = () => true): ReadingsResult {
  // Every analysis here lowers the tables with the readings: recognised cells carry their `ocr` flag.
  const withReadings: AnalyzeOptions = { ...options, readings };
  const identity = new Set(ruleIdsTagged('identity'));
  const only: AnalyzeOptions = { ...withReadings, rules: Object.fromEntries(RULES.map((r) => [r.id, identity.has(r.id) ? (options.rules?.[r.id] === 'off' ? 'off' : 'error') : 'off'])) };
  const within = (t: Table, at: number) => at >= t.start && at <= t.end;
  const failing = (a: Analysis, t: Table) => a.diagnostics.filter((d) => identity.has(d.code) && within(t, d.start)).length;
  const first = analyze(text, only);
  const notes: Diagnostic[] = [];
  // Offsets of the figures taken otherwise by identity (a correction keeps the figure's length: offsets hold).
  const corrected = new Set<number>();
  for (const t of first.report.tables) {
    const here = doubtfulCells(t, text);
    if (!here.length || readings.some((r) => r.unreadable && within(t, r.offset)) || !failing(first, t)) continue;
    const tries = here.flatMap(({ at, figure, ocr }) => alternatives(figure, ocr).map((to) => ({ at, from: figure, to })));
    const good = tries.slice(0, MAX_TRIES).filter(({ at, from, to }) => {
      const a = analyze(text.slice(0, at) + to + text.slice(at + from.length), only);
      const same = a.report.tables.find((x) => x.kind === t.kind && x.start === t.start);
      return same !== undefined && failing(a, same) === 0;
    });
    if (good.length !== 1 || tries.length > MAX_TRIES) continue;
    const { at, from, to } = good[0];
    text = text.slice(0, at) + to + text.slice(at + from.length);
    corrected.add(at);
    notes.push(finding('ocr-reading', 'info', at, at + to.length, msg(`识别为 ${from}，按勾稽关系取 ${to}`, `read as ${from}; taken as ${to} by the table's identities`)));
  }
  // A table whose identities hold as read: a doubtful figure is confirmed when each other reading of it
  // breaks an identity (the figure as read is then the one choice that makes them all hold).
  const confirmed = new Set<number>();
  for (const t of first.report.tables) {
    if (failing(first, t) || readings.some((r) => r.unreadable && within(t, r.offset))) continue;
    let budget = MAX_TRIES * 2;
    for (const { at, figure, ocr } of doubtfulCells(t, text)) {
      const others = alternatives(figure, ocr);
      if (!others.length || (budget -= others.length) < 0) break;
      const breaks = others.every((to) => {
        const a = analyze(text.slice(0, at) + to + text.slice(at + figure.length), only);
        const same = a.report.tables.find((x) => x.kind === t.kind && x.start === t.start);
        return same !== undefined && failing(a, same) > 0;
      });
      if (breaks) confirmed.add(at);
    }
  }
  const analysis = analyze(text, withReadings);
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
    const doubt = doubtfulCells(t, text).filter((c) => !corrected.has(c.at) && !confirmed.has(c.at));
    if (doubt.length) {
      const list = doubt.slice(0, 5).map((c) => c.figure).join('、') + (doubt.length > 5 ? '…' : '');
      notes.push(finding('ocr-reading', 'info', doubt[0].at, doubt[0].at + doubt[0].figure.length, msg(
        `${tableName(t.kind).zh}有 ${doubt.length} 个数字识别不确定（${list}），请对照原件`,
        `${doubt.length} figures of ${tableName(t.kind).en} were not read with certainty (${list}): compare with the original`)));
    }
  }
  const wording = new Set(ruleIdsTagged('wording'));
  // The form of a figure cell (not a number, blank) and rows that could not be placed: as likely a
  // misreading of the scan as the publisher's error, so a warning at most (the finding says it was recognised).
  const misread = new Set([...ruleIdsTagged('figures'), 'table-shape']);
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
    .map((d) => {
      if ((d.severity !== 'warning' && d.severity !== 'error') || !scanned(lineOf(d.start))) return d;
      if (wording.has(d.code)) return { ...d, severity: 'info' as const };
      return d.severity === 'error' && misread.has(d.code) ? { ...d, severity: 'warning' as const } : d;
    });
  analysis.diagnostics = [...kept, ...notes].sort((p, q) => p.start - q.start);
  return { text, analysis, confirmed: [...confirmed].sort((p, q) => p - q) };
}
