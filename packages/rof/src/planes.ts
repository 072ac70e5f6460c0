/**
 * Images as the solvers see them: one contiguous float plane per channel. `[h, w]` is one plane;
 * `[h, w, c]` (channels last, as image readers return colour) is c planes.
 */
import { asarray, NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import { describeValue } from '@ndimage/core-array/internal';
import { notFinite, type Precision } from './options.js';

/** Float storage of a plane. */
export type Plane = Float64Array | Float32Array;

/** An image split into planes. */
export interface Planes {
  h: number;
  w: number;
  planes: Plane[];
  /** The input's shape (`[h, w]` or `[h, w, c]`). */
  shape: number[];
}

/**
 * Reads `input` (rank 2, or rank 3 with channels last) into float planes, checking that every
 * value is finite. A contiguous float64 grey image of float64 precision is read in place (the
 * solvers never write their input).
 */
export function readPlanes(input: NdArrayLike, name: string, precision: Precision): Planes {
  const a = asarray(input);
  if (a.ndim !== 2 && a.ndim !== 3)
    throw new NdImageError(
      'ERR_SHAPE',
      `\`${name}\` must be an image, [h, w] or [h, w, channels]; got shape ${describeValue([...a.shape])}`,
      { argument: name },
    );
  const [h, w] = a.shape as [number, number];
  const channels = a.ndim === 3 ? (a.shape[2] as number) : 1;
  // An empty image (0 × w, h × 0, or no channels) gives empty planes: its denoising is empty too.
  const float = a.dtype === precision ? a.toContiguous() : a.astype(precision);
  const data = float.data as Plane;
  const off = float.offset;
  const n = h * w;
  const planes: Plane[] = [];
  // One channel: the contiguous float data itself (the input's own, when it already was).
  if (channels === 1) planes.push(data.subarray(off, off + n));
  else {
    for (let c = 0; c < channels; c++) {
      const p = precision === 'float32' ? new Float32Array(n) : new Float64Array(n);
      for (let k = 0; k < n; k++) p[k] = data[off + k * channels + c] as number;
      planes.push(p);
    }
  }
  for (let c = 0; c < planes.length; c++) {
    const p = planes[c] as Plane;
    for (let k = 0; k < n; k++) {
      if (!Number.isFinite(p[k] as number)) {
        const at = [Math.floor(k / w), k % w];
        throw notFinite(name, p[k] as number, channels === 1 ? at : [...at, c]);
      }
    }
  }
  return { h, w, planes, shape: [...a.shape] };
}

/** Planes back into one array of `shape` (`[h, w]` or `[h, w, c]`) and the planes' precision. */
export function toArray(planes: Plane[], shape: readonly number[], precision: Precision): NdArray<Precision> {
  const n = (shape[0] as number) * (shape[1] as number);
  const channels = planes.length;
  if (channels === 1) return new NdArray(planes[0] as Plane, [...shape], { dtype: precision });
  const out = precision === 'float32' ? new Float32Array(n * channels) : new Float64Array(n * channels);
  for (let c = 0; c < channels; c++) {
    const p = planes[c] as Plane;
    for (let k = 0; k < n; k++) out[k * channels + c] = p[k] as number;
  }
  return new NdArray(out, [...shape], { dtype: precision });
}

/** A new plane of the precision, zeros. */
export function newPlane(n: number, precision: Precision): Plane {
  return precision === 'float32' ? new Float32Array(n) : new Float64Array(n);
}
