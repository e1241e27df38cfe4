/**
 * The snippets shipped with the extension, generated from the template: the whole report skeleton for
 * each format version and each standard table in each layout users have. `npm run snippets` writes
 * snippets/ogi-report.code-snippets; a unit test keeps the file equal to this output.
 */
import { renderReport, renderTable } from '../model/skeleton';
import type { TableKind } from '../model/template';
import type { Layout } from '../syntax/parse';

const LAYOUT_NAME: Record<Layout, string> = { tab: '制表符分隔', pipe: '竖线分隔', markdown: 'Markdown 表格', cells: '每格一行（Word 导出）' };
const LAYOUT_KEY: Record<Layout, string> = { tab: 'tab', pipe: 'pipe', markdown: 'md', cells: 'cells' };
const TABLE_NAME: Record<TableKind, string> = { t2: '表二 主动公开政府信息情况', t3: '表三 收到和处理政府信息公开申请情况', t4: '表四 行政复议、行政诉讼情况' };

interface Snippet { prefix: string[]; description: string; body: string[] }

const escape = (s: string) => s.replace(/\$/g, '\\$');

export function buildSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const version of ['2021', '2019'] as const) {
    out[`年度报告全文（${version} 格式）`] = {
      prefix: [`report${version}`, `年报${version}`],
      description: `政府信息公开工作年度报告全文骨架（${version === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号，适用于 2019、2020 年度'}）`,
      body: escape(renderReport(version, 'tab')).split('\n'),
    };
    for (const kind of ['t2', 't3', 't4'] as const) {
      if (kind === 't4' && version === '2019') continue; // table 四 is the same in both versions
      for (const layout of ['tab', 'pipe', 'markdown', 'cells'] as const) {
        const v = kind === 't4' ? '' : version;
        out[`${TABLE_NAME[kind]}${v ? `（${v} 格式）` : ''}·${LAYOUT_NAME[layout]}`] = {
          prefix: [`${kind.replace('t', 'table')}${v ? `-${v}` : ''}-${LAYOUT_KEY[layout]}`],
          description: `${TABLE_NAME[kind]}${v ? `，${v} 格式` : ''}，${LAYOUT_NAME[layout]}`,
          body: escape(renderTable(kind, version, layout)).split('\n'),
        };
      }
    }
  }
  return out;
}

export function renderSnippetsFile(): string {
  return JSON.stringify(buildSnippets(), null, 2) + '\n';
}
