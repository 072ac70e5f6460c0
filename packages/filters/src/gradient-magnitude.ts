/**
 * Gradient magnitudes: sqrt of the sum over axes of squared first derivatives.
 */
import {
  add,
  asarray,
  castInto,
  type DType,
  type DTypeOf,
  mul,
  type NdArray,
  type NdArrayLike,
  type NoOutput,
  type OutputAs,
  sqrt,
} from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import { gaussianFilter } from './gaussian-filter.js';
import { extraArguments } from './laplace.js';
import { type Mode, modesPerAxis } from './modes.js';
import { type BoundaryOptions, checkCval } from './options.js';
import { type OutputOptions, refuseStorageDType, resolveOutput } from './output.js';

const GRADIENT_MAGNITUDE_KEYS = optionKeys<GenericGradientMagnitudeOptions>({
  mode: true,
  cval: true,
  output: true,
  extraArguments: true,
});
const GAUSSIAN_GRADIENT_MAGNITUDE_KEYS = optionKeys<GaussianGradientMagnitudeOptions>({
  mode: true,
  cval: true,
  output: true,
  truncate: true,
  radius: true,
});

/**
 * A first-derivative filter along one axis, as `genericGradientMagnitude` calls it: write the
 * derivative of `input` along `axis` into `output` (an array, or a dtype for a new one), return it.
 */
export type Derivative = (
  input: NdArray,
  axis: number,
  output: DType | NdArray,
  mode: Mode,
  cval: number,
  ...extra: never[]
) => NdArray;

/** Options of the gradient magnitudes. */
export interface GradientMagnitudeOptions extends BoundaryOptions, OutputOptions {}

/** Options of {@link genericGradientMagnitude}. */
export interface GenericGradientMagnitudeOptions extends GradientMagnitudeOptions {
  /** More arguments for `derivative`, after `cval` (SciPy's `extra_arguments`). @defaultValue [] */
  extraArguments?: readonly unknown[];
}

/** Options of {@link gaussianGradientMagnitude}. */
export interface GaussianGradientMagnitudeOptions extends GradientMagnitudeOptions {
  /** Kernel radius in standard deviations. @defaultValue 4 */
  truncate?: number;
  /** Kernel radius per axis, overriding `truncate`. */
  radius?: number | readonly number[];
}

/**
 * sqrt(Σ_k derivative(input, k)²), evaluated as SciPy does, in the output dtype: the first
 * derivative is squared in place, each next one is squared and added, then the square root is
 * taken (so integer outputs wrap on the way; use `output: 'float64'`).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const d = (x, axis, out, mode, cval) => sobel(x, { axis, output: out, mode, cval });
 * genericGradientMagnitude(array([[0, 0, 1], [0, 0, 1], [0, 0, 1]]), d).index(1).toArray(); // [0, 4, 4]
 * ```
 * @see scipy.ndimage.generic_gradient_magnitude
 */
export function genericGradientMagnitude<I extends NdArrayLike>(
  input: I,
  derivative: Derivative,
  options?: GenericGradientMagnitudeOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function genericGradientMagnitude<D extends DType>(
  input: NdArrayLike,
  derivative: Derivative,
  options: GenericGradientMagnitudeOptions & OutputAs<D>,
): NdArray<D>;
export function genericGradientMagnitude(
  input: NdArrayLike,
  derivative: Derivative,
  options?: GenericGradientMagnitudeOptions,
): NdArray;
export function genericGradientMagnitude(
  input: NdArrayLike,
  derivative: Derivative,
  options?: GenericGradientMagnitudeOptions,
): NdArray {
  const o = checkOptions(options, GRADIENT_MAGNITUDE_KEYS);
  const extra = extraArguments(o.extraArguments);
  const d = derivative as (...args: unknown[]) => NdArray;
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const out = resolveOutput(a, o.output);
  const modes = modesPerAxis(o.mode, a.ndim);
  const cval = checkCval(o.cval);
  if (a.ndim === 0) {
    castInto(a, out);
    return out;
  }
  d(a, 0, out, modes[0] as Mode, cval, ...extra);
  mul(out, out, { out });
  for (let axis = 1; axis < a.ndim; axis++) {
    const tmp = d(a, axis, out.dtype, modes[axis] as Mode, cval, ...extra);
    mul(tmp, tmp, { out: tmp });
    add(out, tmp, { out });
  }
  // NumPy's sqrt with casting='unsafe' writes back into the output dtype (truncating integers).
  if (out.dtype === 'float64' || out.dtype === 'float32') sqrt(out, { out });
  else castInto(sqrt(out.astype('float64')), out);
  return out;
}

/**
 * Gradient magnitude with Gaussian derivatives: sqrt(Σ_k (∂G_σ/∂x_k ∗ input)²). The textbook's
 * edge strength. As in SciPy, a per-axis `mode` list gives the derivative along axis k the mode
 * of axis k on *all* axes.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const ramp = array([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]]);
 * gaussianGradientMagnitude(ramp, 1, { mode: 'nearest' }).get(1, 2); // 0.9711955401130477 (the edges bend it below 1)
 * ```
 * @see scipy.ndimage.gaussian_gradient_magnitude
 */
export function gaussianGradientMagnitude<I extends NdArrayLike>(
  input: I,
  sigma: number | readonly number[],
  options?: GaussianGradientMagnitudeOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function gaussianGradientMagnitude<D extends DType>(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options: GaussianGradientMagnitudeOptions & OutputAs<D>,
): NdArray<D>;
export function gaussianGradientMagnitude(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options?: GaussianGradientMagnitudeOptions,
): NdArray;
export function gaussianGradientMagnitude(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options?: GaussianGradientMagnitudeOptions,
): NdArray {
  const o = checkOptions(options, GAUSSIAN_GRADIENT_MAGNITUDE_KEYS);
  return genericGradientMagnitude(
    input,
    (x, axis, output, mode, cval) => {
      const order = x.shape.map((_, i) => (i === axis ? 1 : 0));
      return gaussianFilter(x, sigma, { order, output, mode, cval, truncate: o.truncate, radius: o.radius });
    },
    { mode: o.mode, cval: o.cval, output: o.output },
  );
}
