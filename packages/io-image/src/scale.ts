/**
 * Turning any array into 8- or 16-bit samples for an image file: the `scale` policies of imsave.
 *
 * - `'stretch'` (the default for data that needs scaling): the textbook's `scipy.misc.imsave`,
 *   which ran `bytescale` (SciPy 0.19–1.1) on everything but uint8 — one min–max over all channels
 *   mapped to 0–255, `uint8(clip((v − min)·(255 / (max − min)), 0, 255) + 0.5)`, in NumPy's types
 *   (float32 data are computed in float32); a constant image becomes 0.
 * - `'clip'`: round to the nearest integer (halves to even, as NumPy's `rint`) and clamp to the
 *   format's range — for data already in 0–255, as `PIL.Image.fromarray(a.astype(uint8))` expects.
 * - `'none'`: the data must already fit (uint8 or bool; uint16 for 16-bit formats), else an error.
 *
 * Whatever the policy, uint8 is written as it is and bool as 0/255; with no policy given, uint16
 * goes to a 16-bit PNG or TIFF as it is (lossless; scipy.misc.imsave had no 16-bit output).
 */
import { type NdArray, NdImageError, type NumericTypedArray } from '@ndimage/core-array';
import { checkOneOf, invalidArgument } from '@ndimage/core-array/internal';

/** A scaling policy. */
export type Scale = 'clip' | 'stretch' | 'none';

/** 8- or 16-bit samples, C order. */
export interface Samples {
  data: Uint8Array | Uint16Array;
  bits: 8 | 16;
}

/**
 * The samples of `a` (contiguous values) for a file holding `bits` per sample at most; `scale`
 * undefined is the default policy.
 */
export function toSamples(a: NdArray, scale: Scale | undefined, maxBits: 8 | 16, name: string): Samples {
  const policy = scale === undefined ? undefined : checkOneOf(scale, 'scale', ['clip', 'stretch', 'none']);
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
  if (a.dtype === 'uint16' && maxBits === 16 && policy !== 'stretch') {
    return { data: (values as Uint16Array).slice(off, off + n), bits: 16 };
  }
  if (policy === 'none') {
    throw new NdImageError(
      'ERR_DTYPE',
      `\`${name}\` has dtype ${a.dtype}, which this format cannot store without scaling (it takes uint8${maxBits === 16 ? ' or uint16' : ''}); pass scale: 'stretch' or 'clip'`,
      { argument: 'scale' },
    );
  }
  const read = (k: number): number => {
    const v = values[off + k] as number | bigint;
    return typeof v === 'bigint' ? Number(v) : v;
  };
  const stretch = policy !== 'clip';
  // NaN has no pixel value, and an infinite range no stretch: say where it is rather than write something.
  for (let k = 0; k < n; k++) {
    const v = read(k);
    if (Number.isNaN(v) || (stretch && !Number.isFinite(v))) throw notWritable(name, v, k, a.shape, stretch);
  }
  const out = new Uint8Array(n);
  if (!stretch) {
    for (let k = 0; k < n; k++) out[k] = Math.max(0, Math.min(rint(read(k)), 255));
    return { data: out, bits: 8 };
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const v = read(k);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // bytescale: scale = 255 / (max − min) in float64 (max − min = 1 for a constant image), then
  // (v − min)·scale, clipped to 0–255, + 0.5, truncated.
  if (a.dtype === 'float32') {
    // NumPy keeps float32 data float32: max − min is a float32 subtraction, and against the float64
    // scale (a scalar) every array step rounds to float32.
    const f = Math.fround;
    const span = f(hi - lo);
    const s32 = f(255 / (span === 0 ? 1 : span));
    for (let k = 0; k < n; k++) {
      const v = f(f(read(k) - lo) * s32);
      out[k] = Math.trunc(f(Math.max(0, Math.min(v, 255)) + 0.5));
    }
  } else {
    const scaleBy = 255 / (hi - lo === 0 ? 1 : hi - lo);
    // Integers exactly (SciPy subtracts in the integer type, which overflows for signed ranges
    // wider than the type: int8 −128…127 raises there), floats in float64.
    for (let k = 0; k < n; k++) {
      const v = (read(k) - lo) * scaleBy;
      out[k] = Math.trunc(Math.max(0, Math.min(v, 255)) + 0.5);
    }
  }
  return { data: out, bits: 8 };
}

/** The error for a value no pixel can hold, naming where it is (C-order index). */
function notWritable(name: string, value: number, k: number, shape: readonly number[], stretch: boolean): NdImageError {
  const at: number[] = [];
  let rest = k;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const len = shape[axis] as number;
    at.unshift(rest % len);
    rest = Math.floor(rest / len);
  }
  const e = invalidArgument(name, stretch ? 'finite to be stretched to 0–255' : 'free of NaN to be written', value);
  e.message += ` (at [${at.join(', ')}])`;
  return e;
}

/** Round half to even (NumPy's rint); ±Infinity stay infinite (then clamped). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
