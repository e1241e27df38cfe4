/**
 * Which files the command line reads by OCR, and where its findings stand on the page (issue 22):
 * a folder gives pictures (.png, .jpg, .jpeg) only when its configuration says `"images": true`
 * (pictures named on the command line are always read); and JSON findings on PDF lines carry the box
 * of their line on the page.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CORPUS } from './ocr-compare';
import { pagePng, png } from './ocr-scan';
import { jsonFiles } from '../helpers/cli-json';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const TEXT = join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'hongze_2024.txt');
const dir = mkdtempSync(join(tmpdir(), 'ogi-ocr-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const check = (...args: string[]) => spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { encoding: 'utf8' });

describe('pictures in folders, and line boxes in the JSON output', { timeout: 300_000 }, () => {
  it('a folder gives its pictures only when the configuration says "images": true', async () => {
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    copyFileSync(TEXT, join(folder, 'hongze_2024.txt'));
    writeFileSync(join(folder, '表三.png'), await pagePng(readFileSync(join(CORPUS, 'hongze_2024.pdf')), 3, 150));
    // Default: the picture is not a report file of the folder (counted as skipped), the text is checked.
    const plain = check(folder);
    assert.deepEqual(jsonFiles(plain.stdout).map((e: { file: string }) => e.file.split(/[\\/]/).pop()), ['hongze_2024.txt']);
    // The configuration asks for pictures: the picture is recognised and checked too.
    writeFileSync(join(folder, 'ogi-report.config.json'), JSON.stringify({ images: true }));
    const withImages = check(folder);
    const entries = jsonFiles(withImages.stdout) as unknown as { file: string; kind: string; ocr?: boolean; diagnostics: { ocr?: boolean; box?: unknown }[] }[];
    const picture = entries.find((e) => e.file.endsWith('表三.png'));
    assert.equal(entries.length, 2, withImages.stderr);
    assert.equal(picture?.kind, 'image');
    assert.equal(picture?.ocr, true);
    assert.ok(picture!.diagnostics.length > 0 && picture!.diagnostics.every((d) => d.ocr === true && d.box !== undefined));
    // A value that is not true or false is one problem line, and pictures stay out.
    writeFileSync(join(folder, 'ogi-report.config.json'), JSON.stringify({ images: 'yes' }));
    const bad = check(folder);
    assert.match(bad.stderr, /“images”应为 true 或 false/);
    assert.equal(jsonFiles(bad.stdout).length, 1);
  });

  it('a folder of pictures only, without "images": true, says how to read them', () => {
    const folder = join(dir, 'photos');
    mkdirSync(folder);
    writeFileSync(join(folder, 'p1.jpg'), png(8, 8, new Uint8Array(64).fill(255)));
    writeFileSync(join(folder, 'p2.png'), png(8, 8, new Uint8Array(64).fill(255)));
    const r = check(folder);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /目录中没有报告文件（有 2 张图片：在配置文件中写 "images": true 可识别图片）/);
  });

  it('a finding on a PDF line carries the box of its line on the page (points from the top-left)', () => {
    const r = check(join(CORPUS, 'hongze_2024.pdf'));
    const [entry] = jsonFiles(r.stdout) as unknown as { diagnostics: { page?: number; box?: { x: number; y: number; width: number; height: number } }[] }[];
    const onPages = entry.diagnostics.filter((d) => d.page !== undefined);
    assert.ok(onPages.length > 0);
    for (const d of onPages) {
      const b = d.box!;
      assert.ok(b && b.x >= 0 && b.y >= 0 && b.width > 0 && b.height > 0 && b.x + b.width <= 596 && b.y + b.height <= 843, JSON.stringify(d));
    }
  });
});
