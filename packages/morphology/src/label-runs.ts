/**
 * 2-D labelling by runs, for structures that connect horizontal neighbours: each row's runs of
 * foreground are joined (union-find over runs, the earlier run as root) to the runs of the row
 * above they touch through the structure's upper row. Work is per run rather than per pixel, and
 * runs are met in raster order, so numbering objects by their first run is SciPy's numbering.
 */

/**
 * Labels `fg` (h×w, C order, 0/1) into `out` (zeros expected; only object elements are written); `mask` is the 3×3 structure (C order) with
 * mask[3] (left neighbour) set. Returns the number of objects.
 */
export function labelRuns2d(fg: Uint8Array, h: number, w: number, mask: Uint8Array, out: Int32Array): number {
  // Upper-row offsets dc for which (−1, dc) is in the structure.
  const up = [mask[0] ? -1 : 2, mask[1] ? 0 : 2, mask[2] ? 1 : 2].filter((d) => d !== 2);
  const lo = up.length > 0 ? Math.min(...up) : 0;
  const hi = up.length > 0 ? Math.max(...up) : 0;
  // {−1, 1} without 0 is the one set that is not an interval: runs then also need a gap check.
  const gap = up.length === 2 && lo === -1 && hi === 1;
  // Run tables from the last call, reused: fresh ones would cost page faults and regrowth each time.
  let starts = scratch.starts;
  let ends = scratch.ends;
  let parent = scratch.parent;
  let cap = starts.length;
  let n = 0;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const g = parent[parent[x] as number] as number;
      parent[x] = g;
      x = g;
    }
    return x;
  };
  const bounds = new Int32Array(w + 2);
  // Rows start on word boundaries when w is a multiple of 4 (fg is its own aligned buffer).
  const words =
    w % 4 === 0 && fg.byteOffset % 4 === 0 ? new Uint32Array(fg.buffer, fg.byteOffset, fg.length >> 2) : undefined;
  let prevBegin = 0;
  let prevEnd = 0;
  const rowFirst = new Int32Array(h + 1);
  for (let r = 0; r < h; r++) {
    const base = r * w;
    const rowBegin = n;
    rowFirst[r] = n;
    let j = prevBegin;
    // Run boundaries without branches on the data: every position is written, and the count only
    // advances where the value changes (fg holds exact 0/1 bytes). A row of w pixels has at most
    // w + 1 boundaries.
    let nb = 0;
    let prev = 0;
    let c = 0;
    if (words !== undefined) {
      // Four pixels at a time: a word equal to the current state (all 0 or all 1) has no boundary.
      for (; c + 4 <= w; c += 4) {
        const word = words[(base + c) >> 2] as number;
        // Byte k changes from byte k − 1 (byte −1: the previous word's last): one bit per change.
        let t = (word ^ ((word << 8) | prev)) & ONES;
        if (t === 0) continue;
        prev = word >>> 24;
        do {
          bounds[nb++] = c + ((31 - Math.clz32(t & -t)) >> 3);
          t &= t - 1;
        } while (t !== 0);
      }
    }
    for (; c < w; c++) {
      const v = fg[base + c] as number;
      bounds[nb] = c;
      nb += v ^ prev;
      prev = v;
    }
    bounds[nb] = w;
    nb += prev;
    for (let q = 0; q < nb; q += 2) {
      const s = bounds[q] as number;
      const e = bounds[q + 1] as number;
      if (n === cap) {
        cap *= 2;
        starts = grow(starts, cap);
        ends = grow(ends, cap);
        parent = grow(parent, cap);
      }
      starts[n] = s;
      ends[n] = e;
      parent[n] = n;
      let root = n;
      if (up.length > 0) {
        // Upper runs [ps, pe) touching [s + lo, e + hi): ps < e + hi and pe > s + lo.
        while (j < prevEnd && (ends[j] as number) <= s + lo) j++;
        for (let k = j; k < prevEnd && (starts[k] as number) < e + hi; k++) {
          if (gap && e - s === 1 && (starts[k] as number) === s && (ends[k] as number) === s + 1) continue;
          const other = find(k);
          if (other < root) {
            parent[root] = other;
            root = other;
          } else if (other > root) parent[other] = root;
        }
      }
      n++;
    }
    prevBegin = rowBegin;
    prevEnd = n;
  }
  rowFirst[h] = n;
  if (cap <= KEEP) {
    scratch.starts = starts;
    scratch.ends = ends;
    scratch.parent = parent;
  }
  // Final numbers in the order of each object's first run, and the output.
  const final = new Int32Array(n);
  let count = 0;
  for (let row = 0; row < h; row++) {
    const base = row * w;
    for (let k = rowFirst[row] as number; k < (rowFirst[row + 1] as number); k++) {
      const root = find(k);
      if (final[root] === 0) final[root] = ++count;
      const v = final[root] as number;
      const from = base + (starts[k] as number);
      const to = base + (ends[k] as number);
      // Long runs by fill (a memset), short ones by a loop (cheaper than the call).
      if (to - from > 24) out.fill(v, from, to);
      else for (let x = from; x < to; x++) out[x] = v;
    }
  }
  return count;
}

/** Run tables kept between calls, up to {@link KEEP} runs (12 bytes each). */
const scratch = { starts: new Int32Array(4096), ends: new Int32Array(4096), parent: new Int32Array(4096) };
const KEEP = 1 << 22;

/** Four pixels of 1 (little-endian bytes of one word). */
const ONES = 0x01010101;

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
