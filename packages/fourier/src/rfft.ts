/**
 * `rfft` and `irfft`: the transforms of real signals, which keep only the n/2 + 1 non-negative
 * frequencies (the others are their complex conjugates), as `numpy.fft.rfft`/`irfft`.
 */
import type { NdArray, NdArrayLike } from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import { realForward, realInverse } from './fft/driver.js';
import { checkAxis, checkLength, checkNorm, type FftOptions, toOperand } from './options.js';

const KEYS = optionKeys<FftOptions>({ n: true, axis: true, norm: true });

/**
 * The Fourier transform of real input along one axis, non-negative frequencies only: n/2 + 1
 * complex values (complex128). Complex input has its imaginary part dropped, as NumPy does.
 * An even length costs about half a complex transform.
 *
 * @example
 * ```ts
 * rfft(array([1, 2, 3, 4])).toArray(); // [{ re: 10, im: 0 }, { re: -2, im: 2 }, { re: -2, im: 0 }]
 * ```
 * @see numpy.fft.rfft
 */
export function rfft(a: NdArrayLike, options?: FftOptions): NdArray<'complex128'> {
  const o = checkOptions(options, KEYS);
  const input = toOperand(a, true);
  const axis = checkAxis(o.axis ?? -1, input.shape.length);
  const n = checkLength(o.n ?? input.shape[axis], 'n');
  return realForward(input, axis, n, checkNorm(o.norm));
}

/**
 * The inverse of {@link rfft}: n real values (float64) from n/2 + 1 frequencies. `n` defaults to
 * 2·(m − 1) for m input values: pass it for an odd length. The imaginary parts of the zero
 * frequency (and of the Nyquist one, for even n) are ignored, as NumPy's.
 *
 * @example
 * ```ts
 * irfft(rfft(array([1, 2, 3, 4]))).toArray();             // [1, 2, 3, 4]
 * irfft(rfft(array([1, 2, 3])), { n: 3 }).toArray();       // [1, 2, 3]
 * ```
 * @see numpy.fft.irfft
 */
export function irfft(a: NdArrayLike, options?: FftOptions): NdArray<'float64'> {
  const o = checkOptions(options, KEYS);
  const input = toOperand(a, false);
  const axis = checkAxis(o.axis ?? -1, input.shape.length);
  const n = checkLength(o.n ?? 2 * ((input.shape[axis] as number) - 1), 'n');
  return realInverse(input, axis, n, checkNorm(o.norm));
}
