/**
 * Gaussian smoothing and Gaussian derivatives, along one axis or all of them.
 */
import {
  asarray,
  castInto,
  type DType,
  type DTypeOf,
  type NdArray,
  type NdArrayLike,
  type NoOutput,
  type OutputAs,
  type ThreadsOptions,
} from '@ndimage/core-array';
import {
  checkOptions,
  invalidArgument,
  normalizeAxes,
  normalizeSequence,
  optionKeys,
  threadCount,
} from '@ndimage/core-array/internal';
import { correlate1dInto, prepare1d } from './correlate1d.js';
import { gaussianKernel1d, gaussianRadius } from './gaussian-kernel.js';
import { modesPerAxis } from './modes.js';
import { type BoundaryOptions, checkCval, nonNegative, nonNegativeInteger } from './options.js';
import { type OutputOptions, refuseStorageDType, resolveOutput, withStorage } from './output.js';
import { bandable, parallelPasses, threadsPay } from './parallel.js';

const GAUSSIAN1D_KEYS = optionKeys<GaussianFilter1dOptions>({
  mode: true,
  cval: true,
  output: true,
  axis: true,
  order: true,
  truncate: true,
  radius: true,
});
const GAUSSIAN_KEYS = optionKeys<GaussianFilterOptions>({
  mode: true,
  cval: true,
  output: true,
  order: true,
  truncate: true,
  radius: true,
  axes: true,
  rounding: true,
  threads: true,
});

/** Options shared by the Gaussian filters. */
export interface GaussianOptions extends BoundaryOptions, OutputOptions {
  /** Kernel half-width in standard deviations: radius = int(truncate·σ + 0.5). @defaultValue 4 */
  truncate?: number;
  /**
   * Derivative order: 0 smooths, 1 is the first derivative (+d/dx), 2 the second, and so on.
   * For {@link gaussianFilter}, one per axis or one for all.
   * @defaultValue 0
   */
  order?: number | readonly number[];
  /** Kernel radius, overriding `truncate` (an integer ≥ 0; one per axis or one for all). */
  radius?: number | readonly number[];
}

/** Options of {@link gaussianFilter1d}. */
export interface GaussianFilter1dOptions extends GaussianOptions {
  /** @defaultValue -1 (the last axis) */
  axis?: number;
  order?: number;
  radius?: number;
}

/** Options of {@link gaussianFilter}. */
export interface GaussianFilterOptions extends GaussianOptions, ThreadsOptions {
  /** The axes to filter; `sigma`, `order`, `mode` and `radius` lists then have one entry per listed axis. @defaultValue all axes */
  axes?: readonly number[];
  /**
   * How integer outputs are rounded. `'per-pass'` (SciPy): each axis pass is truncated into the
   * output dtype, which can leave uint8 results up to ~2 grey levels below the true value.
   * `'once'`: every pass stays in float64 and the result is rounded to nearest (half to even)
   * and clipped to the dtype's range once, at the end. No effect on float outputs.
   * @defaultValue 'per-pass'
   */
  rounding?: 'per-pass' | 'once';
}

/** The correlation weights of a Gaussian (SciPy correlates with the reversed kernel). */
function gaussianWeights(sigma: number, order: number, truncate: number, radius?: number): Float64Array {
  return gaussianKernel1d(sigma, order, gaussianRadius(sigma, truncate, radius)).reverse();
}

/**
 * Gaussian filter (or derivative) along one axis.
 *
 * SciPy raises a ZeroDivisionError for σ = 0; here σ = 0 with order 0 is the identity (a copy),
 * and σ must be a finite number ≥ 0.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for a negative or non-finite sigma or truncate, a
 *   negative or fractional order or radius, an axis out of range, or an unknown mode.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * gaussianFilter1d(array([1, 2, 4, 8, 16]), 1).toArray();
 * // [1.5051988452812552, 2.576114435434396, 5.010017453929052, 9.043372869256832, 12.865296396098467]
 * ```
 * @see scipy.ndimage.gaussian_filter1d
 */
export function gaussianFilter1d<I extends NdArrayLike>(
  input: I,
  sigma: number,
  options?: GaussianFilter1dOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function gaussianFilter1d<D extends DType>(
  input: NdArrayLike,
  sigma: number,
  options: GaussianFilter1dOptions & OutputAs<D>,
): NdArray<D>;
export function gaussianFilter1d(input: NdArrayLike, sigma: number, options?: GaussianFilter1dOptions): NdArray;
export function gaussianFilter1d(input: NdArrayLike, sigma: number, options?: GaussianFilter1dOptions): NdArray {
  const { a, axis, mode, cval } = prepare1d(input, options, GAUSSIAN1D_KEYS);
  const s = nonNegative(sigma, 'sigma');
  const order = nonNegativeInteger(options?.order ?? 0, 'order');
  const truncate = nonNegative(options?.truncate ?? 4, 'truncate');
  const radius = options?.radius === undefined ? undefined : nonNegativeInteger(options.radius, 'radius');
  const out = resolveOutput(a, options?.output);
  if (s === 0) {
    // SciPy divides by zero here; the limit of a vanishing Gaussian is the identity.
    if (order > 0) throw invalidArgument('sigma', 'a number > 0 for a derivative (order > 0)', sigma);
    return withStorage(out, (t) => castInto(a, t));
  }
  const w = gaussianWeights(s, order, truncate, radius);
  return withStorage(out, (t) => correlate1dInto(a, w, axis, t, mode, cval, 0));
}

/**
 * Multidimensional Gaussian filter: a 1-D Gaussian (or derivative) along each axis in turn, in
 * increasing axis order, each pass stored in the output dtype as SciPy does. Axes with σ ≤ 1e-15
 * are skipped (with their `order`); if all are, the result is a copy. `gaussianFilter(rgb, [s, s, 0])`
 * blurs each colour channel and costs nothing on the channel axis.
 *
 * The textbook's derivative images: `gaussianFilter(im, [s, s], { order: [0, 1], output: 'float64' })`
 * is ∂/∂x, `order: [1, 0]` is ∂/∂y.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const u8 = array([[0, 0, 0, 0], [0, 255, 255, 0], [0, 255, 0, 0], [0, 0, 0, 10]], { dtype: 'uint8' });
 * gaussianFilter(u8, 0.8).toArray();
 * // [[18, 48, 47, 17], [49, 121, 105, 35], [47, 105, 71, 20], [17, 35, 20, 7]]
 * ```
 * @see scipy.ndimage.gaussian_filter
 */
export function gaussianFilter<I extends NdArrayLike>(
  input: I,
  sigma: number | readonly number[],
  options?: GaussianFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function gaussianFilter<D extends DType>(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options: GaussianFilterOptions & OutputAs<D>,
): NdArray<D>;
export function gaussianFilter(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options?: GaussianFilterOptions,
): NdArray;
export function gaussianFilter(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options?: GaussianFilterOptions,
): NdArray {
  const o = checkOptions(options, GAUSSIAN_KEYS);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const axes = o.axes === undefined ? normalizeAxes(undefined, a.ndim) : listedAxes(o.axes, a.ndim);
  const n = axes.length;
  const sigmas = normalizeSequence(sigma, n, 'sigma', nonNegative);
  const orders = normalizeSequence(o.order ?? 0, n, 'order', nonNegativeInteger);
  const modes = modesPerAxis(o.mode, n);
  const radii = o.radius === undefined ? undefined : normalizeSequence(o.radius, n, 'radius', nonNegativeInteger);
  const truncate = nonNegative(o.truncate ?? 4, 'truncate');
  const cval = checkCval(o.cval);
  const rounding = o.rounding ?? 'per-pass';
  if (rounding !== 'per-pass' && rounding !== 'once')
    throw invalidArgument('rounding', "'per-pass' or 'once'", rounding);
  const threads = threadCount(o.threads, a.size);
  const out = resolveOutput(a, o.output);
  const passes = axes.flatMap((axis, i) =>
    (sigmas[i] as number) > 1e-15
      ? [{ axis, w: gaussianWeights(sigmas[i] as number, orders[i] as number, truncate, radii?.[i]), mode: modes[i]! }]
      : [],
  );
  return runPasses(a, out, passes, cval, rounding, threads);
}

/** Distinct axes in the order given (SciPy filters them in that order). */
function listedAxes(axes: readonly number[], ndim: number): number[] {
  if (!Array.isArray(axes)) throw invalidArgument('axes', 'an array of axes', axes);
  const list = axes.map((ax) => normalizeAxes(ax, ndim, 'axes')[0] as number);
  if (new Set(list).size !== list.length) throw invalidArgument('axes', 'distinct axes', axes);
  return list;
}

/** A correlation pass of a separable filter. */
export interface Pass {
  axis: number;
  w: Float64Array;
  mode: ReturnType<typeof modesPerAxis>[number];
}

/**
 * Runs separable correlation passes: the first reads `input`, each next one reads the previous
 * result; with `'per-pass'` every result is stored in the output dtype (SciPy), with `'once'`
 * they stay float64 and one rounding cast ends the chain.
 */
function runPasses(
  input: NdArray,
  out: NdArray,
  passes: readonly Pass[],
  cval: number,
  rounding: 'per-pass' | 'once' = 'per-pass',
  threads = 1,
): NdArray {
  if (passes.length === 0) return withStorage(out, (t) => castInto(input, t));
  const taps = passes.reduce((sum, p) => sum + p.w.length, 0);
  const chain = (t: NdArray): void => {
    if (threads > 1 && bandable(input, t, passes) && threadsPay(input, t, taps)) {
      parallelPasses(input, t, passes, cval, threads);
      return;
    }
    let cur: NdArray = input;
    for (const p of passes) {
      correlate1dInto(cur, p.w, p.axis, t, p.mode, cval, 0);
      cur = t;
    }
  };
  const integer = out.dtype !== 'float32' && out.dtype !== 'float64';
  if (rounding === 'once' && integer) {
    const tmp = resolveOutput(input, 'float64');
    chain(tmp);
    castInto(tmp, out, 'clip');
    return out;
  }
  return withStorage(out, chain);
}
