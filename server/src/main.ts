/**
 * Process entry of the language server. `node dist/server.js --stdio` (or `ogi-report-server --stdio`)
 * for any LSP client; VS Code starts it over IPC.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('用法 / usage: ogi-report-server --stdio\n');
  process.exit(2);
}
const connection = createConnection(ProposedFeatures.all);
// The editor must never lose its checker: anything that escapes a handler is logged, not fatal.
process.on('uncaughtException', (err) => connection.console.error(`ogi-report: uncaught: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => connection.console.error(`ogi-report: unhandled rejection: ${(err as Error)?.stack ?? err}`));
startServer(connection);
