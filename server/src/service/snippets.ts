/**
 * The table snippets shipped with the extension, generated from the template: one entry per table and
 * format version, with a Chinese prefix (表三（2021版）), figures at 0 and a tab stop on the first figure.
 * `npm run snippets` writes snippets/ogi-report.code-snippets; a unit test keeps the file equal to this
 * output. The whole report is the command 「新建政府信息公开工作年度报告」 (service/new-report.ts).
 */
import type { FormatVersion, TableKind } from '../model/template';
import type { Layout } from '../syntax/parse';
import { renderTableSnippet } from './new-report';

const TABLE_NAME: Record<TableKind, string> = { t2: '主动公开政府信息情况', t3: '收到和处理政府信息公开申请情况', t4: '政府信息公开行政复议、行政诉讼情况' };
const NUMERAL: Record<TableKind, string> = { t2: '二', t3: '三', t4: '四' };
const NOTICE: Record<FormatVersion, string> = { '2021': '国办公开办函〔2021〕30号，2021 年度起', '2019': '国办公开办函〔2019〕60号，2019、2020 年度' };

export interface Snippet { prefix: string; description: string; body: string[] }

/** Table 四 is the same in both versions, so it has one entry without a version. */
export const TABLE_SNIPPETS: { kind: TableKind; version: FormatVersion; versioned: boolean }[] = [
  { kind: 't2', version: '2021', versioned: true },
  { kind: 't2', version: '2019', versioned: true },
  { kind: 't3', version: '2021', versioned: true },
  { kind: 't3', version: '2019', versioned: true },
  { kind: 't4', version: '2021', versioned: false },
];

/** The table snippets in a layout, keyed by their Chinese name. */
export function buildSnippets(layout: Layout = 'tab'): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const { kind, version, versioned } of TABLE_SNIPPETS) {
    const prefix = `表${NUMERAL[kind]}${versioned ? `（${version}版）` : ''}`;
    out[`${prefix} ${TABLE_NAME[kind]}`] = {
      prefix,
      description: `插入表${NUMERAL[kind]}“${TABLE_NAME[kind]}”${versioned ? `（${NOTICE[version]}）` : '（两版格式相同）'}，数字从 0 开始`,
      body: (renderTableSnippet(kind, version, layout, 1) + '\n$0').split('\n'),
    };
  }
  return out;
}

export function renderSnippetsFile(): string {
  return JSON.stringify(buildSnippets('tab'), null, 2) + '\n';
}
