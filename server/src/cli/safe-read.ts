/**
 * Reading a file the command line was given or found, safely: only a regular file (after following
 * links) is opened, never a FIFO, a device or a socket (`/dev/zero` would read forever, a FIFO would
 * wait forever), and it is read through one file descriptor, never past a byte cap, so that a file
 * that grows or lies about its size cannot take unbounded memory.
 */
import { Stats, closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { Msg, msg } from '../base/msg';
import { MAX_SOURCE_BYTES, type SourceErrorKind } from '../sources';

/** Larger files are not read at all, so that memory stays bounded whatever the input (the importers' cap too). */
export const MAX_FILE_BYTES = MAX_SOURCE_BYTES;

export type ReadProblemKind = SourceErrorKind | 'special';
export interface ReadProblem {
  kind: ReadProblemKind;
  message: Msg;
}

/** What a path that is not a regular file is, in words; null for a regular file. */
export function specialKind(st: Stats): Msg | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return msg('是目录，不是报告文件', 'is a directory, not a report');
  if (st.isFIFO()) return msg('是命名管道（FIFO），不是普通文件，未读取', 'is a named pipe (FIFO), not a regular file; not read');
  if (st.isCharacterDevice() || st.isBlockDevice()) return msg('是设备文件，不是普通文件，未读取', 'is a device, not a regular file; not read');
  if (st.isSocket()) return msg('是套接字，不是普通文件，未读取', 'is a socket, not a regular file; not read');
  return msg('不是普通文件，未读取', 'is not a regular file; not read');
}

export function tooLarge(size: number, cap = MAX_FILE_BYTES): ReadProblem {
  const mb = Math.round(size / 1048576);
  return { kind: 'too-large', message: msg(`文件过大（超过 ${Math.round(cap / 1048576)} MB，约 ${mb} MB），未检查`, `file too large (over ${Math.round(cap / 1048576)} MB, about ${mb} MB); not checked`) };
}

function errnoProblem(err: unknown): ReadProblem {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { kind: 'missing', message: msg('文件不存在', 'no such file') };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'permission', message: msg('没有读取权限', 'permission denied') };
  if (code === 'EISDIR') return { kind: 'directory', message: msg('是目录，不是报告文件', 'is a directory, not a report') };
  if (code === 'ELOOP') return { kind: 'io', message: msg('符号链接循环', 'symbolic link loop') };
  return { kind: 'io', message: msg(`无法读取（${code ?? 'error'}）`, `cannot be read (${code ?? 'error'})`) };
}

// O_NONBLOCK: a FIFO swapped in between the stat and the open must not block the open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The bytes of `file` if it is a regular file of at most `cap` bytes, otherwise why it was not read.
 * Never blocks on a FIFO or a device and never reads more than `cap + 1` bytes.
 */
export function readRegular(file: string, cap = MAX_FILE_BYTES): Buffer | ReadProblem {
  let fd: number;
  try {
    const st = statSync(file);
    const special = specialKind(st);
    if (special) return { kind: st.isDirectory() ? 'directory' : 'special', message: special };
    if (st.size > cap) return tooLarge(st.size, cap);
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    return errnoProblem(err);
  }
  try {
    const st = fstatSync(fd);
    const special = specialKind(st);
    if (special) return { kind: st.isDirectory() ? 'directory' : 'special', message: special };
    if (st.size > cap) return tooLarge(st.size, cap);
    // Read to the end, whatever the size said (a file may grow, /proc files say 0), but never past the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    let buf = Buffer.allocUnsafe(Math.min(cap + 1, Math.max(st.size + 1, 64 * 1024)));
    let used = 0;
    for (;;) {
      if (used === buf.length) {
        chunks.push(buf);
        buf = Buffer.allocUnsafe(Math.min(cap + 1 - total, 1 << 20));
        used = 0;
        if (buf.length === 0) break;
      }
      let n: number;
      try {
        n = readSync(fd, buf, used, buf.length - used, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return { kind: 'special', message: msg('不是普通文件，未读取', 'is not a regular file; not read') };
        return errnoProblem(err);
      }
      if (n === 0) break;
      used += n;
      total += n;
      if (total > cap) return tooLarge(total, cap);
    }
    chunks.push(buf.subarray(0, used));
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a regular file under the cap, or throws (for the batch's cross-report index, which skips it). */
export function readRegularOrThrow(file: string): Buffer {
  const r = readRegular(file);
  if (!Buffer.isBuffer(r)) throw new Error(r.message.en);
  return r;
}
