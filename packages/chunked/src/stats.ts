/**
 * Per-object measurements reduced across chunks: each chunk gives partial counts, coordinate
 * sums, bounding boxes and intensity sums/extremes of the objects it holds; the partials add up
 * to morphology's `objectStats` of the whole image.
 */
import { type NdArray, NdImageError } from '@ndimage/core-array';
import type { ObjectStats } from '@ndimage/morphology';
import type { Box } from './region.js';

/** The partial statistics of the objects in one chunk (typed arrays, one slot per label present). */
export interface StatsPartial {
  ndim: number;
  labels: Int32Array;
  count: Float64Array;
  lo: Int32Array;
  hi: Int32Array;
  csum: Float64Array;
  vsum?: Float64Array;
  vmin?: Float64Array;
  vmax?: Float64Array;
}

/** Accumulates the objects of one chunk of labels (and values), in raster order. */
export function statsOfChunk(labels: NdArray, values: NdArray | undefined, box: Box): StatsPartial {
  const nd = labels.ndim;
  const l = labels.dtype === 'int32' ? labels.toContiguous() : labels.astype('float64').toContiguous();
  const ld = l.data as ArrayLike<number>;
  const v =
    values === undefined
      ? undefined
      : values.dtype === 'int64' || values.dtype === 'uint64'
        ? values.astype('float64')
        : values.toContiguous();
  const vd = v?.data as ArrayLike<number> | undefined;
  if (v !== undefined && (v.ndim !== nd || v.shape.some((n, k) => n !== labels.shape[k]))) {
    throw new NdImageError('ERR_SHAPE', `\`input\` has shape [${v.shape}]; \`labels\` has shape [${labels.shape}]`, {
      argument: 'input',
    });
  }
  const slot = new Map<number, number>();
  const count: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const csum: number[] = [];
  const vsum: number[] = [];
  const vmin: number[] = [];
  const vmax: number[] = [];
  const idx = box.start.slice();
  const n = l.size;
  for (let i = 0; i < n; i++) {
    const g = ld[l.offset + i] as number;
    if (g > 0) {
      if (!Number.isInteger(g)) {
        throw new NdImageError('ERR_INVALID_ARGUMENT', `\`labels\` must hold integers; found ${g}`, {
          argument: 'labels',
        });
      }
      let s = slot.get(g);
      if (s === undefined) {
        s = count.length;
        slot.set(g, s);
        count.push(0);
        vsum.push(0);
        vmin.push(Number.POSITIVE_INFINITY);
        vmax.push(Number.NEGATIVE_INFINITY);
        for (let k = 0; k < nd; k++) {
          lo.push(idx[k] as number);
          hi.push(idx[k] as number);
          csum.push(0);
        }
      }
      count[s] = (count[s] as number) + 1;
      for (let k = 0; k < nd; k++) {
        const x = idx[k] as number;
        const at = s * nd + k;
        if (x < (lo[at] as number)) lo[at] = x;
        if (x > (hi[at] as number)) hi[at] = x;
        csum[at] = (csum[at] as number) + x;
      }
      if (vd !== undefined) {
        const x = Number(vd[(v as NdArray).offset + i]);
        vsum[s] = (vsum[s] as number) + x;
        if (x < (vmin[s] as number)) vmin[s] = x;
        if (x > (vmax[s] as number)) vmax[s] = x;
      }
    }
    for (let k = nd - 1; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (box.stop[k] as number)) break;
      idx[k] = box.start[k] as number;
    }
  }
  const out: StatsPartial = {
    ndim: nd,
    labels: Int32Array.from(slot.keys()),
    count: Float64Array.from(count),
    lo: Int32Array.from(lo),
    hi: Int32Array.from(hi),
    csum: Float64Array.from(csum),
  };
  if (vd !== undefined) {
    out.vsum = Float64Array.from(vsum);
    out.vmin = Float64Array.from(vmin);
    out.vmax = Float64Array.from(vmax);
  }
  return out;
}

/** Adds the partials (in chunk order) into `objectStats`'s result, in label order. */
export function reduceStats(parts: readonly StatsPartial[]): ObjectStats[] {
  const all = new Map<
    number,
    { n: number; lo: number[]; hi: number[]; c: number[]; vs: number; vmin: number; vmax: number; hasV: boolean }
  >();
  for (const p of parts) {
    const nd = p.ndim;
    p.labels.forEach((g, s) => {
      let a = all.get(g);
      if (a === undefined) {
        a = {
          n: 0,
          lo: new Array<number>(nd).fill(Number.POSITIVE_INFINITY),
          hi: new Array<number>(nd).fill(Number.NEGATIVE_INFINITY),
          c: new Array<number>(nd).fill(0),
          vs: 0,
          vmin: Number.POSITIVE_INFINITY,
          vmax: Number.NEGATIVE_INFINITY,
          hasV: p.vsum !== undefined,
        };
        all.set(g, a);
      }
      a.n += p.count[s] as number;
      for (let k = 0; k < nd; k++) {
        a.lo[k] = Math.min(a.lo[k] as number, p.lo[s * nd + k] as number);
        a.hi[k] = Math.max(a.hi[k] as number, p.hi[s * nd + k] as number);
        a.c[k] = (a.c[k] as number) + (p.csum[s * nd + k] as number);
      }
      if (p.vsum !== undefined) {
        a.vs += p.vsum[s] as number;
        a.vmin = Math.min(a.vmin, p.vmin?.[s] as number);
        a.vmax = Math.max(a.vmax, p.vmax?.[s] as number);
      }
    });
  }
  return [...all.keys()]
    .sort((x, y) => x - y)
    .map((g) => {
      const a = all.get(g)!;
      const s: ObjectStats = {
        label: g,
        area: a.n,
        bbox: a.lo.map((x, k) => [x, (a.hi[k] as number) + 1] as [number, number]),
        centroid: a.c.map((x) => x / a.n),
      };
      if (a.hasV) {
        s.meanIntensity = a.vs / a.n;
        s.minIntensity = a.vmin;
        s.maxIntensity = a.vmax;
      }
      return s;
    });
}
