/**
 * Measurements over a label image (SciPy's `sum_labels`, `mean`, `variance`, …): one value for the
 * whole input (no `labels`), for every label > 0 together (no `index`), for one label, or one per
 * label of a list.
 *
 * SciPy computes a single group with NumPy's pairwise sums and a list of labels with `bincount`
 * (one running sum per label, in raster order); so does this module, so results agree to the last
 * bit for float64 and integer data.
 */

import { array, type DType, NdImageError, sum as pairwiseSum } from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import {
  coordinates,
  groupsOf,
  type Index,
  type MeasureData,
  measureData,
  perIndex,
  readIndex,
} from './measure-data.js';
import type { ArrayInput } from './types.js';

/** Selected values of one group, in raster order. */
function selected(d: MeasureData, group: Int32Array, g: number): { values: Float64Array; positions: Int32Array } {
  let n = 0;
  for (let k = 0; k < group.length; k++) if (group[k] === g) n++;
  const values = new Float64Array(n);
  const positions = new Int32Array(n);
  let j = 0;
  for (let k = 0; k < group.length; k++) {
    if (group[k] === g) {
      values[j] = d.values[k] as number;
      positions[j++] = k;
    }
  }
  return { values, positions };
}

/** NumPy's pairwise sum of float64 values. */
function psum(v: Float64Array): number {
  return v.length === 0 ? 0 : (pairwiseSum(array(v)) as number);
}

/** Per-group count and running sum (bincount). */
function bincount(
  d: MeasureData,
  group: Int32Array,
  groups: number,
  weights?: Float64Array,
): { counts: Float64Array; sums: Float64Array } {
  const counts = new Float64Array(groups);
  const sums = new Float64Array(groups);
  const w = weights ?? d.values;
  for (let k = 0; k < group.length; k++) {
    const g = group[k] as number;
    if (g < 0) continue;
    counts[g] = (counts[g] as number) + 1;
    sums[g] = (sums[g] as number) + (w[k] as number);
  }
  return { counts, sums };
}

function measure(
  input: ArrayInput,
  labels: ArrayInput | undefined,
  index: Index,
  single: (values: Float64Array, d: MeasureData, positions: Int32Array) => number,
  many: (d: MeasureData, group: Int32Array, count: number) => number[],
): number | number[] {
  const d = measureData(input, labels);
  const idx = readIndex(index);
  const { group, count } = groupsOf(d, idx);
  if (idx === undefined || idx.scalar) {
    const { values, positions } = selected(d, group, 0);
    return single(values, d, positions);
  }
  return perIndex(idx, many(d, group, count));
}

const isInteger = (dtype: DType): boolean => dtype !== 'float32' && dtype !== 'float64';

/**
 * Sum of the values of each label (SciPy's `sum_labels`, also `ndimage.sum`). A list of labels
 * gives float sums, and 0 for a label that does not occur.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]]);
 * const lbl = array([[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]]);
 * sumLabels(a);                       // 34
 * sumLabels(a, lbl, 1);               // 11
 * sumLabels(a, lbl, [1, 2, 3, 7]);    // [11, 11, 12, 0]
 * ```
 * @see scipy.ndimage.sum_labels
 */
export function sumLabels(input: ArrayInput, labels?: ArrayInput, index?: number): number;
export function sumLabels(input: ArrayInput, labels: ArrayInput | undefined, index: readonly number[]): number[];
export function sumLabels(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[];
export function sumLabels(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[] {
  return measure(
    input,
    labels,
    index,
    (v) => psum(v),
    (d, group, count) => Array.from(bincount(d, group, count).sums),
  );
}

/** `ndimage.sum`: the same as {@link sumLabels}. @example `sum(array([1, 2]), array([1, 1]), 1); // 3` */
export const sum: typeof sumLabels = sumLabels;

/**
 * Mean of the values of each label (NaN for a label that does not occur).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]]);
 * const lbl = array([[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]]);
 * mean(a, lbl, [1, 2, 3, 7]); // [2.75, 5.5, 6, NaN]
 * mean(a, lbl);               // 4.25
 * ```
 * @see scipy.ndimage.mean
 */
export function mean(input: ArrayInput, labels?: ArrayInput, index?: number): number;
export function mean(input: ArrayInput, labels: ArrayInput | undefined, index: readonly number[]): number[];
export function mean(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[];
export function mean(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[] {
  return measure(
    input,
    labels,
    index,
    (v) => psum(v) / v.length,
    (d, group, count) => {
      const { counts, sums } = bincount(d, group, count);
      return Array.from(sums, (s, i) => s / (counts[i] as number));
    },
  );
}

/** Σ(x − mean)² per group, as SciPy's centred statistics. */
function centred(d: MeasureData, group: Int32Array, count: number): { counts: Float64Array; sq: Float64Array } {
  const { counts, sums } = bincount(d, group, count);
  const means = sums.map((s, i) => s / (counts[i] as number));
  const sq = new Float64Array(count);
  for (let k = 0; k < group.length; k++) {
    const g = group[k] as number;
    if (g < 0) continue;
    const c = (d.values[k] as number) - (means[g] as number);
    sq[g] = (sq[g] as number) + c * c;
  }
  return { counts, sq };
}

function singleVariance(v: Float64Array): number {
  const m = psum(v) / v.length;
  const c = v.map((x) => (x - m) * (x - m));
  return psum(c) / v.length;
}

/**
 * Population variance (÷ n) of the values of each label, computed in two passes as SciPy.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]]);
 * const lbl = array([[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]]);
 * variance(a);                    // 7.609375
 * variance(a, lbl, [1, 2, 3]);    // [2.1875, 2.25, 9]
 * ```
 * @see scipy.ndimage.variance
 */
export function variance(input: ArrayInput, labels?: ArrayInput, index?: number): number;
export function variance(input: ArrayInput, labels: ArrayInput | undefined, index: readonly number[]): number[];
export function variance(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[];
export function variance(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[] {
  return measure(input, labels, index, singleVariance, (d, group, count) => {
    const { counts, sq } = centred(d, group, count);
    return Array.from(sq, (s, i) => s / (counts[i] as number));
  });
}

/**
 * Standard deviation (√variance) of the values of each label.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * standardDeviation(array([1, 2, 3, 4]), array([1, 1, 2, 2]), [1, 2]); // [0.5, 0.5]
 * ```
 * @see scipy.ndimage.standard_deviation
 */
export function standardDeviation(input: ArrayInput, labels?: ArrayInput, index?: number): number;
export function standardDeviation(
  input: ArrayInput,
  labels: ArrayInput | undefined,
  index: readonly number[],
): number[];
export function standardDeviation(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[];
export function standardDeviation(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[] {
  const v = variance(input, labels, index);
  return typeof v === 'number' ? Math.sqrt(v) : v.map(Math.sqrt);
}

/** The value as an element of the input's dtype (min/max results keep the dtype). */
function asDtype(v: number, dtype: DType): number {
  return dtype === 'float32' ? Math.fround(v) : dtype === 'bool' ? (v ? 1 : 0) : v;
}

function missing(what: string, index: Index): never {
  throw new NdImageError('ERR_INVALID_ARGUMENT', `${what}: label ${describe(index)} does not occur in \`labels\``, {
    argument: 'index',
  });
}

const describe = (index: Index): string => (typeof index === 'number' ? String(index) : 'selection');

/** Index of the extremum of each group (first in raster order for a single group; NaN wins, as NumPy). */
function extremumOf(v: Float64Array, minimum: boolean): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) {
    const x = v[i] as number;
    const b = v[best] as number;
    if (Number.isNaN(b)) break;
    if (Number.isNaN(x) || (minimum ? x < b : x > b)) best = i;
  }
  return best;
}

function extremaMany(
  d: MeasureData,
  group: Int32Array,
  count: number,
  minimum: boolean,
): { value: number[]; position: number[] } {
  const best = new Int32Array(count).fill(-1);
  for (let k = 0; k < group.length; k++) {
    const g = group[k] as number;
    if (g < 0) continue;
    const b = best[g] as number;
    const x = d.values[k] as number;
    if (b < 0 || (minimum ? x < (d.values[b] as number) : x > (d.values[b] as number))) best[g] = k;
  }
  return {
    value: Array.from(best, (b) => (b < 0 ? 0 : asDtype(d.values[b] as number, d.dtype))),
    position: Array.from(best, (b) => Math.max(b, 0)),
  };
}

/**
 * Minimum of the values of each label, in the input's dtype (0 for a listed label that does not
 * occur; a single label that does not occur is an error, as SciPy's empty reduction).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]]);
 * const lbl = array([[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]]);
 * minimum(a, lbl, [1, 2, 3, 7]); // [1, 4, 3, 0]
 * ```
 * @see scipy.ndimage.minimum
 */
export function minimum(input: ArrayInput, labels?: ArrayInput, index?: number): number;
export function minimum(input: ArrayInput, labels: ArrayInput | undefined, index: readonly number[]): number[];
export function minimum(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[];
export function minimum(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[] {
  return measure(
    input,
    labels,
    index,
    (v, d) => (v.length === 0 ? missing('minimum', index) : asDtype(v[extremumOf(v, true)] as number, d.dtype)),
    (d, group, count) => extremaMany(d, group, count, true).value,
  );
}

/**
 * Maximum of the values of each label; see {@link minimum}.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * maximum(array([1, 5, 2, 7]), array([1, 1, 2, 2]), [1, 2]); // [5, 7]
 * ```
 * @see scipy.ndimage.maximum
 */
export function maximum(input: ArrayInput, labels?: ArrayInput, index?: number): number;
export function maximum(input: ArrayInput, labels: ArrayInput | undefined, index: readonly number[]): number[];
export function maximum(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[];
export function maximum(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[] {
  return measure(
    input,
    labels,
    index,
    (v, d) => (v.length === 0 ? missing('maximum', index) : asDtype(v[extremumOf(v, false)] as number, d.dtype)),
    (d, group, count) => extremaMany(d, group, count, false).value,
  );
}

function singlePosition(
  v: Float64Array,
  d: MeasureData,
  positions: Int32Array,
  minimum: boolean,
  what: string,
  index: Index,
): number[] {
  if (v.length === 0) missing(what, index);
  return coordinates(positions[extremumOf(v, minimum)] as number, d.shape);
}

/**
 * Coordinates of the minimum of each label (the first in raster order for a single group; for a
 * list of labels SciPy picks among ties through an unstable sort, here the first).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * minimumPosition(array([[5, 1], [0, 2]]));                      // [1, 0]
 * minimumPosition(array([[5, 1], [0, 2]]), array([[1, 1], [2, 2]]), [1, 2]); // [[0, 1], [1, 0]]
 * ```
 * @see scipy.ndimage.minimum_position
 */
export function minimumPosition(input: ArrayInput, labels?: ArrayInput, index?: number): number[];
export function minimumPosition(
  input: ArrayInput,
  labels: ArrayInput | undefined,
  index: readonly number[],
): number[][];
export function minimumPosition(input: ArrayInput, labels?: ArrayInput, index?: Index): number[] | number[][];
export function minimumPosition(input: ArrayInput, labels?: ArrayInput, index?: Index): number[] | number[][] {
  return positionOf(input, labels, index, true, 'minimumPosition');
}

/**
 * Coordinates of the maximum of each label; see {@link minimumPosition}.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * maximumPosition(array([[5, 1], [0, 2]])); // [0, 0]
 * ```
 * @see scipy.ndimage.maximum_position
 */
export function maximumPosition(input: ArrayInput, labels?: ArrayInput, index?: number): number[];
export function maximumPosition(
  input: ArrayInput,
  labels: ArrayInput | undefined,
  index: readonly number[],
): number[][];
export function maximumPosition(input: ArrayInput, labels?: ArrayInput, index?: Index): number[] | number[][];
export function maximumPosition(input: ArrayInput, labels?: ArrayInput, index?: Index): number[] | number[][] {
  return positionOf(input, labels, index, false, 'maximumPosition');
}

function positionOf(
  input: ArrayInput,
  labels: ArrayInput | undefined,
  index: Index,
  min: boolean,
  what: string,
): number[] | number[][] {
  const d = measureData(input, labels);
  const idx = readIndex(index);
  const { group, count } = groupsOf(d, idx);
  if (idx === undefined || idx.scalar) {
    const { values, positions } = selected(d, group, 0);
    return singlePosition(values, d, positions, min, what, index);
  }
  const many = extremaMany(d, group, count, min);
  return perIndex(
    idx,
    many.position.map((p) => coordinates(p, d.shape)),
  );
}

/**
 * Minimum, maximum and their positions in one call (SciPy returns the tuple
 * `(min, max, min_position, max_position)`).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * extrema(array([[5, 1], [0, 2]])); // { min: 0, max: 5, minPosition: [1, 0], maxPosition: [0, 0] }
 * ```
 * @see scipy.ndimage.extrema
 */
export function extrema(
  input: ArrayInput,
  labels?: ArrayInput,
  index?: Index,
): {
  min: number | number[];
  max: number | number[];
  minPosition: number[] | number[][];
  maxPosition: number[] | number[][];
} {
  return {
    min: minimum(input, labels, index),
    max: maximum(input, labels, index),
    minPosition: minimumPosition(input, labels, index),
    maxPosition: maximumPosition(input, labels, index),
  };
}

/**
 * Median of the values of each label; an even count averages the two middle values. For a listed
 * label that does not occur SciPy returns an arbitrary value (the smallest value of the smallest
 * label present); this does the same, to stay identical.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]]);
 * const lbl = array([[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]]);
 * median(a, lbl, [1, 2, 3]); // [2.5, 5.5, 6]
 * ```
 * @see scipy.ndimage.median
 */
export function median(input: ArrayInput, labels?: ArrayInput, index?: number): number;
export function median(input: ArrayInput, labels: ArrayInput | undefined, index: readonly number[]): number[];
export function median(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[];
export function median(input: ArrayInput, labels?: ArrayInput, index?: Index): number | number[] {
  const f32 = (x: number, d: MeasureData) => (d.dtype === 'float32' ? Math.fround(x) : x);
  return measure(
    input,
    labels,
    index,
    (v, d) => {
      if (v.length === 0) return Number.NaN;
      const s = v.slice().sort(numeric);
      const n = s.length;
      if (n % 2 === 1) return s[n >> 1] as number;
      return f32(f32((s[(n >> 1) - 1] as number) + (s[n >> 1] as number), d) / 2, d);
    },
    (d, group, count) => {
      const buckets: number[][] = Array.from({ length: count }, () => []);
      for (let k = 0; k < group.length; k++) {
        const g = group[k] as number;
        if (g >= 0) (buckets[g] as number[]).push(d.values[k] as number);
      }
      // SciPy's value for a missing label: the first element after sorting by (label, value).
      let fallback = Number.NaN;
      if (d.labels !== undefined && d.values.length > 0) {
        let best = 0;
        for (let k = 1; k < d.values.length; k++) {
          const l = d.labels[k] as number;
          const bl = d.labels[best] as number;
          if (l < bl || (l === bl && (d.values[k] as number) < (d.values[best] as number))) best = k;
        }
        fallback = d.values[best] as number;
      }
      return buckets.map((b) => {
        if (b.length === 0) return fallback;
        b.sort(numeric);
        const n = b.length;
        const lo = b[(n - 1) >> 1] as number;
        const hi = b[n >> 1] as number;
        return isInteger(d.dtype) ? (lo + hi) / 2 : f32(f32(lo + hi, d) / 2, d);
      });
    },
  );
}

const numeric = (a: number, b: number): number =>
  a < b ? -1 : a > b ? 1 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : 0;

/**
 * Centre of mass of each label: Σ value·coordinate / Σ value per axis (values may be negative).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]]);
 * centerOfMass(a); // [1.8235294117647058, 1.2058823529411764]
 * ```
 * @see scipy.ndimage.center_of_mass
 */
export function centerOfMass(input: ArrayInput, labels?: ArrayInput, index?: number): number[];
export function centerOfMass(input: ArrayInput, labels: ArrayInput | undefined, index: readonly number[]): number[][];
export function centerOfMass(input: ArrayInput, labels?: ArrayInput, index?: Index): number[] | number[][];
export function centerOfMass(input: ArrayInput, labels?: ArrayInput, index?: Index): number[] | number[][] {
  const d = measureData(input, labels);
  const idx = readIndex(index);
  const { group, count } = groupsOf(d, idx);
  const nd = d.shape.length;
  const weighted = (axis: number): Float64Array => {
    const w = new Float64Array(d.values.length);
    for (let k = 0; k < w.length; k++) w[k] = (d.values[k] as number) * (coordinates(k, d.shape)[axis] as number);
    return w;
  };
  if (idx === undefined || idx.scalar) {
    const { values, positions } = selected(d, group, 0);
    const total = psum(values);
    const out: number[] = [];
    for (let ax = 0; ax < nd; ax++) {
      const w = weighted(ax);
      out.push(psum(Float64Array.from(positions, (p) => w[p] as number)) / total);
    }
    return out;
  }
  const { sums } = bincount(d, group, count);
  const perAxis = Array.from({ length: nd }, (_, ax) => bincount(d, group, count, weighted(ax)).sums);
  return perIndex(
    idx,
    Array.from({ length: count }, (_, g) => perAxis.map((s) => (s[g] as number) / (sums[g] as number))),
  );
}

/**
 * Histogram of the values of each label: `bins` equal bins from `min` to `max` (the last bin
 * includes `max`; values outside are not counted), NumPy's edges. For a list of labels, a label
 * that does not occur gets `null`.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * histogram(array([0, 5, 10, 11, -1]), 0, 10, 2); // [1, 2]
 * ```
 * @see scipy.ndimage.histogram
 */
export function histogram(
  input: ArrayInput,
  min: number,
  max: number,
  bins: number,
  labels?: ArrayInput,
  index?: Index,
): number[] | (number[] | null)[] {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new NdImageError('ERR_INVALID_ARGUMENT', `\`bins\` must be an integer ≥ 1; got ${bins}`, {
      argument: 'bins',
    });
  }
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min <= max)) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`min\` and \`max\` must be finite with min ≤ max; got ${min}, ${max}`,
      { argument: 'min' },
    );
  }
  // numpy.linspace(min, max, bins + 1): i·step + min, the last edge exactly max.
  const step = (max - min) / bins;
  const edges = Float64Array.from(
    { length: bins + 1 },
    (_, i) => (step === 0 ? (i / bins) * (max - min) : i * step) + min,
  );
  edges[bins] = max;
  const binOf = (x: number): number => {
    if (!(x >= (edges[0] as number) && x <= (edges[bins] as number))) return -1;
    // The last edge closes the last bin; otherwise edges[i] ≤ x < edges[i+1] (searchsorted).
    let lo = 0;
    let hi = bins;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x >= (edges[mid] as number)) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const d = measureData(input, labels);
  const idx = readIndex(index);
  const { group, count } = groupsOf(d, idx);
  const hist = Array.from({ length: count }, () => new Array<number>(bins).fill(0));
  const seen = new Uint8Array(count);
  for (let k = 0; k < group.length; k++) {
    const g = group[k] as number;
    if (g < 0) continue;
    seen[g] = 1;
    const b = binOf(d.values[k] as number);
    if (b >= 0) (hist[g] as number[])[b] = ((hist[g] as number[])[b] as number) + 1;
  }
  if (idx === undefined || idx.scalar) return hist[0] as number[];
  // A listed label that does not occur gets null (SciPy: None).
  return perIndex(
    idx,
    hist.map((h, g) => (seen[g] ? h : null)),
  );
}

/**
 * Bounding box of every label 1 … `maxLabel` (default: the largest label): per axis
 * `[start, stop)`, or `null` for a label that does not occur. Labels ≤ 0 are ignored.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * findObjects(array([[1, 1, 0, 0], [1, 1, 0, 2], [0, 0, 0, 2], [3, 3, 0, 0]]));
 * // [[[0, 2], [0, 2]], [[1, 3], [3, 4]], [[3, 4], [0, 2]]]
 * ```
 * @see scipy.ndimage.find_objects
 */
export function findObjects(input: ArrayInput, maxLabel?: number): ([number, number][] | null)[] {
  const d = measureData(input, undefined);
  const integral = isInteger(d.dtype);
  if (!integral && maxLabel === undefined) {
    throw new NdImageError(
      'ERR_DTYPE',
      `findObjects needs integer labels, or \`maxLabel\` with labels of dtype ${d.dtype}`,
      {
        argument: 'input',
      },
    );
  }
  let top = 0;
  if (maxLabel === undefined) {
    for (const v of d.values) if (v > top) top = v;
  } else {
    if (!Number.isInteger(maxLabel) || maxLabel < 0) {
      throw new NdImageError('ERR_INVALID_ARGUMENT', `\`maxLabel\` must be an integer ≥ 0; got ${maxLabel}`, {
        argument: 'maxLabel',
      });
    }
    top = maxLabel;
  }
  const nd = d.shape.length;
  const lo = Array.from({ length: top }, () => new Array<number>(nd).fill(Number.POSITIVE_INFINITY));
  const hi = Array.from({ length: top }, () => new Array<number>(nd).fill(-1));
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < d.values.length; k++) {
    const l = Math.trunc(d.values[k] as number);
    if (l >= 1 && l <= top) {
      const a = lo[l - 1] as number[];
      const b = hi[l - 1] as number[];
      for (let ax = 0; ax < nd; ax++) {
        const c = idx[ax] as number;
        if (c < (a[ax] as number)) a[ax] = c;
        if (c > (b[ax] as number)) b[ax] = c;
      }
    }
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax] = (idx[ax] as number) + 1;
      if ((idx[ax] as number) < (d.shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  return lo.map((a, l) =>
    ((hi[l] as number[])[0] as number) < 0 && nd > 0
      ? null
      : a.map((s, ax) => [s, ((hi[l] as number[])[ax] as number) + 1] as [number, number]),
  );
}

/** Options of {@link labeledComprehension}. */
export interface ComprehensionOptions {
  /** Also pass each value's flat (C-order) position to `func`. @defaultValue false */
  passPositions?: boolean;
}

const COMPREHENSION_KEYS = optionKeys<ComprehensionOptions>({ passPositions: true });

/**
 * Applies `func` to the values of each label (SciPy's `labeled_comprehension`): with no labels to
 * all values, with no index to the values of labels > 0, else once per listed label, `default`
 * where a label does not occur. Values come in raster order (SciPy's order is not specified).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const peak = (v) => Math.max(...v);
 * labeledComprehension(array([1, 5, 2, 7]), array([1, 1, 2, 2]), [1, 2, 3], peak, -1); // [5, 7, -1]
 * ```
 * @see scipy.ndimage.labeled_comprehension
 */
export function labeledComprehension(
  input: ArrayInput,
  labels: ArrayInput | undefined,
  index: Index,
  func: (values: Float64Array, positions?: Int32Array) => number,
  defaultValue: number,
  options?: ComprehensionOptions,
): number | number[] {
  if (typeof func !== 'function') {
    throw new NdImageError('ERR_INVALID_ARGUMENT', '`func` must be a function of the values', { argument: 'func' });
  }
  const pass = checkOptions(options, COMPREHENSION_KEYS).passPositions ?? false;
  const d = measureData(input, labels);
  const idx = readIndex(index);
  const { group, count } = groupsOf(d, idx);
  const call = (g: number): number => {
    const { values, positions } = selected(d, group, g);
    return pass ? func(values, positions) : func(values);
  };
  if (idx === undefined) return call(0);
  const results = Array.from({ length: count }, (_, g) => {
    for (let k = 0; k < group.length; k++) if (group[k] === g) return call(g);
    return defaultValue;
  });
  const out = perIndex(idx, results);
  return idx.scalar ? (out[0] as number) : out;
}
