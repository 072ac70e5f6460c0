/**
 * `distanceTransformBf`: SciPy's brute-force distance transform, with the distances computed the
 * fast way (they are the same numbers) and the feature transform by SciPy's brute force.
 */
import { asarray, NdArray, NdImageError } from '@ndimage/core-array';
import { allocate, checkOptions, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import {
  checkDistanceRequest,
  checkSampling,
  copyInto,
  type DistanceOutputOptions,
  type DistanceWithIndices,
  distanceResult,
  unravelFeatures,
} from './distance-outputs.js';
import { distanceTransformCdt } from './distance-transform-cdt.js';
import { distanceTransformEdt } from './distance-transform-edt.js';
import { foreground } from './foreground.js';
import type { ArrayInput } from './types.js';

/** The metrics of {@link distanceTransformBf} ('cityblock' and 'manhattan' are synonyms of 'taxicab'). */
export type BfMetric = 'euclidean' | 'taxicab' | 'cityblock' | 'manhattan' | 'chessboard';

/** Options of {@link distanceTransformBf}. */
export interface DistanceTransformBfOptions<M extends BfMetric = BfMetric> extends DistanceOutputOptions {
  /** @defaultValue 'euclidean' */
  metric?: M;
  /** Grid spacing, one positive number or one per axis; used by the Euclidean metric only (as SciPy). @defaultValue 1 */
  sampling?: number | readonly number[];
  /** An array of the input's shape to write the distances into: float64 for 'euclidean', uint32 otherwise. */
  distances?: NdArray;
}

/** The distance dtype of a metric: float64 for Euclidean, uint32 for the others. */
export type BfDType<M extends BfMetric> = M extends 'euclidean' ? 'float64' : 'uint32';

const BF_KEYS = optionKeys<DistanceTransformBfOptions>({
  metric: true,
  sampling: true,
  returnDistances: true,
  returnIndices: true,
  distances: true,
  indices: true,
});

const METRICS: readonly BfMetric[] = ['euclidean', 'taxicab', 'cityblock', 'manhattan', 'chessboard'];

/**
 * Most comparisons (object elements × background border elements) the brute-force feature
 * transform may make: about a second of work. Past it, `ERR_LIMIT` (SciPy would grind on).
 */
export const MAX_BF_COMPARISONS: number = 2 ** 30;

/**
 * Distance transform by brute force, in SciPy's three metrics: `'euclidean'` (float64 distances,
 * in units of `sampling`), `'taxicab'` and `'chessboard'` (uint32). Each nonzero element gets its
 * distance to the nearest zero element; with `returnIndices: true`, also that element's
 * coordinates, chosen as SciPy's brute force chooses (among equidistant ones, the last in C order).
 *
 * The distances are the exact ones, so they are computed by the linear-time transforms
 * ({@link distanceTransformEdt}, {@link distanceTransformCdt}) and equal SciPy's; only the feature
 * transform compares every object element with every background element that touches an object
 * (quadratic, as in SciPy, and refused with `ERR_LIMIT` past {@link MAX_BF_COMPARISONS}).
 * Without any zero element the distances are SciPy's "infinity": 1.3407807929942596e154
 * (√DBL_MAX) or 4294967295, and the indices 0.
 *
 * @returns The distances, or with `returnIndices: true` an object `{ distances, indices }`.
 * @throws NdImageError `ERR_INVALID_ARGUMENT` (unknown metric, bad `sampling`, output flags),
 *   `ERR_SHAPE`/`ERR_DTYPE` for output arrays, `ERR_LIMIT` for a feature transform too large to
 *   brute-force.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[0, 1, 1, 1], [0, 1, 1, 1], [0, 1, 1, 0]]);
 * distanceTransformBf(a).index(0).toArray(); // [0, 1, 2, 2]
 * distanceTransformBf(a, { returnIndices: true }).indices.index(1, 0).toArray(); // [0, 0, 0, 3]
 * ```
 * @see scipy.ndimage.distance_transform_bf
 */
export function distanceTransformBf<M extends BfMetric = 'euclidean'>(
  input: ArrayInput,
  options?: DistanceTransformBfOptions<M> & { returnIndices?: false },
): NdArray<BfDType<M>>;
export function distanceTransformBf<M extends BfMetric = 'euclidean'>(
  input: ArrayInput,
  options: DistanceTransformBfOptions<M> & { returnIndices: true },
): DistanceWithIndices<BfDType<M>>;
export function distanceTransformBf(
  input: ArrayInput,
  options?: DistanceTransformBfOptions,
): NdArray<'float64' | 'uint32'> | DistanceWithIndices<'float64' | 'uint32'>;
export function distanceTransformBf(
  input: ArrayInput,
  options?: DistanceTransformBfOptions,
): NdArray<'float64' | 'uint32'> | DistanceWithIndices<'float64' | 'uint32'> {
  const o = checkOptions(options, BF_KEYS);
  const a = asarray(input as never);
  const shape = [...a.shape];
  const nd = shape.length;
  const metric = o.metric ?? 'euclidean';
  if (!(METRICS as readonly string[]).includes(metric as string)) {
    throw invalidArgument('metric', "'euclidean', 'taxicab' (or 'cityblock', 'manhattan') or 'chessboard'", metric);
  }
  const euclidean = metric === 'euclidean';
  const dtype = euclidean ? 'float64' : 'uint32';
  const req = checkDistanceRequest(o, shape, dtype, [nd, ...shape]);
  const sampling = checkSampling(o.sampling, nd);
  const fg = foreground(a);
  let background = false;
  for (let p = 0; p < fg.length && !background; p++) background = fg[p] === 0;
  let distances: NdArray<'float64' | 'uint32'> | undefined;
  if (req.wantDistances) {
    distances = bfDistances(a, fg, shape, metric as BfMetric, sampling, background);
    if (req.distances) {
      copyInto(distances, req.distances);
      distances = req.distances as NdArray<'float64' | 'uint32'>;
    }
  }
  let indices: NdArray<'int32'> | undefined;
  if (req.wantIndices) {
    const ft = background ? bruteFeatures(fg, shape, metric as BfMetric, sampling) : allocate('int32', fg.length);
    indices = unravelFeatures(ft, shape, req.indices);
  }
  return distanceResult(req, distances, indices);
}

/** The exact distances, by the linear-time transforms (SciPy's brute force finds the same minimum). */
function bfDistances(
  a: NdArray,
  fg: Uint8Array,
  shape: number[],
  metric: BfMetric,
  sampling: Float64Array | undefined,
  background: boolean,
): NdArray<'float64' | 'uint32'> {
  const size = fg.length;
  if (metric === 'euclidean') {
    if (!background || shape.length === 0) {
      // SciPy's DBL_MAX start value survives: sqrt(DBL_MAX) for every object element.
      const d = allocate('float64', size);
      for (let p = 0; p < size; p++) d[p] = fg[p] ? Math.sqrt(Number.MAX_VALUE) : 0;
      return new NdArray(d, shape, { dtype: 'float64' });
    }
    return distanceTransformEdt(a, { sampling: sampling === undefined ? undefined : [...sampling] });
  }
  const d = allocate('uint32', size);
  if (!background || shape.length === 0) {
    for (let p = 0; p < size; p++) d[p] = fg[p] ? 0xffffffff : 0;
  } else {
    const chamfer = distanceTransformCdt(a, { metric: metric === 'chessboard' ? 'chessboard' : 'taxicab' });
    d.set(chamfer.data as Int32Array);
  }
  return new NdArray(d, shape, { dtype: 'uint32' });
}

/**
 * SciPy's brute-force feature transform: the background elements that touch an object (8- or
 * 26-connected) are listed in C order; each object element takes the one at the smallest distance,
 * scanning the list from its end and keeping the first minimum (so ties go to the last in C order).
 * The Euclidean distance is Σ ((x_k − b_k)·s_k)² in float64, as SciPy sums it.
 */
function bruteFeatures(
  fg: Uint8Array,
  shape: number[],
  metric: BfMetric,
  sampling: Float64Array | undefined,
): Int32Array {
  const nd = shape.length;
  const size = fg.length;
  const ft = allocate('int32', size);
  if (nd === 0) return ft;
  const strides = new Array<number>(nd);
  let acc = 1;
  for (let k = nd - 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= shape[k] as number;
  }
  const coords = (p: number, out: Int32Array, at: number): void => {
    let f = p;
    for (let k = 0; k < nd; k++) {
      const c = Math.floor(f / (strides[k] as number));
      out[at + k] = c;
      f -= c * (strides[k] as number);
    }
  };
  // The border list: background elements with an object element among their 3^nd neighbours.
  const border: number[] = [];
  let objects = 0;
  const c = new Int32Array(nd);
  for (let p = 0; p < size; p++) {
    if (fg[p]) {
      objects++;
      continue;
    }
    coords(p, c, 0);
    if (touchesObject(fg, shape, strides, c)) border.push(p);
  }
  if (objects * border.length > MAX_BF_COMPARISONS) {
    throw new NdImageError(
      'ERR_LIMIT',
      `distanceTransformBf's feature transform would compare ${objects} object elements with ${border.length} border elements (more than ${MAX_BF_COMPARISONS} comparisons); distanceTransformEdt and distanceTransformCdt compute indices in linear time`,
      { argument: 'input' },
    );
  }
  const m = border.length;
  const bc = new Int32Array(m * nd);
  for (let i = 0; i < m; i++) coords(border[i] as number, bc, i * nd);
  const mode = metric === 'euclidean' ? 0 : metric === 'chessboard' ? 2 : 1;
  for (let p = 0; p < size; p++) {
    if (!fg[p]) {
      ft[p] = p;
      continue;
    }
    coords(p, c, 0);
    let best = Number.POSITIVE_INFINITY;
    let at = 0;
    for (let i = m - 1; i >= 0; i--) {
      let d = 0;
      const base = i * nd;
      if (mode === 0) {
        for (let k = 0; k < nd; k++) {
          let t = (c[k] as number) - (bc[base + k] as number);
          if (sampling) t *= sampling[k] as number;
          d += t * t;
        }
      } else {
        for (let k = 0; k < nd; k++) {
          const t = Math.abs((c[k] as number) - (bc[base + k] as number));
          if (mode === 1) d += t;
          else if (t > d) d = t;
        }
      }
      if (d < best) {
        best = d;
        at = border[i] as number;
      }
    }
    ft[p] = at;
  }
  return ft;
}

/** Whether any of the 3^nd neighbours of `c` (inside the array) is an object element. */
function touchesObject(fg: Uint8Array, shape: number[], strides: number[], c: Int32Array): boolean {
  const nd = shape.length;
  const d = new Int32Array(nd).fill(-1);
  for (;;) {
    let at = 0;
    let inside = true;
    for (let k = 0; k < nd; k++) {
      const x = (c[k] as number) + (d[k] as number);
      if (x < 0 || x >= (shape[k] as number)) {
        inside = false;
        break;
      }
      at += x * (strides[k] as number);
    }
    if (inside && fg[at]) return true;
    let k = nd - 1;
    for (; k >= 0; k--) {
      d[k] = (d[k] as number) + 1;
      if ((d[k] as number) <= 1) break;
      d[k] = -1;
    }
    if (k < 0) return false;
  }
}
