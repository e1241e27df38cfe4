/**
 * Text files: decoding their bytes (UTF-8 with or without a BOM, UTF-16 with a BOM, else GB18030) and
 * encoding a fixed text back in the encoding it was read with.
 */
import { SourceError, sourceError, SourceText, TextEncoding } from './types';

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, otherwise GB18030 —
 * the encoding Chinese Windows tools still save in. Invalid UTF-8 that is also invalid GB18030 is an error.
 */
export function decodeText(bytes: Uint8Array): SourceText | SourceError {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.subarray(0, 8192).includes(0)) return sourceError('binary', '是二进制文件，不是文本报告', 'is a binary file, not a text report');
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    // not UTF-8: fall through to GB18030
  }
  try {
    return { kind: 'text', text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030', bom: false };
  } catch {
    return sourceError('encoding', '无法识别文本编码（既不是 UTF-8、UTF-16，也不是 GBK/GB18030）', 'unknown text encoding (not UTF-8, UTF-16 or GBK/GB18030)');
  }
}

/** Encodes text back in the encoding it was read with (for `--fix`). */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-16le':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
    }
    case 'gb18030':
      return encodeGb18030(text);
    default:
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  }
}

let gbTable: Map<string, number[]> | null = null;

/**
 * GB18030 encoder for the characters a fix can write (digits, CJK wording already present in the
 * file): Node has a GB18030 decoder but no encoder, so unchanged text is re-encoded by looking up
 * each character in a table built once from the decoder over the two-byte range; four-byte
 * characters are looked up lazily the same way.
 */
function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) { out.push(cp); continue; }
    const two = gbTable.get(ch);
    if (two) { out.push(...two); continue; }
    out.push(...fourByteGb18030(cp));
  }
  return Buffer.from(out);
}

function fourByteGb18030(cp: number): number[] {
  // Supplementary planes are linear from 0x90308130; BMP four-byte codes are found by search.
  if (cp >= 0x10000) {
    let n = cp - 0x10000;
    const d = n % 10; n = (n - d) / 10;
    const c = n % 126; n = (n - c) / 126;
    const b = n % 10; n = (n - b) / 10;
    return [0x90 + n, 0x30 + b, 0x81 + c, 0x30 + d];
  }
  const dec = new TextDecoder('gb18030');
  const target = String.fromCodePoint(cp);
  for (let a = 0x81; a <= 0x84; a++) for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) {
    if (dec.decode(new Uint8Array([a, b, c, d])) === target) return [a, b, c, d];
  }
  return [0x3f];
}

