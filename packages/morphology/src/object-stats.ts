/**
 * Per-object statistics in one pass over a label image: what is usually assembled from
 * `findObjects`, `sum`, `centerOfMass` and `mean` (four passes in SciPy).
 */

import { asarray, type NdArray, NdImageError } from '@ndimage/core-array';
import { flatten } from './measure-data.js';
import type { ArrayInput } from './types.js';

/** The statistics of one object. */
export interface ObjectStats {
  /** Its label. */
  label: number;
  /** Number of elements. */
  area: number;
  /** Bounding box: per axis `[start, stop)` (as {@link findObjects}). */
  bbox: [number, number][];
  /** Mean coordinate per axis (the centre of mass of the object's shape). */
  centroid: number[];
  /** Mean of `input` over the object (when `input` is given). */
  meanIntensity?: number;
  /** Smallest value of `input` over the object (when `input` is given). */
  minIntensity?: number;
  /** Largest value of `input` over the object (when `input` is given). */
  maxIntensity?: number;
}

/** The labels as integers in C order: the array itself when it already is contiguous int32. */
function integerLabels(l: NdArray): Int32Array {
  if (l.dtype === 'int32') {
    const c = l.toContiguous();
    return (c.data as Int32Array).subarray(c.offset, c.offset + c.size);
  }
  const f = flatten(l, l.shape);
  const out = new Int32Array(f.length);
  for (let k = 0; k < f.length; k++) {
    const v = f[k] as number;
    if (!Number.isInteger(v) || v > 2147483647 || v < -2147483648) {
      throw new NdImageError('ERR_INVALID_ARGUMENT', `\`labels\` must hold integers; found ${v}`, {
        argument: 'labels',
      });
    }
    out[k] = v;
  }
  return out;
}

/**
 * Area, bounding box, centroid and (with `input`) mean/min/max intensity of every object of a
 * label image (labels > 0; each label present gets one entry, in label order). The numbers equal
 * SciPy's `find_objects`, `center_of_mass(ones, labels, index)` and `mean(input, labels, index)`.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const lbl = array([[1, 1, 0], [0, 0, 2]]);
 * objectStats(lbl, array([[10, 20, 0], [0, 0, 5]]));
 * // [{ label: 1, area: 2, bbox: [[0, 1], [0, 2]], centroid: [0, 0.5], meanIntensity: 15, minIntensity: 10, maxIntensity: 20 },
 * //  { label: 2, area: 1, bbox: [[1, 2], [2, 3]], centroid: [1, 2], meanIntensity: 5, minIntensity: 5, maxIntensity: 5 }]
 * ```
 * @see skimage.measure.regionprops (area, bbox, centroid, intensity statistics)
 */
export function objectStats(labels: ArrayInput, input?: ArrayInput): ObjectStats[] {
  const l = asarray(labels as never);
  const shape = [...l.shape];
  const nd = shape.length;
  const lab = integerLabels(l);
  let values: ArrayLike<number> | undefined;
  let voff = 0;
  if (input !== undefined && input !== null) {
    const a = asarray(input as never);
    if (a.ndim !== nd || a.shape.some((n, i) => n !== shape[i])) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`input\` has shape [${a.shape.join(', ')}]; \`labels\` has shape [${shape.join(', ')}]`,
        {
          argument: 'input',
        },
      );
    }
    // Read in place when C-contiguous (no float64 copy of the image).
    const c = a.dtype === 'int64' || a.dtype === 'uint64' ? a.astype('float64') : a.toContiguous();
    values = c.data as ArrayLike<number>;
    voff = c.offset;
  }
  let acc: Accumulators;
  if (nd === 2) {
    // The labels' largest value is found on the way (the tables grow), saving a pass.
    acc = accumulate2d(lab, shape[0] as number, shape[1] as number, values, voff, accumulators(1024, 2));
  } else {
    let top = 0;
    for (let k = 0; k < lab.length; k++) if ((lab[k] as number) > top) top = lab[k] as number;
    acc = accumulators(top + 1, nd);
    accumulateNd(lab, shape, values, voff, acc);
  }
  const { count, lo, hi, csum, vsum, vmin, vmax } = acc;
  const top = count.length - 1;
  const out: ObjectStats[] = [];
  for (let g = 1; g <= top; g++) {
    const n = count[g] as number;
    if (n === 0) continue;
    const at = g * nd;
    const s: ObjectStats = {
      label: g,
      area: n,
      bbox: [],
      centroid: [],
    };
    for (let ax = 0; ax < nd; ax++) {
      s.bbox.push([lo[at + ax] as number, (hi[at + ax] as number) + 1]);
      s.centroid.push((csum[at + ax] as number) / n);
    }
    if (values !== undefined) {
      s.meanIntensity = (vsum[g] as number) / n;
      s.minIntensity = vmin[g] as number;
      s.maxIntensity = vmax[g] as number;
    }
    out.push(s);
  }
  return out;
}

/** Per-label sums and extremes, filled by the accumulators. */
interface Accumulators {
  count: Float64Array;
  lo: Int32Array;
  hi: Int32Array;
  csum: Float64Array;
  vsum: Float64Array;
  vmin: Float64Array;
  vmax: Float64Array;
}

/** Tables for labels 0 … size − 1 of an nd-dimensional image, empty. */
function accumulators(size: number, nd: number): Accumulators {
  return {
    count: new Float64Array(size),
    lo: new Int32Array(size * nd).fill(2 ** 31 - 1),
    hi: new Int32Array(size * nd).fill(-1),
    csum: new Float64Array(size * nd),
    vsum: new Float64Array(size),
    vmin: new Float64Array(size).fill(Number.POSITIVE_INFINITY),
    vmax: new Float64Array(size).fill(Number.NEGATIVE_INFINITY),
  };
}

/** The tables with room for labels up to `label` (at least doubled), contents kept. */
function grown(acc: Accumulators, label: number, nd: number): Accumulators {
  const next = accumulators(Math.max(label + 1, 2 * acc.count.length), nd);
  next.count.set(acc.count);
  next.lo.set(acc.lo);
  next.hi.set(acc.hi);
  next.csum.set(acc.csum);
  next.vsum.set(acc.vsum);
  next.vmin.set(acc.vmin);
  next.vmax.set(acc.vmax);
  return next;
}

/**
 * 2-D: each row's runs of one label, with the row coordinate fixed. Rows come in order, so a
 * label's first row is its top and the current row its bottom. Returns the tables (grown as
 * larger labels appear).
 */
function accumulate2d(
  lab: Int32Array,
  h: number,
  w: number,
  values: ArrayLike<number> | undefined,
  voff: number,
  start: Accumulators,
): Accumulators {
  let acc = start;
  let { count, lo, hi, csum, vsum, vmin, vmax } = acc;
  for (let r = 0; r < h; r++) {
    const base = r * w;
    let x = 0;
    while (x < w) {
      const g = lab[base + x] as number;
      let e = x + 1;
      while (e < w && lab[base + e] === g) e++;
      if (g > 0) {
        if (g >= count.length) {
          acc = grown(acc, g, 2);
          ({ count, lo, hi, csum, vsum, vmin, vmax } = acc);
        }
        const len = e - x;
        const at = 2 * g;
        if (count[g] === 0) lo[at] = r;
        hi[at] = r;
        count[g] = (count[g] as number) + len;
        if (x < (lo[at + 1] as number)) lo[at + 1] = x;
        if (e - 1 > (hi[at + 1] as number)) hi[at + 1] = e - 1;
        csum[at] = (csum[at] as number) + r * len;
        csum[at + 1] = (csum[at + 1] as number) + ((x + e - 1) * len) / 2;
        if (values !== undefined) runValues(values, voff + base + x, voff + base + e, g, vsum, vmin, vmax);
      }
      x = e;
    }
  }
  return acc;
}

/** Sum, minimum and maximum of values[from, to) folded into label g's (NaN wins, as in SciPy). */
function runValues(
  values: ArrayLike<number>,
  from: number,
  to: number,
  g: number,
  vsum: Float64Array,
  vmin: Float64Array,
  vmax: Float64Array,
): void {
  let sum = vsum[g] as number;
  let mn = vmin[g] as number;
  let mx = vmax[g] as number;
  for (let k = from; k < to; k++) {
    const v = values[k] as number;
    sum += v;
    if (v < mn || v !== v) mn = v;
    if (v > mx || v !== v) mx = v;
  }
  vsum[g] = sum;
  vmin[g] = mn;
  vmax[g] = mx;
}

/** Any rank: rows along the last axis, the leading coordinates folded in per run. */
function accumulateNd(
  lab: Int32Array,
  shape: readonly number[],
  values: ArrayLike<number> | undefined,
  voff: number,
  acc: Accumulators,
): void {
  const { count, lo, hi, csum, vsum, vmin, vmax } = acc;
  const nd = shape.length;
  // Rows along the last axis: the leading coordinates are fixed within a row, so each element
  // updates only its last-axis statistics and the row's leading ones are folded in per label seen.
  const w = nd === 0 ? 1 : (shape[nd - 1] as number);
  const rows = w === 0 ? 0 : lab.length / w;
  const lead = new Int32Array(Math.max(nd - 1, 0));
  const L = nd - 1;
  for (let r = 0; r < rows; r++) {
    const base = r * w;
    let x = 0;
    while (x < w) {
      const g = lab[base + x] as number;
      // A run of one label along the row: its statistics in closed form, its values in one loop.
      let e = x + 1;
      while (e < w && lab[base + e] === g) e++;
      if (g > 0) {
        const len = e - x;
        count[g] = (count[g] as number) + len;
        const at = g * nd;
        if (x < (lo[at + L] as number)) lo[at + L] = x;
        if (e - 1 > (hi[at + L] as number)) hi[at + L] = e - 1;
        csum[at + L] = (csum[at + L] as number) + ((x + e - 1) * len) / 2;
        for (let ax = 0; ax < L; ax++) {
          const c = lead[ax] as number;
          if (c < (lo[at + ax] as number)) lo[at + ax] = c;
          if (c > (hi[at + ax] as number)) hi[at + ax] = c;
          csum[at + ax] = (csum[at + ax] as number) + c * len;
        }
        if (values !== undefined) runValues(values, voff + base + x, voff + base + e, g, vsum, vmin, vmax);
      }
      x = e;
    }
    for (let ax = L - 1; ax >= 0; ax--) {
      lead[ax] = (lead[ax] as number) + 1;
      if ((lead[ax] as number) < (shape[ax] as number)) break;
      lead[ax] = 0;
    }
  }
}
