/**
 * The language server's stdio framing (server/src/lsp/stdio.ts): Neovim and other editors read each message
 * by its Content-Length in bytes; a Chinese diagnostic counted in characters would cut the stream.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { OneWriteMessageWriter, consoleToClient } from '../../server/src/lsp/stdio';

describe('stdio framing', () => {
  it('sends each message as one chunk whose Content-Length counts the UTF-8 bytes of its body', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new OneWriteMessageWriter(out);
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { message: '表三“（一）予以公开·自然人”应为 52，实为 62' } };
    await writer.write(message as never);
    await writer.write({ jsonrpc: '2.0', id: 1, result: null } as never);
    assert.equal(chunks.length, 2, 'one chunk per message');
    const text = chunks[0].toString('utf8');
    const [header, body] = text.split('\r\n\r\n');
    assert.equal(Number(/^Content-Length: (\d+)$/.exec(header)?.[1]), Buffer.byteLength(body, 'utf8'));
    assert.ok(Buffer.byteLength(body, 'utf8') > body.length, 'the body has multi-byte characters');
    assert.deepEqual(JSON.parse(body), message);
  });

  it('reports a failed write to the connection and rejects', async () => {
    const out = new PassThrough();
    out.destroy();
    const writer = new OneWriteMessageWriter(out);
    const seen: unknown[] = [];
    writer.onError((e) => seen.push(e));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: null } as never));
    assert.ok(seen.length >= 1);
  });

  it('sends console output to the client log, never to stdout', () => {
    const saved = { ...console };
    const logged: string[] = [];
    const writes: unknown[] = [];
    const write = process.stdout.write;
    try {
      process.stdout.write = ((c: unknown) => { writes.push(c); return true; }) as typeof process.stdout.write;
      consoleToClient({ log: (m) => logged.push(`log ${m}`), info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) });
      console.log('年报 %d', 3);
      console.error(new Error('x').message);
    } finally {
      process.stdout.write = write;
      Object.assign(console, saved);
    }
    assert.deepEqual(logged, ['log 年报 3', 'error x']);
    assert.equal(writes.length, 0);
  });
});
