/**
 * The chamfer distance transform as SciPy runs it: two raster scans with half of a 3×…×3
 * structure. The forward scan visits elements in C order and looks at the structure's elements
 * before its centre (in C order: the neighbours already visited); the backward scan visits them
 * in reverse order with those offsets mirrored. An object element takes 1 + the smallest
 * distance among its known neighbours (the first neighbour in structure order wins a tie, and the
 * value from the first scan is kept unless a neighbour is strictly better), and that neighbour's
 * feature. Neighbours outside the array do not count (SciPy's constant border of −1).
 *
 * The scans work in the result arrays themselves, with SciPy's −1 ("no path to the background
 * yet") stored as {@link UNKNOWN}, a number above any distance: SciPy's test "the neighbour is
 * known and (this element is unknown or neighbour + 1 is smaller)" becomes "neighbour + 1 is
 * smaller", one integer comparison. The caller turns what stays UNKNOWN back into −1.
 *
 * Rows whose every neighbour is inside the array (all but their first and last element, in rows
 * away from the faces) run without bounds checks; the rest check each neighbour.
 */

/** SciPy's −1 during the scans: above any distance an array here can have. */
export const UNKNOWN = 0x3fffffff;

/** A half structure: linear offsets (C order) and the per-axis steps of each neighbour. */
interface Half {
  offsets: Int32Array;
  steps: Int8Array;
}

/**
 * The forward-scan neighbours of a 3×…×3 structure `mask`: its true elements before the centre
 * in C order, as offsets in an array of `shape`.
 */
function halfStructure(mask: Uint8Array, shape: readonly number[]): Half {
  const nd = shape.length;
  const strides = cStrides(shape);
  const offsets: number[] = [];
  const steps: number[] = [];
  const half = Math.floor(mask.length / 2);
  for (let e = 0; e < half; e++) {
    if (!mask[e]) continue;
    const step = new Array<number>(nd);
    for (let k = nd - 1, q = e; k >= 0; k--, q = Math.floor(q / 3)) step[k] = (q % 3) - 1;
    offsets.push(step.reduce((s, d, k) => s + d * (strides[k] as number), 0));
    steps.push(...step);
  }
  return { offsets: Int32Array.from(offsets), steps: Int8Array.from(steps) };
}

function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  for (let k = shape.length - 1, acc = 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= shape[k] as number;
  }
  return strides;
}

/**
 * Both scans over `dist` and, when given, the features `ft` (C-order linear indices), both C order.
 * The forward scan fills each row first ({@link UNKNOWN} for object elements of `fg`, 0 for
 * background; each element its own feature).
 */
export function chamfer(
  dist: Int32Array,
  ft: Int32Array | undefined,
  shape: readonly number[],
  mask: Uint8Array,
  fg: Uint8Array,
): void {
  const fwd = halfStructure(mask, shape);
  const bwd: Half = { offsets: fwd.offsets.map((o) => -o), steps: fwd.steps.map((s) => -s) };
  scanAll(dist, ft, shape, fwd, 1, fg);
  scanAll(dist, ft, shape, bwd, -1, undefined);
}

/** A row's starting values just before the forward scan reaches it, while it is in cache. */
function startRow(dist: Int32Array, ft: Int32Array | undefined, fg: Uint8Array, start: number, n: number): void {
  for (let p = start; p < start + n; p++) dist[p] = fg[p] ? UNKNOWN : 0;
  if (ft) for (let p = start; p < start + n; p++) ft[p] = p;
}

/** One scan: rows in order (`dir` 1) or in reverse (−1), each element fast or checked. */
function scanAll(
  dist: Int32Array,
  ft: Int32Array | undefined,
  shape: readonly number[],
  h: Half,
  dir: 1 | -1,
  fg: Uint8Array | undefined,
): void {
  const nd = shape.length;
  const n = shape[nd - 1] as number;
  const rows = dist.length / n;
  const coord = new Int32Array(nd);
  const dims = Int32Array.from(shape);
  for (let ri = 0; ri < rows; ri++) {
    const r = dir === 1 ? ri : rows - 1 - ri;
    // The row's coordinates on the other axes, and whether they are away from every face.
    let interior = n >= 3;
    for (let k = nd - 2, q = r; k >= 0; k--) {
      const d = dims[k] as number;
      const c = q % d;
      q = (q - c) / d;
      coord[k] = c;
      if (c === 0 || c === d - 1) interior = false;
    }
    const start = r * n;
    if (fg) startRow(dist, ft, fg, start, n);
    if (interior) {
      // First and last elements checked, the rest without checks.
      checked(dist, ft, h, coord, dims, start, dir === 1 ? 0 : n - 1);
      if (ft) fastFeatures(dist, ft, h.offsets, start + 1, n - 2, dir);
      else fast(dist, h.offsets, dir === 1 ? start + 1 : start + n - 2, n - 2, dir);
      checked(dist, ft, h, coord, dims, start, dir === 1 ? n - 1 : 0);
    } else {
      for (let i = 0; i < n; i++) checked(dist, ft, h, coord, dims, start, dir === 1 ? i : n - 1 - i);
    }
  }
}

/** One element at column `x` of the row from `start`, each neighbour checked against the faces. */
function checked(
  dist: Int32Array,
  ft: Int32Array | undefined,
  h: Half,
  coord: Int32Array,
  dims: Int32Array,
  start: number,
  x: number,
): void {
  const p = start + x;
  let min = dist[p] as number;
  if (min === 0) return;
  const nd = dims.length;
  const last = nd - 1;
  coord[last] = x;
  let best = 0;
  for (let j = 0; j < h.offsets.length; j++) {
    let inside = true;
    for (let k = 0; k < nd; k++) {
      const c = (coord[k] as number) + (h.steps[j * nd + k] as number);
      if (c < 0 || c >= (dims[k] as number)) {
        inside = false;
        break;
      }
    }
    if (!inside) continue;
    const off = h.offsets[j] as number;
    const c = (dist[p + off] as number) + 1;
    if (c < min) {
      min = c;
      best = off;
    }
  }
  if (best !== 0) {
    dist[p] = min;
    if (ft) ft[p] = ft[p + best] as number;
  }
}

/** `count` elements from `from`, stepping `dir`, every neighbour inside. */
function fast(dist: Int32Array, offs: Int32Array, from: number, count: number, dir: number): void {
  if (offs.length === 4) {
    fast4(dist, offs, from, count, dir);
    return;
  }
  if (offs.length === 2) {
    fast2(dist, offs, from, count, dir);
    return;
  }
  const k = offs.length;
  for (let i = 0, p = from; i < count; i++, p += dir) {
    let min = dist[p] as number;
    if (min === 0) continue;
    for (let j = 0; j < k; j++) {
      const c = (dist[p + (offs[j] as number)] as number) + 1;
      if (c < min) min = c;
    }
    dist[p] = min;
  }
}

/** {@link fast} for two neighbours (the 2-D cross), unrolled. */
function fast2(dist: Int32Array, offs: Int32Array, from: number, count: number, dir: number): void {
  const o0 = offs[0] as number;
  const o1 = offs[1] as number;
  for (let i = 0, p = from; i < count; i++, p += dir) {
    let min = dist[p] as number;
    if (min === 0) continue;
    let c = (dist[p + o0] as number) + 1;
    if (c < min) min = c;
    c = (dist[p + o1] as number) + 1;
    if (c < min) min = c;
    dist[p] = min;
  }
}

/** {@link fast} for four neighbours (the 2-D chessboard), unrolled. */
function fast4(dist: Int32Array, offs: Int32Array, from: number, count: number, dir: number): void {
  const o0 = offs[0] as number;
  const o1 = offs[1] as number;
  const o2 = offs[2] as number;
  const o3 = offs[3] as number;
  for (let i = 0, p = from; i < count; i++, p += dir) {
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

/** {@link fast} with features: the row's interior from `start` (forward or backward). */
function fastFeatures(
  dist: Int32Array,
  ft: Int32Array,
  offs: Int32Array,
  start: number,
  count: number,
  dir: number,
): void {
  const k = offs.length;
  const from = dir === 1 ? start : start + count - 1;
  for (let i = 0, p = from; i < count; i++, p += dir) {
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
      ft[p] = ft[p + best] as number;
    }
  }
}
