/**
 * The extension client: starts the language server (dist/server.js) over IPC, switches pasted
 * reports to the ogi-report language, and registers the user-facing commands. Nothing else.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_COMMAND } from '../../server/src/lsp/protocol';
import { hasReportTitle } from '../../server/src/service/report-files';
import { registerPreview } from './preview';
import { registerStatus } from './status';
import { registerCompare } from './compare';
import { uiLocale } from './locale';
import { newReport, registerStatuteView, registerTableSnippets } from './new-report';
import { lensMiddleware, recompute } from './recompute';
import { registerCells } from './cells';
import { EncodingCheck, registerEncodingCheck } from './encoding';

const LANGUAGE = 'ogi-report';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; encoding: EncodingCheck; status: vscode.StatusBarItem }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // A small young generation keeps the server's memory flat while it re-checks on every keystroke; 2 MB
  // holds one analysis of a real report, so the server's collection between answers keeps it out of the
  // round trip (server/src/lsp/idle-gc.ts; see docs/performance.md). One V8 helper thread: while the user
  // types, V8 keeps optimising the engine's code on its helper threads, and with one per core they took the
  // core the server's own answer was waiting for (the round trip's p95 was twice its CPU time).
  const execArgv = ['--max-semi-space-size=2', '--v8-pool-size=1'];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE }],
    synchronize: { configurationSection: 'ogiReport' },
    // The language from the first message on: `ogiReport.locale`, its `auto` resolved by the one rule (Chinese
    // unless the user chose a display language other than English or Chinese).
    initializationOptions: { locale: uiLocale() },
    outputChannelName: 'ogi-report',
    markdown: { isTrusted: { enabledCommands: [CLIENT_COMMAND.showArticle] } },
    middleware: { ...lensMiddleware },
  };
  client = new LanguageClient('ogiReport', '政府信息公开年报检查', serverOptions, clientOptions);
  await client.start();
  registerPreview(context, client);
  const status = registerStatus(context, client);

  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMAND.recomputeTotals, recompute),
    vscode.commands.registerCommand(CLIENT_COMMAND.newReport, newReport),
    ...registerStatuteView(),
    registerTableSnippets(),
    registerCells(),
    vscode.commands.registerCommand(CLIENT_COMMAND.restartServer, () => client?.restart()),
    vscode.workspace.onDidOpenTextDocument(detectReport),
    // A report pasted into an empty untitled editor arrives as a change, not an open.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.some((c) => c.range.start.line < 6)) detectReport(e.document);
    }),
  );
  registerCompare(context, () => client);
  const encoding = registerEncodingCheck(context, () => client);
  vscode.workspace.textDocuments.forEach(detectReport);
  return { client, encoding, status };
}

/** A plain-text or Markdown document whose opening lines carry a report title becomes a report. */
function detectReport(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown') return;
  if (!vscode.workspace.getConfiguration('ogiReport').get<boolean>('autoDetect', true)) return;
  if (hasReportTitle(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 6), 0)))) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
