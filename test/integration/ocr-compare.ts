/**
 * Compares the figures of tables 二, 三 and 四 read from a scanned copy with those read from the text
 * PDF, after the corrections by identity (`analyzeReadings`): each figure is read right, corrected by
 * identity to the printed figure, or marked as not reliably read (doubtful or unreadable). Anything
 * else is a wrong figure accepted, which no scan may give.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSourceError, readSource, SourceText } from '../../server/src/sources/index';
import { analyze, Analysis } from '../../server/src/service/analyze';
import { analyzeReadings } from '../../server/src/service/ocr-readings';
import { scanPdf, ScanOptions } from './ocr-scan';

export const CORPUS = join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'pdf');

/** Every figure of tables 二, 三 and 四, keyed by table, row and column, with its offset in the text (with `blanks`, blank cells too, valued ''). */
export function figures(text: string, blanks = false): Map<string, { value: string; start: number; end: number }> {
  const out = new Map<string, { value: string; start: number; end: number }>();
  for (const t of analyze(text).report.tables) {
    for (const row of t.rows) {
      if (!row.id) continue;
      for (const c of row.cells) {
        if (c.value.kind !== 'number' && !(blanks && c.value.kind === 'blank')) continue;
        out.set(`${t.kind}/${row.item ?? ''}/${row.id}/${c.col}`, { value: c.value.kind === 'number' ? c.value.decimal : '', start: c.cell.start, end: c.cell.end });
      }
    }
  }
  return out;
}

export async function read(bytes: Uint8Array): Promise<SourceText> {
  const r = await readSource('scan.pdf', bytes);
  if (isSourceError(r)) assert.fail(`${r.error.kind}: ${r.error.message.zh}`);
  return r;
}

export interface Tally {
  /** Figures the text PDF gives. */
  figures: number;
  /** Read right and not marked. */
  read: number;
  /** Doubtful as read, taken to the printed figure by the table's identities. */
  corrected: number;
  /** Doubtful as read, confirmed by the table's identities (every other reading breaks one). */
  confirmed: number;
  /** Marked as not reliably read (doubtful, not corrected). */
  doubtful: number;
  /** Cells that could not be read at all. */
  unreadable: number;
  /** Figures of the text PDF the scan does not give in their place (a row whose label was misread, a cell left blank). */
  missing: string[];
  wrong: string[];
}

/** The scan of `name` made with `scan`, read, corrected by identity, and its figures compared with the text PDF's. */
export async function compare(name: string, scan: ScanOptions): Promise<{ tally: Tally; source: SourceText; text: string; analysis: Analysis }> {
  const original = readFileSync(join(CORPUS, name));
  const expected = figures((await read(original)).text);
  const source = await read(await scanPdf(original, scan));
  const readings = source.readings ?? [];
  const { text, analysis, confirmed } = analyzeReadings(source.text, readings, {}, (l) => !!source.origins?.[l]?.ocr);
  // Corrections replace a figure by one of the same length: offsets stay as read.
  const corrections = new Set(analysis.diagnostics.filter((d) => d.code === 'ocr-reading' && /按勾稽关系取/.test(d.message.zh)).map((d) => d.start));
  const got = figures(text, true);
  const marked = (start: number, end: number) => readings.some((r) => (r.unreadable || r.doubtful.length > 0) && r.offset >= start && r.offset <= end && !confirmed.includes(r.offset));
  const tally: Tally = { figures: expected.size, read: 0, corrected: 0, confirmed: 0, doubtful: 0, unreadable: readings.filter((r) => r.unreadable).length, missing: [], wrong: [] };
  for (const [key, want] of expected) {
    const have = got.get(key);
    // A cell that could not be read is blank, and counted with the unreadable.
    if (!have || (have.value === '' && !marked(have.start, have.end))) { tally.missing.push(key); continue; }
    if (have.value === '') continue;
    if (corrections.has(have.start)) {
      if (have.value === want.value) tally.corrected++;
      else tally.wrong.push(`${key}: corrected to ${have.value}, printed ${want.value}`);
    } else if (marked(have.start, have.end)) tally.doubtful++;
    else if (have.value === want.value) {
      if (confirmed.includes(have.start)) tally.confirmed++;
      else tally.read++;
    }
    else tally.wrong.push(`${key}: read ${have.value}, printed ${want.value}`);
  }
  // A figure the scan gives where the text PDF has none is accepted wrongly too.
  for (const [key, have] of got) if (have.value !== '' && !expected.has(key) && !marked(have.start, have.end)) tally.wrong.push(`${key}: read ${have.value}, not printed`);
  return { tally, source, text, analysis };
}

/** One line of counts for the test log (and the closing note). */
export function tallyLine(label: string, t: Tally): string {
  return `${label}: ${t.figures} figures, ${t.read} read, ${t.corrected} corrected by identity, ${t.confirmed} confirmed by identity, ${t.doubtful} doubtful, ${t.unreadable} unreadable, ${t.missing.length} not in their place, ${t.wrong.length} wrong accepted`;
}
