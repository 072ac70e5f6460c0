/**
 * Turning any array into 8- or 16-bit samples for an image file: the `scale` policies of imsave.
 *
 * - `'clip'`: round to the nearest integer (halves to even, as NumPy's `rint`) and clamp to the
 *   format's range — for data already in 0–255 (or 0–65535).
 * - `'stretch'`: the old `scipy.misc.imsave` / `bytescale` (SciPy 0.19–1.2): one min–max over all
 *   channels mapped to 0–255, `uint8(clip((v − min)·255/(max − min), 0, 255) + 0.5)`; a constant
 *   image becomes 0; uint8 data is left as it is, as bytescale did.
 * - `'none'`: the data must already fit (uint8 or bool; uint16 for 16-bit formats), else an error.
 */
import { type NdArray, NdImageError, type NumericTypedArray } from '@ndimage/core-array';
import { checkOneOf } from '@ndimage/core-array/internal';

/** A scaling policy. */
export type Scale = 'clip' | 'stretch' | 'none';

/** 8- or 16-bit samples, C order. */
export interface Samples {
  data: Uint8Array | Uint16Array;
  bits: 8 | 16;
}

/** The samples of `a` (contiguous values) for a file holding `bits` per sample at most. */
export function toSamples(a: NdArray, scale: Scale, maxBits: 8 | 16, name: string): Samples {
  const c = a.toContiguous();
  const n = c.size;
  const values = c.data as NumericTypedArray;
  const off = c.offset;
  if (a.dtype === 'uint8') {
    // The array's own bytes (sharp only reads them).
    return { data: (values as Uint8Array).subarray(off, off + n), bits: 8 };
  }
  if (a.dtype === 'bool') {
    const out = new Uint8Array(n);
    for (let k = 0; k < n; k++) out[k] = values[off + k] ? 255 : 0;
    return { data: out, bits: 8 };
  }
  if (a.dtype === 'uint16' && maxBits === 16 && scale !== 'stretch') {
    return { data: (values as Uint16Array).slice(off, off + n), bits: 16 };
  }
  if (scale === 'none') {
    throw new NdImageError(
      'ERR_DTYPE',
      `\`${name}\` has dtype ${a.dtype}, which this format cannot store without scaling (it takes uint8${maxBits === 16 ? ' or uint16' : ''}); pass scale: 'clip' or 'stretch'`,
      { argument: 'scale' },
    );
  }
  const read = (k: number): number => {
    const v = values[off + k] as number | bigint;
    return typeof v === 'bigint' ? Number(v) : v;
  };
  // NaN has no pixel value: say where it is rather than write something.
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(read(k)))
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `\`${name}\` holds NaN (at flat index ${k}); it cannot be written as an image`,
        {
          argument: name,
        },
      );
  }
  const out = new Uint8Array(n);
  if (scale === 'clip') {
    for (let k = 0; k < n; k++) {
      const v = rint(read(k));
      out[k] = Math.max(0, Math.min(v, 255));
    }
    return { data: out, bits: 8 };
  }
  checkOneOf(scale, 'scale', ['clip', 'stretch', 'none']); // only 'stretch' is left here
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const v = read(k);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo === 0 ? 1 : hi - lo;
  for (let k = 0; k < n; k++) {
    let v = ((read(k) - lo) * 255) / range;
    v = Math.max(0, Math.min(v, 255));
    out[k] = Math.trunc(v + 0.5);
  }
  return { data: out, bits: 8 };
}

/** Round half to even (NumPy's rint); ±Infinity stay infinite (then clamped). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
