/**
 * The chamfer distance transform as SciPy runs it: two raster scans with half of a 3×…×3
 * structure. The forward scan visits elements in C order and looks at the structure's elements
 * before its centre (in C order: the neighbours already visited); the backward scan visits them
 * in reverse order with those offsets mirrored. An object element takes 1 + the smallest
 * distance among its known neighbours (the first neighbour in structure order wins a tie, and the
 * value from the first scan is kept unless a neighbour is strictly better), and that neighbour's
 * feature.
 *
 * The work arrays carry a one-element frame of "unknown" on every side, so neighbours need no
 * bounds checks (SciPy's constant border reads the same). "Unknown" (SciPy's −1) is stored as
 * {@link UNKNOWN}, a number larger than any distance: SciPy's test "the neighbour is known and
 * (this element is unknown or neighbour + 1 is smaller)" becomes "neighbour + 1 is smaller".
 */

/** SciPy's −1 ("no path to the background yet") in the work arrays: above any distance. */
export const UNKNOWN = 0x3fffffff;

/** Padded work arrays: distances ({@link UNKNOWN}, 0 background) and features (C-order linear indices). */
export interface ChamferState {
  dist: Int32Array;
  feat: Int32Array | undefined;
}

/** The padded layout of `shape`: every axis two longer, C order. */
export function paddedStrides(shape: readonly number[]): number[] {
  const nd = shape.length;
  const strides = new Array<number>(nd);
  let acc = 1;
  for (let k = nd - 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= (shape[k] as number) + 2;
  }
  return strides;
}

/**
 * The forward-scan neighbour offsets (in the padded layout) of the true elements of a 3×…×3
 * structure `mask` that come before its centre in C order.
 */
export function halfOffsets(mask: Uint8Array, nd: number, pstrides: readonly number[]): Int32Array {
  const out: number[] = [];
  const half = Math.floor(mask.length / 2);
  for (let e = 0; e < half; e++) {
    if (!mask[e]) continue;
    let off = 0;
    for (let k = nd - 1, q = e; k >= 0; k--, q = Math.floor(q / 3)) off += ((q % 3) - 1) * (pstrides[k] as number);
    out.push(off);
  }
  return Int32Array.from(out);
}

/**
 * One scan over the interior rows of the padded arrays. `rows` lists the padded index of each
 * row's first element, `n` the row length; `dir` is +1 (forward, offsets as given) or −1
 * (backward: rows and elements in reverse, offsets negated). Without and with features in two
 * functions, so each stays monomorphic.
 */
export function chamferScan(
  { dist, feat }: ChamferState,
  rows: Int32Array,
  n: number,
  offsets: Int32Array,
  dir: 1 | -1,
): void {
  const offs = dir === 1 ? offsets : offsets.map((o) => -o);
  if (feat) scanFeatures(dist, feat, rows, n, offs, dir);
  else if (offs.length === 4) scan4(dist, rows, n, offs, dir);
  else scan(dist, rows, n, offs, dir);
}

/** {@link scan} for four neighbours (the 2-D chessboard), unrolled. */
function scan4(dist: Int32Array, rows: Int32Array, n: number, offs: Int32Array, dir: number): void {
  const o0 = offs[0] as number;
  const o1 = offs[1] as number;
  const o2 = offs[2] as number;
  const o3 = offs[3] as number;
  const nrows = rows.length;
  for (let ri = 0; ri < nrows; ri++) {
    const start = dir === 1 ? (rows[ri] as number) : (rows[nrows - 1 - ri] as number) + n - 1;
    for (let x = 0, p = start; x < n; x++, p += dir) {
      let min = dist[p] as number;
      if (min === 0) continue;
      let c = (dist[p + o0] as number) + 1;
      if (c < min) min = c;
      c = (dist[p + o1] as number) + 1;
      if (c < min) min = c;
      c = (dist[p + o2] as number) + 1;
      if (c < min) min = c;
      c = (dist[p + o3] as number) + 1;
      if (c < min) min = c;
      dist[p] = min;
    }
  }
}

function scan(dist: Int32Array, rows: Int32Array, n: number, offs: Int32Array, dir: number): void {
  const k = offs.length;
  const nrows = rows.length;
  for (let ri = 0; ri < nrows; ri++) {
    const start = dir === 1 ? (rows[ri] as number) : (rows[nrows - 1 - ri] as number) + n - 1;
    for (let x = 0, p = start; x < n; x++, p += dir) {
      let min = dist[p] as number;
      if (min === 0) continue;
      for (let j = 0; j < k; j++) {
        const c = (dist[p + (offs[j] as number)] as number) + 1;
        if (c < min) min = c;
      }
      dist[p] = min;
    }
  }
}

function scanFeatures(
  dist: Int32Array,
  feat: Int32Array,
  rows: Int32Array,
  n: number,
  offs: Int32Array,
  dir: number,
): void {
  const k = offs.length;
  const nrows = rows.length;
  for (let ri = 0; ri < nrows; ri++) {
    const start = dir === 1 ? (rows[ri] as number) : (rows[nrows - 1 - ri] as number) + n - 1;
    for (let x = 0, p = start; x < n; x++, p += dir) {
      let min = dist[p] as number;
      if (min === 0) continue;
      let best = 0;
      for (let j = 0; j < k; j++) {
        const off = offs[j] as number;
        const c = (dist[p + off] as number) + 1;
        if (c < min) {
          min = c;
          best = off;
        }
      }
      if (best !== 0) {
        dist[p] = min;
        feat[p] = feat[p + best] as number;
      }
    }
  }
}

/** The padded index of the first element of every interior row, in C order. */
export function interiorRows(shape: readonly number[], pstrides: readonly number[]): Int32Array {
  const nd = shape.length;
  const count = shape.slice(0, -1).reduce((p, d) => p * d, 1);
  const rows = new Int32Array(count);
  const idx = new Array<number>(Math.max(nd - 1, 0)).fill(0);
  const base = pstrides.reduce((s, v) => s + v, 0); // the element (1, 1, …, 1)
  for (let r = 0; r < count; r++) {
    let at = base;
    for (let k = 0; k < nd - 1; k++) at += (idx[k] as number) * (pstrides[k] as number);
    rows[r] = at;
    for (let k = nd - 2; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (shape[k] as number)) break;
      idx[k] = 0;
    }
  }
  return rows;
}
