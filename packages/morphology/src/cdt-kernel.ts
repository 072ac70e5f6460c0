/**
 * The chamfer distance transform as SciPy runs it: two raster scans with half of a 3×…×3
 * structure. The forward scan visits elements in C order and looks at the structure's elements
 * before its centre (in C order: the neighbours already visited); the backward scan visits them
 * in reverse order with those offsets mirrored. An object element takes 1 + the smallest
 * distance among its known neighbours (the first neighbour in structure order wins a tie, and the
 * value from the first scan is kept unless a neighbour is strictly better), and that neighbour's
 * feature.
 *
 * The work arrays carry a one-element frame of −1 ("unknown") on every side, so neighbours need
 * no bounds checks: SciPy's constant border reads the same −1.
 */

/** Padded work arrays: distances (−1 unknown, 0 background) and features (C-order linear indices). */
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
 * (backward: rows and elements in reverse, offsets negated).
 */
export function chamferScan(
  { dist, feat }: ChamferState,
  rows: Int32Array,
  n: number,
  offsets: Int32Array,
  dir: 1 | -1,
): void {
  const k = offsets.length;
  const offs = dir === 1 ? offsets : offsets.map((o) => -o);
  const nrows = rows.length;
  for (let ri = 0; ri < nrows; ri++) {
    const r = dir === 1 ? (rows[ri] as number) : (rows[nrows - 1 - ri] as number) + n - 1;
    for (let x = 0, p = r; x < n; x++, p += dir) {
      const value = dist[p] as number;
      if (value === 0) continue;
      let min = value;
      let best = 0;
      for (let j = 0; j < k; j++) {
        const tt = dist[p + (offs[j] as number)] as number;
        if (tt >= 0 && (min < 0 || tt + 1 < min)) {
          min = tt + 1;
          best = offs[j] as number;
        }
      }
      dist[p] = min;
      if (feat && best !== 0) feat[p] = feat[p + best] as number;
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
