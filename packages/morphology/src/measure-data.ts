/**
 * Reading the arguments of the measurement functions as SciPy does: `input` and `labels`
 * broadcast together and flattened in C order, and `index` as nothing (every label > 0 together),
 * one label, or a list of labels.
 */

import {
  asarray,
  broadcastShapes,
  type DType,
  type NdArray,
  type NdArrayLike,
  NdImageError,
} from '@ndimage/core-array';
import { describeValue } from '@ndimage/core-array/internal';
import type { ArrayInput } from './types.js';

/** Flattened, broadcast data of one measurement call. */
export interface MeasureData {
  /** The input's values as float64, C order of the broadcast shape. */
  values: Float64Array;
  /** The input's dtype (results of min/max keep it). */
  dtype: DType;
  /** The broadcast shape. */
  shape: number[];
  /** Labels as float64 (undefined: no labels given). */
  labels?: Float64Array;
}

/** `index` as SciPy reads it. */
export type Index = number | readonly number[] | undefined;

/** Reads `a` as float64 in C order, broadcast to `shape`. */
export function flatten(a: NdArray, shape: readonly number[]): Float64Array {
  const n = shape.reduce((p, d) => p * d, 1);
  const out = new Float64Array(n);
  if (n === 0) return out;
  const nd = shape.length;
  if (
    nd === a.ndim &&
    a.shape.every((m, i) => m === shape[i]) &&
    a.isContiguous() &&
    !(a.data instanceof BigInt64Array || a.data instanceof BigUint64Array)
  ) {
    // The common case: one native conversion.
    out.set((a.data as Float64Array).subarray(a.offset, a.offset + n));
    return out;
  }
  const lead = nd - a.ndim;
  const strides = shape.map((_, i) => (i < lead || a.shape[i - lead] === 1 ? 0 : (a.strides[i - lead] as number)));
  const data = a.data as ArrayLike<number | bigint>;
  const idx = new Array<number>(nd).fill(0);
  let at = a.offset;
  for (let k = 0; k < n; k++) {
    const v = data[at];
    out[k] = typeof v === 'bigint' ? Number(v) : (v as number);
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax] = (idx[ax] as number) + 1;
      at += strides[ax] as number;
      if ((idx[ax] as number) < (shape[ax] as number)) break;
      at -= (strides[ax] as number) * (shape[ax] as number);
      idx[ax] = 0;
    }
  }
  return out;
}

/** Input and labels, broadcast together (SciPy: numpy.broadcast_arrays). */
export function measureData(input: ArrayInput, labels: ArrayInput | undefined): MeasureData {
  const a = asarray(input);
  if (labels === undefined || labels === null)
    return { values: flatten(a, a.shape), dtype: a.dtype, shape: [...a.shape] };
  const l = asarray(labels);
  let shape: number[];
  try {
    shape = broadcastShapes(a.shape, l.shape);
  } catch {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`labels\` of shape ${describeValue([...l.shape])} does not broadcast with the input's shape ${describeValue([...a.shape])}`,
      { argument: 'labels' },
    );
  }
  return { values: flatten(a, shape), dtype: a.dtype, shape, labels: flatten(l, shape) };
}

/** `index` checked: undefined, a number, or a list of numbers. */
export function readIndex(index: unknown): { scalar: boolean; list: number[] } | undefined {
  if (index === undefined || index === null) return undefined;
  if (typeof index === 'number') {
    if (Number.isNaN(index))
      throw new NdImageError('ERR_INVALID_ARGUMENT', '`index` must be a label number; got NaN', { argument: 'index' });
    return { scalar: true, list: [index] };
  }
  const arr = Array.isArray(index)
    ? index
    : typeof index === 'object' && 'toArray' in (index as object)
      ? (asarray(index as NdArrayLike)
          .ravel()
          .toArray() as unknown[])
      : undefined;
  if (arr === undefined || arr.some((v) => typeof v !== 'number' || Number.isNaN(v))) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`index\` must be a label, a list of labels, or undefined; got ${describeValue(index)}`,
      {
        argument: 'index',
      },
    );
  }
  return { scalar: false, list: arr as number[] };
}

/**
 * Group ids: element k belongs to group `group[k]` (−1: in none). With no index, one group of
 * labels > 0 (or of everything without labels); otherwise one group per listed label value.
 */
export function groupsOf(d: MeasureData, index: { list: number[] } | undefined): { group: Int32Array; count: number } {
  const n = d.values.length;
  const group = new Int32Array(n);
  const labels = d.labels;
  if (labels === undefined) {
    if (index !== undefined)
      throw new NdImageError('ERR_INVALID_ARGUMENT', '`index` needs `labels`', { argument: 'index' });
    return { group, count: 1 };
  }
  if (index === undefined) {
    for (let k = 0; k < n; k++) group[k] = (labels[k] as number) > 0 ? 0 : -1;
    return { group, count: 1 };
  }
  // The first listed position of each label value (repeated labels share a group's result).
  const slot = new Map<number, number>();
  index.list.forEach((v, i) => {
    if (!slot.has(v)) slot.set(v, i);
  });
  for (let k = 0; k < n; k++) group[k] = slot.get(labels[k] as number) ?? -1;
  return { group, count: index.list.length };
}

/** Results for each listed label: a repeated label gets its first occurrence's result. */
export function perIndex<T>(index: { list: number[] }, results: readonly T[]): T[] {
  const first = new Map<number, number>();
  return index.list.map((v, i) => {
    const f = first.get(v);
    if (f === undefined) {
      first.set(v, i);
      return results[i] as T;
    }
    return results[f] as T;
  });
}

/** The C-order coordinates of flat position `p` in `shape`. */
export function coordinates(p: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let q = p;
  for (let k = shape.length - 1; k >= 0; k--) {
    const m = shape[k] as number;
    out[k] = q % m;
    q = Math.floor(q / m);
  }
  return out;
}
