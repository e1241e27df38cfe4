/**
 * Reads what a picture file says of itself without decoding it (its size, from a PNG's IHDR or a
 * JPEG's frame header), and decodes the 8-bit grey PNG the OCR engine gives back. Pure (node:zlib
 * only), never throws: null for anything else.
 */
import { inflateSync } from 'node:zlib';
import type { GrayImage } from './pdfium';

export type PictureKind = 'png' | 'jpeg';

/** The picture's kind by its first bytes, or null. */
export function pictureKind(b: Uint8Array): PictureKind | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  return null;
}

/** Width and height in pixels as the file's header states them, or null when the header cannot be read. */
export function pictureSize(b: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (pictureKind(b) === 'png') return b.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  if (pictureKind(b) !== 'jpeg') return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) { i++; continue; }
    const m = b[i + 1];
    if (m === 0xff) { i++; continue; }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) { i += 2; continue; }
    const len = view.getUint16(i + 2);
    // Start of frame (baseline, progressive, …): precision, height, width.
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    i += 2 + len;
  }
  return null;
}

/**
 * Whether the file is whole: a PNG's chunks run to IEND within the file, a JPEG ends with its end
 * marker (near the end). A truncated picture is refused before the decoder sees it.
 */
export function pictureComplete(b: Uint8Array): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (pictureKind(b) === 'png') {
    for (let i = 8; i + 12 <= b.length;) {
      const len = view.getUint32(i);
      if (String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]) === 'IEND') return true;
      i += 12 + len;
    }
    return false;
  }
  if (pictureKind(b) === 'jpeg') {
    for (let i = b.length - 2; i >= Math.max(2, b.length - 1024); i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  }
  return false;
}

/** Decodes a non-interlaced 8-bit grey PNG (colour type 0); null for any other. */
export function decodeGreyPng(b: Uint8Array): GrayImage | null {
  try {
    const size = pictureSize(b);
    if (!size || b[24] !== 8 || b[25] !== 0 || b[28] !== 0) return null;
    const { width, height } = size;
    const parts: Uint8Array[] = [];
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 8; i + 8 <= b.length;) {
      const len = view.getUint32(i);
      const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
      if (type === 'IDAT') parts.push(b.subarray(i + 8, i + 8 + len));
      if (type === 'IEND') break;
      i += 12 + len;
    }
    const raw = inflateSync(Buffer.concat(parts));
    if (raw.length < (width + 1) * height) return null;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const f = raw[y * (width + 1)], src = y * (width + 1) + 1, row = y * width;
      for (let x = 0; x < width; x++) {
        const a = x > 0 ? data[row + x - 1] : 0, up = y > 0 ? data[row - width + x] : 0, c = x > 0 && y > 0 ? data[row - width + x - 1] : 0;
        let v = raw[src + x];
        if (f === 1) v += a;
        else if (f === 2) v += up;
        else if (f === 3) v += (a + up) >> 1;
        else if (f === 4) {
          const p = a + up - c, pa = Math.abs(p - a), pb = Math.abs(p - up), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
        }
        data[row + x] = v & 0xff;
      }
    }
    return { width, height, data };
  } catch {
    return null;
  }
}
