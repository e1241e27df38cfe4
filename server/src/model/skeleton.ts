/**
 * Empty skeletons of the six sections and of tables 二, 三 and 四, rendered from the template in any
 * of the four layouts. The missing-section fix and the snippets both use these, so what the editor
 * inserts is always something the parser reads back as the official table.
 */
import { type Layout, trimWhere } from '../syntax/parse';
import {
  FormatVersion, SECTIONS, T2_ITEMS, T3_BALANCE_NOTE, T3_COLUMNS, T3_ROWS, T3_RESULT_GROUP, T4_GROUPS, T4_PARTS, TableKind,
  sectionTitle,
} from './template';

type Grid = string[][];

function t2Grid(version: FormatVersion): Grid {
  const grid: Grid = [];
  for (const item of T2_ITEMS) {
    const v = item.versions[version];
    if (!v) continue;
    grid.push([item.label]);
    grid.push(['信息内容', ...v.columns.map((c) => c.label)]);
    for (const r of v.rows) grid.push([r.label, ...v.columns.map(() => '')]);
  }
  return grid;
}

function t3Grid(version: FormatVersion): Grid {
  const n = T3_COLUMNS.length;
  const grid: Grid = [
    [T3_BALANCE_NOTE, '申请人情况', ...Array(n - 1).fill('')],
    ['', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  let resultsStarted = false;
  for (const def of T3_ROWS[version]) {
    if (def.groups.includes(T3_RESULT_GROUP) && !resultsStarted) {
      resultsStarted = true;
      grid.push([T3_RESULT_GROUP]);
    }
    if (def.role === 'group') grid.push([def.label]);
    else grid.push([def.label, ...Array(n).fill('')]);
  }
  return grid;
}

function t4Grid(): Grid {
  const parts = [...T4_PARTS];
  return [
    ['行政复议', '', '', '', '', '行政诉讼', ...Array(9).fill('')],
    [...parts, T4_GROUPS[1].label, '', '', '', '', T4_GROUPS[2].label, '', '', '', ''],
    ['', '', '', '', '', ...parts, ...parts],
    Array(T4_GROUPS.length * parts.length).fill(''),
  ];
}

export function tableGrid(kind: TableKind, version: FormatVersion): Grid {
  return kind === 't2' ? t2Grid(version) : kind === 't3' ? t3Grid(version) : t4Grid();
}

export function renderGrid(grid: Grid, layout: Layout, eol = '\n'): string {
  const width = Math.max(...grid.map((r) => r.length));
  const full = grid.map((r) => [...r, ...Array(width - r.length).fill('')]);
  switch (layout) {
    case 'tab':
      return full.map((r) => r.join('\t')).join(eol);
    case 'pipe':
      return full.map((r) => `| ${r.join(' | ')} |`).join(eol);
    case 'markdown': {
      const [head, ...rest] = full;
      return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rest.map((r) => `| ${r.join(' | ')} |`)].join(eol);
    }
    case 'cells':
      // Word's export: each cell on its own line after a tab, rows separated by a blank line.
      return grid.map((r) => r.map((c) => `\t${c}`).join(eol)).join(eol + eol);
  }
}

export function renderTable(kind: TableKind, version: FormatVersion, layout: Layout, eol = '\n'): string {
  return renderGrid(tableGrid(kind, version), layout, eol);
}

/** A section's heading and, for 二/三/四, its empty table. */
export function renderSection(index: number, version: FormatVersion, layout: Layout, opts: { eol?: string; headingPrefix?: string } = {}): string {
  const eol = opts.eol ?? '\n';
  const section = SECTIONS[index - 1];
  const heading = `${opts.headingPrefix ?? ''}${sectionTitle(index, version)}`;
  return section.table ? `${heading}${eol}${eol}${renderTable(section.table, version, layout, eol)}` : heading;
}

export function renderReport(version: FormatVersion, layout: Layout, eol = '\n'): string {
  const year = version === '2019' ? '2020' : '2025';
  const body = SECTIONS.map((s) => `${renderSection(s.index, version, layout, { eol })}${eol}${eol}${s.table ? '' : `${eol}`}`);
  return trimWhere(`XX单位${year}年政府信息公开工作年度报告${eol}${eol}${body.join('')}`, /[\r\n]/, 'end') + eol;
}
