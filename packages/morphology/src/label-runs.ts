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
  // Runs as (start, end) pairs: se[2k], se[2k + 1]. The scan writes each boundary straight into
  // the table (boundaries alternate start, end), so runs are never copied. Tables are reused
  // between calls: fresh ones would cost page faults and regrowth each time.
  let se = scratch.se;
  let parent = scratch.parent;
  // Rows start on word boundaries when w is a multiple of 4 (fg is its own aligned buffer).
  const words =
    w % 4 === 0 && fg.byteOffset % 4 === 0 ? new Uint32Array(fg.buffer, fg.byteOffset, fg.length >> 2) : undefined;
  let m = 0; // boundaries written so far (2 per run)
  let dense = false;
  let prevBegin = 0;
  let prevEnd = 0;
  const rowFirst = new Int32Array(h + 1);
  for (let r = 0; r < h; r++) {
    const base = r * w;
    const rowBegin = m >> 1;
    rowFirst[r] = rowBegin;
    // A row of w pixels has at most w + 1 boundaries (+ 3 slots the dense scan may write past).
    if (se.length < m + w + 4) {
      se = grow(se, Math.max(2 * se.length, m + w + 4));
      parent = grow(parent, se.length >> 1);
    }
    let prev = 0;
    let c = 0;
    if (words !== undefined) {
      // Four pixels at a time. Byte k differs from byte k − 1 (byte −1: the previous word's
      // last) where bit 8k of t is set.
      const first = base >> 2;
      const stop = first + (w >> 2);
      if (dense) {
        // Many boundaries (the row above had more than one per 16 pixels): no branch on the data.
        // The 4 change bits gathered into a nibble index tables of their positions; all four
        // slots are written and m advances by the number of changes.
        for (let i = first; i < stop; i++) {
          const word = words[i] as number;
          const t = (word ^ ((word << 8) | prev)) & ONES;
          prev = word >>> 24;
          const nib = (Math.imul(t, GATHER) >>> 24) & 15;
          const at = (i - first) << 2;
          const b = nib << 2;
          se[m] = at + (SLOTS[b] as number);
          se[m + 1] = at + (SLOTS[b + 1] as number);
          se[m + 2] = at + (SLOTS[b + 2] as number);
          se[m + 3] = at + (SLOTS[b + 3] as number);
          m += CHANGES[nib] as number;
        }
      } else {
        // Few boundaries: a word without a change costs one (well-predicted) test.
        for (let i = first; i < stop; i++) {
          const word = words[i] as number;
          let t = (word ^ ((word << 8) | prev)) & ONES;
          if (t === 0) continue;
          prev = word >>> 24;
          const at = (i - first) << 2;
          do {
            se[m++] = at + ((31 - Math.clz32(t & -t)) >> 3);
            t &= t - 1;
          } while (t !== 0);
        }
      }
      c = w;
    }
    // Without branches on the data (fg holds exact 0/1 bytes): every position is written, and
    // the count only advances where the value changes.
    for (; c < w; c++) {
      const v = fg[base + c] as number;
      se[m] = c;
      m += v ^ prev;
      prev = v;
    }
    se[m] = w;
    m += prev;
    dense = m - (rowBegin << 1) > w >> 4;
    // Join this row's runs to the runs above that they touch (union-find, earlier run as root).
    const rowEnd = m >> 1;
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
  const n = m >> 1;
  rowFirst[h] = n;
  if (se.length <= KEEP) {
    scratch.se = se;
    scratch.parent = parent;
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
    for (let k = rowFirst[row] as number; k < (rowFirst[row + 1] as number); k++) {
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

/** Run tables kept between calls, up to {@link KEEP} boundaries (6 bytes each). */
const scratch = { se: new Int32Array(8192), parent: new Int32Array(4096) };
const KEEP = 1 << 23;

/** Four pixels of 1 (little-endian bytes of one word). */
const ONES = 0x01010101;

/**
 * Multiplying a word whose set bits are among 0, 8, 16, 24 by this moves them to bits 24…27
 * (bit 8k to 24 + k; the other products land elsewhere without carries).
 */
const GATHER = 0x01020408;

/** For each nibble of change bits: how many are set, and their positions (4 slots each). */
const CHANGES = new Int32Array(16);
const SLOTS = new Int32Array(64);
for (let nib = 0; nib < 16; nib++) {
  for (let k = 0; k < 4; k++) if ((nib >> k) & 1) SLOTS[4 * nib + (CHANGES[nib] as number)++] = k;
}

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

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
