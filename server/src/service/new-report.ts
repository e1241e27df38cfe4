/**
 * A new report as a VS Code snippet: the whole skeleton of the format version the year calls for, in the
 * layout the writer picked, with tab stops on the agency, the year, the statistics period, each prose
 * section and the first figure of each table. Figures start at 0, so the tables of a fresh skeleton balance;
 * its prose sections hold placeholders, which `empty-section` reports until the writer replaces them.
 */
import { type Msg, msg } from '../base/msg';
import { type Layout } from '../syntax/parse';
import { renderGrid, tableGrid } from '../model/skeleton';
import { FormatVersion, SECTIONS, TableKind, sectionTitle, versionForYear } from '../model/template';

export interface NewReportOptions {
  agency?: string;
  year: number;
  layout: Layout;
}

export const LAYOUTS: { layout: Layout; label: Msg; detail: Msg }[] = [
  { layout: 'tab', label: msg('制表符分隔', 'Tab-separated'), detail: msg('从 Word 或 Excel 复制的表格：一行一行，单元格之间是制表符', 'A table copied from Word or Excel: one row per line, tabs between cells') },
  { layout: 'pipe', label: msg('竖线分隔', 'Separated by |'), detail: msg('单元格之间用 | 分隔', 'Cells separated by |') },
  { layout: 'markdown', label: msg('Markdown 表格', 'Markdown table'), detail: msg('带 |---| 分隔行的 Markdown 表格', 'A Markdown table with a |---| rule') },
  { layout: 'cells', label: msg('每格一行', 'One cell per line'), detail: msg('从 Word 导出的文本：每个单元格单独一行', 'Text exported from Word: each cell on a line of its own') },
];

/** Text that is literal in a snippet: `$`, `}` and `\` escaped. */
export const escapeSnippet = (s: string): string => s.replace(/[$}\\]/g, '\\$&');

const MARK = '\u0000';

/**
 * A table's grid with every figure cell 0. Rows whose cells after the label are all empty are figure
 * rows (header rows always carry a column name); a row of nothing but empty cells is a figure row too.
 */
function zeroGrid(kind: TableKind, version: FormatVersion): string[][] {
  return tableGrid(kind, version).map((row) => {
    if (row.length < 2) return row;
    if (row.every((c) => c === '')) return row.map(() => '0');
    if (row.slice(1).every((c) => c === '')) return [row[0], ...row.slice(1).map(() => '0')];
    return row;
  });
}

/** The table as snippet text, its first figure a tab stop `${n:0}`. */
export function renderTableSnippet(kind: TableKind, version: FormatVersion, layout: Layout, stop: number, eol = '\n'): string {
  const grid = zeroGrid(kind, version);
  outer: for (const row of grid) {
    for (let i = 0; i < row.length; i++) {
      if (row[i] === '0' && (i > 0 || row.every((c) => c === '0'))) { row[i] = MARK; break outer; }
    }
  }
  return escapeSnippet(renderGrid(grid, layout, eol)).replace(MARK, `\${${stop}:0}`);
}

export function lastYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

/** The report skeleton as one snippet, and the version it follows. */
export function renderNewReportSnippet(opts: NewReportOptions): { version: FormatVersion; snippet: string } {
  const version = versionForYear(opts.year);
  const agency = escapeSnippet(opts.agency?.trim() || 'XX单位');
  const notice = version === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  let stop = 4;
  const parts: string[] = [
    `\${1:${agency}}\${2:${opts.year}}年政府信息公开工作年度报告`,
    `本报告由\${1}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和《中华人民共和国政府信息公开工作年度报告格式》（${notice}）编制。本报告中所列数据的统计期限为\${3:\${2}年1月1日至\${2}年12月31日}。`,
  ];
  for (const s of SECTIONS) {
    parts.push(escapeSnippet(sectionTitle(s.index, version)));
    if (s.table) parts.push(renderTableSnippet(s.table, version, opts.layout, stop++));
    else parts.push(`\${${stop++}:${escapeSnippet(s.placeholder ?? '')}}`);
  }
  return { version, snippet: parts.join('\n\n') + '\n$0' };
}

/** What the snippet expands to with every placeholder left at its default (what the tests check). */
export function expandSnippet(snippet: string): string {
  const values = new Map<string, string>();
  // Placeholders nest at most two deep here; resolve the innermost first, remembering defaults for mirrors.
  let s = snippet;
  for (let i = 0; i < 4; i++) {
    s = s.replace(/\$\{(\d+):((?:[^${}\\]|\\.)*)\}/g, (_m, n: string, body: string) => {
      values.set(n, body);
      return body;
    });
    s = s.replace(/\$\{(\d+)\}|\$(\d+)/g, (m, a?: string, b?: string) => values.get(a ?? b ?? '') ?? (b === '0' || a === '0' ? '' : m));
  }
  return s.replace(/\\([$}\\])/g, '$1');
}
