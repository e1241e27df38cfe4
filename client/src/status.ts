/**
 * The report's status at a glance: a status bar item for the active report (年报：2 错误 · 3 提示, or
 * 年报：✓) that follows its diagnostics, and a quick pick of the findings that jumps to the chosen one.
 * Also the command that checks every report of the workspace (workspace diagnostics on the server).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const LANGUAGE = 'ogi-report';
const SOURCE = 'ogi-report';
export const SHOW_FINDINGS = 'ogiReport.showFindings';
const CHECK_WORKSPACE_REQUEST = 'ogiReport/checkWorkspace';

const english = () => vscode.workspace.getConfiguration('ogiReport').get<string>('locale') === 'en';

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
export function statusText(c: Counts, en = false): string {
  const parts = en
    ? [c.errors && `${c.errors} error${c.errors > 1 ? 's' : ''}`, c.warnings && `${c.warnings} warning${c.warnings > 1 ? 's' : ''}`, c.notes && `${c.notes} note${c.notes > 1 ? 's' : ''}`]
    : [c.errors && `${c.errors} 错误`, c.warnings && `${c.warnings} 警告`, c.notes && `${c.notes} 提示`];
  const shown = parts.filter(Boolean);
  return `${en ? 'Report: ' : '年报：'}${shown.length ? shown.join(' · ') : '✓'}`;
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

export function registerStatus(context: vscode.ExtensionContext, client: LanguageClient): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('ogiReport.status', vscode.StatusBarAlignment.Left, 50);
  item.name = '政府信息公开年报检查';
  item.command = SHOW_FINDINGS;

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE) { item.hide(); return; }
    const c = countFindings(ours(doc.uri));
    const en = english();
    item.text = `${c.errors ? '$(error) ' : c.warnings ? '$(warning) ' : ''}${statusText(c, en)}`;
    item.tooltip = en ? 'Findings in this report: click to list them' : '本年报的检查结果：点击查看列表';
    item.backgroundColor = c.errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
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
    vscode.commands.registerCommand(SHOW_FINDINGS, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE) return;
      const en = english();
      const icon = { [vscode.DiagnosticSeverity.Error]: '$(error)', [vscode.DiagnosticSeverity.Warning]: '$(warning)', [vscode.DiagnosticSeverity.Information]: '$(info)', [vscode.DiagnosticSeverity.Hint]: '$(lightbulb)' };
      const ds = ours(editor.document.uri).sort((a, b) => a.severity - b.severity || a.range.start.compareTo(b.range.start));
      const items = ds.map((d) => ({
        label: `${icon[d.severity]} ${d.message}`,
        description: en ? `line ${d.range.start.line + 1}` : `第 ${d.range.start.line + 1} 行`,
        detail: editor.document.getText(d.range).slice(0, 60) || undefined,
        diagnostic: d,
      }));
      if (!items.length) {
        void vscode.window.showInformationMessage(en ? 'No findings in this report.' : '本年报未发现问题。');
        return;
      }
      const pick = await vscode.window.showQuickPick(items, { placeHolder: en ? 'Go to a finding' : '转到检查结果', matchOnDescription: true });
      if (!pick) return;
      const target = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
      target.selection = new vscode.Selection(pick.diagnostic.range.start, pick.diagnostic.range.end);
      target.revealRange(pick.diagnostic.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('ogiReport.checkWorkspace', async () => {
      const en = english();
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage(en ? 'Open a folder to check its reports.' : '请先打开一个文件夹，再检查其中的年报。');
        return undefined;
      }
      const s = await client.sendRequest<{ files: number; errors: number; warnings: number; unreadable: number; cancelled?: boolean }>(CHECK_WORKSPACE_REQUEST, {});
      const text = en
        ? `Checked ${s.files} report${s.files === 1 ? '' : 's'}: ${s.errors} errors, ${s.warnings} warnings${s.unreadable ? `; ${s.unreadable} unreadable` : ''}.`
        : `已检查 ${s.files} 份年报：${s.errors} 处错误，${s.warnings} 处警告${s.unreadable ? `；${s.unreadable} 个文件无法读取` : ''}。`;
      void vscode.window.showInformationMessage(text, en ? 'Show Problems' : '打开“问题”面板').then((b) => {
        if (b) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return s;
    }),
  );
  update();
  return item;
}
