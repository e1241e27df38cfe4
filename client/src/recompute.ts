/**
 * 「重新计算全部合计」 from the palette or a code lens: asks the server to recompute, then says what
 * changed (已重新计算 2 处合计) or that nothing needed changing.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { CLIENT_COMMAND, RecomputeResult, SERVER_COMMAND } from '../../server/src/lsp/protocol';
import { Msg, msg, text, uiLocale } from './locale';

const NO_ANSWER = msg('未能重新计算合计：报告检查服务没有响应', 'Could not recompute totals: the report checker did not answer');
const CHANGED_MEANWHILE = msg('未重新计算：文档已更改，请重试', 'Totals not recomputed: the document changed; try again');
const UNRESOLVED = (n: number) => msg(`有 ${n} 处合计不平衡，但无法确定是哪个数字有误，未作修改：请核对标出的数字`,
  `${n} totals do not add up, but which figure is wrong cannot be told; nothing changed — check the marked figures`);
const ALL_RIGHT = msg('所有合计都正确，无需重新计算', 'Every total is right; nothing to recompute');
const RECOMPUTED = (n: number) => msg(`已重新计算 ${n} 处合计`, `Recomputed ${n} ${n === 1 ? 'total' : 'totals'}`);
const FAILED = msg('未能重新计算合计', 'Could not recompute totals');

/** The message shown after a recompute, from the server's answer. */
export function recomputeMessage(result: RecomputeResult | undefined): Msg {
  if (!result) return NO_ANSWER;
  if (!result.applied) return CHANGED_MEANWHILE;
  if (result.changed === 0 && result.unresolved) return UNRESOLVED(result.unresolved);
  if (result.changed === 0) return ALL_RIGHT;
  return RECOMPUTED(result.changed);
}

/** Runs the recompute and shows what it did; returns the server's answer and the message shown. */
export async function recompute(uri?: vscode.Uri | string, version?: number): Promise<(RecomputeResult & { message: string }) | undefined> {
  const target = uri?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!target) return undefined;
  let result: RecomputeResult | undefined;
  try {
    result = await vscode.commands.executeCommand<RecomputeResult>(SERVER_COMMAND.recomputeTotals, target, ...(version === undefined ? [] : [version]));
  } catch (err) {
    void vscode.window.showWarningMessage(`${text(FAILED, uiLocale())}: ${(err as Error)?.message ?? err}`);
    return undefined;
  }
  const message = text(recomputeMessage(result), uiLocale());
  void vscode.window.showInformationMessage(message);
  return result && { ...result, message };
}

/** Code lenses that recompute go through the client command, so they say what they changed too. */
export const lensMiddleware: Middleware = {
  async provideCodeLenses(document, token, next) {
    const lenses = await next(document, token);
    for (const l of lenses ?? []) {
      if (l.command?.command === SERVER_COMMAND.recomputeTotals) l.command = { ...l.command, command: CLIENT_COMMAND.recomputeTotals };
    }
    return lenses;
  },
};
