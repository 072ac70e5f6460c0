/**
 * 2-D labelling by runs, for structures that connect horizontal neighbours: each row's runs of
 * foreground are joined (union-find over runs, the earlier run as root) to the runs of the row
 * above they touch through the structure's upper row. Work is per run rather than per pixel, and
 * runs are met in raster order, so numbering objects by their first run is SciPy's numbering.
 */
import { rowRuns } from '@ndimage/filters/internal';

/**
 * Labels `fg` (h×w, C order, 0/1) into `out` (zeros expected; only object elements are written);
 * `mask` is the 3×3 structure (C order) with mask[3] (left neighbour) set. Returns the number of
 * objects.
 */
export function labelRuns2d(fg: Uint8Array, h: number, w: number, mask: Uint8Array, out: Int32Array): number {
  // Upper-row offsets dc for which (−1, dc) is in the structure.
  const up = [mask[0] ? -1 : 2, mask[1] ? 0 : 2, mask[2] ? 1 : 2].filter((d) => d !== 2);
  const lo = up.length > 0 ? Math.min(...up) : 0;
  const hi = up.length > 0 ? Math.max(...up) : 0;
  // {−1, 1} without 0 is the one set that is not an interval: runs then also need a gap check.
  const gap = up.length === 2 && lo === -1 && hi === 1;
  // Runs as (start, end) pairs: se[2k], se[2k + 1], found by @ndimage/filters' row scan (16 pixels
  // per vector instruction). The tables are reused between calls: fresh ones would cost page
  // faults each time.
  const runs = rowRuns(fg, h, w, scratch.se);
  const se = runs.bounds;
  const rowFirst = runs.rowStart;
  const n = (rowFirst[h] as number) >> 1;
  let parent = scratch.parent;
  if (parent.length < n) parent = new Int32Array(Math.max(n, 2 * parent.length));
  if (se.length <= KEEP) {
    scratch.se = se;
    scratch.parent = parent;
  }
  let prevBegin = 0;
  let prevEnd = 0;
  for (let r = 0; r < h; r++) {
    const rowBegin = (rowFirst[r] as number) >> 1;
    const rowEnd = (rowFirst[r + 1] as number) >> 1;
    // Join this row's runs to the runs above that they touch (union-find, earlier run as root).
    let j = prevBegin;
    for (let q = rowBegin; q < rowEnd; q++) {
      parent[q] = q;
      if (up.length === 0) continue;
      const s = se[2 * q] as number;
      const e = se[2 * q + 1] as number;
      let root = q;
      // Upper runs [ps, pe) touching [s + lo, e + hi): ps < e + hi and pe > s + lo.
      while (j < prevEnd && (se[2 * j + 1] as number) <= s + lo) j++;
      for (let k = j; k < prevEnd && (se[2 * k] as number) < e + hi; k++) {
        if (gap && e - s === 1 && (se[2 * k] as number) === s && (se[2 * k + 1] as number) === s + 1) continue;
        const other = find(parent, k);
        if (other < root) {
          parent[root] = other;
          root = other;
        } else if (other > root) parent[other] = root;
      }
    }
    prevBegin = rowBegin;
    prevEnd = rowEnd;
  }
  // Final numbers in the order of each object's first run. Every union makes the smaller root the
  // parent, so parent[k] ≤ k and a root is its object's first run: one forward pass numbers the
  // roots in raster order and gives every other run its parent's (already final) number, with no
  // path walking.
  const final = new Int32Array(n);
  let count = 0;
  for (let k = 0; k < n; k++) {
    const p = parent[k] as number;
    final[k] = p === k ? ++count : (final[p] as number);
  }
  for (let row = 0; row < h; row++) {
    const base = row * w;
    for (let k = (rowFirst[row] as number) >> 1; k < (rowFirst[row + 1] as number) >> 1; k++) {
      const v = final[k] as number;
      const from = base + (se[2 * k] as number);
      const to = base + (se[2 * k + 1] as number);
      // Long runs by fill (a memset), short ones by a loop (cheaper than the call).
      if (to - from > 24) out.fill(v, from, to);
      else for (let x = from; x < to; x++) out[x] = v;
    }
  }
  return count;
}

/** Run tables kept between calls, up to {@link KEEP} boundaries (6 bytes each with the parents). */
const scratch: { se: Int32Array; parent: Int32Array } = { se: new Int32Array(8192), parent: new Int32Array(4096) };
const KEEP = 1 << 23;

/**
 * The root of run x, halving the path on the way. A module function rather than a closure: a
 * closure over the (reassigned) tables would move them into a context object and slow every
 * access to them in the caller's loops.
 */
function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    const g = parent[parent[x] as number] as number;
    parent[x] = g;
    x = g;
  }
  return x;
}
