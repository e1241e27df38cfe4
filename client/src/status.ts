/**
 * The report's status at a glance: a status bar item for the active report (年报：2 错误 · 3 提示, or
 * 年报：✓) that follows its diagnostics, and a quick pick of the findings that jumps to the chosen one.
 * Also the command that checks every report of the workspace (workspace diagnostics on the server).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, CLIENT_COMMAND, CheckSummary } from '../../server/src/lsp/protocol';
import { Locale, Msg, join, msg, text, uiLocale } from './locale';

const LANGUAGE = 'ogi-report';
const SOURCE = 'ogi-report';

/** A table's code lens title (表二 …, Table 二 …). */
const TABLE_LENS = /^(?:表[二三四]|Table [二三四])/;

const plural = (n: number, one: string) => `${n} ${one}${n > 1 ? 's' : ''}`;
const ERRORS = (n: number) => msg(`${n} 错误`, plural(n, 'error'));
const WARNINGS = (n: number) => msg(`${n} 警告`, plural(n, 'warning'));
const NOTES = (n: number) => msg(`${n} 提示`, plural(n, 'note'));
const REPORT = msg('年报：', 'Report: ');
const TOOLTIP = msg('本年报的检查结果：点击查看列表', 'Findings in this report: click to list them');
const LINE = (n: number) => msg(`第 ${n} 行`, `line ${n}`);
const NO_FINDINGS = msg('本年报未发现问题。', 'No findings in this report.');
const GO_TO = msg('转到检查结果', 'Go to a finding');
const OPEN_FOLDER = msg('请先打开一个文件夹，再检查其中的年报。', 'Open a folder to check its reports.');
const SHOW_PROBLEMS = msg('打开“问题”面板', 'Show Problems');
const CHECKED = (s: CheckSummary): Msg => msg(
  `已检查 ${s.files} 份年报：${s.errors} 处错误，${s.warnings} 处警告${s.unreadable ? `；${s.unreadable} 个文件无法读取` : ''}。`,
  `Checked ${s.files} report${s.files === 1 ? '' : 's'}: ${s.errors} errors, ${s.warnings} warnings${s.unreadable ? `; ${s.unreadable} unreadable` : ''}.`);

export interface Counts { errors: number; warnings: number; notes: number }

export function countFindings(ds: readonly vscode.Diagnostic[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, notes: 0 };
  for (const d of ds) {
    if (d.severity === vscode.DiagnosticSeverity.Error) c.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) c.warnings++;
    else c.notes++;
  }
  return c;
}

/** "年报：2 错误 · 3 提示", or "年报：✓" when nothing is found. */
export function statusText(c: Counts, locale: Locale = 'zh-cn'): string {
  const shown = [c.errors && ERRORS(c.errors), c.warnings && WARNINGS(c.warnings), c.notes && NOTES(c.notes)].filter((m): m is Msg => !!m);
  return text(REPORT, locale) + (shown.length ? text(join(shown, ' · '), locale) : '✓');
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

export function registerStatus(context: vscode.ExtensionContext, client: LanguageClient): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('ogiReport.status', vscode.StatusBarAlignment.Left, 50);
  item.name = '政府信息公开年报检查';
  item.command = CLIENT_COMMAND.showFindings;

  let generation = 0;
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE) { item.hide(); return; }
    const c = countFindings(ours(doc.uri));
    const loc = uiLocale();
    item.text = `${c.errors ? '$(error) ' : c.warnings ? '$(warning) ' : ''}${statusText(c, loc)}`;
    item.tooltip = text(TOOLTIP, loc);
    item.backgroundColor = c.errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
    // Each table's state under it, as the code lens says it (one count of unreadable rows and blank cells).
    const mine = ++generation;
    void Promise.resolve(vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).then((lenses) => {
      if (mine !== generation) return;
      const tables = (lenses ?? []).map((l) => l.command?.title ?? '').filter((t) => t && TABLE_LENS.test(t)).map((t) => t.split(' — ')[0]);
      item.tooltip = [text(TOOLTIP, loc), ...tables].join('\n');
    }, () => undefined);
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument(() => update()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('ogiReport.locale')) update(); }),
    vscode.commands.registerCommand(CLIENT_COMMAND.showFindings, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE) return;
      const loc = uiLocale();
      const icon = { [vscode.DiagnosticSeverity.Error]: '$(error)', [vscode.DiagnosticSeverity.Warning]: '$(warning)', [vscode.DiagnosticSeverity.Information]: '$(info)', [vscode.DiagnosticSeverity.Hint]: '$(lightbulb)' };
      const ds = ours(editor.document.uri).sort((a, b) => a.severity - b.severity || a.range.start.compareTo(b.range.start));
      const items = ds.map((d) => ({
        label: `${icon[d.severity]} ${d.message}`,
        description: text(LINE(d.range.start.line + 1), loc),
        detail: editor.document.getText(d.range).slice(0, 60) || undefined,
        diagnostic: d,
      }));
      if (!items.length) {
        void vscode.window.showInformationMessage(text(NO_FINDINGS, loc));
        return;
      }
      const pick = await vscode.window.showQuickPick(items, { placeHolder: text(GO_TO, loc), matchOnDescription: true });
      if (!pick) return;
      const target = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
      target.selection = new vscode.Selection(pick.diagnostic.range.start, pick.diagnostic.range.end);
      target.revealRange(pick.diagnostic.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(CLIENT_COMMAND.checkWorkspace, async () => {
      const loc = uiLocale();
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage(text(OPEN_FOLDER, loc));
        return undefined;
      }
      const s = await client.sendRequest<CheckSummary>(CHECK_WORKSPACE_REQUEST, {});
      void vscode.window.showInformationMessage(text(CHECKED(s), loc), text(SHOW_PROBLEMS, loc)).then((b) => {
        if (b) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return s;
    }),
  );
  update();
  return item;
}
