/**
 * Importers: a report read from its published PDF, web page or Word file gives the same tables and
 * the same findings as its text; every hostile file gives one clear error and never a throw.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { analyze, Analysis } from '../../server/src/service/analyze';
import { encodeText, extractText, isSourceError, readSource, SourceError, SourceText } from '../../server/src/sources/index';
import { expandSpans, renderGrid } from '../../server/src/sources/table';
import { dropSoftGaps } from '../../server/src/sources/html';
import { FIXTURES, ROOT, corpusPath } from './helpers';

// The .docx fixtures are generated here; the published PDFs, pages and their texts are the corpus's own files.
const where = (name: string) => (name.endsWith('.docx') ? join(FIXTURES, 'sources', name) : corpusPath(name));
const bytes = (name: string) => new Uint8Array(readFileSync(where(name)));
const text = (name: string) => readFileSync(where(name), 'utf8');

const cache = new Map<string, Promise<SourceText | SourceError>>();

/** Reads a fixture (once per file: the PDF tests share their reading) or the given bytes. */
async function read(name: string, data?: Uint8Array): Promise<SourceText> {
  let pending = data ? undefined : cache.get(name);
  if (!pending) {
    pending = readSource(name, data ?? bytes(name));
    if (!data) cache.set(name, pending);
  }
  const r = await pending;
  if (isSourceError(r)) assert.fail(`${name}: ${r.error.kind} ${r.error.message.zh}`);
  return r;
}

async function readError(name: string, data: Uint8Array): Promise<SourceError['error']> {
  const r = await readSource(name, data);
  if (!isSourceError(r)) assert.fail(`${name} should not be readable, got text: ${r.text.slice(0, 80)}`);
  assert.ok(r.error.message.zh.length > 0 && r.error.message.en.length > 0);
  assert.doesNotMatch(r.error.message.zh, /\n\s+at /, 'no stack trace in the message');
  return r.error;
}

/** Every figure of tables 二, 三 and 四, keyed by table, row id and column. */
function figures(a: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of a.report.tables) {
    if (!['t2', 't3', 't4'].some((k) => t.kind.startsWith(k))) continue;
    for (const row of t.rows) {
      row.cells.forEach((c, i) => {
        const v = c.value.kind === 'number' ? c.value.decimal : c.value.kind === 'blank' ? '∅' : `!${c.value.text}`;
        out.set(`${t.kind} ${row.item ?? ''}/${row.id ?? '?'} [${i}]`, v);
      });
    }
  }
  return out;
}

function ruleCounts(a: Analysis): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of a.diagnostics) out[`${d.severity} ${d.code}`] = (out[`${d.severity} ${d.code}`] ?? 0) + 1;
  return out;
}

function assertSameTables(a: Analysis, b: Analysis, what: string): void {
  const fa = figures(a), fb = figures(b);
  assert.ok(fb.size >= 100, `${what}: the text version has its tables (${fb.size} figures)`);
  assert.deepEqual([...fa.entries()], [...fb.entries()], `${what}: the same figures in tables 二, 三, 四`);
}

describe('PDF importer', () => {
  for (const name of ['hongze_2024', 'huaian_2024']) {
    it(`${name}.pdf gives the same tables and the same findings as ${name}.txt`, async () => {
      const src = await read(`${name}.pdf`);
      const a = analyze(src.text), b = analyze(text(`${name}.txt`));
      assertSameTables(a, b, name);
      assert.deepEqual(ruleCounts(a), ruleCounts(b), `${name}: the same rules fire as many times`);
      assert.equal(a.report.year, b.report.year);
      assert.deepEqual(a.report.sections.map((s) => s.index), b.report.sections.map((s) => s.index));
    });
  }

  it('gives each line its page, and writes table rows as label then figures', async () => {
    const src = await read('hongze_2024.pdf');
    const lines = src.text.split('\n').slice(0, -1);
    assert.equal(src.origins?.length, lines.length);
    const pages = src.origins!.map((o) => o?.page ?? 0);
    assert.ok(pages.every((p, i) => p >= 1 && (i === 0 || p >= pages[i - 1])), 'pages are set and in order');
    assert.equal(pages[0], 1);
    assert.equal(pages[lines.findIndex((l) => l.startsWith('三、收到和处理'))], 3);
    assert.equal(Math.max(...pages), 5);
    // Page numbers ("- 3 -") are not part of the text.
    assert.ok(!lines.some((l) => /^-\s*\d+\s*-$/.test(l)));
    // A table row: its labels, then its seven figures, tab-separated; a merged label is repeated.
    assert.ok(lines.includes('一、本年新收政府信息公开申请数量\t95\t0\t0\t0\t0\t0\t95'));
    assert.ok(lines.some((l) => /\t（三）不予公开\t3\.危及“三安全一稳定”\t1\t0\t0\t0\t0\t0\t1$/.test(l)));
  });

  it('joins a table cut by a page break, carrying on the label cut with it', async () => {
    // huaian: table 三 runs from page 4 to page 5 and the cell （四）无法提供 is cut in two by the break.
    const src = await read('huaian_2024.pdf');
    const lines = src.text.split('\n');
    const rows = lines.filter((l) => l.includes('\t（四）无法提供\t'));
    assert.equal(rows.length, 3, rows.join('\n'));
    assert.ok(rows[2].includes('3.补正后申请内容仍不明确\t1\t0\t0\t0\t0\t0\t1'));
    const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const last = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    assert.ok(lines.slice(first, last + 1).every((l) => l.includes('\t')), 'no line inside table 三 that is not a table row');
  });

  it('refuses hostile PDFs with one clear error each', async () => {
    const pdf = bytes('hongze_2024.pdf');
    assert.equal((await readError('a.pdf', pdf.subarray(0, 3000))).kind, 'corrupt');
    assert.equal((await readError('a.pdf', pdf.subarray(0, pdf.length >> 1))).kind, 'corrupt');
    const fake = await readError('a.pdf', Buffer.from('一、总体情况\n这是文本文件，不是 PDF。\n'));
    assert.equal(fake.kind, 'corrupt');
    assert.match(fake.message.zh, /不是有效的 PDF/);
    assert.equal((await readError('a.pdf', randomBytes(4096, 7))).kind, 'corrupt');
    const encrypted = await readError('a.pdf', minimalPdf('', { encrypt: true }));
    assert.equal(encrypted.kind, 'encrypted');
    const scanned = await readError('a.pdf', minimalPdf('q 100 0 0 100 50 50 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q'));
    assert.equal(scanned.kind, 'scanned');
    assert.match(scanned.message.zh, /扫描件.*OCR/);
    assert.equal((await readError('a.pdf', minimalPdf(''))).kind, 'no-report');
  });

  it('reads a table printed without borders as tab-separated cells', async () => {
    const at = (x: number, y: number, t: string) => `BT /F1 10 Tf ${x} ${y} Td (${t}) Tj ET`;
    const content = [at(72, 700, 'Row A'), at(300, 700, '95'), at(360, 700, '0'), at(420, 700, '95'),
      at(72, 680, 'Row B'), at(300, 680, '3'), at(420, 680, '3')].join('\n');
    const src = await read('a.pdf', minimalPdf(content));
    assert.equal(src.text, 'Row A\t95\t0\t95\nRow B\t3\t3\n');
  });

  it('reads a page turned by /Rotate as it is shown', async () => {
    // Text runs along the page's y axis; turned 90°, the page shows it left to right.
    const at = (x: number, y: number, t: string) => `BT /F1 10 Tf 0 1 -1 0 ${x} ${y} Tm (${t}) Tj ET`;
    const content = [at(100, 72, 'Row A'), at(100, 300, '95'), at(100, 360, '0'), at(120, 72, 'Row B'), at(120, 300, '3')].join('\n');
    const src = await read('a.pdf', minimalPdf(content, { rotate: 90 }));
    assert.equal(src.text, 'Row A\t95\t0\nRow B\t3\n');
  });

  it('reads a PDF whose only text is drawn with a standard font', async () => {
    const src = await read('a.pdf', minimalPdf('BT /F1 12 Tf 72 700 Td (Annual report 2024) Tj ET'));
    assert.equal(src.text, 'Annual report 2024\n');
  });

  it('keeps the hyphen that ends a line', async () => {
    // PDFium reports a line-ending hyphen as a control character of its own; the lines are one paragraph.
    const src = await read('a.pdf', minimalPdf('BT /F1 10 Tf 72 700 Td (The words are inter-) Tj ET\nBT /F1 10 Tf 72 688 Td (national) Tj ET'));
    assert.equal(src.text, 'The words are inter-national\n');
  });

  it('spaces words by their gap where the text has no space glyphs, across a change of size', async () => {
    // "prefix" in Helvetica 10 ends at x = 96.45: 3 points on is a word space, half a point is none.
    const content = ['BT /F1 10 Tf 72 700 Td (prefix) Tj ET', 'BT /F1 8 Tf 99.5 700 Td (MIME) Tj ET',
      'BT /F1 10 Tf 72 640 Td (prefix) Tj ET', 'BT /F1 8 Tf 97 640 Td (MIME) Tj ET'].join('\n');
    const src = await read('a.pdf', minimalPdf(content));
    assert.equal(src.text, 'prefix MIME prefixMIME\n');
  });

  it('reads a ruled table drawn inside a form XObject, through its matrix', async () => {
    // The borders are drawn in the form's space (scaled 1.5 and moved by the page's cm); the first column is one merged cell.
    const grid = ['0 0 m 300 0 l S', '0 40 m 300 40 l S', '100 20 m 300 20 l S', '0 0 m 0 40 l S', '100 0 m 100 40 l S', '200 0 m 200 40 l S', '300 0 m 300 40 l S'].join('\n');
    const at = (x: number, y: number, t: string) => `BT /F1 10 Tf ${x} ${y} Td (${t}) Tj ET`;
    const content = ['q 1 0 0 1 50 400 cm /Fm1 Do Q', at(60, 425, 'Label'), at(210, 440, '12'), at(360, 440, '34'), at(210, 410, '5'), at(360, 410, '6')].join('\n');
    const src = await read('a.pdf', minimalPdf(content, { form: { content: grid, matrix: '1.5 0 0 1.5 0 0' } }));
    assert.equal(src.text, 'Label\t12\t34\nLabel\t5\t6\n');
  });
});

describe('HTML importer', () => {
  for (const year of ['2022', '2024']) {
    it(`pingtan_${year}_page.html gives the tables of pingtan_${year}.txt`, async () => {
      const src = await read(`pingtan_${year}_page.html`);
      assertSameTables(analyze(src.text), analyze(text(`pingtan_${year}.txt`)), `pingtan ${year}`);
    });
  }

  it('takes the article, not the site navigation, and puts the page title above it', async () => {
    const src = await read('pingtan_2024_page.html');
    const lines = src.text.split('\n');
    assert.equal(lines[0], '平潭综合实验区2024年度政府信息公开工作年度报告');
    assert.ok(lines[1].startsWith('本报告根据《中华人民共和国政府信息公开条例》'));
    assert.ok(!/首页|网站地图|版权所有|无障碍/.test(src.text), 'no header or footer text');
    // Labels broken over <p>, <span> and &nbsp; come out whole; table 四's <br/> headings too.
    assert.ok(lines.some((l) => l.includes('\t社会公益组织\t')));
    assert.ok(lines.some((l) => l.startsWith('三、本年度办理结果\t（一）予以公开\t')));
  });

  it('expands rowspan and colspan and keeps empty cells in place', async () => {
    const html = `<html><head><meta charset="utf-8"><title>某某区2024年政府信息公开工作年度报告_某某区人民政府</title></head><body>
      <div class="nav">${'<a href="#">栏目</a>'.repeat(40)}</div>
      <div class="article"><p>${'正文段落。'.repeat(30)}</p>
      <table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td><td></td><td>5</td></tr>
      <tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>&nbsp;</td><td>0</td></tr></table></div>
      <div class="footer"><a href="#">版权所有</a></div></body></html>`;
    const src = await read('a.html', Buffer.from(html));
    assert.deepEqual(src.text.split('\n'), [
      '某某区2024年政府信息公开工作年度报告',
      '正文段落。'.repeat(30),
      '三、本年度办理结果\t（一）予以公开\t5\t\t5',
      '三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t0\t\t0',
      '',
    ]);
  });

  it('reads through a table that lays out the page, and reads the data table inside it', async () => {
    const html = `<html><body><table><tr><td>${'<a href="#">导航</a>'.repeat(30)}</td>
      <td><p>${'一、总体情况。'.repeat(50)}</p><table><tr><td>规章</td><td>1</td><td>0</td><td>11</td></tr></table></td></tr></table></body></html>`;
    const src = await read('old.htm', Buffer.from(html));
    assert.deepEqual(src.text.split('\n'), ['一、总体情况。'.repeat(50), '规章\t1\t0\t11', '']);
  });

  it('decodes a GB2312 page by its meta charset', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><div><p>${'一、总体情况：依申请公开。'.repeat(12)}</p></div></body></html>`;
    const src = await read('a.htm', encodeText(html, 'gb18030', false));
    assert.ok(src.text.includes('一、总体情况：依申请公开。'));
  });

  it('does not believe a meta charset that lies', async () => {
    const body = `<body><div><p>${'一、总体情况：依申请公开。'.repeat(12)}</p></div></body></html>`;
    // UTF-8 bytes under a GBK declaration, and a UTF-16 declaration on a page without a BOM (read as UTF-8, as browsers do).
    for (const charset of ['gbk', 'utf-16', 'windows-1252']) {
      const src = await read('a.htm', Buffer.from(`<html><head><meta charset="${charset}"></head>${body}`));
      assert.ok(src.text.includes('一、总体情况：依申请公开。'), charset);
    }
    // GBK bytes under a UTF-8 declaration.
    const gbk = await read('a.htm', encodeText(`<html><head><meta charset="utf-8"></head>${body}`, 'gb18030', false));
    assert.ok(gbk.text.includes('一、总体情况：依申请公开。'));
  });

  it('drops the source formatting between CJK characters as the expression does, in one pass', () => {
    const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
    const SOFT_GAP = new RegExp(`(?<=${CJK})(\\s*[\\n\\u00a0]\\s*|[ \\t]{2,})(?=${CJK})`, 'g');
    const alphabet = ['中', '文', '\u3000', ' ', '\t', '\n', '\u00a0', 'x', '\r'];
    let seed = 7;
    for (let round = 0; round < 20_000; round++) {
      let t = '';
      const n = 1 + (round % 14);
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        t += alphabet[seed % alphabet.length];
      }
      assert.equal(dropSoftGaps(t), t.replace(SOFT_GAP, ''), JSON.stringify(t));
    }
    // 200,000 line breaks after a CJK character: the expression takes minutes, the pass milliseconds.
    assert.equal(dropSoftGaps(`中${'\n'.repeat(200_000)}x`), `中${'\n'.repeat(200_000)}x`);
    assert.equal(dropSoftGaps(`中${'\u3000\n'.repeat(100_000)}x`), '中\u3000\nx');
  });

  it('says a page with no article is not a report', async () => {
    const page = `<html><body><ul>${'<li><a href="/x">政府信息公开年报</a></li>'.repeat(50)}</ul></body></html>`;
    assert.equal((await readError('list.shtml', Buffer.from(page))).kind, 'no-report');
  });
});

describe('Word (.docx) importer', () => {
  it('the fixture has merged cells and a table split by a page break', () => {
    const xml = new TextDecoder().decode(unzipSync(bytes('huaian_2024.docx'))['word/document.xml']);
    assert.match(xml, /<w:gridSpan w:val="\d+"\/>/);
    assert.match(xml, /<w:vMerge w:val="restart"\/>/);
    assert.match(xml, /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    assert.match(xml, /<\/w:tbl><w:p>.*?<w:br w:type="page"\/>.*?<\/w:p><w:tbl>/);
  });

  for (const name of ['huaian_2024', 'hongze_2024']) {
    it(`${name}.docx gives the same tables and findings as its text`, async () => {
      const src = await read(`${name}.docx`);
      const a = analyze(src.text), b = analyze(text(`${name}.txt`));
      assertSameTables(a, b, `${name} docx`);
      assert.deepEqual(ruleCounts(a), ruleCounts(b));
    });
  }

  it('repeats merged labels on every row, joins the split table, and numbers paragraphs', async () => {
    const src = await read('huaian_2024.docx');
    const lines = src.text.split('\n');
    assert.ok(lines.includes('三、本年度办理结果\t（四）无法提供\t2.没有现成信息需要另行制作\t11\t0\t0\t0\t0\t0\t11'), 'the row after the page break carries its labels');
    assert.equal(lines.filter((l) => l.startsWith('（本列数据的勾稽关系')).length, 1, 'one table, one heading');
    assert.equal(lines.filter((l) => l.startsWith('三、本年度办理结果\t')).length, 22);
    const paragraphs = src.origins!.map((o) => o?.paragraph ?? 0);
    assert.equal(paragraphs.length, lines.length - 1);
    assert.ok(paragraphs.every((p, i) => p >= 1 && (i === 0 || p > paragraphs[i - 1])), 'each line has its own paragraph, in order');
  });

  it('writes the numbers Word puts before numbered headings (一、 and （一）)', async () => {
    const xml = new TextDecoder().decode(unzipSync(bytes('hongze_2024.docx'))['word/document.xml']);
    assert.match(xml, /<w:numPr>/);
    assert.ok(!xml.includes('一、总体情况') && xml.includes('总体情况'), 'the fixture relies on automatic numbering');
    const lines = (await read('hongze_2024.docx')).text.split('\n');
    assert.equal(lines[2], '一、总体情况');
    assert.ok(lines.some((l) => l.startsWith('（五）政府信息公开监督保障情况。')));
    assert.ok(lines.includes('六、其他需要报告的事项'));
    // Sub-headings start again from （一） under a new heading; table cells keep their own text.
    assert.equal(lines.filter((l) => l.startsWith('（一）')).length, 1);
  });

  it('refuses hostile .docx files with one clear error each', async () => {
    const docx = bytes('huaian_2024.docx');
    assert.equal((await readError('a.docx', docx.subarray(0, docx.length >> 1))).kind, 'corrupt');
    assert.equal((await readError('a.docx', randomBytes(2048, 3))).kind, 'corrupt');
    assert.equal((await readError('a.docx', zipSync({ 'readme.txt': Buffer.from('no document') }))).kind, 'corrupt');
    // A zip bomb: 51 MB of zeros packed into a few tens of kilobytes.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(51 * 1024 * 1024) }, { level: 1 });
    assert.ok(bomb.length < 200_000);
    const err = await readError('bomb.docx', bomb);
    assert.equal(err.kind, 'too-large');
    assert.match(err.message.zh, /压缩炸弹/);
    // An OLE file (encrypted .docx or old .doc).
    assert.equal((await readError('a.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).kind, 'encrypted');
  });
});

describe('readSource', () => {
  it('a 0-byte file of any kind is one clear error', async () => {
    for (const name of ['a.txt', 'a.docx', 'a.html', 'a.pdf']) assert.equal((await readError(name, new Uint8Array(0))).kind, 'empty');
  });

  it('never throws on random bytes, whatever the extension', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      for (const name of ['r.docx', 'r.html', 'r.pdf', 'r.txt']) {
        const r = await readSource(name, randomBytes(200 + seed * 97, seed));
        assert.ok(isSourceError(r) || typeof r.text === 'string');
      }
    }
  });

  it('reads a Word file or a PDF by its bytes whatever its name', async () => {
    const docx = await read('renamed.txt', bytes('huaian_2024.docx'));
    assert.equal(docx.kind, 'docx');
    assert.ok(docx.text.startsWith('淮安市人民政府2024 年政府信息公开工作年度报告\n'));
    const pdf = await read('renamed.html', minimalPdf('BT /F1 12 Tf 72 700 Td (Annual report 2024) Tj ET'));
    assert.equal(pdf.kind, 'pdf');
    assert.equal(pdf.text, 'Annual report 2024\n');
    assert.equal((await readError('old.txt', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).kind, 'encrypted');
  });

  it('GB18030: every BMP character the decoder produces encodes back to itself', () => {
    const dec = new TextDecoder('gb18030', { fatal: true });
    const produced = new Set<string>();
    const add = (bytes: number[]) => {
      try {
        const ch = dec.decode(new Uint8Array(bytes));
        if (ch.length === 1) produced.add(ch);
      } catch {
        // not a code
      }
    };
    for (let a = 0; a < 0x80; a++) add([a]);
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) add([a, b]);
    for (let a = 0x81; a <= 0x84; a++) for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) add([a, b, c, d]);
    assert.ok(produced.size > 60_000, `${produced.size} characters`);
    const text = [...produced].join('');
    assert.equal(new TextDecoder('gb18030').decode(encodeText(text, 'gb18030', false)), text);
    const wrong = [...produced].filter((c) => new TextDecoder('gb18030').decode(encodeText(c, 'gb18030', false)) !== c);
    assert.deepEqual(wrong, []);
    const astral = '𠀀𪚥😀\u{10FFFF}';
    assert.equal(new TextDecoder('gb18030').decode(encodeText(astral, 'gb18030', false)), astral);
  });

  it('extractText gives the text a file is read as', async () => {
    const r = await extractText('huaian_2024.docx', bytes('huaian_2024.docx'));
    assert.ok(!isSourceError(r) && r.text.startsWith('淮安市人民政府2024 年政府信息公开工作年度报告\n'));
  });

  it('the editor bundles do not carry PDFium', () => {
    for (const f of ['dist/extension.js', 'dist/server.js']) {
      const p = join(ROOT, f);
      if (!existsSync(p)) continue;
      const js = readFileSync(p, 'utf8');
      // Markers of the package's own loader (Emscripten glue and its wrapped function table), not of pdf.ts.
      assert.ok(!/DEFAULT_PDFIUM_WASM_URL|createExportWrapper|EPDF_RenderAnnotBitmap|jsdelivr/.test(js), `${f} must not bundle PDFium`);
    }
  });
});

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761 >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A one-page PDF written by hand: the page's content stream, optionally with an /Encrypt dictionary or a form XObject /Fm1. */
function minimalPdf(content: string, opts: { encrypt?: boolean; rotate?: number; form?: { content: string; matrix: string } } = {}): Uint8Array {
  const xobject = opts.form ? ' /XObject << /Fm1 6 0 R >>' : '';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${opts.rotate ? ` /Rotate ${opts.rotate}` : ''} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>${xobject} >> >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (opts.form) {
    const f = opts.form.content;
    objs.push(`<< /Type /XObject /Subtype /Form /BBox [0 0 1000 1000] /Matrix [${opts.form.matrix}] /Length ${Buffer.byteLength(f, 'latin1')} >>\nstream\n${f}\nendstream`);
  }
  if (opts.encrypt) objs.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${'a'.repeat(64)}> /U <${'b'.repeat(64)}> /P -44 >>`);
  let s = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(s, 'latin1'));
    s += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(s, 'latin1');
  s += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const enc = opts.encrypt ? ` /Encrypt ${objs.length} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]` : '';
  s += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${enc} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(s, 'latin1'));
}
