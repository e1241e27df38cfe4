/**
 * 「新建政府信息公开工作年度报告」: asks for the agency, the year (the format version follows it) and the
 * table layout, then opens an untitled report with the whole skeleton inserted as a snippet. Tests pass
 * `{agency, year, layout}` to skip the prompts. Also the full-article view behind hover links, and the
 * table snippets in plain-text and Markdown documents that look like reports.
 */
import * as vscode from 'vscode';
import { LAYOUTS, lastYear, renderNewReportSnippet } from '../../server/src/service/new-report';
import { buildSnippets } from '../../server/src/service/snippets';
import { ARTICLES } from '../../server/src/service/statute';
import { FORMAT_2021_FROM_YEAR } from '../../server/src/model/template';
import type { Layout } from '../../server/src/syntax/parse';
import { CLIENT_COMMAND } from '../../server/src/lsp/protocol';
import { msg, text, uiLocale } from './locale';

export interface NewReportArgs { agency?: string; year?: number; layout?: Layout }

const TITLE = msg('新建政府信息公开工作年度报告', 'New annual report (新建政府信息公开工作年度报告)');
const versionNote = (year: number) => (year >= FORMAT_2021_FROM_YEAR
  ? msg('2021 格式（国办公开办函〔2021〕30号）', '2021 format (国办公开办函〔2021〕30号)')
  : msg('2019 试行格式（国办公开办函〔2019〕60号）', '2019 trial format (国办公开办函〔2019〕60号)'));
const ASK = {
  agency: msg('机关名称（出现在标题和正文中）', 'Name of the body (in the title and the text)'),
  agencyExample: msg('例如：清河镇人民政府', 'e.g. 清河镇人民政府'),
  year: (y: number) => msg(`${y} 年度`, `${y}`),
  yearHint: msg('报告年度（默认上一年度；格式版本随年度确定）', 'Year of the report (last year by default; the format follows the year)'),
  layout: msg('统计表的写法', 'How the tables are written'),
};

async function ask(args: NewReportArgs): Promise<Required<NewReportArgs> | undefined> {
  const loc = uiLocale();
  const step = (n: number) => `${text(TITLE, loc)}（${n}/3）`;
  const agency = args.agency ?? await vscode.window.showInputBox({
    title: step(1), prompt: text(ASK.agency, loc), placeHolder: text(ASK.agencyExample, loc), ignoreFocusOut: true,
  });
  if (agency === undefined) return undefined;
  let year = args.year;
  if (year === undefined) {
    const first = lastYear();
    const items = Array.from({ length: Math.max(1, first - 2019 + 1) }, (_, i) => first - i)
      .map((y) => ({ label: text(ASK.year(y), loc), description: text(versionNote(y), loc), year: y }));
    const pick = await vscode.window.showQuickPick(items, { title: step(2), placeHolder: text(ASK.yearHint, loc), ignoreFocusOut: true });
    if (!pick) return undefined;
    year = pick.year;
  }
  let layout = args.layout;
  if (layout === undefined) {
    const pick = await vscode.window.showQuickPick(LAYOUTS.map((l) => ({ label: text(l.label, loc), detail: text(l.detail, loc), layout: l.layout })),
      { title: step(3), placeHolder: text(ASK.layout, loc), ignoreFocusOut: true });
    if (!pick) return undefined;
    layout = pick.layout;
  }
  return { agency, year, layout };
}

export async function newReport(args: NewReportArgs = {}): Promise<vscode.TextEditor | undefined> {
  const answers = await ask(args ?? {});
  if (!answers) return undefined;
  const { snippet } = renderNewReportSnippet(answers);
  const doc = await vscode.workspace.openTextDocument({ language: 'ogi-report', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  // Tabs are cell separators: keep them even where the user's settings turn tabs into spaces (newer VS Code).
  const keep = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true } as { undoStopBefore: boolean; undoStopAfter: boolean };
  await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0), keep);
  return editor;
}

/** The whole article, read-only, beside the editor (the link at the end of a statute hover). */
const STATUTE_SCHEME = 'ogi-statute';

export function registerStatuteView(): vscode.Disposable[] {
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent(uri) {
      const key = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.txt$/, ''));
      const a = Object.values(ARTICLES).find((x) => x.title === key);
      if (!a) return '';
      const body = a.paragraphs.map((p) => p.replace(/^\(([一二三四五六七八九十]{1,3})\)/, '（$1）')).join('\n\n');
      return `《中华人民共和国政府信息公开条例》${a.title}${a.partial ? '（节选）' : ''}\n\n${body}\n`;
    },
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(STATUTE_SCHEME, provider),
    vscode.commands.registerCommand(CLIENT_COMMAND.showArticle, async (article: string) => {
      const a = ARTICLES[article];
      if (!a) return undefined;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: STATUTE_SCHEME, path: `/${a.title}.txt` }));
      return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }),
  ];
}

const REPORT_HINT = /(政府信息公开|政务公开).{0,12}(年度报告|年报)|主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议、行政诉讼情况/;

/** A plain-text or Markdown document that names a report or one of its sections in its first 60 lines. */
export function looksLikeReport(doc: vscode.TextDocument): boolean {
  return REPORT_HINT.test(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 60), 0)).replace(/[ \t\u3000]+/g, ''));
}

function layoutOf(doc: vscode.TextDocument): Layout {
  if (doc.languageId === 'markdown') return 'markdown';
  const text = doc.getText();
  return /^\|.*\|\s*$/m.test(text) ? 'pipe' : 'tab';
}

/** The table snippets (表三（2021版）…) in plain-text and Markdown documents that look like reports. */
export function registerTableSnippets(): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider([{ language: 'plaintext' }, { language: 'markdown' }], {
    provideCompletionItems(doc, position) {
      if (!looksLikeReport(doc)) return undefined;
      const range = doc.getWordRangeAtPosition(position, /[表一二三四五（）()\d版]+/) ?? new vscode.Range(position, position);
      return Object.entries(buildSnippets(layoutOf(doc))).map(([name, s]) => {
        const item = new vscode.CompletionItem({ label: s.prefix, description: name.slice(s.prefix.length).trim() }, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(s.body.join('\n'));
        item.detail = s.description;
        item.range = range;
        item.filterText = s.prefix;
        item.keepWhitespace = true; // tabs are cell separators
        return item;
      });
    },
  });
}
