/**
 * 「重新计算全部合计」 from the palette or a code lens: asks the server to recompute, then says what
 * changed (已重新计算 2 处合计) or that nothing needed changing.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { t } from './locale';

export const SERVER_RECOMPUTE = 'ogiReport.server.recomputeTotals';
export const CLIENT_RECOMPUTE = 'ogiReport.recomputeTotals';

interface RecomputeResult { applied: boolean; changed: number; unresolved?: number }

/** The message shown after a recompute, from the server's answer. */
export function recomputeMessage(result: RecomputeResult | undefined): string {
  if (!result) return t('未能重新计算合计：报告检查服务没有响应', 'Could not recompute totals: the report checker did not answer');
  if (!result.applied) return t('未重新计算：文档已更改，请重试', 'Totals not recomputed: the document changed; try again');
  if (result.changed === 0 && result.unresolved) {
    return t(`有 ${result.unresolved} 处合计不平衡，但无法确定是哪个数字有误，未作修改：请核对标出的数字`,
      `${result.unresolved} totals do not add up, but which figure is wrong cannot be told; nothing changed — check the marked figures`);
  }
  if (result.changed === 0) return t('所有合计都正确，无需重新计算', 'Every total is right; nothing to recompute');
  return t(`已重新计算 ${result.changed} 处合计`, `Recomputed ${result.changed} ${result.changed === 1 ? 'total' : 'totals'}`);
}

/** Runs the recompute and shows what it did; returns the server's answer and the message shown. */
export async function recompute(uri?: vscode.Uri | string, version?: number): Promise<(RecomputeResult & { message: string }) | undefined> {
  const target = uri?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!target) return undefined;
  let result: RecomputeResult | undefined;
  try {
    result = await vscode.commands.executeCommand<RecomputeResult>(SERVER_RECOMPUTE, target, ...(version === undefined ? [] : [version]));
  } catch (err) {
    void vscode.window.showWarningMessage(`${t('未能重新计算合计', 'Could not recompute totals')}: ${(err as Error)?.message ?? err}`);
    return undefined;
  }
  const message = recomputeMessage(result);
  void vscode.window.showInformationMessage(message);
  return result && { ...result, message };
}

/** Code lenses that recompute go through the client command, so they say what they changed too. */
export const lensMiddleware: Middleware = {
  async provideCodeLenses(document, token, next) {
    const lenses = await next(document, token);
    for (const l of lenses ?? []) {
      if (l.command?.command === SERVER_RECOMPUTE) l.command = { ...l.command, command: CLIENT_RECOMPUTE };
    }
    return lenses;
  },
};
