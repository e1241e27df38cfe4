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

/** For each BMP code unit, its GB18030 bytes: two-byte codes as `a << 8 | b`, four-byte ones as pointer + 0x10000; 0 when none. */
let gbTable: Int32Array | null = null;

/** First pointer past the four-byte codes of the BMP searched (0x81308130 up to 0x8439FE39). */
const FOUR_BYTE_POINTERS = 4 * 12600;

/**
 * The table, built once from Node's GB18030 decoder (Node has a decoder but no encoder): the two-byte
 * range one code at a time, the four-byte BMP range in one call. The first code that decodes to a
 * character is its code, so that decode(encode(x)) === x for every character the decoder produces.
 */
function gb18030Table(): Int32Array {
  if (gbTable) return gbTable;
  const table = new Int32Array(0x10000);
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table[ch.charCodeAt(0)]) table[ch.charCodeAt(0)] = (a << 8) | b;
    }
  }
  const bytes = new Uint8Array(FOUR_BYTE_POINTERS * 4);
  for (let p = 0; p < FOUR_BYTE_POINTERS; p++) bytes.set(pointerBytes(p), p * 4);
  const all = dec.decode(bytes);
  // One character per code when the decoder replaces each invalid code by one U+FFFD; else one call per code.
  const at = all.length === FOUR_BYTE_POINTERS ? (p: number) => all.charCodeAt(p) : (p: number) => {
    const ch = dec.decode(bytes.subarray(p * 4, p * 4 + 4));
    return ch.length === 1 ? ch.charCodeAt(0) : 0xfffd;
  };
  const fatal = new TextDecoder('gb18030', { fatal: true });
  for (let p = 0; p < FOUR_BYTE_POINTERS; p++) {
    const u = at(p);
    if (table[u]) continue;
    // U+FFFD has a code of its own; every invalid code also decodes to it.
    if (u === 0xfffd) {
      try {
        fatal.decode(bytes.subarray(p * 4, p * 4 + 4));
      } catch {
        continue;
      }
    }
    table[u] = 0x10000 + p;
  }
  return (gbTable = table);
}

/** The four bytes of a GB18030 four-byte pointer (0 = 0x81308130). */
function pointerBytes(p: number): number[] {
  return [0x81 + Math.floor(p / 12600), 0x30 + Math.floor((p % 12600) / 1260), 0x81 + Math.floor((p % 1260) / 10), 0x30 + (p % 10)];
}

/**
 * GB18030 encoder: a table lookup per BMP character (built once, lazily), arithmetic for the
 * supplementary planes (linear from 0x90308130). A character GB18030 cannot encode (a lone
 * surrogate) is written as `?`.
 */
function encodeGb18030(text: string): Buffer {
  const table = gb18030Table();
  const out = Buffer.alloc(text.length * 4);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    if (cp >= 0x10000) {
      let k = cp - 0x10000;
      const d = k % 10; k = (k - d) / 10;
      const c = k % 126; k = (k - c) / 126;
      const b = k % 10; k = (k - b) / 10;
      out[n++] = 0x90 + k; out[n++] = 0x30 + b; out[n++] = 0x81 + c; out[n++] = 0x30 + d;
      continue;
    }
    const code = table[cp];
    if (code === 0) out[n++] = 0x3f;
    else if (code < 0x10000) {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    } else for (const byte of pointerBytes(code - 0x10000)) out[n++] = byte;
  }
  return out.subarray(0, n);
}
