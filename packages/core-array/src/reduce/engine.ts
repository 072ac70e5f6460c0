/**
 * The reduction engine: walks the input once in memory order, with a float64 accumulator laid
 * out in the output's shape (stride 0 along reduced axes). A run along a reduced axis collapses
 * to one value (pairwise for sums); a run along a kept axis updates a row of accumulators, which
 * is how NumPy reduces over axis 0 too, and keeps reads sequential.
 */
import { asarray, type NdArrayLike } from '../array.js';
import { type ChunkRef, loadChunk } from '../chunks.js';
import { allocate, type NumericDType, type NumericTypedArray } from '../dtypes.js';
import { NdImageError } from '../errors.js';
import { forEachRun } from '../iterate.js';
import { NdArray } from '../ndarray.js';
import { checkArithmeticDType } from '../promote.js';
import { cStrides, shapeSize } from '../shape.js';
import { checkOptions, optionKeys } from '../validate/options.js';
import { normalizeAxes } from '../validate.js';
import { pairwiseSum, pairwiseSumSqDev } from './pairwise.js';

/** Options shared by the reductions. */
export interface ReduceOptions {
  /** Axis or axes to reduce; `undefined`/`null` reduces all of them. @defaultValue all axes */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as length-1 axes, so the result broadcasts against the input. @defaultValue false */
  keepdims?: boolean;
}

/** Options that make a reduction return an array rather than a number. */
export type ArrayReduceOptions = ReduceOptions & ({ axis: number | readonly number[] } | { keepdims: true });

/** Options that make a reduction return a number (all axes, no keepdims). */
export interface ScalarReduceOptions {
  axis?: null;
  keepdims?: false;
}

/** A prepared reduction: the input, which axes go, and the accumulator's layout. */
export interface ReducePlan {
  input: NdArray;
  dtype: NumericDType;
  axes: number[];
  /** Output shape without the reduced axes. */
  outShape: number[];
  /** Output shape with reduced axes as 1 (keepdims). */
  keptShape: number[];
  /** Accumulator strides for each input axis (0 on reduced axes). */
  accStrides: number[];
  /** Elements folded into each output value. */
  count: number;
  /** True when the caller gets a plain number. */
  scalar: boolean;
  keepdims: boolean;
}

/** The keys of {@link ReduceOptions}. */
const REDUCE_KEYS: readonly string[] = optionKeys<ReduceOptions>({ axis: true, keepdims: true });

/**
 * Validates the input and options of a reduction and lays out its accumulator; `known` lists the
 * option keys the calling function accepts.
 */
export function planReduce(
  input: NdArrayLike,
  options: ReduceOptions | undefined,
  name = 'a',
  known: readonly string[] = REDUCE_KEYS,
): ReducePlan {
  checkOptions(options, known);
  const a = asarray(input);
  const dtype = checkArithmeticDType(a.dtype, name);
  const axes = normalizeAxes(options?.axis, a.ndim);
  const keepdims = options?.keepdims === true;
  const reduced = new Set(axes);
  const keptShape = a.shape.map((n, i) => (reduced.has(i) ? 1 : n));
  const outShape = a.shape.filter((_, i) => !reduced.has(i));
  const kept = cStrides(keptShape);
  const accStrides = kept.map((s, i) => (reduced.has(i) ? 0 : s));
  let count = 1;
  for (const ax of axes) count *= a.shape[ax] as number;
  const scalar = (options?.axis === undefined || options.axis === null) && !keepdims;
  return { input: a, dtype, axes, outShape, keptShape, accStrides, count, scalar, keepdims };
}

/**
 * Elements per block of a reduction run. NumPy's reductions go through 8192-element iterator
 * buffers, summing each pairwise and adding the block sums in order; the same blocking here makes
 * a float64 sum NumPy's bit for bit.
 */
const BLOCK = 8192;

/** How runs fold into accumulators. */
export type FoldMode = 'sum' | 'sumsqdev' | 'max' | 'min';

/**
 * Folds the input into a float64 accumulator of the output's size.
 * For `'sumsqdev'`, `center` holds the mean of each output element.
 */
export function fold(plan: ReducePlan, mode: FoldMode, center?: Float64Array): Float64Array {
  const { input } = plan;
  const acc = new Float64Array(shapeSize(plan.keptShape));
  if (mode === 'max') acc.fill(-Infinity);
  else if (mode === 'min') acc.fill(Infinity);
  const data = input.data as NumericTypedArray;
  const scratch = new Float64Array(Math.min(BLOCK, input.size));
  const ref: ChunkRef = { array: scratch, base: 0 };
  const c = center ?? acc;
  // Walk the input in memory order (axes by decreasing |stride|), as NumPy's reductions do: a
  // transposed view is then read sequentially instead of one cache line per element.
  const order = input.shape.map((_, i) => i).sort((p, q) => Math.abs(input.strides[q]!) - Math.abs(input.strides[p]!));
  const shape = order.map((i) => input.shape[i]!);
  const inStrides = order.map((i) => input.strides[i]!);
  const accStrides = order.map((i) => plan.accStrides[i]!);
  forEachRun(shape, [inStrides, accStrides], [input.offset, 0], (off, length, st) => {
    const inStride = st[0] as number;
    const accStride = st[1] as number;
    let j = off[1] as number;
    for (let start = 0; start < length; start += BLOCK) {
      const n = Math.min(BLOCK, length - start);
      loadChunk(data, (off[0] as number) + start * inStride, inStride, n, scratch, ref);
      const x = ref.array;
      const b = ref.base;
      if (accStride === 0) {
        acc[j] = combine(mode, acc[j] as number, foldRun(mode, x, b, n, c[j] as number));
      } else {
        foldRow(mode, acc, j, accStride, x, b, n, c);
        j += n * accStride;
      }
    }
  });
  return acc;
}

function combine(mode: FoldMode, acc: number, v: number): number {
  if (mode === 'max') return acc >= v || acc !== acc ? acc : v;
  if (mode === 'min') return acc <= v || acc !== acc ? acc : v;
  return acc + v;
}

/** One run along a reduced axis → one value. */
function foldRun(mode: FoldMode, x: Float64Array, b: number, n: number, m: number): number {
  switch (mode) {
    case 'sum':
      return pairwiseSum(x, b, n);
    case 'sumsqdev':
      return pairwiseSumSqDev(x, b, n, m);
    case 'max':
      return maxOf(x, b, n);
    case 'min':
      return minOf(x, b, n);
  }
}

/**
 * Largest of x[b .. b+n), NaN if any is NaN. Four independent lanes let the CPU overlap the
 * comparisons (Math.max propagates NaN by itself); measured 13.6 → 9 ms on 4096².
 */
export function maxOf(x: Float64Array, b: number, n: number): number {
  let r0 = -Infinity;
  let r1 = r0;
  let r2 = r0;
  let r3 = r0;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const p = b + k;
    r0 = Math.max(r0, x[p]!);
    r1 = Math.max(r1, x[p + 1]!);
    r2 = Math.max(r2, x[p + 2]!);
    r3 = Math.max(r3, x[p + 3]!);
  }
  for (; k < n; k++) r0 = Math.max(r0, x[b + k]!);
  return Math.max(Math.max(r0, r1), Math.max(r2, r3));
}

/** Smallest of x[b .. b+n), NaN if any is NaN; see {@link maxOf}. */
export function minOf(x: Float64Array, b: number, n: number): number {
  let r0 = Infinity;
  let r1 = r0;
  let r2 = r0;
  let r3 = r0;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const p = b + k;
    r0 = Math.min(r0, x[p]!);
    r1 = Math.min(r1, x[p + 1]!);
    r2 = Math.min(r2, x[p + 2]!);
    r3 = Math.min(r3, x[p + 3]!);
  }
  for (; k < n; k++) r0 = Math.min(r0, x[b + k]!);
  return Math.min(Math.min(r0, r1), Math.min(r2, r3));
}

/** One run along a kept axis → an update of `n` accumulators. */
function foldRow(
  mode: FoldMode,
  acc: Float64Array,
  j: number,
  s: number,
  x: Float64Array,
  b: number,
  n: number,
  c: Float64Array,
): void {
  switch (mode) {
    case 'sum':
      if (s === 1) addRow(acc, j, x, b, n);
      else for (let k = 0; k < n; k++) acc[j + k * s]! += x[b + k]!;
      return;
    case 'sumsqdev':
      for (let k = 0; k < n; k++) {
        const d = x[b + k]! - c[j + k * s]!;
        acc[j + k * s]! += d * d;
      }
      return;
    case 'max':
      for (let k = 0; k < n; k++) {
        const a = acc[j + k * s]!;
        const v = x[b + k]!;
        if (!(a >= v) && a === a) acc[j + k * s] = v;
      }
      return;
    case 'min':
      for (let k = 0; k < n; k++) {
        const a = acc[j + k * s]!;
        const v = x[b + k]!;
        if (!(a <= v) && a === a) acc[j + k * s] = v;
      }
      return;
  }
}

/** acc[j..] += x[b..] over n elements, unrolled by 4 (sum over axis 0: 18 → 14 ms on 4096²). */
function addRow(acc: Float64Array, j: number, x: Float64Array, b: number, n: number): void {
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const p = j + k;
    const q = b + k;
    acc[p]! += x[q]!;
    acc[p + 1]! += x[q + 1]!;
    acc[p + 2]! += x[q + 2]!;
    acc[p + 3]! += x[q + 3]!;
  }
  for (; k < n; k++) acc[j + k]! += x[b + k]!;
}

/** Refuses reductions without identity (min, max, argmin, argmax) on empty input, as NumPy does. */
export function checkNotEmpty(plan: ReducePlan, what: string): void {
  if (plan.count === 0 || (plan.input.size === 0 && plan.scalar)) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `invalid argument: ${what} of a zero-size array along the reduced axes has no value`,
      { argument: 'a' },
    );
  }
}

/**
 * Delivers accumulated values: a number for a full reduction, else an array of `dtype` in the
 * output shape (stored with the dtype's own rounding: float32 rounds, integers are exact).
 */
export function finish(plan: ReducePlan, values: Float64Array, dtype: NumericDType): number | NdArray {
  if (plan.scalar) {
    const v = values[0] as number;
    return dtype === 'float32' ? Math.fround(v) : v;
  }
  const shape = plan.keepdims ? plan.keptShape : plan.outShape;
  if (dtype === 'float64') return new NdArray(values, shape);
  const data = allocate(dtype, values.length);
  data.set(values);
  return new NdArray(data, shape, { dtype });
}
