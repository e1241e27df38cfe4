/**
 * Ruling lines → grids, in O(n log n) for n lines whatever their arrangement: a sweep across the page
 * meets each vertical line with the horizontal lines it touches, and a set of "breaks" between
 * neighbouring horizontal lines lets a vertical line that spans many already-joined lines join them
 * in one step (each break is made by an insertion and removed once). The borders of a grid are
 * indexed so that whether a border separates two cells is a binary search.
 */
/** A ruling line. Horizontal: y fixed (`pos`), x from a to b. Vertical: x fixed, y from a to b. */
export interface Segment {
  pos: number;
  a: number;
  b: number;
}

/** How far apart (in points) two borders may be and still be one border. */
export const TOL = 2;

export interface Grid {
  /** Column boundaries, left to right; row boundaries, top to bottom. */
  xs: number[];
  ys: number[];
  h: Segment[];
  v: Segment[];
}

/** Snaps nearby positions to one value (a border drawn twice, or hairline offsets). */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1] > TOL) out.push(x);
  return out;
}

/** A set of the integers 0…n-1 with the next and previous member found in a few word operations. */
function intSet(n: number) {
  const levels: Uint32Array[] = [];
  for (let size = n; ;) {
    size = Math.max(1, Math.ceil(size / 32));
    levels.push(new Uint32Array(size));
    if (size === 1) break;
  }
  const low = (w: number) => 31 - Math.clz32(w & -w);
  const next = (i: number, level = 0): number => {
    const w = levels[level];
    if (!w || i < 0) return i < 0 ? next(0, level) : -1;
    const idx = i >> 5;
    if (idx >= w.length) return -1;
    const masked = w[idx] & (~0 << (i & 31));
    if (masked !== 0) return (idx << 5) + low(masked);
    const up = next(idx + 1, level + 1);
    return up < 0 ? -1 : (up << 5) + low(w[up]);
  };
  const prev = (i: number, level = 0): number => {
    const w = levels[level];
    if (!w || i < 0) return -1;
    let idx = i >> 5, sh = i & 31;
    if (idx >= w.length) [idx, sh] = [w.length - 1, 31];
    const masked = (sh === 31 ? w[idx] : w[idx] & ((1 << (sh + 1)) - 1)) >>> 0;
    if (masked !== 0) return (idx << 5) + 31 - Math.clz32(masked);
    const up = prev(idx - 1, level + 1);
    return up < 0 ? -1 : (up << 5) + 31 - Math.clz32(w[up]);
  };
  return {
    has: (i: number) => (levels[0][i >> 5] & (1 << (i & 31))) !== 0,
    add(i: number) {
      for (const w of levels) {
        const had = w[i >> 5] !== 0;
        w[i >> 5] |= 1 << (i & 31);
        if (had) return;
        i >>= 5;
      }
    },
    remove(i: number) {
      for (const w of levels) {
        w[i >> 5] &= ~(1 << (i & 31));
        if (w[i >> 5] !== 0) return;
        i >>= 5;
      }
    },
    next,
    prev,
  };
}

/** A line that can touch another: finite, and not so reversed that its widened extent is empty. */
const usable = (s: Segment) => Number.isFinite(s.pos) && Number.isFinite(s.a) && Number.isFinite(s.b) && s.a - TOL <= s.b + TOL;

/**
 * Groups ruling lines that touch (within `TOL`) into tables; each table is a grid of column and row
 * boundaries. A horizontal and a vertical line touch when each one's position lies within the
 * other's extent; grids come in the order of their first line (horizontal lines first).
 */
export function findGrids(h: Segment[], v: Segment[]): Grid[] {
  const nh = h.length;
  const parent = new Int32Array(nh + v.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    a = find(a);
    b = find(b);
    if (a !== b) parent[a] = b;
  };
  // Horizontal lines ranked by height; the sweep goes left to right over their extents.
  const hs = [...h.keys()].filter((i) => usable(h[i]));
  const byPos = [...hs].sort((p, q) => h[p].pos - h[q].pos || p - q);
  const rank = new Int32Array(nh);
  byPos.forEach((i, r) => { rank[i] = r; });
  const posAt = Float64Array.from(byPos, (i) => h[i].pos);
  const starts = [...hs].sort((p, q) => h[p].a - TOL - (h[q].a - TOL));
  const ends = [...hs].sort((p, q) => h[p].b + TOL - (h[q].b + TOL));
  const queries = [...v.keys()].filter((j) => usable(v[j])).sort((p, q) => v[p].pos - v[q].pos);
  const active = intSet(byPos.length);
  // A break after an active line: it may not be joined to the next active line above it.
  const breaks = intSet(byPos.length);
  let si = 0, ei = 0;
  // The first rank whose height is at least y (or above y).
  const rankFrom = (y: number, above: boolean) => {
    let lo = 0, hi = posAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (above ? posAt[mid] > y : posAt[mid] >= y) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  for (const j of queries) {
    const x = v[j].pos;
    // Lines that start at or before x are in; lines that ended before x are out.
    for (; si < starts.length && h[starts[si]].a - TOL <= x; si++) {
      const r = rank[starts[si]];
      active.add(r);
      breaks.add(r);
      const p = active.prev(r - 1);
      if (p >= 0) breaks.add(p);
    }
    for (; ei < ends.length && h[ends[ei]].b + TOL < x; ei++) {
      const r = rank[ends[ei]];
      if (!active.has(r)) continue;
      const p = active.prev(r - 1);
      if (p >= 0 && breaks.has(r)) breaks.add(p);
      active.remove(r);
      breaks.remove(r);
    }
    const lo = rankFrom(v[j].a - TOL, false);
    const hi = rankFrom(v[j].b + TOL, true) - 1;
    const r0 = active.next(lo);
    if (r0 < 0 || r0 > hi) continue;
    union(nh + j, byPos[r0]);
    for (let r = breaks.next(r0); r >= 0 && r < hi;) {
      const s = active.next(r + 1);
      if (s < 0 || s > hi) break;
      union(nh + j, byPos[s]);
      breaks.remove(r);
      r = breaks.next(s);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < parent.length; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < nh) g.h.push(h[i]);
    else g.v.push(v[i - nh]);
  }
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (!g.h.length || !g.v.length) continue;
    const ys = snap(g.h.map((s) => s.pos)).reverse();
    const xs = snap(g.v.map((s) => s.pos));
    if (ys.length >= 2 && xs.length >= 2) grids.push({ xs, ys, h: g.h, v: g.v });
  }
  return grids;
}

/**
 * Whether a border is drawn at each grid boundary, at any point along it: for each boundary, the
 * extents (widened by `TOL`) of the lines within `TOL` of it, merged and sorted.
 */
export function borderIndex(segs: Segment[], bounds: number[]): (at: number, boundary: number) => boolean {
  const order = bounds.map((b, i) => [b, i] as const).sort((p, q) => p[0] - q[0]);
  const sortedBounds = order.map((o) => o[0]);
  const lists: [number, number][][] = bounds.map(() => []);
  for (const s of segs) {
    let k = 0, hi = sortedBounds.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      if (sortedBounds[mid] >= s.pos - TOL - 1) hi = mid;
      else k = mid + 1;
    }
    for (; k < sortedBounds.length && sortedBounds[k] <= s.pos + TOL + 1; k++) {
      if (Math.abs(s.pos - sortedBounds[k]) <= TOL) lists[order[k][1]].push([s.a - TOL, s.b + TOL]);
    }
  }
  const merged = lists.map((list) => {
    list.sort((p, q) => p[0] - q[0]);
    const out: [number, number][] = [];
    for (const [a, b] of list) {
      const last = out[out.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else out.push([a, b]);
    }
    return out;
  });
  return (at, boundary) => {
    const list = merged[boundary];
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid][1] >= at) hi = mid;
      else lo = mid + 1;
    }
    return lo < list.length && list[lo][0] <= at;
  };
}

/**
 * The merged cell of each position of a grid: positions that no border separates are one cell, named by
 * one of its positions' index (r × columns + c). Union–find with path halving, linear in the grid's size.
 */
export function mergedCells(g: Grid): (r: number, c: number) => number {
  const nr = g.ys.length - 1, nc = g.xs.length - 1;
  const parent = new Int32Array(Math.max(0, nr * nc));
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const vBorder = borderIndex(g.v, g.xs), hBorder = borderIndex(g.h, g.ys);
  for (let r = 0; r < nr; r++) {
    const ym = (g.ys[r] + g.ys[r + 1]) / 2;
    for (let c = 0; c < nc; c++) {
      const xm = (g.xs[c] + g.xs[c + 1]) / 2;
      if (c + 1 < nc && !vBorder(ym, c + 1)) parent[find(r * nc + c + 1)] = find(r * nc + c);
      if (r + 1 < nr && !hBorder(xm, r + 1)) parent[find((r + 1) * nc + c)] = find(r * nc + c);
    }
  }
  return (r, c) => find(r * nc + c);
}
