/**
 * The light bulb's 「选中可能有误的单元格」: when the table identities cannot tell which figures are
 * wrong, the server offers this command with the candidate cells; it selects them all in the editor
 * (one selection per cell) and reveals the first, so the writer sees every cell to check at once.
 */
import * as vscode from 'vscode';
import { CLIENT_COMMAND, Range } from '../../server/src/lsp/protocol';

async function showCells(uri: unknown, ranges: unknown): Promise<void> {
  if (typeof uri !== 'string' || !Array.isArray(ranges) || !ranges.length) return;
  const target = vscode.Uri.parse(uri);
  const doc = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const selections = (ranges as Range[]).map((r) => new vscode.Selection(r.start.line, r.start.character, r.end.line, r.end.character));
  editor.selections = selections;
  editor.revealRange(selections[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerCells(): vscode.Disposable {
  return vscode.commands.registerCommand(CLIENT_COMMAND.showCells, showCells);
}
