/**
 * Scanned reports (issue 22): image-only copies of the corpus PDFs are made here with PDFium (nothing
 * large is committed), read through `sources/` with the OCR engine, and every figure of tables 二, 三
 * and 四 is compared with the figure read from the text PDF: each equals it, or is marked as not
 * reliably read (doubtful or unreadable). No misread figure may pass as read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isSourceError, readSource } from '../../server/src/sources/index';
import { analyze } from '../../server/src/service/analyze';
import { analyzeReadings } from '../../server/src/service/ocr-readings';
import { compare, CORPUS, figures, read, tallyLine } from './ocr-compare';
import { imagePdf, pagePng, png, scanPdf } from './ocr-scan';
import { jsonFiles } from '../helpers/cli-json';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'ogi-ocr-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('scanned PDFs (OCR)', { timeout: 600_000 }, () => {
  it('reads a whole scanned report at 150 dpi: every figure of tables 二/三/四 right or marked, findings say they were recognised', async () => {
    const { tally, source } = await compare('hongze_2024.pdf', { dpi: 150 });
    console.log(tallyLine('hongze_2024, every page, 150 dpi', tally));
    assert.deepEqual(tally.wrong, []);
    assert.ok(tally.read >= tally.figures * 0.35, `only ${tally.read} of ${tally.figures} figures read`);
    assert.equal(source.ocr, true);
    assert.ok(source.origins?.some((o) => o?.ocr && o.page === 3));
    assert.match(source.text, /三、收到和处理政府信息公开申请情况/);
    // End to end as the command line checks it: no error or warning the text PDF does not have.
    const serious = (ds: { code: string; severity: string }[]) => ds.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.severity} ${d.code}`).sort();
    const printed = serious(analyze((await read(readFileSync(join(CORPUS, 'hongze_2024.pdf')))).text).diagnostics);
    const scanned = serious(analyzeReadings(source.text, source.readings ?? [], {}, (l) => !!source.origins?.[l]?.ocr).analysis.diagnostics);
    assert.ok(scanned.every((f) => printed.includes(f)), `scan: ${scanned.join(', ')}; text PDF: ${printed.join(', ')}`);
    assert.ok(scanned.includes('error format-version'));
  });

  it('the command line marks the report and its findings as recognised from a scan', async () => {
    const file = join(dir, 'hongze_scan.pdf');
    writeFileSync(file, await scanPdf(readFileSync(join(CORPUS, 'hongze_2024.pdf')), { dpi: 150, pages: [3], keepText: true }));
    const json = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8' });
    const [entry] = jsonFiles(json.stdout);
    assert.equal(entry.kind, 'pdf');
    assert.equal(entry.ocr, true);
    const onScan = entry.diagnostics.filter((d: { page?: number }) => d.page === 3);
    assert.ok(onScan.length > 0 && onScan.every((d: { ocr?: boolean }) => d.ocr === true));
    // Each says where its line stands on the scanned page (its row of cells, in points from the top-left).
    assert.ok(onScan.every((d: { box?: { y: number; height: number } }) => d.box && d.box.y > 0 && d.box.y + d.box.height < 843));
    const plain = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8' });
    assert.match(plain.stdout, /识别自扫描页，第 3 页/);
    assert.equal(plain.stderr, '');
  });

  it('reads a picture of the table page named on the command line (kind image): figures right or marked; a truncated or huge picture is one line', async () => {
    const original = readFileSync(join(CORPUS, 'hongze_2024.pdf'));
    const expected = [...figures((await read(original)).text).entries()].filter(([k]) => k.startsWith('t3/'));
    const file = join(dir, 'table3.png');
    writeFileSync(file, await pagePng(original, 3, 150));
    const r = await readSource(file, readFileSync(file));
    assert.ok(!isSourceError(r), JSON.stringify(r).slice(0, 200));
    assert.equal(r.kind, 'image');
    assert.equal(r.ocr, true);
    const got = figures(r.text);
    const marked = (start: number) => (r.readings ?? []).some((x) => (x.unreadable || x.doubtful.length > 0) && x.offset === start);
    let right = 0;
    for (const [key, want] of expected) {
      const have = got.get(key);
      if (!have || marked(have.start)) continue;
      assert.equal(have.value, want.value, key);
      right++;
    }
    // The page holds table 三 from its first row to （四）1 (the rest is on page 4).
    assert.ok(right >= 80, `only ${right} figures of table 三 read`);
    const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(jsonFiles(cli.stdout)[0].kind, 'image');
    // Cut short, or claiming 20000×20000 pixels: refused from its header, one line, the engine never sees it.
    const bytes = readFileSync(file);
    const cut = await readSource('cut.png', bytes.subarray(0, 4000));
    assert.ok(isSourceError(cut) && cut.error.kind === 'corrupt');
    const huge = await readSource('huge.png', png(20000, 20000));
    assert.ok(isSourceError(huge) && huge.error.kind === 'too-large' && /20000×20000/.test(huge.error.message.zh));
    writeFileSync(join(dir, 'cut.png'), bytes.subarray(0, 4000));
    const plain = spawnSync(process.execPath, [CLI, 'check', join(dir, 'cut.png')], { encoding: 'utf8' });
    const lines = (plain.stdout + plain.stderr).split('\n').filter(Boolean);
    assert.equal(lines.filter((l) => /损坏的图片/.test(l)).length, 1);
    assert.ok(!/png error|pixRead/i.test(plain.stdout + plain.stderr));
  });

  it('hostile scans end with one clear line each: 500 image pages, a page too large to draw, a page with no text', async () => {
    const many = await readSource('many.pdf', await imagePdf(500));
    assert.ok(isSourceError(many) && many.error.kind === 'too-large' && /40 页/.test(many.error.message.zh), JSON.stringify(many).slice(0, 200));
    const huge = await readSource('huge.pdf', await imagePdf(1, 14400, 14400));
    assert.ok(isSourceError(huge) && huge.error.kind === 'too-large' && /太大/.test(huge.error.message.zh), JSON.stringify(huge).slice(0, 200));
    // A stripe and nothing else: nothing recognised, said in one line (the scan needs a person).
    const stripe = await readSource('stripe.pdf', await imagePdf(1));
    assert.ok(isSourceError(stripe) && stripe.error.kind === 'scanned', JSON.stringify(stripe).slice(0, 200));
  });
});
