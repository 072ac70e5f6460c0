/**
 * 2-D labelling by runs, for structures that connect horizontal neighbours: each row's runs of
 * foreground are joined (union-find over runs, the earlier run as root) to the runs of the row
 * above they touch through the structure's upper row. Work is per run rather than per pixel, and
 * runs are met in raster order, so numbering objects by their first run is SciPy's numbering.
 */

/**
 * Labels `fg` (h×w, C order, 0/1) into `out` (every element written); `mask` is the 3×3 structure (C order) with
 * mask[3] (left neighbour) set. Returns the number of objects.
 */
export function labelRuns2d(fg: Uint8Array, h: number, w: number, mask: Uint8Array, out: Int32Array): number {
  // Upper-row offsets dc for which (−1, dc) is in the structure.
  const up = [mask[0] ? -1 : 2, mask[1] ? 0 : 2, mask[2] ? 1 : 2].filter((d) => d !== 2);
  const lo = up.length > 0 ? Math.min(...up) : 0;
  const hi = up.length > 0 ? Math.max(...up) : 0;
  // {−1, 1} without 0 is the one set that is not an interval: runs then also need a gap check.
  const gap = up.length === 2 && lo === -1 && hi === 1;
  let cap = Math.max(1024, h * 8);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let parent = new Int32Array(cap);
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
        if (word === (prev === 0 ? 0 : ONES)) continue;
        for (let k = 0; k < 4; k++) {
          const v = (word >>> (8 * k)) & 1;
          bounds[nb] = c + k;
          nb += v ^ prev;
          prev = v;
        }
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
  // Final numbers in the order of each object's first run, and the output: every element is
  // written once, background included, so `out` needs no clearing beforehand.
  const final = new Int32Array(n);
  let count = 0;
  for (let row = 0; row < h; row++) {
    const base = row * w;
    let x = base;
    for (let k = rowFirst[row] as number; k < (rowFirst[row + 1] as number); k++) {
      const root = find(k);
      if (final[root] === 0) final[root] = ++count;
      const v = final[root] as number;
      const from = base + (starts[k] as number);
      for (; x < from; x++) out[x] = 0;
      const to = base + (ends[k] as number);
      for (; x < to; x++) out[x] = v;
    }
    for (const end = base + w; x < end; x++) out[x] = 0;
  }
  return count;
}

/** Four pixels of 1 (little-endian bytes of one word). */
const ONES = 0x01010101;

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
