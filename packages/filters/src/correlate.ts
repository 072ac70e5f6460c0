/**
 * Multidimensional correlation and convolution with a weights array of the input's rank.
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
import { checkOptions, checkOrigins, describeValue, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import { type Footprint, runFootprintFilter } from './footprint.js';
import { singleMode } from './modes.js';
import { type BoundaryOptions, checkCval } from './options.js';
import { type OutputOptions, refuseStorageDType, resolveOutput } from './output.js';

const CORRELATE_KEYS = optionKeys<CorrelateOptions>({ mode: true, cval: true, output: true, origin: true });

/** Options of {@link correlate} and {@link convolve}. */
export interface CorrelateOptions extends BoundaryOptions, OutputOptions {
  /** Window shift, one per axis or one for all. @defaultValue 0 */
  origin?: number | readonly number[];
}

/**
 * The weights as a window: weights with |w| ≤ 2.22e-16 take no part (SciPy drops them, so a NaN
 * under a zero weight does not spread), the rest in C order.
 */
function weightsWindow(weights: NdArray): { fp: Footprint; values: Float64Array } {
  const w = weights.astype('float64').data;
  const mask = new Uint8Array(w.length);
  const kept: number[] = [];
  for (let i = 0; i < w.length; i++) {
    if (Math.abs(w[i]!) > Number.EPSILON) {
      mask[i] = 1;
      kept.push(w[i]!);
    }
  }
  return { fp: { shape: [...weights.shape], mask, count: kept.length, isBox: false }, values: Float64Array.from(kept) };
}

function prepare(input: NdArrayLike, weights: NdArrayLike | readonly unknown[], options: CorrelateOptions | undefined) {
  const o = checkOptions(options, CORRELATE_KEYS);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const w = asarray(weights as NdArrayLike);
  if (w.ndim !== a.ndim) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`weights\` must have the input's rank ${a.ndim}; got shape ${describeValue([...w.shape])}`,
      { argument: 'weights' },
    );
  }
  if (w.size === 0) throw invalidArgument('weights', 'a non-empty array', `shape ${describeValue([...w.shape])}`);
  return { a, w, o };
}

/**
 * Correlation with an n-D kernel: `out[i] = Σ_k w[k] · in[i + k − L//2 − origin]` per axis.
 * A single mode only (SciPy). The textbook's Sobel kernels can be applied this way too.
 *
 * @example
 * ```ts
 * import { arange } from '@ndimage/core-array';
 * correlate(arange(12).reshape([3, 4]), [[1, 2], [3, 4]], { mode: 'constant' }).toArray();
 * // [[0, 4, 11, 18], [16, 34, 44, 54], [40, 74, 84, 94]]
 * ```
 * @see scipy.ndimage.correlate
 */
export function correlate<I extends NdArrayLike>(
  input: I,
  weights: NdArrayLike | readonly unknown[],
  options?: CorrelateOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function correlate<D extends DType>(
  input: NdArrayLike,
  weights: NdArrayLike | readonly unknown[],
  options: CorrelateOptions & OutputAs<D>,
): NdArray<D>;
export function correlate(
  input: NdArrayLike,
  weights: NdArrayLike | readonly unknown[],
  options?: CorrelateOptions,
): NdArray;
export function correlate(
  input: NdArrayLike,
  weights: NdArrayLike | readonly unknown[],
  options?: CorrelateOptions,
): NdArray {
  const { a, w, o } = prepare(input, weights, options);
  const { fp, values } = weightsWindow(w);
  const out = resolveOutput(a, o.output);
  return runFootprintFilter(a, out, fp, singleMode(o.mode), checkCval(o.cval), o.origin, { weights: values });
}

/**
 * Convolution with an n-D kernel: correlation with the kernel flipped on every axis (and, for
 * even sizes, the origin moved by one), as SciPy.
 *
 * @example
 * ```ts
 * import { arange } from '@ndimage/core-array';
 * convolve(arange(12).reshape([3, 4]), [[1, 2], [3, 4]], { mode: 'constant' }).toArray();
 * // [[16, 26, 36, 26], [56, 66, 76, 50], [59, 66, 73, 44]]
 * ```
 * @see scipy.ndimage.convolve
 */
export function convolve<I extends NdArrayLike>(
  input: I,
  weights: NdArrayLike | readonly unknown[],
  options?: CorrelateOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function convolve<D extends DType>(
  input: NdArrayLike,
  weights: NdArrayLike | readonly unknown[],
  options: CorrelateOptions & OutputAs<D>,
): NdArray<D>;
export function convolve(
  input: NdArrayLike,
  weights: NdArrayLike | readonly unknown[],
  options?: CorrelateOptions,
): NdArray;
export function convolve(
  input: NdArrayLike,
  weights: NdArrayLike | readonly unknown[],
  options?: CorrelateOptions,
): NdArray {
  const { a, w, o } = prepare(input, weights, options);
  const flipped = w.slice(...w.shape.map(() => [null, null, -1] as const));
  const checked = checkOrigins(o.origin, w.shape);
  const shifted = checked.map((or, i) => -or - ((w.shape[i] as number) % 2 === 0 ? 1 : 0));
  const { fp, values } = weightsWindow(flipped);
  const out = resolveOutput(a, o.output);
  return runFootprintFilter(a, out, fp, singleMode(o.mode), checkCval(o.cval), shifted, { weights: values });
}
