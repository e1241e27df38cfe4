/**
 * 「对比上年报告」: opens last year's report of the same body beside this one, at the same section, with
 * the passages that repeat last year's text marked in both. The passages come from the server's
 * copied-text analysis (`ogiReport/copiedPassages`), so the editor marks what the rule measures.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMAND, COPIED_PASSAGES_REQUEST, CopiedPassages, CopiedPassagesParams, Range } from '../../server/src/lsp/protocol';
import { msg, text, uiLocale } from './locale';

const SAME_TEXT = (year: number | null) => msg(`与${year ?? '上'}年报告相同的文字（\`copied-text\`）`, `Same text as the ${year ?? 'previous year\'s'} report (\`copied-text\`)`);
const NO_PREVIOUS = msg('工作区中没有找到本单位上一年度的报告（请把上年报告放在同一工作区，标题写明单位和年度）',
  'No report of this body for the previous year was found in the workspace (its title must name the body and year)');
const COMPARED = (year: number | null, passages: number, chars: number) => msg(
  `对比 ${year ?? ''} 年报告：标出 ${passages} 处相同文字（共 ${chars} 字）`,
  `Compared with the ${year ?? ''} report: ${passages} repeated passage(s), ${chars} characters`);

/** What the command did, for its callers and tests: the message it showed is in the `ogiReport.locale` language. */
export interface CompareResult {
  previous: string | null; passages: number; previousLine: number | null; message?: string;
  /** Where last year's report was opened: the heading's character on `previousLine`, and the section's number. */
  previousCharacter?: number | null; section?: number | null;
}

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export function registerCompare(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const copied = vscode.window.createTextEditorDecorationType({
    backgroundColor: 'rgba(255, 196, 0, 0.22)',
    overviewRulerColor: 'rgba(255, 196, 0, 0.8)',
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });

  const compare = async (uri?: vscode.Uri): Promise<CompareResult> => {
    const editor = uri
      ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) ?? await vscode.window.showTextDocument(uri)
      : vscode.window.activeTextEditor;
    const c = client();
    const none: CompareResult = { previous: null, passages: 0, previousLine: null };
    if (!editor || !c) return none;
    const params: CopiedPassagesParams = { uri: editor.document.uri.toString() };
    const r = await c.sendRequest<CopiedPassages>(COPIED_PASSAGES_REQUEST, params);
    const loc = uiLocale();
    if (!r.previous) {
      const message = text(NO_PREVIOUS, loc);
      void vscode.window.showInformationMessage(message);
      return { ...none, message };
    }
    // The section the cursor is in, and the same section's heading in last year's report (by line and
    // character: on run-on text, a crawler's page with the body on one line, the headings share a line).
    const cursor = editor.selection.active;
    const here = [...r.sections].reverse().find((s) => s.line < cursor.line || (s.line === cursor.line && (s.character ?? 0) <= cursor.character));
    const line = here?.previousLine ?? 0;
    const character = here?.previousLine != null ? here.previousCharacter ?? 0 : 0;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(r.previous.uri));
    const target = new vscode.Range(line, character, line, character);
    const beside = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, selection: target });
    beside.revealRange(target, vscode.TextEditorRevealType.AtTop);
    const hoverMessage = new vscode.MarkdownString(text(SAME_TEXT(r.previous.year), loc));
    editor.setDecorations(copied, r.passages.map((p) => ({ range: toRange(p.range), hoverMessage })));
    beside.setDecorations(copied, r.passages.map((p) => ({ range: toRange(p.previousRange), hoverMessage })));
    const chars = r.passages.reduce((n, p) => n + p.chars, 0);
    const message = text(COMPARED(r.previous.year, r.passages.length, chars), loc);
    vscode.window.setStatusBarMessage(message, 8000);
    return { previous: r.previous.uri, passages: r.passages.length, previousLine: here?.previousLine ?? null, previousCharacter: here?.previousCharacter ?? null, section: here?.index ?? null, message };
  };

  context.subscriptions.push(copied, vscode.commands.registerCommand(CLIENT_COMMAND.compareWithLastYear, compare));
}
