/**
 * The primitive every separable filter is built on: a 1-D correlation along one axis.
 */

import {
  asarray,
  type DType,
  type DTypeOf,
  type NdArray,
  type NdArrayLike,
  NdImageError,
  type NoOutput,
  type OutputAs,
} from '@ndimage/core-array';
import { checkOptions, checkOrigin, invalidArgument, normalizeAxis, optionKeys } from '@ndimage/core-array/internal';
import { lineKernel, prepareKernel } from './correlate-kernels.js';
import { acrossRows, correlateInterleaved, correlateRows, interleaved } from './correlate-rows.js';
import { wasmLineScratch } from './correlate-wasm.js';
import { runLinePass } from './line-filter.js';
import { type BoundaryMode, singleMode } from './modes.js';
import { type BoundaryOptions, checkCval } from './options.js';
import { type OutputOptions, refuseStorageDType, resolveOutput, withStorage } from './output.js';

/** The keys of {@link Correlate1dOptions} (the 1-D uniform and minimum/maximum filters take the same). */
const CORRELATE1D_KEYS: readonly string[] = optionKeys<Correlate1dOptions>({
  mode: true,
  cval: true,
  output: true,
  axis: true,
  origin: true,
});

/** Filter weights: a list of numbers, a Float64Array, or a 1-D array. */
export type Weights1d = readonly number[] | Float64Array | NdArrayLike;

/** Options of {@link correlate1d} and {@link convolve1d}. */
export interface Correlate1dOptions extends BoundaryOptions, OutputOptions {
  /** The axis to filter along. @defaultValue -1 (the last axis) */
  axis?: number;
  /**
   * Shift of the window: a positive origin moves it toward lower indices.
   * Valid: −(L//2) ≤ origin ≤ (L−1)//2 for L weights.
   * @defaultValue 0
   */
  origin?: number;
}

/** The weights as a non-empty Float64Array of numbers. */
function checkWeights1d(weights: unknown, name = 'weights'): Float64Array {
  let values: Float64Array;
  if (Array.isArray(weights)) {
    if (!weights.every((w) => typeof w === 'number')) throw invalidArgument(name, 'an array of numbers', weights);
    values = Float64Array.from(weights as number[]);
  } else if (weights instanceof Float64Array) values = weights;
  else if (weights !== null && typeof weights === 'object') {
    const a = asarray(weights as NdArrayLike);
    if (a.ndim !== 1)
      throw invalidArgument(name, 'a 1-d array of weights', `an array of shape [${a.shape.join(', ')}]`);
    values = a.astype('float64').data;
  } else throw invalidArgument(name, 'an array of numbers', weights);
  if (values.length === 0) throw invalidArgument(name, 'at least one weight', weights);
  return values;
}

/**
 * Correlates `input` with `weights` along `axis` into `target` (any dtype, possibly `input`
 * itself): the shared core of correlate1d, the Gaussian filters, Sobel and friends. A strided axis
 * whose trailing block is contiguous runs across whole rows; anything else runs line by line.
 * `band` limits the output to rows [start, end) of `axis` (threads; the row path only).
 */
export function correlate1dInto(
  input: NdArray,
  weights: Float64Array,
  axis: number,
  target: NdArray,
  mode: BoundaryMode,
  cval: number,
  origin: number,
  band?: readonly [number, number],
): void {
  const L = weights.length;
  const left = (L >> 1) + origin;
  const k = prepareKernel(weights);
  if (input.size === 0) return;
  if (acrossRows(input, target, axis)) {
    correlateRows(input, k, axis, target, mode, cval, left, band?.[0], band?.[1]);
    return;
  }
  if (band !== undefined) throw new Error('correlate1dInto: a band needs the row path');
  const inner = interleaved(input, target, axis);
  if (inner > 1) {
    correlateInterleaved(input, k, axis, target, mode, cval, left, L - 1 - left, inner);
    return;
  }
  runLinePass({
    input,
    output: target,
    axis,
    left,
    right: L - 1 - left,
    mode,
    cval,
    kernel: (buf, n, dst, d0) => lineKernel(k, buf, n, dst, d0),
    scratch: (lengths) => wasmLineScratch(k, lengths),
  });
}

/** Validated common arguments of the 1-D filters. */
export function prepare1d(
  input: NdArrayLike,
  options: Correlate1dOptions | undefined,
  known: readonly string[] = CORRELATE1D_KEYS,
): { a: NdArray; axis: number; mode: BoundaryMode; cval: number } {
  const o = checkOptions(options, known);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  if (a.ndim === 0)
    throw new NdImageError('ERR_SHAPE', '`input` must have at least one axis; got a 0-d array', { argument: 'input' });
  return { a, axis: normalizeAxis(o.axis ?? -1, a.ndim), mode: singleMode(o.mode), cval: checkCval(o.cval) };
}

/**
 * One-dimensional correlation along an axis: `out[i] = Σ_k w[k] · in[i + k − L//2 − origin]`,
 * the input extended past its edges by `mode`. Computed in float64, stored in the output dtype
 * (default: the input's, truncating and wrapping integers as SciPy).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * correlate1d(array([2, 8, 0, 4, 1, 9, 9, 0]), [1, 3]).toArray(); // [8, 26, 8, 12, 7, 28, 36, 9]
 * ```
 * @see scipy.ndimage.correlate1d
 */
export function correlate1d<I extends NdArrayLike>(
  input: I,
  weights: Weights1d,
  options?: Correlate1dOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function correlate1d<D extends DType>(
  input: NdArrayLike,
  weights: Weights1d,
  options: Correlate1dOptions & OutputAs<D>,
): NdArray<D>;
export function correlate1d(input: NdArrayLike, weights: Weights1d, options?: Correlate1dOptions): NdArray;
export function correlate1d(input: NdArrayLike, weights: Weights1d, options?: Correlate1dOptions): NdArray {
  const { a, axis, mode, cval } = prepare1d(input, options);
  const w = checkWeights1d(weights);
  const origin = checkOrigin(options?.origin, w.length);
  const out = resolveOutput(a, options?.output);
  return withStorage(out, (t) => correlate1dInto(a, w, axis, t, mode, cval, origin));
}

/**
 * One-dimensional convolution along an axis: `out[i] = Σ_k w[k] · in[i − k + L//2 + origin]`,
 * i.e. correlation with the weights reversed (and, for even L, the origin moved by one).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * convolve1d(array([2, 8, 0, 4, 1, 9, 9, 0]), [1, 3]).toArray(); // [14, 24, 4, 13, 12, 36, 27, 0]
 * ```
 * @see scipy.ndimage.convolve1d
 */
export function convolve1d<I extends NdArrayLike>(
  input: I,
  weights: Weights1d,
  options?: Correlate1dOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function convolve1d<D extends DType>(
  input: NdArrayLike,
  weights: Weights1d,
  options: Correlate1dOptions & OutputAs<D>,
): NdArray<D>;
export function convolve1d(input: NdArrayLike, weights: Weights1d, options?: Correlate1dOptions): NdArray;
export function convolve1d(input: NdArrayLike, weights: Weights1d, options?: Correlate1dOptions): NdArray {
  const { a, axis, mode, cval } = prepare1d(input, options);
  const w = checkWeights1d(weights);
  const origin = checkOrigin(options?.origin, w.length);
  const reversed = w.slice().reverse();
  const shifted = -origin - (w.length % 2 === 0 ? 1 : 0);
  const out = resolveOutput(a, options?.output);
  return withStorage(out, (t) => correlate1dInto(a, reversed, axis, t, mode, cval, shifted));
}
