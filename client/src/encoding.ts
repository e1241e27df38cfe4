/**
 * A GBK (GB18030) report opened as UTF-8 shows as mojibake in Plain Text, whatever its name: the server never
 * sees plain-text documents, so the client looks at the opened text and, when it is garbled, at the file's
 * bytes. When they are a GB18030 report it offers to reopen the file in that encoding. And a file open in
 * another language than the report's keeps no diagnostics from the workspace check (they were computed
 * from the bytes on disk, not from the text on screen): the server is told, and drops them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPENED_AS_TEXT_NOTIFICATION, OpenedAsTextParams } from '../../server/src/lsp/protocol';
import { MAX_BYTES, gb18030Report, looksMisdecoded } from '../../server/src/service/gbk-report';
import { msg, text, uiLocale } from './locale';

const LANGUAGE = 'ogi-report';

const OFFER = (name: string) => msg(
  `“${name}”是 GBK（GB18030）编码的政府信息公开工作年度报告，现按 UTF-8 显示为乱码。以 GB18030 重新打开后即可检查。`,
  `"${name}" is an annual report encoded in GBK (GB18030), shown garbled as UTF-8. Reopen it as GB18030 to check it.`);
const REOPEN = msg('以 GB18030 重新打开', 'Reopen as GB18030');
const PICK = msg('请选择“通过编码重新打开”，再选择“简体中文 (GB 18030)”或“简体中文 (GBK)”。', 'Choose "Reopen with Encoding", then "Simplified Chinese (GB 18030)" or "(GBK)".');

/** What the check did for a document, for tests. */
export type EncodingOutcome = 'not-garbled' | 'not-a-report' | 'offered' | 'skipped';

export interface EncodingCheck {
  /** Looks at one document now; `answer` stands for the user's click (the e2e suite passes it). */
  check(doc: vscode.TextDocument, answer?: boolean): Promise<EncodingOutcome>;
}

export function registerEncodingCheck(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): EncodingCheck {
  const told = new Set<string>();
  const offered = new Set<string>();
  const tell = (uri: vscode.Uri, open: boolean) => {
    const key = uri.toString();
    if (open === told.has(key)) return;
    if (open) told.add(key); else told.delete(key);
    const params: OpenedAsTextParams = { uri: key, open };
    void client()?.sendNotification(OPENED_AS_TEXT_NOTIFICATION, params).catch(() => undefined);
  };

  const reopen = async (doc: vscode.TextDocument): Promise<void> => {
    // VS Code 1.100+: open the document again with the encoding; older versions: its own encoding picker.
    const workspace = vscode.workspace as unknown as { openTextDocument(u: vscode.Uri, o: { encoding: string }): Thenable<vscode.TextDocument> };
    if ('encoding' in doc) {
      try {
        const again = await workspace.openTextDocument(doc.uri, { encoding: 'gb18030' });
        if (!looksMisdecoded(again.getText())) { await vscode.window.showTextDocument(again); return; }
      } catch {
        /* fall back to the picker */
      }
    }
    await vscode.window.showTextDocument(doc);
    void vscode.window.setStatusBarMessage(text(PICK, uiLocale()), 15_000);
    await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
  };

  const check = async (doc: vscode.TextDocument, answer?: boolean): Promise<EncodingOutcome> => {
    if (doc.uri.scheme !== 'file' || doc.languageId === LANGUAGE) return 'skipped';
    if (!looksMisdecoded(doc.getText())) return 'not-garbled';
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(doc.uri);
      if (stat.size > MAX_BYTES) return 'not-a-report';
      bytes = await vscode.workspace.fs.readFile(doc.uri);
    } catch {
      return 'not-a-report';
    }
    if (gb18030Report(bytes) === null) return 'not-a-report';
    if (answer === undefined) {
      if (offered.has(doc.uri.toString())) return 'offered';
      offered.add(doc.uri.toString());
      const loc = uiLocale();
      const name = doc.uri.path.split('/').pop() ?? '';
      void vscode.window.showInformationMessage(text(OFFER(name), loc), text(REOPEN, loc)).then((b) => { if (b) void reopen(doc); });
    } else if (answer) await reopen(doc);
    return 'offered';
  };

  const opened = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== 'file') return;
    if (doc.languageId === LANGUAGE) { tell(doc.uri, false); return; }
    // Only files the workspace check could have covered: text files, whatever their language id.
    if (!/\.(?:txt|md|markdown|text|ogi)$/i.test(doc.uri.path) && !['plaintext', 'markdown'].includes(doc.languageId)) return;
    tell(doc.uri, true);
    void check(doc);
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(opened),
    vscode.workspace.onDidCloseTextDocument((doc) => { if (doc.uri.scheme === 'file') tell(doc.uri, false); }),
  );
  vscode.workspace.textDocuments.forEach(opened);
  return { check };
}
