/**
 * Importers stay linear in their input: each hostile input of issue 18 (a few lines that generate
 * hundreds of thousands of ruling lines, table rows, nested elements or characters outside GBK) is
 * generated here, read, and gives the right text or one clear error. Nothing large is committed.
 * The largest inputs are read by the built CLI (`ogi-report extract`, as a user runs it), each in a
 * process of its own, so that each one's time and memory are its own.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { addStroke, findGrids, Segments } from '../../server/src/sources/pdf-layout';
import { encodeText, isSourceError, readSource, SourceError, SourceText } from '../../server/src/sources/index';

async function readOk(name: string, data: Uint8Array): Promise<SourceText> {
  const r = await readSource(name, data);
  if (isSourceError(r)) assert.fail(`${name}: ${r.error.kind} ${r.error.message.zh}`);
  return r;
}

async function readError(name: string, data: Uint8Array): Promise<SourceError['error']> {
  const r = await readSource(name, data);
  if (!isSourceError(r)) assert.fail(`${name} should not be readable, got text: ${r.text.slice(0, 80)}`);
  assert.ok(r.error.message.zh.length > 0 && r.error.message.en.length > 0 && !r.error.message.en.includes('\n'));
  return r.error;
}

const dir = mkdtempSync(join(tmpdir(), 'ogi-linear-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** What `ogi-report extract` prints for a file of these bytes: its text, or its one error line. */
function extract(name: string, data: Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, name);
  writeFileSync(file, data);
  const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'extract', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  rmSync(file, { force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A PDF of `pages` large pages (Helvetica as /F1), each showing the given content stream, written by hand. */
function onePagePdf(content: string, pages = 1, width = 14400): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${6 + i} 0 R`).join(' ');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< >>',
  ];
  for (let i = 0; i < pages; i++) objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 14400] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
  let s = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(s.length);
    s += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = s.length;
  s += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  s += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

/** A row of text with cells (so the page's drawings are read), then `n` short ruling lines: apart, or a mesh of small cells. */
function ruledPdf(n: number, shape: 'apart' | 'mesh'): Uint8Array {
  const ops = ['BT /F1 10 Tf 72 40 Td (Row A) Tj ET', 'BT /F1 10 Tf 300 40 Td (95) Tj ET'];
  if (shape === 'apart') {
    for (let i = 0; i < n / 2; i++) {
      const x = 50 + (i % 1000) * 10, y = 100 + Math.floor(i / 1000) * 10;
      ops.push(`${x} ${y} m ${x + 3} ${y} l S`, `${x + 6} ${y + 5} m ${x + 6} ${y + 8} l S`);
    }
  } else {
    const k = Math.floor(Math.sqrt(n / 2));
    for (let i = 0; i < k; i++) for (let j = 0; j <= k; j++) {
      ops.push(`${100 + i * 5} ${100 + j * 5} m ${105 + i * 5} ${100 + j * 5} l S`, `${100 + j * 5} ${100 + i * 5} m ${100 + j * 5} ${105 + i * 5} l S`);
    }
  }
  return onePagePdf(ops.join('\n'));
}

describe('PDF: many ruling lines on one page', () => {
  for (const n of [40_000, 100_000, 400_000]) {
    it(`${n.toLocaleString('en')} short lines that never touch`, () => {
      assert.deepEqual(extract('lines.pdf', ruledPdf(n, 'apart')), { status: 0, stdout: 'Row A\t95\n', stderr: '' });
    });
  }
  it('400,000 short lines drawing one mesh of 200,000 small cells', () => {
    assert.deepEqual(extract('mesh.pdf', ruledPdf(400_000, 'mesh')), { status: 0, stdout: 'Row A\t95\n', stderr: '' });
  });
  it('one paragraph of 23,000 full lines over 20 pages', () => {
    const line = 'word '.repeat(20).trim();
    const ops: string[] = [];
    for (let y = 14300; y > 100; y -= 12) ops.push(`BT /F1 10 Tf 72 ${y} Td (${line}) Tj ET`);
    const r = extract('paragraph.pdf', onePagePdf(ops.join('\n'), 20, 600));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${Array(ops.length * 20).fill(line).join(' ')}\n`);
  });

  it('a page ruling more than a million cells is refused with one line', async () => {
    // 1,100 long lines each way cross in 1.2 million cells.
    const ops = ['BT /F1 10 Tf 72 40 Td (Row A) Tj ET', 'BT /F1 10 Tf 300 40 Td (95) Tj ET'];
    for (let i = 0; i <= 1100; i++) ops.push(`100 ${100 + i * 5} m 5600 ${100 + i * 5} l S`, `${100 + i * 5} 100 m ${100 + i * 5} 5600 l S`);
    const err = await readError('dense.pdf', onePagePdf(ops.join('\n')));
    assert.equal(err.kind, 'too-large');
    assert.match(err.message.zh, /1,000,000 个单元格/);
  });
});

describe('pdf-layout: findGrids on synthetic lines', () => {
  it('groups 200,000 short lines that never touch, and a mesh of 100,000 into one grid, without comparing every pair', () => {
    const apart: Segments = { h: [], v: [] };
    for (let i = 0; i < 100_000; i++) {
      const x = (i % 1000) * 10, y = Math.floor(i / 1000) * 10;
      addStroke(apart, x, y, x + 3, y);
      addStroke(apart, x + 6, y + 5, x + 6, y + 8);
    }
    assert.deepEqual(findGrids(apart.h, apart.v), []);
    const mesh: Segments = { h: [], v: [] };
    const k = 223;
    for (let i = 0; i < k; i++) for (let j = 0; j <= k; j++) {
      addStroke(mesh, i * 5, j * 5, i * 5 + 5, j * 5);
      addStroke(mesh, j * 5, i * 5, j * 5, i * 5 + 5);
    }
    const grids = findGrids(mesh.h, mesh.v);
    assert.equal(grids.length, 1);
    assert.equal(grids[0].xs.length, k + 1);
    assert.equal(grids[0].ys.length, k + 1);
  });

  it('a long vertical line joins every horizontal line it crosses, however many', () => {
    const segs: Segments = { h: [], v: [] };
    for (let i = 0; i < 50_000; i++) addStroke(segs, 0, i * 3, 100 + (i % 7), i * 3);
    addStroke(segs, 50, 0, 50, 150_000);
    addStroke(segs, 10, 0, 10, 30);
    const grids = findGrids(segs.h, segs.v);
    assert.equal(grids.length, 1);
    assert.equal(grids[0].ys.length, 50_000);
    assert.deepEqual(grids[0].xs, [10, 50]);
  });
});

/** A .docx holding the given body XML (and nothing else Word needs to read it). */
function docx(body: string): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}</w:body></w:document>`),
  });
}

const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

describe('Word: tables joined over breaks, nesting', () => {
  it('50,000 one-row tables separated by empty paragraphs are one table of 50,000 rows', () => {
    const parts: string[] = [];
    for (let i = 0; i < 50_000; i++) parts.push(`<w:tbl><w:tr>${cell(`row ${i}`)}${cell(String(i))}</w:tr></w:tbl><w:p/>`);
    const r = extract('tables.docx', docx(parts.join('')));
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 50_001);
    assert.equal(lines[49_999], 'row 49999\t49999');
  });

  it('a table joined over breaks keeps the paragraph of each row', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 200; i++) parts.push(`<w:tbl><w:tr>${cell(`row ${i}`)}${cell(String(i))}</w:tr></w:tbl><w:p/>`);
    const src = await readOk('tables.docx', docx(parts.join('')));
    assert.deepEqual(src.origins?.slice(0, 3), [{ paragraph: 1 }, { paragraph: 4 }, { paragraph: 7 }]);
    assert.equal(src.origins?.length, 200);
  });

  it('100,000 nested w:sdt are refused with one line; 450 are read', async () => {
    const nested = (n: number) => docx('<w:sdt><w:sdtContent>'.repeat(n) + '<w:p><w:r><w:t>deep</w:t></w:r></w:p>' + '</w:sdtContent></w:sdt>'.repeat(n));
    const err = await readError('deep.docx', nested(100_000));
    assert.equal(err.kind, 'too-large');
    assert.match(err.message.zh, /嵌套超过 1000 层/);
    assert.equal((await readOk('ok.docx', nested(450))).text, 'deep\n');
  });
});

describe('HTML: a table of 130,000 rows, deep nesting', () => {
  const page = (body: string) => Buffer.from(`<html><head><meta charset="utf-8"><title>某某区2024年政府信息公开工作年度报告</title></head><body><div><p>${'正文段落。'.repeat(30)}</p>${body}</div></body></html>`);

  it('reads every row', () => {
    const rows: string[] = [];
    for (let i = 0; i < 130_000; i++) rows.push(`<tr><td>项目${i}</td><td>${i}</td></tr>`);
    const r = extract('rows.html', page(`<table>${rows.join('')}</table>`));
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 130_003);
    assert.equal(lines[130_001], '项目129999\t129999');
  });

  it('rowspans that overlap every row below stay linear', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) rows.push(`<tr><td rowspan="65534">项目${i}</td><td colspan="64">${i}</td></tr>`);
    // Each row's first cell lands in the first column no span from above covers; after 64 rows none is left.
    const text = (await readOk('spans.html', page(`<table>${rows.join('')}</table>`))).text;
    assert.match(text, /^项目0\t0$/m);
  });

  it('100,000 nested elements are refused with one line', async () => {
    const err = await readError('deep.html', page('<div>'.repeat(100_000) + '深' + '</div>'.repeat(100_000)));
    assert.equal(err.kind, 'too-large');
    assert.match(err.message.en, /nests elements over 1000 deep/);
  });
});

describe('GB18030: characters outside GBK', () => {
  it('2,000 Hangul syllables encode and decode back', () => {
    const text = '一、总体情况\n' + '가'.repeat(2000) + '\n';
    const bytes = encodeText(text, 'gb18030', false);
    assert.equal(new TextDecoder('gb18030').decode(bytes), text);
  });
});
