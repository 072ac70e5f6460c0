/**
 * The n-D ("footprint") filter path: a window of any shape, with any subset of its elements.
 * SciPy walks precomputed offsets with per-pixel boundary handling; here the input is padded once
 * by the boundary mode into a float64 array, so every window is a plain set of offsets. This is
 * also where SciPy's reflect-mode bug for windows ≥ 4× the input is not reproduced: the padding
 * uses the correct periodic extension (DESIGN §3).
 */
import {
  asarray,
  type DType,
  type NdArray,
  type NdArrayLike,
  NdImageError,
  type NumericTypedArray,
  zeros,
} from '@ndimage/core-array';
import {
  checkOptions,
  checkOrigins,
  describeValue,
  invalidArgument,
  normalizeSequence,
  optionKeys,
  readLine,
  requireAxes,
} from '@ndimage/core-array/internal';
import { intFootprintExtremum } from './footprint-int.js';
import { checkFootprintBudget, windowSize } from './limits.js';
import { wasmMedian } from './median-wasm.js';
import { type BoundaryMode, extendLine, type Mode, mapIndex } from './modes.js';
import { lineStore, type OutputOptions, withStorage } from './output.js';
import { hasNaN, histogramRange, rowRankHistogram, rowRankSorted, slidingSets } from './rank-kernels.js';

/** Options of the filters that take a `size` or a `footprint`. */
export interface FootprintOptions extends OutputOptions {
  /** Window shape, one per axis or one for all (a box). Ignored when `footprint` is given. */
  size?: number | readonly number[];
  /** The window: a bool (or 0/1) array of the input's rank; true elements take part. */
  footprint?: NdArrayLike | readonly unknown[];
  /** Boundary mode (see `BoundaryOptions`); a list per axis only for box windows of min/max. @defaultValue 'reflect' */
  mode?: Mode | readonly Mode[];
  /** @defaultValue 0 */
  cval?: number;
  /** Window shift, one per axis or one for all. @defaultValue 0 */
  origin?: number | readonly number[];
}

/** A checked window. */
export interface Footprint {
  shape: number[];
  /** 0/1 per window element, C order. */
  mask: Uint8Array;
  /** Number of elements taking part. */
  count: number;
  /** True when every element takes part (a box: separable filters may use 1-D passes). */
  isBox: boolean;
}

/**
 * The window given either as a size or in an options object: `filter(im, 3)`,
 * `filter(im, [3, 5])` or `filter(im, { footprint })`.
 */
export function sizeOrOptions<O extends FootprintOptions>(
  arg: number | readonly number[] | O | undefined,
  options: O | undefined,
): O {
  if (typeof arg === 'number' || Array.isArray(arg))
    return { ...checkOptions(options, FOOTPRINT_KEYS), size: arg as number | readonly number[] } as O;
  if (arg === undefined || arg === null || typeof arg !== 'object') {
    throw invalidArgument('size', 'a window size, a list of sizes, or options with `size` or `footprint`', arg);
  }
  return arg as O;
}

/** Builds the window from `size` or `footprint` (the footprint wins, as SciPy). */
export function checkFootprint(ndim: number, size: unknown, footprint: unknown): Footprint {
  if (footprint !== undefined && footprint !== null) {
    const f = asarray(footprint as NdArrayLike);
    if (f.ndim !== ndim) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`footprint\` must have the input's rank ${ndim}; got shape ${describeValue([...f.shape])}`,
        {
          argument: 'footprint',
        },
      );
    }
    if (f.size === 0) throw invalidArgument('footprint', 'a non-empty array', `shape ${describeValue([...f.shape])}`);
    const values = f.astype('float64').data;
    const mask = new Uint8Array(values.length);
    let count = 0;
    for (let i = 0; i < values.length; i++) {
      mask[i] = +(values[i] !== 0);
      count += mask[i] as number;
    }
    if (count === 0) throw invalidArgument('footprint', 'at least one true element', 'all false');
    return { shape: [...f.shape], mask, count, isBox: count === values.length };
  }
  if (size === undefined || size === null) throw invalidArgument('size', 'a window size (or a `footprint`)', size);
  const shape = normalizeSequence(size, ndim, 'size', windowSize);
  const total = shape.reduce((p, d) => p * d, 1);
  // A box runs as 1-D passes where the filter is separable; its element mask is only made for the
  // filters that need it (rank filters), and only within the budget.
  let mask: Uint8Array | undefined;
  return {
    shape,
    get mask(): Uint8Array {
      if (mask === undefined) {
        checkFootprintBudget(shape, total);
        mask = new Uint8Array(total).fill(1);
      }
      return mask;
    },
    count: total,
    isBox: true,
  };
}

/** The reduction a footprint filter applies to each window. */
export type FootprintOp = 'min' | 'max' | { rank: number } | { weights: Float64Array };

/**
 * The input padded on every axis by the window's reach, as float64, with `fill` past the edges
 * in `constant` mode. Returns the padded data and its strides.
 */
export function padInput(
  a: NdArray,
  lefts: readonly number[],
  rights: readonly number[],
  mode: BoundaryMode,
  fill: number,
): { padded: Float64Array; pstrides: number[] } {
  const nd = a.ndim;
  const pshape = a.shape.map((n, i) => n + (lefts[i] as number) + (rights[i] as number));
  const pstrides = new Array<number>(nd);
  let step = 1;
  for (let i = nd - 1; i >= 0; i--) {
    pstrides[i] = step;
    step *= pshape[i] as number;
  }
  const padded = new Float64Array(step);
  const last = nd - 1;
  const n = a.shape[last] as number;
  const rowLen = pshape[last] as number;
  const rows = step / rowLen;
  const data = a.data as NumericTypedArray;
  const idx = new Array<number>(Math.max(nd - 1, 0)).fill(0);
  for (let r = 0; r < rows; r++) {
    // Which input row feeds padded row r (−1: a constant row).
    let src = a.offset;
    let constant = false;
    for (let ax = 0; ax < last; ax++) {
      const m = mapIndex((idx[ax] as number) - (lefts[ax] as number), a.shape[ax] as number, mode);
      if (m < 0) constant = true;
      else src += m * (a.strides[ax] as number);
    }
    const at = r * rowLen;
    if (constant) padded.fill(fill, at, at + rowLen);
    else {
      const row = padded.subarray(at, at + rowLen);
      readLine(data, src, a.strides[last] as number, n, row, lefts[last] as number);
      extendLine(row, lefts[last] as number, n, rights[last] as number, mode, fill);
    }
    for (let ax = last - 1; ax >= 0; ax--) {
      idx[ax] = (idx[ax] as number) + 1;
      if ((idx[ax] as number) < (pshape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  return { padded, pstrides };
}

/** `cval` as the input dtype would store it (SciPy casts it before the n-D min/max/rank filters). */
function castToDType(value: number, dtype: DType): number {
  const one = zeros([1], { dtype });
  lineStore(one)(Float64Array.of(value), 0, 1, 0, 1);
  return Number(one.data[0]);
}

/** Hoare's quickselect with the first element as pivot, as SciPy's rank filter (same answers with NaN). */
function select(buf: Float64Array, lo: number, hi: number, rank: number): number {
  for (;;) {
    if (lo === hi) return buf[lo]!;
    const x = buf[lo]!;
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do j--;
      while (buf[j]! > x);
      do i++;
      while (buf[i]! < x);
      if (i < j) {
        const t = buf[i]!;
        buf[i] = buf[j]!;
        buf[j] = t;
      } else break;
    }
    const left = j - lo + 1;
    if (rank < left) hi = j;
    else {
      rank -= left;
      lo = j + 1;
    }
  }
}

// One output row per call, one function per reduction: each loop stays small and monomorphic
// (a single loop with per-pixel branches ran the median 3× slower).

function rowCorrelate(
  padded: Float64Array,
  base: number,
  off: Int32Array,
  w: Float64Array,
  row: Float64Array,
  n: number,
): void {
  const count = off.length;
  for (let i = 0; i < n; i++) {
    const b = base + i;
    let v = 0;
    for (let k = 0; k < count; k++) v += w[k]! * padded[b + off[k]!]!;
    row[i] = v;
  }
}

function rowMin(padded: Float64Array, base: number, off: Int32Array, row: Float64Array, n: number): void {
  const count = off.length;
  for (let i = 0; i < n; i++) {
    const b = base + i;
    let v = padded[b + off[0]!]!;
    for (let k = 1; k < count; k++) {
      const x = padded[b + off[k]!]!;
      if (x < v) v = x;
    }
    row[i] = v;
  }
}

function rowMax(padded: Float64Array, base: number, off: Int32Array, row: Float64Array, n: number): void {
  const count = off.length;
  for (let i = 0; i < n; i++) {
    const b = base + i;
    let v = padded[b + off[0]!]!;
    for (let k = 1; k < count; k++) {
      const x = padded[b + off[k]!]!;
      if (x > v) v = x;
    }
    row[i] = v;
  }
}

function rowRank(
  padded: Float64Array,
  base: number,
  off: Int32Array,
  window: Float64Array,
  rank: number,
  row: Float64Array,
  n: number,
): void {
  const count = off.length;
  for (let i = 0; i < n; i++) {
    const b = base + i;
    for (let k = 0; k < count; k++) window[k] = padded[b + off[k]!]!;
    row[i] = select(window, 0, count - 1, rank);
  }
}

/**
 * Runs a footprint filter: each output element is `op` over the window of the padded input.
 * `origin` is one per axis or one for all.
 */
export function runFootprintFilter(
  a: NdArray,
  out: NdArray,
  fp: Footprint,
  mode: BoundaryMode,
  cval: number,
  origin: unknown,
  op: FootprintOp,
): NdArray {
  const nd = a.ndim;
  const origins = checkOrigins(origin, fp.shape);
  requireAxes(a);
  // A box given by `size` gets its element mask here, within the budget, before the padded copy.
  void fp.mask;
  if (a.size === 0) return out;
  const lefts = fp.shape.map((L, i) => (L >> 1) + (origins[i] as number));
  const rights = fp.shape.map((L, i) => L - 1 - (lefts[i] as number));
  const weighted = typeof op === 'object' && 'weights' in op;
  // Correlation uses cval as a double; min/max/rank first cast it to the input dtype (SciPy).
  const fill = weighted ? cval : castToDType(cval, a.dtype);
  if (
    typeof op === 'object' &&
    'rank' in op &&
    origins.every((o) => o === 0) &&
    wasmMedian(a, out, fp, op.rank, mode, fill)
  )
    return out;
  if ((op === 'min' || op === 'max') && intFootprintExtremum(a, out, fp, mode, fill, origins, op === 'min')) return out;
  const { padded, pstrides } = padInput(a, lefts, rights, mode, fill);
  // Offsets of the window's elements in the padded array, C order.
  const offsets: number[] = [];
  const widx = new Array<number>(nd).fill(0);
  for (let e = 0; e < fp.mask.length; e++) {
    if (fp.mask[e]) offsets.push(widx.reduce((s, k, ax) => s + k * (pstrides[ax] as number), 0));
    for (let ax = nd - 1; ax >= 0; ax--) {
      widx[ax] = (widx[ax] as number) + 1;
      if ((widx[ax] as number) < (fp.shape[ax] as number)) break;
      widx[ax] = 0;
    }
  }
  const off = Int32Array.from(offsets);
  const weights = weighted ? (op as { weights: Float64Array }).weights : undefined;
  const rank = typeof op === 'object' && 'rank' in op ? op.rank : -1;
  const minimum = op === 'min';
  const last = nd - 1;
  const n = a.shape[last] as number;
  const row = new Float64Array(n);
  const window = new Float64Array(off.length);
  // Rank filters: a sliding histogram for small integer dtypes, a sorted sliding window for other
  // NaN-free data, SciPy's quickselect otherwise (see rank-kernels.ts).
  const range = rank >= 0 ? histogramRange(a.dtype) : undefined;
  const sets = rank >= 0 ? slidingSets(fp.mask, fp.shape, off) : undefined;
  const histogram =
    range === undefined || sets === undefined
      ? undefined
      : { ...sets, hist: new Int32Array(range.bins), offset: range.offset };
  const sorted = histogram === undefined && sets !== undefined && !hasNaN(padded) ? sets : undefined;
  const rowsOut = a.size / n;
  return withStorage(out, (t) => {
    const store = lineStore(t);
    const oidx = new Array<number>(nd).fill(0);
    for (let r = 0; r < rowsOut; r++) {
      let base = 0;
      let outAt = t.offset;
      for (let ax = 0; ax < last; ax++) {
        base += (oidx[ax] as number) * (pstrides[ax] as number);
        outAt += (oidx[ax] as number) * (t.strides[ax] as number);
      }
      if (weights !== undefined) rowCorrelate(padded, base, off, weights, row, n);
      else if (histogram !== undefined) {
        rowRankHistogram(
          padded,
          base,
          off,
          histogram.leave,
          histogram.enter,
          histogram.hist,
          histogram.offset,
          rank,
          row,
          n,
        );
      } else if (sorted !== undefined)
        rowRankSorted(padded, base, off, sorted.leave, sorted.enter, window, rank, row, n);
      else if (rank >= 0) rowRank(padded, base, off, window, rank, row, n);
      else if (minimum) rowMin(padded, base, off, row, n);
      else rowMax(padded, base, off, row, n);
      store(row, 0, n, outAt, t.strides[last] as number);
      for (let ax = last - 1; ax >= 0; ax--) {
        oidx[ax] = (oidx[ax] as number) + 1;
        if ((oidx[ax] as number) < (a.shape[ax] as number)) break;
        oidx[ax] = 0;
      }
    }
  });
}

/** The keys of {@link FootprintOptions}. */
export const FOOTPRINT_KEYS: readonly string[] = optionKeys<FootprintOptions>({
  size: true,
  footprint: true,
  mode: true,
  cval: true,
  origin: true,
  output: true,
});
