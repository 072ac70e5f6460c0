/**
 * `fourierUniform`: multiplication by the Fourier transform of a box, as SciPy's.
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
 * Multiplies an array of Fourier coefficients by the transform of a box of width `size` (one
 * value, or one per axis): sin(π·size·k/n)/(π·size·k/n) at frequency k (1 at k = 0; 0 for a size
 * ≤ 0, as SciPy's). With `n` ≥ 0, the input is a real FFT of length n along `axis`.
 *
 * @example
 * ```ts
 * real(fourierUniform(fft(array([1, 0, 0, 0])), 2)).toArray()[2]; // 3.8981718325193755e-17
 * ```
 * @see scipy.ndimage.fourier_uniform
 */
export function fourierUniform(
  input: NdArrayLike,
  size: number | readonly number[],
  options?: FourierFilterOptions,
): NdArray {
  const o = checkOptions(options, KEYS);
  const call = prepareFilter(input, o, false);
  const sizes = perAxis(size, call.input.ndim, 'size');
  const tables = sizes.map((s, k) => {
    if ((call.input.shape[k] as number) <= 1) return undefined;
    const t = (Math.PI * s) / lengthOf(call, k);
    return frequencyTable(call, k, (kk) => (kk === 0 ? 1.0 : t > 0.0 ? Math.sin(t * kk) / (t * kk) : 0.0));
  });
  return multiplyByTables(call, tables);
}
