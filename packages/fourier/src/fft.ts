/**
 * `fft` and `ifft`: the one-dimensional complex transforms, as `numpy.fft.fft`/`ifft`.
 */
import type { NdArray, NdArrayLike } from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import { complexN } from './fft/driver.js';
import { checkAxis, checkLength, checkNorm, type FftOptions, toOperand } from './options.js';

const KEYS = optionKeys<FftOptions>({ n: true, axis: true, norm: true });

function oneAxis(a: NdArrayLike, options: FftOptions | undefined, inverse: boolean): NdArray<'complex128'> {
  const o = checkOptions(options, KEYS);
  const input = toOperand(a, false);
  const axis = checkAxis(o.axis ?? -1, input.shape.length);
  const n = checkLength(o.n ?? input.shape[axis], 'n');
  return complexN(input, [n], [axis], inverse, checkNorm(o.norm));
}

/**
 * The discrete Fourier transform along one axis, of any length: X_k = Σ_j x_j·exp(−2πi·jk/n).
 * Real or complex input of any dtype; the result is complex128 (as NumPy's).
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for `n` < 1 or a bad axis or norm; `ERR_SHAPE` for a 0-d array.
 * @example
 * ```ts
 * fft(array([1, 2, 3, 4])).toArray();
 * // [{ re: 10, im: 0 }, { re: -2, im: 2 }, { re: -2, im: 0 }, { re: -2, im: -2 }]
 * fft(array([1, 2, 3]), { n: 4 }).shape; // [4]  (zero-padded)
 * ```
 * @see numpy.fft.fft
 */
export function fft(a: NdArrayLike, options?: FftOptions): NdArray<'complex128'> {
  return oneAxis(a, options, false);
}

/**
 * The inverse transform along one axis: x_j = (1/n)·Σ_k X_k·exp(2πi·jk/n) (with `norm: 'backward'`).
 *
 * @example
 * ```ts
 * ifft(fft(array([1, 2, 3]))).toArray(); // [{ re: 1, im: 0 }, { re: 2, im: 0 }, { re: 3, im: 0 }]
 * ```
 * @see numpy.fft.ifft
 */
export function ifft(a: NdArrayLike, options?: FftOptions): NdArray<'complex128'> {
  return oneAxis(a, options, true);
}
