/**
 * PDF page geometry without PDFium: synthetic glyphs and ruling lines become runs, lines, grids and
 * table rows as a reader of the page would read them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBar, addStroke, assemble, findGrids, Glyph, glyphRuns, hasCells, layoutPage, Run, Segment, Segments, toLines } from '../../server/src/sources/pdf-layout';

/** Glyphs of a word in a monospaced font: each character advances `size * 0.5` (Latin) or `size` (CJK). */
function word(str: string, x: number, y: number, size = 10): Glyph[] {
  const out: Glyph[] = [];
  for (const ch of str) {
    const w = /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.5;
    out.push({ ch, x, y, left: x, right: x + w, size });
    x += w;
  }
  return out;
}

const run = (str: string, x: number, y: number, size = 10): Run => ({ str, x, y, w: [...str].length * size, h: size, size });

/** A ruled grid: borders at the given xs (left to right) and ys (top to bottom). */
function ruled(xs: number[], ys: number[]): Segments {
  const segs: Segments = { h: [], v: [] };
  for (const y of ys) addStroke(segs, xs[0], y, xs[xs.length - 1], y);
  for (const x of xs) addStroke(segs, x, ys[0], x, ys[ys.length - 1]);
  return segs;
}

describe('pdf-layout: glyphs to runs', () => {
  it('joins glyphs on one baseline into a run and counts visible characters', () => {
    const { runs, chars } = glyphRuns(word('Annual', 72, 700));
    assert.deepEqual(runs.map((r) => r.str), ['Annual']);
    assert.equal(chars, 6);
  });

  it('a gap of a tenth of an em is a word space; a gap over 0.6 em starts a new run', () => {
    const small = glyphRuns([...word('prefix', 72, 700), ...word('MIME', 72 + 30 + 2, 700)]);
    assert.deepEqual(small.runs.map((r) => r.str), ['prefix MIME']);
    const wide = glyphRuns([...word('Row', 72, 700), ...word('95', 300, 700)]);
    assert.deepEqual(wide.runs.map((r) => r.str), ['Row', '95']);
  });

  it('a blank glyph only marks a space and is not counted', () => {
    const { runs, chars } = glyphRuns([...word('A', 72, 700), { ch: ' ', x: 300, y: 600, left: 300, right: 302, size: 10 }]);
    assert.equal(chars, 1);
    assert.deepEqual(runs.map((r) => r.str), ['A', ' ']);
  });
});

describe('pdf-layout: lines', () => {
  it('groups runs by baseline, top to bottom, left to right', () => {
    const lines = toLines([run('b', 200, 700), run('c', 72, 650), run('a', 72, 701)]);
    assert.deepEqual(lines.map((l) => l.map((r) => r.str)), [['a', 'b'], ['c']]);
  });

  it('sees cells where runs on a line are set apart', () => {
    assert.equal(hasCells([run('Row', 72, 700), run('95', 300, 700)]), true);
    assert.equal(hasCells([run('One', 72, 700), run('two', 105, 700)]), false);
  });

  it('writes a borderless table as tab-separated cells and drops page numbers', () => {
    const runs = [run('Row A', 72, 700), run('95', 300, 700), run('0', 360, 700), run('Row B', 72, 680), run('3', 300, 680), run('- 3 -', 290, 20)];
    const blocks = layoutPage(runs, { h: [], v: [] }, 0, 842);
    assert.equal(assemble([{ page: 1, blocks }]).text, 'Row A\t95\t0\nRow B\t3\n');
  });
});

describe('pdf-layout: ruling lines and grids', () => {
  it('keeps horizontal and vertical strokes and thin bars, and nothing slanted or short', () => {
    const segs: Segments = { h: [], v: [] };
    addStroke(segs, 0, 0, 100, 0.5);
    addStroke(segs, 10, 0, 10.2, 80);
    addStroke(segs, 0, 0, 100, 100);
    addStroke(segs, 0, 0, 1, 0);
    addBar(segs, [[0, 50], [200, 50], [200, 51.5], [0, 51.5]]);
    assert.deepEqual(segs.h.map((s) => [s.pos, s.a, s.b]), [[0.25, 0, 100], [50.75, 0, 200]]);
    assert.deepEqual(segs.v.map((s) => [s.pos, s.a, s.b]), [[10.1, 0, 80]]);
  });

  it('groups lines that touch into one grid, and lines apart into another', () => {
    const a = ruled([0, 100, 200], [100, 50, 0]);
    const b = ruled([300, 400], [500, 450]);
    const grids = findGrids([...a.h, ...b.h], [...a.v, ...b.v]);
    const shapes = grids.map((g) => [g.xs, g.ys]).sort((p, q) => p[0][0] - q[0][0]);
    assert.deepEqual(shapes, [[[0, 100, 200], [100, 50, 0]], [[300, 400], [500, 450]]]);
  });

  it('a lone line, or lines that never cross, make no grid', () => {
    const segs: Segments = { h: [], v: [] };
    for (let i = 0; i < 50; i++) addStroke(segs, i * 10, 0, i * 10 + 5, 0);
    for (let i = 0; i < 50; i++) addStroke(segs, i * 10 + 7, 20, i * 10 + 7, 30);
    assert.deepEqual(findGrids(segs.h, segs.v), []);
  });

  it('snaps a border drawn twice to one', () => {
    const segs = ruled([0, 100, 200], [100, 0]);
    addStroke(segs, 0, 100.8, 200, 100.8);
    const [g] = findGrids(segs.h, segs.v);
    assert.deepEqual(g.ys, [100, 0]);
  });

  it('places runs in their cells and repeats a label merged over rows', () => {
    // Three columns, two rows; the first column has no border between its rows (one merged cell).
    const segs: Segments = { h: [], v: [] };
    for (const y of [100, 0]) addStroke(segs, 0, y, 300, y);
    addStroke(segs, 100, 50, 300, 50);
    for (const x of [0, 100, 200, 300]) addStroke(segs, x, 0, x, 100);
    const runs = [run('Label', 10, 45), run('12', 110, 70), run('34', 210, 70), run('5', 110, 20), run('6', 210, 20)];
    const blocks = layoutPage(runs, segs, 0, 842);
    assert.equal(blocks.length, 1);
    assert.equal(assemble([{ page: 1, blocks }]).text, 'Label\t12\t34\nLabel\t5\t6\n');
  });

  it('joins a table continued at the top of the next page with the same columns', () => {
    const page = (y: number, label: string, n: string) => layoutPage([run(label, 10, y - 30), run(n, 110, y - 30)], ruled([0, 100, 200], [y, y - 50]), 0, 842);
    const out = assemble([{ page: 1, blocks: page(100, 'A', '1') }, { page: 2, blocks: page(800, 'B', '2') }]);
    assert.equal(out.text, 'A\t1\nB\t2\n');
    // Each row keeps its own page and the box of its row of cells (points from the page's top-left).
    assert.deepEqual(out.origins, [{ page: 1, box: { x: 0, y: 742, width: 200, height: 50 } }, { page: 2, box: { x: 0, y: 42, width: 200, height: 50 } }]);
  });
});

/** The plain definition the sweep must agree with: every horizontal line against every vertical one. */
function gridsByPairs(h: Segment[], v: Segment[]): { xs: number[]; ys: number[] }[] {
  const TOL = 2;
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++) for (let j = 0; j < v.length; j++) {
    const a = h[i], b = v[j];
    if (b.pos >= a.a - TOL && b.pos <= a.b + TOL && a.pos >= b.a - TOL && a.pos <= b.b + TOL) parent[find(i)] = find(h.length + j);
  }
  const groups = new Map<number, { h: number[]; v: number[] }>();
  parent.forEach((_, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i].pos);
    else g.v.push(v[i - h.length].pos);
    groups.set(find(i), g);
  });
  const snap = (values: number[]) => {
    const out: number[] = [];
    for (const x of values.sort((p, q) => p - q)) if (!out.length || x - out[out.length - 1] > TOL) out.push(x);
    return out;
  };
  const out: { xs: number[]; ys: number[] }[] = [];
  for (const g of groups.values()) {
    const ys = snap(g.h).reverse(), xs = snap(g.v);
    if (ys.length >= 2 && xs.length >= 2) out.push({ xs, ys });
  }
  return out;
}

describe('pdf-layout: findGrids at scale', () => {
  it('agrees with the pairwise definition on random lines, grid for grid and in order', () => {
    let seed = 12345;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed % (n * 4)) / 4; };
    for (let round = 0; round < 200; round++) {
      const h: Segment[] = [], v: Segment[] = [];
      const n = 1 + (round % 40);
      for (let i = 0; i < n; i++) {
        const a = rnd(100);
        h.push({ pos: rnd(100), a, b: a + rnd(40) });
        const b = rnd(100);
        v.push({ pos: rnd(100), a: b, b: b + rnd(40) });
      }
      const got = findGrids(h, v).map((g) => ({ xs: g.xs, ys: g.ys }));
      assert.deepEqual(got, gridsByPairs(h, v), `round ${round}`);
    }
  });
});
