/**
 * Sample frequencies and the shifts that centre the zero frequency, as `numpy.fft`.
 */
import { asarray, type NdArray, type NdArrayLike, NdImageError, roll } from '@ndimage/core-array';
import { checkFiniteNumber, checkInteger, normalizeAxes } from '@ndimage/core-array/internal';

/**
 * The frequencies of the n outputs of {@link fft}, in cycles per unit of the sample spacing `d`:
 * `[0, 1, …, ⌈n/2⌉ − 1, −⌊n/2⌋, …, −1] / (n·d)` (computed as NumPy does: k · (1/(n·d))).
 *
 * @example
 * ```ts
 * fftfreq(4).toArray();         // [0, 0.25, -0.5, -0.25]
 * fftfreq(5, 0.1).toArray()[4]; // -2
 * ```
 * @see numpy.fft.fftfreq
 */
export function fftfreq(n: number, d = 1.0): NdArray<'float64'> {
  const count = checkInteger(n, 'n', { min: 0 });
  const spacing = checkFiniteNumber(d, 'd');
  const val = 1.0 / (count * spacing);
  const out = new Float64Array(count);
  const positive = Math.floor((count - 1) / 2) + 1;
  for (let k = 0; k < positive; k++) out[k] = k * val;
  for (let k = positive; k < count; k++) out[k] = (k - count) * val;
  return asarray(out) as NdArray<'float64'>;
}

/**
 * The frequencies of the n/2 + 1 outputs of {@link rfft}: `[0, 1, …, ⌊n/2⌋] / (n·d)`.
 *
 * @example
 * ```ts
 * rfftfreq(4).toArray(); // [0, 0.25, 0.5]
 * ```
 * @see numpy.fft.rfftfreq
 */
export function rfftfreq(n: number, d = 1.0): NdArray<'float64'> {
  const count = checkInteger(n, 'n', { min: 0 });
  const spacing = checkFiniteNumber(d, 'd');
  const val = 1.0 / (count * spacing);
  const out = new Float64Array(Math.floor(count / 2) + 1);
  for (let k = 0; k < out.length; k++) out[k] = k * val;
  return asarray(out) as NdArray<'float64'>;
}

function shifted<D extends NdArray>(x: NdArrayLike, axes: number | readonly number[] | undefined, sign: 1 | -1): D {
  const a = asarray(x);
  if (a.ndim === 0) throw new NdImageError('ERR_SHAPE', 'a 0-d array has no axis to shift', { argument: 'x' });
  const list = normalizeAxes(axes, a.ndim, 'axes');
  return roll(
    a,
    list.map((ax) => sign * Math.floor((a.shape[ax] as number) / 2)),
    list,
  ) as D;
}

/**
 * Moves the zero frequency to the centre: rolls each of `axes` (all by default) by ⌊n/2⌋.
 * Any dtype; a new array.
 *
 * @example
 * ```ts
 * fftshift(fftfreq(5)).toArray(); // [-0.4, -0.2, 0, 0.2, 0.4]
 * ```
 * @see numpy.fft.fftshift
 */
export function fftshift<D extends NdArray = NdArray>(x: NdArrayLike, axes?: number | readonly number[]): D {
  return shifted(x, axes, 1);
}

/**
 * The inverse of {@link fftshift} (they differ for odd lengths): rolls by −⌊n/2⌋.
 *
 * @example
 * ```ts
 * ifftshift(fftshift(array([0, 1, 2, 3, 4]))).toArray(); // [0, 1, 2, 3, 4]
 * ```
 * @see numpy.fft.ifftshift
 */
export function ifftshift<D extends NdArray = NdArray>(x: NdArrayLike, axes?: number | readonly number[]): D {
  return shifted(x, axes, -1);
}
