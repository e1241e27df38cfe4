/**
 * Writing a fixed file back without taking anything the user owns: the file's mode and owner are
 * kept, a symbolic link is written through to its target (the link stays a link), a file with other
 * hard links is written in place once a temporary copy has been verified (so every name sees the fix),
 * and a read-only file is refused unless `--force`. Refuses when the file changed since it was read.
 */
import { accessSync, chmodSync, chownSync, closeSync, constants, fsyncSync, ftruncateSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { Msg, msg } from '../base/msg';
import { readRegular } from './safe-read';

export type WriteResult = { ok: true; how: Msg[] } | { ok: false; reason: Msg };

const errno = (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'error';

function writeInPlace(path: string, bytes: Buffer): void {
  const fd = openSync(path, constants.O_WRONLY);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off, off);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isReadOnly(path: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** Writes the original bytes back after a failed in-place write; true when the file reads back as it was. */
function restore(path: string, original: Buffer, readOnlyMode: number | null): boolean {
  try {
    if (readOnlyMode !== null) chmodSync(path, readOnlyMode | 0o200);
    try {
      writeInPlace(path, original);
    } finally {
      if (readOnlyMode !== null) chmodSync(path, readOnlyMode);
    }
    const back = readRegular(path);
    return Buffer.isBuffer(back) && back.equals(original);
  } catch {
    return false;
  }
}

/** Writes `bytes` over `file`, whose content was `original` when it was read. */
export function writeFixed(file: string, original: Buffer, bytes: Buffer, force: boolean): WriteResult {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (err) {
    return { ok: false, reason: msg(`无法写入（${errno(err)}）`, `cannot write (${errno(err)})`) };
  }
  const how: Msg[] = [];
  if (real !== resolve(file)) how.push(msg(`通过符号链接写入 ${real}`, `written through the symbolic link to ${real}`));
  const current = readRegular(real);
  if (!Buffer.isBuffer(current) || !current.equals(original)) return { ok: false, reason: msg('检查期间文件已被修改，未写入修复', 'changed on disk while checking; not written') };
  const st = statSync(real);
  const mode = st.mode & 0o7777;
  const readOnly = isReadOnly(real, mode);
  if (readOnly && !force) return { ok: false, reason: msg('是只读文件，未写入修复（加 --force 才写入）', 'is read-only; fix not written (add --force to write it)') };
  if (readOnly) how.push(msg('按 --force 写入只读文件，仍保持只读', 'read-only file written because of --force; still read-only'));

  // A name no one can guess, created exclusively: a link planted at the temporary name in a folder someone
  // else controls is never followed, and two worker threads never share one.
  const tmp = join(dirname(real), `.${basename(real)}.ogi-report-${process.pid}-${threadId}-${randomBytes(6).toString('hex')}.tmp`);
  let tmpOk = false;
  let created = false;
  let keepTmp = false;
  try {
    writeFileSync(tmp, bytes, { mode: 0o600, flag: 'wx' });
    created = true;
    tmpOk = readFileSync(tmp).equals(bytes);
  } catch {
    tmpOk = false;
  }
  // A lone name, an owner this process can keep, a verified copy: replace the file atomically.
  const sameOwner = typeof process.getuid !== 'function' || (st.uid === process.getuid() && st.gid === process.getgid!());
  let keepOwner = sameOwner;
  if (tmpOk && st.nlink === 1 && !sameOwner) {
    try { chownSync(tmp, st.uid, st.gid); keepOwner = true; } catch { keepOwner = false; }
  }
  try {
    if (tmpOk && st.nlink === 1 && keepOwner) {
      chmodSync(tmp, mode);
      renameSync(tmp, real);
      return { ok: true, how };
    }
    // Other hard links, or an owner only an in-place write keeps: write the verified bytes into the file itself.
    if (st.nlink > 1) how.push(msg(`保留硬链接（共 ${st.nlink} 个名称），就地写入`, `hard links kept (${st.nlink} names): written in place`));
    else how.push(msg('就地写入（以保持所有者，或目录不可写）', 'written in place (to keep the owner, or the folder is not writable)'));
    if (readOnly) chmodSync(real, mode | 0o200);
    let written = true;
    try {
      writeInPlace(real, bytes);
    } catch {
      written = false;
    } finally {
      if (readOnly) chmodSync(real, mode);
    }
    const back = written ? readRegular(real) : null;
    if (!Buffer.isBuffer(back) || !back.equals(bytes)) {
      // The verified copy is the user's text, fixed: say where it is rather than lose it.
      keepTmp = tmpOk;
      if (tmpOk) return { ok: false, reason: msg(`就地写入未能完成，修复后的文本保存在 ${tmp}`, `the in-place write did not complete; the fixed text is in ${tmp}`) };
      // No copy to point at (the folder is not writable, or the disk is full): put the original bytes back.
      const restored = restore(real, original, readOnly ? mode : null);
      return { ok: false, reason: restored
        ? msg('就地写入未能完成，已恢复原文件', 'the in-place write did not complete; the original file was restored')
        : msg('就地写入未能完成，且未能恢复原文件，请检查该文件', 'the in-place write did not complete and the original could not be restored: check the file') };
    }
    return { ok: true, how };
  } catch (err) {
    return { ok: false, reason: msg(`无法写入（${errno(err)}）`, `cannot write (${errno(err)})`) };
  } finally {
    if (created && !keepTmp) try { unlinkSync(tmp); } catch { /* already renamed */ }
  }
}
