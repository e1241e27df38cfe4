/**
 * Process entry of the language server. `node dist/server.js --stdio` (or `ogi-report-server --stdio`)
 * for any LSP client; VS Code starts it over IPC.
 */
import { MessageReader, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { OneWriteMessageWriter, consoleToClient } from './lsp/stdio';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('用法 / usage: ogi-report-server --stdio\n');
  process.exit(2);
}
// Over stdio, each message goes out in one write (lsp/stdio.ts); IPC and sockets as the library makes them.
// stdin is handed over as a stream (the library's typings pair streams with streams): so the library
// still reads it and ends the process when the editor closes it.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new OneWriteMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
if (stdio) consoleToClient(connection.console);
// The editor must never lose its checker: anything that escapes a handler is logged, not fatal.
process.on('uncaughtException', (err) => connection.console.error(`ogi-report: uncaught: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => connection.console.error(`ogi-report: unhandled rejection: ${(err as Error)?.stack ?? err}`));
startServer(connection);
