/**
 * Per-object statistics in one pass over a label image: what is usually assembled from
 * `findObjects`, `sum`, `centerOfMass` and `mean` (four passes in SciPy).
 */

import { asarray, NdImageError } from '@ndimage/core-array';
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
 */
export function objectStats(labels: ArrayInput, input?: ArrayInput): ObjectStats[] {
  const l = asarray(labels);
  const shape = [...l.shape];
  const nd = shape.length;
  const lab = flatten(l, shape);
  let values: Float64Array | undefined;
  if (input !== undefined && input !== null) {
    const a = asarray(input);
    if (a.ndim !== nd || a.shape.some((n, i) => n !== shape[i])) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`input\` has shape [${a.shape.join(', ')}]; \`labels\` has shape [${shape.join(', ')}]`,
        {
          argument: 'input',
        },
      );
    }
    values = flatten(a, shape);
  }
  let top = 0;
  for (let k = 0; k < lab.length; k++) {
    const v = lab[k] as number;
    if (!Number.isInteger(v) && !Number.isNaN(v)) {
      throw new NdImageError('ERR_INVALID_ARGUMENT', `\`labels\` must hold integers; found ${v}`, {
        argument: 'labels',
      });
    }
    if (v > top) top = v;
  }
  const count = new Float64Array(top + 1);
  const lo = new Int32Array((top + 1) * nd).fill(2 ** 31 - 1);
  const hi = new Int32Array((top + 1) * nd).fill(-1);
  const csum = new Float64Array((top + 1) * nd);
  const vsum = new Float64Array(top + 1);
  const vmin = new Float64Array(top + 1).fill(Number.POSITIVE_INFINITY);
  const vmax = new Float64Array(top + 1).fill(Number.NEGATIVE_INFINITY);
  const idx = new Int32Array(nd);
  for (let k = 0; k < lab.length; k++) {
    const g = lab[k] as number;
    if (g > 0) {
      count[g] = (count[g] as number) + 1;
      const at = g * nd;
      for (let ax = 0; ax < nd; ax++) {
        const c = idx[ax] as number;
        if (c < (lo[at + ax] as number)) lo[at + ax] = c;
        if (c > (hi[at + ax] as number)) hi[at + ax] = c;
        csum[at + ax] = (csum[at + ax] as number) + c;
      }
      if (values !== undefined) {
        const v = values[k] as number;
        vsum[g] = (vsum[g] as number) + v;
        if (v < (vmin[g] as number) || Number.isNaN(v)) vmin[g] = v;
        if (v > (vmax[g] as number) || Number.isNaN(v)) vmax[g] = v;
      }
    }
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax] = (idx[ax] as number) + 1;
      if ((idx[ax] as number) < (shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  const out: ObjectStats[] = [];
  for (let g = 1; g <= top; g++) {
    const n = count[g] as number;
    if (n === 0) continue;
    const at = g * nd;
    const s: ObjectStats = {
      label: g,
      area: n,
      bbox: Array.from(
        { length: nd },
        (_, ax) => [lo[at + ax] as number, (hi[at + ax] as number) + 1] as [number, number],
      ),
      centroid: Array.from({ length: nd }, (_, ax) => (csum[at + ax] as number) / n),
    };
    if (values !== undefined) {
      s.meanIntensity = (vsum[g] as number) / n;
      s.minIntensity = vmin[g] as number;
      s.maxIntensity = vmax[g] as number;
    }
    out.push(s);
  }
  return out;
}
