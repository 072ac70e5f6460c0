/**
 * `fourierGaussian`: multiplication by the Fourier transform of a Gaussian, as SciPy's.
 */
import type { NdArray, NdArrayLike } from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import {
  type FourierFilterOptions,
  frequencyTable,
  lengthOf,
  multiplyByTables,
  perAxis,
  prepareFilter,
} from './fourier-filter.js';

const KEYS = optionKeys<FourierFilterOptions>({ n: true, axis: true, output: true });

/**
 * Multiplies an array of Fourier coefficients by the transform of a Gaussian of standard
 * deviation `sigma` (one value, or one per axis): exp(−2·(π·σ·k/n)²) at frequency k, 0 where the
 * exponent is below −50. With `n` ≥ 0, the input is a real FFT of length n along `axis`.
 * `ifftn(fourierGaussian(fftn(x), σ))` is a Gaussian blur with periodic boundaries.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for a sigma that is not finite or not one per axis;
 *   `ERR_DTYPE`/`ERR_SHAPE` for an `output` SciPy refuses.
 * @example
 * ```ts
 * const f = fourierGaussian(fft(array([1, 0, 0, 0])), 1);
 * real(f).toArray(); // [1, 0.29121293321402086, 0.007191883355826368, 0.29121293321402086]
 * ```
 * @see scipy.ndimage.fourier_gaussian
 */
export function fourierGaussian(
  input: NdArrayLike,
  sigma: number | readonly number[],
  options?: FourierFilterOptions,
): NdArray {
  const o = checkOptions(options, KEYS);
  const call = prepareFilter(input, o, false);
  const nd = call.input.ndim;
  const sigmas = perAxis(sigma, nd, 'sigma');
  const tables = sigmas.map((s, k) => {
    if ((call.input.shape[k] as number) <= 1) return undefined;
    let p = (s * Math.PI) / lengthOf(call, k);
    p = -2.0 * p * p;
    return frequencyTable(call, k, (kk) => {
      const t = p * kk * kk;
      return Math.abs(t) > 50.0 ? 0.0 : Math.exp(t);
    });
  });
  return multiplyByTables(call, tables);
}
