/**
 * The options shared by the transforms, their validation (through core-array's checkers, with
 * NumPy's rules for `n`, `s`, `axes` and `norm`), and the conversion of inputs to float64 or
 * complex128 data, which is what the transforms compute in (as `numpy.fft` does).
 */
import { asarray, type NdArray, type NdArrayLike, NdImageError, real } from '@ndimage/core-array';
import { checkInteger, checkOneOf, describeValue, invalidArgument, normalizeAxis } from '@ndimage/core-array/internal';
import type { Operand } from './fft/axis.js';

/**
 * Which direction is scaled, as NumPy's `norm`: `'backward'` (default) scales the inverse by
 * 1/n, `'ortho'` both by 1/√n, `'forward'` the forward transform by 1/n.
 */
export type Norm = 'backward' | 'ortho' | 'forward';

/** The `norm` option. */
export interface NormOptions {
  /** Which direction is scaled (see {@link Norm}). @defaultValue `'backward'` */
  norm?: Norm;
}

/** Options of the one-dimensional transforms (`fft`, `ifft`, `rfft`, `irfft`). */
export interface FftOptions extends NormOptions {
  /**
   * Length of the transform: the input is cropped or zero-padded to it along `axis` (for `irfft`,
   * the length of the real output). @defaultValue the input's length along `axis` (for `irfft`,
   * 2·(m − 1) for m input values)
   */
  n?: number;
  /** The axis to transform (negative counts from the end). @defaultValue -1 */
  axis?: number;
}

/** Options of the n-dimensional transforms (`fftn`, `ifftn`, `rfftn`, `irfftn`, and the `2` forms). */
export interface FftnOptions extends NormOptions {
  /**
   * Transform length per axis of `axes` (crop or zero-pad, as `n`).
   * @defaultValue the input's lengths along `axes` (for `irfftn`, 2·(m − 1) along the last one)
   */
  s?: readonly number[];
  /**
   * The axes to transform; repeated axes are transformed again, as NumPy does.
   * @defaultValue the last `s.length` axes, or all axes
   */
  axes?: readonly number[];
}

const NORMS: readonly Norm[] = ['backward', 'ortho', 'forward'];

/** The norm option checked (`undefined` and `null` are NumPy's default, `'backward'`). */
export function checkNorm(norm: unknown): Norm {
  return norm === undefined || norm === null ? 'backward' : checkOneOf(norm as Norm, 'norm', NORMS);
}

/** The factor applied to a transform of length n: `forward` says which direction it is. */
export function scaleOf(norm: Norm, n: number, forward: boolean): number {
  if (norm === 'ortho') return 1 / Math.sqrt(n);
  if (norm === 'backward') return forward ? 1 : 1 / n;
  return forward ? 1 / n : 1;
}

/** A transform length: an integer ≥ 1 (NumPy: "Invalid number of FFT data points"). */
export function checkLength(value: unknown, name: string): number {
  return checkInteger(value, name, { min: 1 });
}

/** One axis, normalised. */
export function checkAxis(value: unknown, ndim: number): number {
  if (ndim === 0) {
    throw new NdImageError('ERR_SHAPE', 'a 0-d array has no axis to transform', { argument: 'a' });
  }
  return normalizeAxis(value as number, ndim, 'axis');
}

/**
 * NumPy's `_cook_nd_args`: `s` and `axes` for an n-d transform, each axis normalised. With
 * neither, every axis at its own length; with `s` only, the last `s.length` axes; with `axes`
 * only, their lengths. `invreal` (irfftn) makes the last default length 2·(m − 1).
 */
export function cookNd(
  a: NdArray,
  s: readonly number[] | undefined,
  axes: readonly number[] | undefined,
  invreal: boolean,
): { s: number[]; axes: number[] } {
  if (s !== undefined && !Array.isArray(s)) throw invalidArgument('s', 'an array of integers ≥ 1', s);
  if (axes !== undefined && !Array.isArray(axes)) throw invalidArgument('axes', 'an array of axes', axes);
  const nd = a.ndim;
  let ax: number[];
  if (axes === undefined) {
    const count = s === undefined ? nd : s.length;
    if (count > nd) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`s\` has ${count} lengths but the array has ${nd} axes; got s = ${describeValue(s)}`,
        { argument: 's' },
      );
    }
    ax = Array.from({ length: count }, (_, i) => nd - count + i);
  } else ax = axes.map((x) => normalizeAxis(x, nd, 'axes'));
  let sizes: number[];
  if (s === undefined) {
    sizes = ax.map((x) => a.shape[x] as number);
    if (invreal && ax.length > 0) sizes[ax.length - 1] = 2 * ((a.shape[ax[ax.length - 1] as number] as number) - 1);
  } else {
    if (s.length !== ax.length) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`s\` and \`axes\` have different lengths: ${describeValue(s)} and ${describeValue(axes)}`,
        { argument: 's' },
      );
    }
    sizes = s.map((x, i) => checkLength(x, `s[${i}]`));
  }
  sizes.forEach((x, i) => {
    checkLength(x, `s[${i}]`);
  });
  return { s: sizes, axes: ax };
}

/** The input as float64 or complex128 data (copied only when its dtype is another). */
export function toOperand(input: NdArrayLike, realOnly: boolean): Operand {
  let a = asarray(input);
  if (realOnly && (a.dtype === 'complex64' || a.dtype === 'complex128')) {
    // numpy.fft's real transforms drop the imaginary part (with a ComplexWarning).
    a = real(a);
  }
  if (a.dtype === 'complex64') a = a.astype('complex128');
  else if (a.dtype !== 'complex128' && a.dtype !== 'float64') a = a.astype('float64');
  return {
    data: a.data as Float64Array,
    complex: a.dtype === 'complex128',
    shape: a.shape,
    strides: a.strides,
    offset: a.offset,
  };
}
