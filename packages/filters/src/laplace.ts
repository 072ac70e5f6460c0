/**
 * Laplace filters: the sum over axes of second derivatives.
 */
import {
  add,
  asarray,
  castInto,
  type DType,
  type DTypeOf,
  logicalOr,
  type NdArray,
  type NdArrayLike,
  type NoOutput,
  type OutputAs,
} from '@ndimage/core-array';
import { checkOptions, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import { correlate1dInto } from './correlate1d.js';
import { gaussianFilter } from './gaussian-filter.js';
import { type Mode, modesPerAxis } from './modes.js';
import { type BoundaryOptions, checkCval } from './options.js';
import { type OutputOptions, refuseStorageDType, resolveOutput, withStorage } from './output.js';

const LAPLACE_KEYS = optionKeys<LaplaceOptions>({ mode: true, cval: true, output: true });
const GENERIC_LAPLACE_KEYS = optionKeys<GenericLaplaceOptions>({
  mode: true,
  cval: true,
  output: true,
  extraArguments: true,
});
const GAUSSIAN_LAPLACE_KEYS = optionKeys<GaussianLaplaceOptions>({
  mode: true,
  cval: true,
  output: true,
  truncate: true,
  radius: true,
});

/**
 * A second-derivative filter along one axis, as `genericLaplace` calls it: write the derivative
 * of `input` along `axis` into `output` (an array, or a dtype for a new one) and return it.
 */
export type Derivative2 = (
  input: NdArray,
  axis: number,
  output: DType | NdArray,
  mode: Mode,
  cval: number,
  ...extra: never[]
) => NdArray;

/** Options of {@link laplace} and {@link genericLaplace}. */
export interface LaplaceOptions extends BoundaryOptions, OutputOptions {}

/** Options of {@link genericLaplace}. */
export interface GenericLaplaceOptions extends LaplaceOptions {
  /** More arguments for `derivative2`, after `cval` (SciPy's `extra_arguments`). @defaultValue [] */
  extraArguments?: readonly unknown[];
}

/**
 * Σ over axes of `derivative2(input, axis)`: the first written to the output, each next one
 * computed into a new array of the output dtype and added (with the output dtype's arithmetic:
 * integers wrap, bools or), as SciPy's `generic_laplace`.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const d2 = (x, axis, out, mode, cval) => correlate1d(x, [1, -2, 1], { axis, output: out, mode, cval });
 * genericLaplace(array([[0, 0, 0], [0, 1, 0], [0, 0, 0]]), d2).toArray(); // [[0, 1, 0], [1, -4, 1], [0, 1, 0]]
 * ```
 * @see scipy.ndimage.generic_laplace
 */
export function genericLaplace<I extends NdArrayLike>(
  input: I,
  derivative2: Derivative2,
  options?: GenericLaplaceOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function genericLaplace<D extends DType>(
  input: NdArrayLike,
  derivative2: Derivative2,
  options: GenericLaplaceOptions & OutputAs<D>,
): NdArray<D>;
export function genericLaplace(input: NdArrayLike, derivative2: Derivative2, options?: GenericLaplaceOptions): NdArray;
export function genericLaplace(input: NdArrayLike, derivative2: Derivative2, options?: GenericLaplaceOptions): NdArray {
  const o = checkOptions(options, GENERIC_LAPLACE_KEYS);
  const extra = extraArguments(o.extraArguments);
  const d2 = derivative2 as (...args: unknown[]) => NdArray;
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const out = resolveOutput(a, o.output);
  const modes = modesPerAxis(o.mode, a.ndim);
  const cval = checkCval(o.cval);
  if (a.ndim === 0) {
    castInto(a, out);
    return out;
  }
  d2(a, 0, out, modes[0] as Mode, cval, ...extra);
  for (let axis = 1; axis < a.ndim; axis++) {
    const tmp = d2(a, axis, out.dtype, modes[axis] as Mode, cval, ...extra);
    if (out.dtype === 'bool') logicalOr(out, tmp, { out });
    else add(out, tmp, { out });
  }
  return out;
}

const SECOND_DIFFERENCE = Float64Array.of(1, -2, 1);

/**
 * Discrete Laplacian: Σ over axes of the [1, −2, 1] second difference (the 5-point stencil in 2-D,
 * 7-point in 3-D). Integer outputs wrap, as SciPy's (uint8 −7 → 249).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * laplace(array([[0, 0, 0], [0, 1, 0], [0, 0, 0]])).toArray(); // [[0, 1, 0], [1, -4, 1], [0, 1, 0]]
 * ```
 * @see scipy.ndimage.laplace
 */
export function laplace<I extends NdArrayLike>(input: I, options?: LaplaceOptions & NoOutput): NdArray<DTypeOf<I>>;
export function laplace<D extends DType>(input: NdArrayLike, options: LaplaceOptions & OutputAs<D>): NdArray<D>;
export function laplace(input: NdArrayLike, options?: LaplaceOptions): NdArray;
export function laplace(input: NdArrayLike, options?: LaplaceOptions): NdArray {
  checkOptions(options, LAPLACE_KEYS);
  return genericLaplace(
    input,
    (x, axis, output, mode, cval) => {
      const target = typeof output === 'string' ? resolveOutput(x, output) : output;
      return withStorage(target, (t) =>
        correlate1dInto(x, SECOND_DIFFERENCE, axis, t, modesPerAxis(mode, 1)[0]!, cval, 0),
      );
    },
    options,
  );
}

/** Options of {@link gaussianLaplace}. */
export interface GaussianLaplaceOptions extends LaplaceOptions {
  /** @defaultValue 4 */
  truncate?: number;
  /** Kernel radius per axis (or one for all), overriding `truncate`. */
  radius?: number | readonly number[];
}

/**
 * Laplacian of Gaussian: Σ over axes k of the Gaussian second derivative along k (order 2 on k,
 * 0 elsewhere). As in SciPy, a per-axis `mode` list gives the derivative along axis k the mode
 * of axis k on *all* axes.
 *
 * @example
 * ```ts
 * import { zeros } from '@ndimage/core-array';
 * const im = zeros([9, 9]);
 * im.set(4, 4, 1);
 * gaussianLaplace(im, 1).get(4, 4); // -0.31831178348375944 (≈ −1/π: the centre of the LoG)
 * ```
 * @see scipy.ndimage.gaussian_laplace
 */
export function gaussianLaplace<I extends NdArrayLike>(
  input: I,
  sigma: number | readonly number[],
  options?: GaussianLaplaceOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function gaussianLaplace<D extends DType>(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options: GaussianLaplaceOptions & OutputAs<D>,
): NdArray<D>;
export function gaussianLaplace(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options?: GaussianLaplaceOptions,
): NdArray;
export function gaussianLaplace(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options?: GaussianLaplaceOptions,
): NdArray {
  const o = checkOptions(options, GAUSSIAN_LAPLACE_KEYS);
  return genericLaplace(
    input,
    (x, axis, output, mode, cval) => {
      const order = x.shape.map((_, i) => (i === axis ? 2 : 0));
      return gaussianFilter(x, sigma, { order, output, mode, cval, truncate: o.truncate, radius: o.radius });
    },
    { mode: o.mode, cval: o.cval, output: o.output },
  );
}

/** SciPy's `extra_arguments`: an array (of anything), or nothing. */
export function extraArguments(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidArgument('extraArguments', 'an array of arguments', value);
  return value;
}
