/**
 * The box each line came from (`LineOrigin.box`, issue 22): PDF points from the page's top-left
 * corner, y growing downwards, for lines of text PDFs (a paragraph's box holds its lines on its first
 * page; a table line is its row of cells) and, through the same layout, for lines of scanned pages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assemble, layoutPage, Run } from '../../server/src/sources/pdf-layout';
import { isSourceError, readSource } from '../../server/src/sources/index';

const run = (str: string, x: number, y: number, size = 10): Run => ({ str, x, y, w: [...str].length * size, h: size, size });

describe('line boxes', () => {
  it('a line of text: its box from the page top-left; a paragraph wrapped over lines: the box around them', () => {
    // Two full-width body lines (one paragraph), then an indented line (a new paragraph).
    const blocks = layoutPage([run('一二三四五六七八九十', 72, 700), run('一二三四五六七八九十', 72, 686), run('新段落', 92, 672)], { h: [], v: [] }, 0, 842);
    const out = assemble([{ page: 2, blocks }]);
    assert.equal(out.text, '一二三四五六七八九十一二三四五六七八九十\n新段落\n');
    assert.deepEqual(out.origins, [
      { page: 2, box: { x: 72, y: 132, width: 100, height: 24 } },
      { page: 2, box: { x: 92, y: 160, width: 30, height: 10 } },
    ]);
  });

  it('the real text PDF: each table row of table 三 has the box of its row, inside the page, rows going down the page', async () => {
    const r = await readSource('hongze_2024.pdf', readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'pdf', 'hongze_2024.pdf')));
    assert.ok(!isSourceError(r));
    const lines = r.text.split('\n');
    const at = (start: string) => r.origins![lines.findIndex((l) => l.startsWith(start))]!;
    const a = at('一、本年新收政府信息公开申请数量'), b = at('二、上年结转政府信息公开申请数量');
    assert.equal(a.page, 3);
    for (const o of [a, b]) {
      assert.ok(o.box && o.box.x >= 0 && o.box.y >= 0 && o.box.x + o.box.width <= 596 && o.box.y + o.box.height <= 843, JSON.stringify(o));
      assert.ok(o.box.width > 300 && o.box.height > 5 && o.box.height < 60, JSON.stringify(o));
    }
    assert.ok(b.box!.y >= a.box!.y + a.box!.height - 1, `${JSON.stringify(a)} ${JSON.stringify(b)}`);
    // Every line of a PDF has a page and a box.
    assert.ok(r.origins!.every((o) => o?.page !== undefined && o.box !== undefined));
  });
});
