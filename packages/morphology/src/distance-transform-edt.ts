/**
 * `distanceTransformEdt`: SciPy's exact Euclidean distance transform and feature transform.
 */
import { asarray, NdArray } from '@ndimage/core-array';
import { allocate, checkOptions, optionKeys } from '@ndimage/core-array/internal';
import {
  checkDistanceRequest,
  checkSampling,
  copyInto,
  type DistanceOutputOptions,
  type DistanceWithIndices,
  distanceResult,
} from './distance-outputs.js';
import { edtPasses } from './edt-kernel.js';
import { foregroundView } from './foreground.js';
import type { ArrayInput } from './types.js';

/** Options of {@link distanceTransformEdt}. */
export interface DistanceTransformEdtOptions extends DistanceOutputOptions {
  /** Grid spacing: one positive number for every axis, or one per axis. @defaultValue 1 on every axis */
  sampling?: number | readonly number[];
  /** A float64 array of the input's shape to write the distances into (and return). */
  distances?: NdArray;
}

const EDT_KEYS = optionKeys<DistanceTransformEdtOptions>({
  sampling: true,
  returnDistances: true,
  returnIndices: true,
  distances: true,
  indices: true,
});

/**
 * Exact Euclidean distance transform: each nonzero element of `input` gets its distance to the
 * nearest zero element (zeros get 0), in units of `sampling`. With `returnIndices: true` also the
 * feature transform: `indices[k]` holds the axis-k coordinate of that nearest zero element, with
 * SciPy's choice among equidistant ones.
 *
 * Linear time in the number of elements, any rank (Maurer's separable algorithm, as SciPy). The
 * distances are float64 and bit-identical to SciPy's; indices are int32.
 *
 * As in SciPy: a 0-d input is treated as shape `[1]`; without any zero element the "nearest"
 * element is taken to be `[-1, 0, …]` (`indices[0]` is −1 everywhere, the other rows stay as they
 * were — zeros in a new array, the caller's values in a given one), and the distances measure to it.
 *
 * @returns The distances (float64), or with `returnIndices: true` an object `{ distances, indices }`
 *   (`distances` omitted when `returnDistances` is false). Given `distances`/`indices` arrays are
 *   filled and returned.
 * @throws NdImageError `ERR_INVALID_ARGUMENT` (no result asked for, a non-positive `sampling`, an
 *   output array without its flag), `ERR_SHAPE`/`ERR_DTYPE` for output arrays (`distances`:
 *   float64 of the input's shape; `indices`: int32 of shape `[ndim, ...shape]`), `ERR_LIMIT` when
 *   the results cannot be allocated.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[0, 1, 1, 1, 1], [0, 0, 1, 1, 1], [0, 1, 1, 1, 1], [0, 1, 1, 1, 0], [0, 1, 1, 0, 0]]);
 * distanceTransformEdt(a).index(0).toArray(); // [0, 1, 1.4142135623730951, 2.23606797749979, 3]
 * distanceTransformEdt(a, { sampling: [2, 1] }).index(0).toArray(); // [0, 1, 2, 2.8284271247461903, 3.605551275463989]
 * distanceTransformEdt(a, { returnIndices: true }).indices.index(0, 0).toArray(); // [0, 0, 1, 1, 3]
 * ```
 * @see scipy.ndimage.distance_transform_edt
 */
export function distanceTransformEdt(
  input: ArrayInput,
  options?: DistanceTransformEdtOptions & { returnIndices?: false },
): NdArray<'float64'>;
export function distanceTransformEdt(
  input: ArrayInput,
  options: DistanceTransformEdtOptions & { returnIndices: true },
): DistanceWithIndices<'float64'>;
export function distanceTransformEdt(
  input: ArrayInput,
  options?: DistanceTransformEdtOptions,
): NdArray<'float64'> | DistanceWithIndices<'float64'>;
export function distanceTransformEdt(
  input: ArrayInput,
  options?: DistanceTransformEdtOptions,
): NdArray<'float64'> | DistanceWithIndices<'float64'> {
  const o = checkOptions(options, EDT_KEYS);
  let a = asarray(input as never);
  if (a.ndim === 0) a = a.reshape([1]); // numpy.atleast_1d
  const shape = [...a.shape];
  const req = checkDistanceRequest(o, shape, 'float64');
  const sampling = checkSampling(o.sampling, shape.length);
  const size = a.size;
  const sq = allocate('float64', size);
  const idx = req.wantIndices ? allocate('int32', shape.length * size) : undefined;
  if (size > 0 && !edtPasses(foregroundView(a), shape, sampling, { sq, idx })) {
    return noBackground(req, shape, sampling);
  }
  let indices: NdArray<'int32'> | undefined;
  if (idx) {
    indices = new NdArray(idx, [shape.length, ...shape], { dtype: 'int32' });
    if (req.indices) {
      copyInto(indices, req.indices);
      indices = req.indices as NdArray<'int32'>;
    }
  }
  let distances: NdArray<'float64'> | undefined;
  if (req.wantDistances) {
    sqrtInPlace(sq);
    distances = new NdArray(sq, shape, { dtype: 'float64' });
    if (req.distances) {
      copyInto(distances, req.distances);
      distances = req.distances as NdArray<'float64'>;
    }
  }
  return distanceResult(req, distances, indices);
}

/**
 * SciPy's answer when nothing is background: its feature transform leaves −1 in `indices[0]` and
 * the other rows untouched, and the distances are computed from those (int32 differences, as NumPy).
 */
function noBackground(
  req: ReturnType<typeof checkDistanceRequest>,
  shape: number[],
  sampling: Float64Array | undefined,
): NdArray<'float64'> | DistanceWithIndices<'float64'> {
  const nd = shape.length;
  const size = shape.reduce((p, n) => p * n, 1);
  const ft = new NdArray(allocate('int32', nd * size), [nd, ...shape], { dtype: 'int32' });
  if (req.indices) copyFrom(req.indices, ft);
  const f = ft.data as Int32Array;
  f.fill(-1, 0, size);
  if (req.indices) copyInto(ft, req.indices);
  let distances: NdArray<'float64'> | undefined;
  if (req.wantDistances) {
    const d = allocate('float64', size);
    const idx = new Array<number>(nd).fill(0);
    for (let p = 0; p < size; p++) {
      let sum = 0;
      for (let k = 0; k < nd; k++) {
        let t = ((f[k * size + p] as number) - (idx[k] as number)) | 0;
        if (sampling) t *= sampling[k] as number;
        sum += t * t;
      }
      d[p] = Math.sqrt(sum);
      for (let k = nd - 1; k >= 0; k--) {
        idx[k] = (idx[k] as number) + 1;
        if ((idx[k] as number) < (shape[k] as number)) break;
        idx[k] = 0;
      }
    }
    distances = new NdArray(d, shape, { dtype: 'float64' });
    if (req.distances) {
      copyInto(distances, req.distances);
      distances = req.distances as NdArray<'float64'>;
    }
  }
  return distanceResult(req, distances, req.wantIndices ? ((req.indices ?? ft) as NdArray<'int32'>) : undefined);
}

/** Copies an int32 array of any layout into the C-contiguous `dst`. */
function copyFrom(src: NdArray, dst: NdArray): void {
  const c = src.toContiguous();
  (dst.data as Int32Array).set((c.data as Int32Array).subarray(c.offset, c.offset + c.size));
}

function sqrtInPlace(a: Float64Array): void {
  for (let p = 0; p < a.length; p++) a[p] = Math.sqrt(a[p] as number);
}
