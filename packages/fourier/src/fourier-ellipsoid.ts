/**
 * `fourierEllipsoid`: multiplication by the Fourier transform of an ellipsoid, as SciPy's.
 */
import { type NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import { besselJ1 } from './bessel-j1.js';
import {
  applyRow,
  type FourierFilterOptions,
  forEachRow,
  frequencyTable,
  lengthOf,
  perAxis,
  prepareFilter,
} from './fourier-filter.js';

const KEYS = optionKeys<FourierFilterOptions>({ n: true, axis: true, output: true });

/**
 * Multiplies an array of Fourier coefficients by the transform of an ellipsoid (1-d: a box, 2-d:
 * an ellipse, 3-d: an ellipsoid) with axes `size` (one value, or one per axis): with
 * r = π·√(Σ (size·k/n)²), sin(r)/r in 1-d, 2·J₁(r)/r in 2-d, 3·(sin r − r·cos r)/r³ in 3-d.
 * With `n` ≥ 0, the input is a real FFT of length n along `axis`.
 *
 * @throws NdImageError `ERR_SHAPE` for arrays of more than 3 dimensions (SciPy: NotImplementedError).
 * @example
 * ```ts
 * real(fourierEllipsoid(fft(array([1, 0, 0, 0])), 2)).toArray()[1]; // 0.6366197723675814
 * ```
 * @see scipy.ndimage.fourier_ellipsoid
 */
export function fourierEllipsoid(
  input: NdArrayLike,
  size: number | readonly number[],
  options?: FourierFilterOptions,
): NdArray {
  const o = checkOptions(options, KEYS);
  const call = prepareFilter(input, o, false);
  const nd = call.input.ndim;
  if (nd > 3) {
    throw new NdImageError('ERR_SHAPE', `fourierEllipsoid supports 1-, 2- and 3-d arrays; got ${nd} dimensions`, {
      argument: 'input',
    });
  }
  const sizes = perAxis(size, nd, 'size');
  if (call.input.size === 0 || nd === 0) return call.output;
  // SciPy: kk·π·size/n on every axis (length-1 axes included), squared when nd > 1.
  const tables = sizes.map((s, k) => {
    const t = (Math.PI * s) / lengthOf(call, k);
    const table = frequencyTable(call, k, (kk) => kk * t);
    if (nd > 1) for (let j = 0; j < table.length; j++) table[j] = (table[j] as number) * (table[j] as number);
    return table;
  });
  const inner = tables[nd - 1] as Float64Array;
  const factors = new Float64Array(inner.length);
  forEachRow(call, (ia, is, oa, os, len, idx) => {
    let outer = 0.0;
    for (let k = 0; k < idx.length; k++) outer += (tables[k] as Float64Array)[idx[k] as number] as number;
    for (let j = 0; j < len; j++) {
      if (nd === 1) {
        const t = inner[j] as number;
        factors[j] = t !== 0 ? Math.sin(t) / t : 1.0;
      } else if (nd === 2) {
        const t = Math.sqrt(outer + (inner[j] as number));
        factors[j] = t > 0.0 ? (2.0 * besselJ1(t)) / t : 1.0;
      } else {
        const r = Math.sqrt(outer + (inner[j] as number));
        factors[j] = r > 0.0 ? (3.0 * (Math.sin(r) - r * Math.cos(r))) / (r * r * r) : 1.0;
      }
    }
    applyRow(call, ia, is, oa, os, len, factors);
  });
  return call.output;
}
