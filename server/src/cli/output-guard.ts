/**
 * `--output` never destroys a file the user made. The output may replace a file only when it is new,
 * empty, not a regular file (a pipe, /dev/stdout), or an earlier output of ogi-report, recognised by
 * the mark every format carries (HTML: the generator meta tag; SARIF: tool.driver.name; JUnit: a header
 * comment; JSON: its top-level `"tool": {"name": "ogi-report", …}`, or in earlier outputs the shape of its
 * entries; text: the closing summary line). An input is compared with
 * the output by device and inode, so `r.txt`, `./r.txt`, a link to it or another hard link are the same
 * file: an earlier output among the inputs is left out of the check, anything else is refused.
 */
import { Stats, closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { Msg, msg } from '../base/msg';

export const JUNIT_MARK = '<!-- ogi-report: 政府信息公开工作年度报告检查结果 / check results -->';

const MARKS: RegExp[] = [
  /<meta name="generator" content="ogi-report">/,
  /"driver":\{"name":"ogi-report"/,
  /<!-- ogi-report: /,
  /^\{\n {2}"tool": \{"name":"ogi-report",/,
  /^\[\]\n$|^\[\n {2}\{\n {4}"file": .*\n {4}"kind": /,
  /^\ufeff?文件,机关,级别,年度,状态,/,
  /^\{\n? *"generator": ?"ogi-report"/,
];
const TEXT_SUMMARY = /(?:^|\n)(?:共检查 \d+ 个文件：\d+ 个错误|\d+ file\(s\): \d+ error\(s\))[^\n]*\n?$/;

function readEnds(fd: number, size: number): { head: string; tail: string } {
  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  readSync(fd, head, 0, head.length, 0);
  const tail = Buffer.alloc(Math.min(size, 4096));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  return { head: head.toString('utf8'), tail: tail.toString('utf8') };
}

/** Whether the bytes at the ends of a file mark it as an earlier output of ogi-report. */
export function isEarlierOutput(head: string, tail: string): boolean {
  return MARKS.some((m) => m.test(head)) || TEXT_SUMMARY.test(tail);
}

export type OutputCheck = { ok: true; id: string | null } | { ok: false; reason: Msg };

const idOf = (st: Stats) => `${st.dev}:${st.ino}`;
/** The identity of a file (device and inode, following links), or null when it does not exist. */
export function fileId(path: string): string | null {
  try {
    return idOf(statSync(path));
  } catch {
    return null;
  }
}

/** May `path` be written as the output? `id` is the file's identity, to leave it out of the inputs. */
export function checkOutput(path: string): OutputCheck {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    return { ok: true, id: null };
  }
  if (st.isDirectory()) return { ok: false, reason: msg('是目录，不能作为输出文件', 'is a directory, not an output file') };
  if (!st.isFile() || st.size === 0) return { ok: true, id: idOf(st) };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, reason: msg(`无法读取，不覆盖（${(err as NodeJS.ErrnoException).code}）`, `cannot be read, so not overwritten (${(err as NodeJS.ErrnoException).code})`) };
  }
  try {
    const fst = fstatSync(fd);
    const ends = readEnds(fd, fst.size);
    if (isEarlierOutput(ends.head, ends.tail)) return { ok: true, id: idOf(fst) };
  } finally {
    closeSync(fd);
  }
  return { ok: false, reason: msg('已存在且不是 ogi-report 的输出，不覆盖：请换一个输出文件名', 'exists and is not an earlier ogi-report output; not overwritten: choose another output file') };
}
