/**
 * The n-dimensional transforms: `fftn`, `ifftn`, `rfftn`, `irfftn`, and their two-dimensional
 * forms `fft2`, `ifft2`, `rfft2`, `irfft2` (axes −2 and −1), as `numpy.fft`.
 */
import { asarray, type NdArray, type NdArrayLike } from '@ndimage/core-array';
import { checkOptions, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import { complexN, operandOf, realForward, realInverse } from './fft/driver.js';
import { checkNorm, cookNd, type FftnOptions, type Norm, toOperand } from './options.js';

const KEYS = optionKeys<FftnOptions>({ s: true, axes: true, norm: true });

function complexNd(
  a: NdArrayLike,
  options: FftnOptions | undefined,
  inverse: boolean,
  two: boolean,
): NdArray<'complex128'> {
  const o = checkOptions(options, KEYS);
  const x = asarray(a);
  const { s, axes } = cookNd(x, o.s, o.axes ?? (two ? [-2, -1] : undefined), false);
  if (axes.length === 0) return x.astype('complex128');
  return complexN(toOperand(x, false), s, axes, inverse, checkNorm(o.norm));
}

/**
 * The n-dimensional discrete Fourier transform over `axes` (all by default), any lengths.
 *
 * @example
 * ```ts
 * fftn(array([[1, 2], [3, 4]])).toArray();
 * // [[{ re: 10, im: 0 }, { re: -2, im: 0 }], [{ re: -4, im: 0 }, { re: 0, im: 0 }]]
 * ```
 * @see numpy.fft.fftn
 */
export function fftn(a: NdArrayLike, options?: FftnOptions): NdArray<'complex128'> {
  return complexNd(a, options, false, false);
}

/**
 * The inverse of {@link fftn}.
 *
 * @example
 * ```ts
 * real(ifftn(fftn(array([[1, 2], [3, 4]])))).toArray(); // [[1, 2], [3, 4]]
 * ```
 * @see numpy.fft.ifftn
 */
export function ifftn(a: NdArrayLike, options?: FftnOptions): NdArray<'complex128'> {
  return complexNd(a, options, true, false);
}

/**
 * The two-dimensional transform (axes −2, −1 unless given).
 *
 * @example
 * ```ts
 * fft2(ones([2, 3])).get(0, 0); // { re: 6, im: 0 }
 * ```
 * @see numpy.fft.fft2
 */
export function fft2(a: NdArrayLike, options?: FftnOptions): NdArray<'complex128'> {
  return complexNd(a, options, false, true);
}

/**
 * The inverse of {@link fft2}.
 *
 * @example
 * ```ts
 * ifft2(fft2(ones([2, 3]))).get(1, 2); // { re: 1, im: 0 }
 * ```
 * @see numpy.fft.ifft2
 */
export function ifft2(a: NdArrayLike, options?: FftnOptions): NdArray<'complex128'> {
  return complexNd(a, options, true, true);
}

function realNd(a: NdArrayLike, options: FftnOptions | undefined, two: boolean): NdArray<'complex128'> {
  const o = checkOptions(options, KEYS);
  const x = asarray(a);
  const { s, axes } = cookNd(x, o.s, o.axes ?? (two ? [-2, -1] : undefined), false);
  if (axes.length === 0) throw invalidAxes();
  const norm: Norm = checkNorm(o.norm);
  const last = axes.length - 1;
  const half = realForward(toOperand(x, true), axes[last] as number, s[last] as number, norm);
  if (last === 0) return half;
  return complexN(operandOf(half), s.slice(0, last), axes.slice(0, last), false, norm);
}

function invalidAxes(): Error {
  return invalidArgument('axes', 'at least one axis for a real transform', []);
}

/**
 * The n-dimensional transform of real input: {@link rfft} along the last of `axes`, then
 * complex transforms along the others. The last axis has n/2 + 1 values.
 *
 * @example
 * ```ts
 * rfftn(ones([4, 6])).shape; // [4, 4]
 * ```
 * @see numpy.fft.rfftn
 */
export function rfftn(a: NdArrayLike, options?: FftnOptions): NdArray<'complex128'> {
  return realNd(a, options, false);
}

/**
 * The two-dimensional real transform (axes −2, −1 unless given).
 *
 * @example
 * ```ts
 * rfft2(ones([4, 6])).get(0, 0); // { re: 24, im: 0 }
 * ```
 * @see numpy.fft.rfft2
 */
export function rfft2(a: NdArrayLike, options?: FftnOptions): NdArray<'complex128'> {
  return realNd(a, options, true);
}

function realInverseNd(a: NdArrayLike, options: FftnOptions | undefined, two: boolean): NdArray<'float64'> {
  const o = checkOptions(options, KEYS);
  const x = asarray(a);
  const { s, axes } = cookNd(x, o.s, o.axes ?? (two ? [-2, -1] : undefined), true);
  if (axes.length === 0) throw invalidAxes();
  const norm: Norm = checkNorm(o.norm);
  const last = axes.length - 1;
  let input = toOperand(x, false);
  if (last > 0) {
    // complexN transforms the listed axes last-first; NumPy's irfftn goes first-last: same result.
    input = operandOf(complexN(input, s.slice(0, last), axes.slice(0, last), true, norm));
  }
  return realInverse(input, axes[last] as number, s[last] as number, norm);
}

/**
 * The inverse of {@link rfftn}: complex inverse transforms along all but the last of `axes`,
 * then {@link irfft} along the last (length 2·(m − 1) unless `s` says otherwise).
 *
 * @example
 * ```ts
 * irfftn(rfftn(ones([4, 6]))).shape; // [4, 6]
 * ```
 * @see numpy.fft.irfftn
 */
export function irfftn(a: NdArrayLike, options?: FftnOptions): NdArray<'float64'> {
  return realInverseNd(a, options, false);
}

/**
 * The inverse of {@link rfft2}.
 *
 * @example
 * ```ts
 * irfft2(rfft2(ones([4, 6]))).get(3, 5); // 1
 * ```
 * @see numpy.fft.irfft2
 */
export function irfft2(a: NdArrayLike, options?: FftnOptions): NdArray<'float64'> {
  return realInverseNd(a, options, true);
}
