/**
 * Sobel and Prewitt gradients: a central difference along one axis, smoothed along the others.
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
  type ThreadsOptions,
} from '@ndimage/core-array';
import { checkOptions, normalizeAxis, optionKeys, threadCount } from '@ndimage/core-array/internal';
import { correlate1dInto } from './correlate1d.js';
import type { Pass } from './gaussian-filter.js';
import { fusable, gradient2d } from './gradient-2d.js';
import { modesPerAxis } from './modes.js';
import { type BoundaryOptions, checkCval } from './options.js';
import { type OutputOptions, refuseStorageDType, resolveOutput, withStorage } from './output.js';
import { bandable, parallelGradient, parallelPasses, threadsPay } from './parallel.js';

const GRADIENT_KEYS = optionKeys<GradientOptions>({ mode: true, cval: true, output: true, axis: true, threads: true });

/** Options of {@link sobel} and {@link prewitt}. */
export interface GradientOptions extends BoundaryOptions, OutputOptions, ThreadsOptions {
  /** The axis to differentiate along: 0 is down the rows (y), -1 along the columns (x). @defaultValue -1 */
  axis?: number;
}

const DIFFERENCE = Float64Array.of(-1, 0, 1);

function gradient(input: NdArrayLike, options: GradientOptions | undefined, smooth: Float64Array): NdArray {
  const o = checkOptions(options, GRADIENT_KEYS);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  if (a.ndim === 0)
    throw new NdImageError('ERR_SHAPE', '`input` must have at least one axis; got a 0-d array', { argument: 'input' });
  const axis = normalizeAxis(o.axis ?? -1, a.ndim);
  const modes = modesPerAxis(o.mode, a.ndim);
  const cval = checkCval(o.cval);
  const threads = threadCount(o.threads, a.size);
  const out = resolveOutput(a, o.output);
  // A 3×3 gradient is about as cheap as staging its data for the workers: threads pay only when
  // input and output already live in shared memory (threadsPay with 6 taps).
  const banded = threads > 1 && threadsPay(a, out, 6);
  if (fusable(a, out)) {
    const centre = smooth[1] as number;
    if (banded) return parallelGradient(a, out, { axis, centre, modes: [...modes], cval }, threads);
    gradient2d(a, out, axis, centre, modes, cval);
    return out;
  }
  const passes: Pass[] = [{ axis, w: DIFFERENCE, mode: modes[axis]! }];
  for (let ax = 0; ax < a.ndim; ax++) if (ax !== axis) passes.push({ axis: ax, w: smooth, mode: modes[ax]! });
  return withStorage(out, (t) => {
    if (banded && bandable(a, t, passes)) {
      parallelPasses(a, t, passes, cval, threads);
      return;
    }
    correlate1dInto(a, DIFFERENCE, axis, t, modes[axis]!, cval, 0);
    for (let ax = 0; ax < a.ndim; ax++) if (ax !== axis) correlate1dInto(t, smooth, ax, t, modes[ax]!, cval, 0);
  });
}

/**
 * Sobel derivative along `axis`: the difference `x[i+1] − x[i−1]` along it, then [1, 2, 1]
 * smoothing along every other axis, no normalisation (interior gain 8 in 2-D). On integer images
 * the result wraps around as SciPy's does (uint8: true value mod 256); ask for
 * `output: 'float64'` to get the signed values.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[0, 0, 0, 0], [0, 0, 0, 0], [200, 200, 200, 200], [255, 255, 255, 255]], { dtype: 'uint8' });
 * sobel(a, { axis: 0 }).index(null, 0).toArray();                     // [0, 32, 252, 220]
 * sobel(a, { axis: 0, output: 'float64' }).index(null, 0).toArray(); // [0, 800, 1020, 220]
 * ```
 * @see scipy.ndimage.sobel
 */
export function sobel<I extends NdArrayLike>(input: I, options?: GradientOptions & NoOutput): NdArray<DTypeOf<I>>;
export function sobel<D extends DType>(input: NdArrayLike, options: GradientOptions & OutputAs<D>): NdArray<D>;
export function sobel(input: NdArrayLike, options?: GradientOptions): NdArray;
export function sobel(input: NdArrayLike, options?: GradientOptions): NdArray {
  return gradient(input, options, SOBEL_SMOOTH);
}

/**
 * Prewitt derivative along `axis`: as {@link sobel} with [1, 1, 1] smoothing (interior gain 6).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * prewitt(array([[0, 1, 2], [0, 1, 2], [0, 1, 2]])).toArray(); // [[3, 6, 3], [3, 6, 3], [3, 6, 3]]
 * ```
 * @see scipy.ndimage.prewitt
 */
export function prewitt<I extends NdArrayLike>(input: I, options?: GradientOptions & NoOutput): NdArray<DTypeOf<I>>;
export function prewitt<D extends DType>(input: NdArrayLike, options: GradientOptions & OutputAs<D>): NdArray<D>;
export function prewitt(input: NdArrayLike, options?: GradientOptions): NdArray;
export function prewitt(input: NdArrayLike, options?: GradientOptions): NdArray {
  return gradient(input, options, PREWITT_SMOOTH);
}

const SOBEL_SMOOTH = Float64Array.of(1, 2, 1);
const PREWITT_SMOOTH = Float64Array.of(1, 1, 1);
