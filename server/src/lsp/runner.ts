/**
 * Every request handler runs through `runSafe`: a cancelled request answers with the cancelled error, a
 * thrown error is logged and answered with an error response, so one bad request cannot take the
 * server down (VS Code's CSS server does the same in its runner.ts).
 */
import { CancellationToken, Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export async function runSafe<T>(connection: Pick<Connection, 'console'>, token: CancellationToken | undefined, name: string, fn: () => T | Promise<T>): Promise<T> {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    const result = await fn();
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return result;
  } catch (err) {
    if (err instanceof ResponseError) throw err;
    connection.console.error(`ogi-report: ${name} failed: ${(err as Error)?.stack ?? err}`);
    throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(err as Error)?.message ?? err}`);
  }
}
