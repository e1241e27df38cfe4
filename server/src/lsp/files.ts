/**
 * Reading report files for the language server: never more than a byte cap, checked before reading and
 * enforced while reading (a file that grows in between is cut off, not read whole), so a stray 1.5 GB
 * file in the workspace costs a stat, not the server's memory.
 */
import { constants, promises as fs } from 'node:fs';
import { decodeText, isSourceError } from '../sources';

/** The file's bytes, or null when it is not a regular file, is larger than `maxBytes`, or cannot be read. */
export async function readCapped(path: string, maxBytes: number): Promise<Buffer | null> {
  let handle: fs.FileHandle | undefined;
  try {
    // A FIFO or device must not block a libuv thread: stat first, and open without blocking.
    const pre = await fs.stat(path);
    if (!pre.isFile() || pre.size > maxBytes) return null;
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    if (!st.isFile() || st.size > maxBytes) return null;
    const buf = Buffer.alloc(st.size + 1);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got > maxBytes ? null : buf.subarray(0, got);
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The decoded text of a file of at most `maxBytes`, or null (too large, unreadable, not text). */
export async function readText(path: string, maxBytes: number): Promise<string | null> {
  const bytes = await readCapped(path, maxBytes);
  if (!bytes) return null;
  const decoded = decodeText(bytes);
  return isSourceError(decoded) ? null : decoded.text;
}
