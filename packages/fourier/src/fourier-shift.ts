/**
 * `fourierShift`: multiplication by the Fourier transform of a shift, as SciPy's.
 */
import { isComplexDType, type NdArray, type NdArrayLike } from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import {
  type FourierFilterOptions,
  forEachRow,
  frequencyTable,
  lengthOf,
  perAxis,
  prepareFilter,
} from './fourier-filter.js';

const KEYS = optionKeys<FourierFilterOptions>({ n: true, axis: true, output: true });

/**
 * Multiplies an array of Fourier coefficients by exp(−2πi·Σ shift·k/n), the transform of a shift
 * by `shift` (one value, or one per axis, may be fractional): `ifftn(fourierShift(fftn(x), s))` is
 * x moved by s with periodic wrap-around (for integer s, `roll(x, s)`). With `n` ≥ 0, the input
 * is a real FFT of length n along `axis`. The result is complex (complex64 for complex64 input,
 * else complex128).
 *
 * @example
 * ```ts
 * const moved = ifft(fourierShift(fft(array([1, 2, 3, 4])), 1));
 * real(moved).toArray().map((v) => Math.round(v)); // [4, 1, 2, 3]
 * ```
 * @see scipy.ndimage.fourier_shift
 */
export function fourierShift(
  input: NdArrayLike,
  shift: number | readonly number[],
  options?: FourierFilterOptions,
): NdArray {
  const o = checkOptions(options, KEYS);
  const call = prepareFilter(input, o, true);
  const { input: a, output } = call;
  const nd = a.ndim;
  const shifts = perAxis(shift, nd, 'shift');
  const tables = shifts.map((s, k) => {
    if ((a.shape[k] as number) <= 1) return undefined;
    const w = (-2.0 * Math.PI * s) / lengthOf(call, k);
    return frequencyTable(call, k, (kk) => w * kk);
  });
  const inner = nd > 0 ? tables[nd - 1] : undefined;
  const src = a.data as Float64Array;
  const dst = output.data as Float64Array;
  const complex = isComplexDType(a.dtype);
  forEachRow(call, (ia, is, oa, os, len, idx) => {
    // the phase in SciPy's order: ((0 + t₀) + t₁) + …, then sin and cos of the sum
    let outer = 0.0;
    for (let k = 0; k < idx.length; k++) {
      const t = tables[k];
      if (t !== undefined) outer += t[idx[k] as number] as number;
    }
    for (let j = 0; j < len; j++) {
      const phase = inner === undefined ? outer : outer + (inner[j] as number);
      const sin = Math.sin(phase);
      const cos = Math.cos(phase);
      const d = 2 * (oa + j * os);
      if (complex) {
        const s = 2 * (ia + j * is);
        const re = src[s]!;
        const im = src[s + 1]!;
        dst[d] = re * cos - im * sin;
        dst[d + 1] = re * sin + im * cos;
      } else {
        const x = src[ia + j * is]!;
        dst[d] = x * cos;
        dst[d + 1] = x * sin;
      }
    }
  });
  return output;
}
