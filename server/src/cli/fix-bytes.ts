/**
 * Writing a fix back byte for byte: the fixed spans, encoded in the file's encoding, are spliced into
 * the bytes as read, so that every byte outside them (a BOM, a stray byte, a code the decoder maps to
 * another character, a lone surrogate) is written back exactly. When a span's boundary or its new
 * text cannot be placed exactly, the fix is refused rather than written approximately. Pure.
 */
import { TextEncoding, decodeText, encodeText, isSourceError } from '../sources';
import type { Hunk } from './fix-edits';

/** Bytes before the text: the BOM `decodeText` strips (a UTF-8 BOM also before GB18030 text). */
function prefixLength(bytes: Uint8Array, encoding: TextEncoding): number {
  if ((encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) || (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff)) return 2;
  if ((encoding === 'utf-8' || encoding === 'gb18030') && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  return 0;
}

const decoder = (encoding: TextEncoding) => new TextDecoder(encoding, { ignoreBOM: true });

/** Byte offsets (from `base`) where each line starts: after each LF in the encoding's own units. */
function byteLineStarts(bytes: Uint8Array, base: number, encoding: TextEncoding): number[] {
  const starts = [base];
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const lo = encoding === 'utf-16le' ? 0 : 1;
    for (let i = base; i + 1 < bytes.length; i += 2) if (bytes[i + lo] === 0x0a && bytes[i + 1 - lo] === 0) starts.push(i + 2);
  } else {
    for (let i = bytes.indexOf(0x0a, base); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
  }
  return starts;
}

/** The offset at which each line of `text` starts (lines end at LF). */
export function textLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding `offset`, given `textLineStarts`. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * For each UTF-16 length of a line's decoded text, the first byte offset at which a streaming decoder has
 * emitted exactly that much (-1 where it never does, inside a character). One pass over the line; a
 * wrong boundary cannot slip through, since the spliced file must read back as the fixed text.
 */
function byteMap(line: Uint8Array, chars: number, encoding: TextEncoding): Int32Array {
  const map = new Int32Array(chars + 1).fill(-1);
  map[0] = 0;
  const stream = decoder(encoding);
  let emitted = 0;
  for (let b = 0; b < line.length && emitted < chars; b++) {
    emitted += stream.decode(line.subarray(b, b + 1), { stream: true }).length;
    if (emitted <= chars && map[emitted] < 0) map[emitted] = b + 1;
  }
  map[chars] = line.length;
  return map;
}

export type SpliceResult = { bytes: Buffer; spans: { start: number; end: number }[] } | { refused: string };

/**
 * `original` (the bytes as read) with each hunk of `text` (the text they were decoded to) replaced.
 * `spans` are the byte ranges of `original` that were replaced, in order.
 */
export function spliceFix(original: Uint8Array, text: string, encoding: TextEncoding, hunks: readonly Hunk[]): SpliceResult {
  const base = prefixLength(original, encoding);
  const bStarts = byteLineStarts(original, base, encoding);
  const tStarts = textLineStarts(text);
  if (bStarts.length !== tStarts.length) return { refused: 'lines' };
  const lf = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
  const lineOf = (offset: number) => lineAt(tStarts, offset);
  const maps = new Map<number, Int32Array>();
  const byteAt = (offset: number): number | null => {
    const i = lineOf(offset);
    let map = maps.get(i);
    if (!map) {
      const tEnd = i + 1 < tStarts.length ? tStarts[i + 1] - 1 : text.length;
      const bEnd = i + 1 < bStarts.length ? bStarts[i + 1] - lf : original.length;
      const line = original.subarray(bStarts[i], bEnd);
      if (decoder(encoding).decode(line) !== text.slice(tStarts[i], tEnd)) return null;
      map = byteMap(line, tEnd - tStarts[i], encoding);
      maps.set(i, map);
    }
    const at = map[offset - tStarts[i]];
    return at < 0 ? null : bStarts[i] + at;
  };
  const parts: Uint8Array[] = [];
  const spans: { start: number; end: number }[] = [];
  let pos = 0;
  for (const h of hunks) {
    const s = byteAt(h.start);
    const e = byteAt(h.end);
    if (s === null || e === null || s < pos || e < s) return { refused: 'boundary' };
    const encoded = encodeText(h.text, encoding, false);
    if (decoder(encoding).decode(encoded) !== h.text) return { refused: 'encode' };
    if (decoder(encoding).decode(original.subarray(s, e)) !== text.slice(h.start, h.end)) return { refused: 'boundary' };
    parts.push(original.subarray(pos, s), encoded);
    spans.push({ start: s, end: e });
    pos = e;
  }
  parts.push(original.subarray(pos));
  return { bytes: Buffer.concat(parts), spans };
}

/** Whether `bytes` read back as `text` in the same encoding (the last check before a fix is written). */
export function readsBackAs(bytes: Uint8Array, text: string, encoding: TextEncoding): boolean {
  const d = decodeText(bytes);
  return !isSourceError(d) && d.encoding === encoding && d.text === text;
}
