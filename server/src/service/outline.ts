/**
 * The document's outline: sections with their tables and each table's status, folding ranges, and
 * the code lens line shown above each table.
 */
import type { Analysis } from './analyze';
import type { Table } from '../model/report';
import { Msg, msg } from '../rules/rule';
import { SECTIONS } from '../model/template';
import { ruleIdsTagged } from '../rules';
import { tableTitle } from '../model/names';
import { countParts, tableCounts } from '../model/table-counts';
import { documentLine } from '../syntax/parse';

/** The identity rules: a table's arithmetic failures. */
const IDENTITY = new Set(ruleIdsTagged('identity'));

export interface OutlineNode {
  name: string;
  detail: Msg;
  kind: 'section' | 'table';
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: OutlineNode[];
}

/** Codes whose findings the counts of model/table-counts already say (rows that cannot be read, blank cells). */
const COUNTED = new Set(['table-shape', 'blank-cell']);

/**
 * "✓ 勾稽平衡" only when every row was read and every cell filled; otherwise what stops the check:
 * "✗ 3 处不平衡", "8 行无法读取", "90 个空白单元格" (counted by `tableCounts`, the one count the findings,
 * the preview and the status bar use), plus other errors inside the table. Never a tick on a table whose
 * rows could not all be read.
 */
export function tableStatus(a: Analysis, table: Table): { failures: number; text: Msg } {
  const inTable = a.diagnostics.filter((d) => d.start >= table.start && d.end <= table.end);
  const failures = inTable.filter((d) => IDENTITY.has(d.code)).length;
  const counted = countParts(tableCounts(table));
  const others = inTable.filter((d) => !IDENTITY.has(d.code) && !COUNTED.has(d.code) && d.severity === 'error').length;
  const zhV = table.version ? `（${table.version} 格式）` : '';
  const enV = table.version ? ` (${table.version} format)` : '';
  const zh: string[] = [];
  const en: string[] = [];
  if (failures) { zh.push(`✗ ${failures} 处不平衡`); en.push(`✗ ${failures} not balanced`); }
  for (const p of counted) { zh.push(p.zh); en.push(p.en); }
  if (others) { zh.push(`${others} 处其他错误`); en.push(`${others} other ${others === 1 ? 'error' : 'errors'}`); }
  if (zh.length === 0) {
    const text = table.kind === 't2' ? msg(`✓ 格式正确${zhV}`, `✓ format correct${enV}`) : msg('✓ 勾稽平衡', '✓ balanced');
    return { failures, text };
  }
  if (table.kind === 't2') { zh[zh.length - 1] += zhV; en[en.length - 1] += enV; }
  return { failures, text: msg(zh.join('，'), en.join(', ')) };
}

export function outline(a: Analysis): OutlineNode[] {
  const { report } = a;
  const lines = report.tree.lines;
  const tableNode = (t: Table): OutlineNode => ({
    name: tableTitle(t.kind).zh, detail: tableStatus(a, t).text, kind: 'table',
    start: t.start, end: t.end, selectionStart: t.start, selectionEnd: lines[t.startLine].end, children: [],
  });
  const nodes: OutlineNode[] = report.sections.map((s) => {
    const endLine = lastContentLine(a, s.startLine, s.endLine);
    return {
      name: `${SECTIONS[s.index - 1].numeral}、${s.heading.title}`,
      detail: msg('', ''), kind: 'section',
      start: s.heading.line.start, end: lines[endLine].end,
      selectionStart: s.heading.numeralStart, selectionEnd: s.heading.titleEnd,
      children: report.tables.filter((t) => t.startLine >= s.startLine && t.endLine <= s.endLine).map(tableNode),
    };
  });
  const orphans = report.tables.filter((t) => !report.sections.some((s) => t.startLine >= s.startLine && t.endLine <= s.endLine));
  return [...nodes, ...orphans.map(tableNode)].sort((x, y) => x.start - y.start);
}

function lastContentLine(a: Analysis, from: number, to: number): number {
  const lines = a.report.tree.lines;
  let end = Math.min(to, lines.length - 1);
  while (end > from && lines[end].text.trim() === '') end--;
  return end;
}

export interface Fold { startLine: number; endLine: number }

export function foldingRanges(a: Analysis): Fold[] {
  const folds: Fold[] = [];
  const lines = a.report.tree.lines;
  for (const s of a.report.sections) {
    const [from, to] = [documentLine(lines, s.startLine), documentLine(lines, lastContentLine(a, s.startLine, s.endLine))];
    if (to > from) folds.push({ startLine: from, endLine: to });
  }
  for (const t of a.report.tables) {
    const [from, to] = [documentLine(lines, t.startLine), documentLine(lines, t.endLine)];
    if (to > from) folds.push({ startLine: from, endLine: to });
  }
  return folds;
}

export interface Lens { line: number; title: Msg; recompute: boolean }

export function codeLenses(a: Analysis): Lens[] {
  return a.report.tables.map((t) => {
    const status = tableStatus(a, t);
    const fixable = a.diagnostics.some((d) => d.start >= t.start && d.end <= t.end && IDENTITY.has(d.code) && d.fix);
    return {
      line: documentLine(a.report.tree.lines, t.startLine),
      title: {
        zh: `${tableTitle(t.kind).zh}：${status.text.zh}${fixable ? ' — 重新计算合计' : ''}`,
        en: `${tableTitle(t.kind).en}: ${status.text.en}${fixable ? ' — recompute totals' : ''}`,
      },
      recompute: fixable,
    };
  });
}
