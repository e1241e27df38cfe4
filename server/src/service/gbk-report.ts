/**
 * Pure checks behind the encoding offer (no vscode import, so unit tests run them): whether an opened
 * text looks like mojibake, and whether the file's bytes are a GB18030 (GBK) report.
 */
import { decodeText } from '../sources/decode';
import { isSourceError } from '../sources/types';
import { couldBeReport, hasReportTitle } from './report-files';

/** Files larger than this are not read to look for a report (a report is far smaller). */
export const MAX_BYTES = 8 * 1024 * 1024;

/**
 * Text decoded with the wrong encoding: GBK read as UTF-8 gives replacement characters, read as a Western
 * code page runs of Latin-1 letters (ÕþÎñ…); either way a Chinese report then has almost no Chinese
 * characters. The engine's `encoding` finding and the client's reopen offer both ask this.
 */
export function looksMisdecoded(text: string): boolean {
  let bad = 0;
  let cjk = 0;
  let latin = 0;
  const n = Math.min(text.length, 20_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if (c >= 0xc0 && c <= 0xff) latin++;
  }
  return (bad >= 8 && bad > cjk) || (latin >= 20 && latin > 4 * cjk);
}

/** The report in `bytes` when they are GB18030 (not UTF-8) and decode into a report; null otherwise. */
export function gb18030Report(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_BYTES) return null;
  const decoded = decodeText(bytes);
  if (isSourceError(decoded) || decoded.encoding !== 'gb18030') return null;
  const opening = decoded.text.split('\n', 6).join('\n');
  return hasReportTitle(opening) || couldBeReport(decoded.text) ? decoded.text : null;
}
