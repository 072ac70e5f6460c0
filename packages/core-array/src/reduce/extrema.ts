/**
 * Extremes: min, max (NaN-propagating, dtype kept) and argmin, argmax (first occurrence).
 */
import { asarray, type NdArrayLike } from '../array.js';
import { CHUNK, chunkRef, loadChunk } from '../chunks.js';
import type { NumericTypedArray } from '../dtypes.js';
import { forEachRun } from '../iterate.js';
import { NdArray } from '../ndarray.js';
import { checkArithmeticDType } from '../promote.js';
import { checkOptions, optionKeys } from '../validate/options.js';
import { normalizeAxis } from '../validate.js';
import {
  type ArrayReduceOptions,
  checkNotEmpty,
  finish,
  fold,
  maxOf,
  minOf,
  planReduce,
  type ReduceOptions,
  type ScalarReduceOptions,
} from './engine.js';

/**
 * Smallest element (all, or along `axis`); NaN if any element is NaN. Keeps the dtype.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for an empty selection (no identity), as NumPy.
 * @example
 * ```ts
 * min(array([3, 1, 2]));                        // 1
 * min(array([[3, 1], [0, 5]]), { axis: 1 }).toArray(); // [1, 0]
 * ```
 * @see numpy.amin
 */
export function min(a: NdArrayLike, options?: ScalarReduceOptions): number;
export function min(a: NdArrayLike, options: ArrayReduceOptions): NdArray;
export function min(a: NdArrayLike, options?: ReduceOptions): number | NdArray;
export function min(a: NdArrayLike, options?: ReduceOptions): number | NdArray {
  const plan = planReduce(a, options);
  checkNotEmpty(plan, 'min');
  return finish(plan, fold(plan, 'min'), plan.dtype);
}

/**
 * Largest element (all, or along `axis`); NaN if any element is NaN. Keeps the dtype.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for an empty selection.
 * @example
 * ```ts
 * max(array([3, 1, 2])); // 3
 * ```
 * @see numpy.amax
 */
export function max(a: NdArrayLike, options?: ScalarReduceOptions): number;
export function max(a: NdArrayLike, options: ArrayReduceOptions): NdArray;
export function max(a: NdArrayLike, options?: ReduceOptions): number | NdArray;
export function max(a: NdArrayLike, options?: ReduceOptions): number | NdArray {
  const plan = planReduce(a, options);
  checkNotEmpty(plan, 'max');
  return finish(plan, fold(plan, 'max'), plan.dtype);
}

/** Options of {@link argmin} and {@link argmax}. */
export interface ArgOptions {
  /** The one axis to search along; omitted → index into the flattened (C-order) array. */
  axis?: number | null;
  /** Keep the searched axis as length 1. @defaultValue false */
  keepdims?: boolean;
}

/** Running state of an argmin/argmax scan over chunks. */
interface ArgState {
  best: number;
  at: number;
  /** Elements scanned so far (the flat position of the next chunk). */
  pos: number;
  has: boolean;
  /** A NaN was met: it is the answer (NumPy), and the scan can stop. */
  nan: boolean;
}

const freshState = (): ArgState => ({ best: 0, at: 0, pos: 0, has: false, nan: false });

/**
 * Feeds one float64 chunk: its extreme by the fast lanes of {@link maxOf}/{@link minOf}, then, only
 * when it beats the best so far, the first index holding it. A NaN wins at once (NumPy).
 */
function scan(x: Float64Array, b: number, n: number, wantMax: boolean, state: ArgState): void {
  const m = wantMax ? maxOf(x, b, n) : minOf(x, b, n);
  if (m !== m) {
    for (let k = 0; k < n; k++) {
      const v = x[b + k]!;
      if (v !== v) {
        state.at = state.pos + k;
        state.nan = true;
        return;
      }
    }
  }
  if (!state.has || (wantMax ? m > state.best : m < state.best)) {
    for (let k = 0; k < n; k++) {
      if (x[b + k] === m) {
        state.at = state.pos + k;
        break;
      }
    }
    state.best = m;
    state.has = true;
  }
  state.pos += n;
}

/** Scans `n` elements of `data` from `offset` stepping `stride`, chunk by chunk. */
function scanStrided(
  data: NumericTypedArray,
  offset: number,
  stride: number,
  n: number,
  wantMax: boolean,
  state: ArgState,
): void {
  const scratch = new Float64Array(Math.min(CHUNK, n));
  const ref = chunkRef();
  for (let start = 0; start < n && !state.nan; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    loadChunk(data, offset + start * stride, stride, m, scratch, ref);
    scan(ref.array, ref.base, m, wantMax, state);
  }
}

const ARG_KEYS = optionKeys<ArgOptions>({ axis: true, keepdims: true });

function argReduce(input: NdArrayLike, options: ArgOptions | undefined, wantMax: boolean): number | NdArray {
  checkOptions(options, ARG_KEYS);
  const a = asarray(input);
  checkArithmeticDType(a.dtype, 'a');
  const what = wantMax ? 'argmax' : 'argmin';
  const data = a.data as NumericTypedArray;
  if (options?.axis === undefined || options.axis === null) {
    checkNotEmpty(planReduce(a, undefined), what);
    // forEachRun yields runs in logical C order, so positions are flat indices.
    const state = freshState();
    forEachRun(a.shape, [a.strides], [a.offset], (off, n, st) => {
      if (!state.nan) scanStrided(data, off[0] as number, st[0] as number, n, wantMax, state);
    });
    if (options?.keepdims)
      return new NdArray(
        Int32Array.of(state.at),
        a.shape.map(() => 1),
        { dtype: 'int32' },
      );
    return state.at;
  }
  const axis = normalizeAxis(options.axis, a.ndim);
  checkNotEmpty(planReduce(a, { axis }), what);
  const len = a.shape[axis] as number;
  const axisStride = a.strides[axis] as number;
  const outShape = a.shape.filter((_, i) => i !== axis);
  const outStrides = a.strides.filter((_, i) => i !== axis);
  const out = new Int32Array(outShape.reduce((p, d) => p * d, 1));
  let j = 0;
  forEachRun(outShape, [outStrides], [a.offset], (off, n, st) => {
    for (let k = 0; k < n; k++) {
      const state = freshState();
      scanStrided(data, (off[0] as number) + k * (st[0] as number), axisStride, len, wantMax, state);
      out[j++] = state.at;
    }
  });
  const shape = options.keepdims ? a.shape.map((d, i) => (i === axis ? 1 : d)) : outShape;
  return new NdArray(out, shape, { dtype: 'int32' });
}

/**
 * Index of the largest element: flat (C order) without `axis`, else an int32 array of indices
 * along `axis`. The first occurrence wins; a NaN is the maximum (NumPy). Indices are int32
 * (NumPy: int64), which holds every index a JavaScript array can have along one axis.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for an empty selection.
 * @example
 * ```ts
 * argmax(array([1, 3, 3]));                          // 1
 * argmax(array([[1, 9], [8, 2]]), { axis: 1 }).toArray(); // [1, 0]
 * ```
 * @see numpy.argmax
 */
export function argmax(a: NdArrayLike, options?: { axis?: undefined | null; keepdims?: false }): number;
export function argmax(a: NdArrayLike, options: ArgOptions): NdArray;
export function argmax(a: NdArrayLike, options?: ArgOptions): number | NdArray {
  return argReduce(a, options, true);
}

/**
 * Index of the smallest element; see {@link argmax}.
 *
 * @example
 * ```ts
 * argmin(array([4, 1, 1])); // 1
 * ```
 * @see numpy.argmin
 */
export function argmin(a: NdArrayLike, options?: { axis?: undefined | null; keepdims?: false }): number;
export function argmin(a: NdArrayLike, options: ArgOptions): NdArray;
export function argmin(a: NdArrayLike, options?: ArgOptions): number | NdArray {
  return argReduce(a, options, false);
}
