/**
 * Minimum and maximum filters: separable 1-D passes for boxes (SciPy's sliding-extremum
 * algorithm), the n-D path for other footprints.
 */
import {
  asarray,
  castInto,
  type DType,
  type DTypeOf,
  type NdArray,
  type NdArrayLike,
  type NoOutput,
  type OutputAs,
} from '@ndimage/core-array';
import { checkOptions, checkOrigin, checkOrigins } from '@ndimage/core-array/internal';
import { type Correlate1dOptions, prepare1d } from './correlate1d.js';
import {
  extremumRows,
  MAX_ROWS_SIZE,
  plainValue,
  plainValues,
  vanHerkKernel,
  wasmVanHerkScratch,
} from './extremum-fast.js';
import { intExtremum } from './extremum-int.js';
import {
  checkFootprint,
  FOOTPRINT_KEYS,
  type FootprintOptions,
  runFootprintFilter,
  sizeOrOptions,
} from './footprint.js';
import { windowSize } from './limits.js';
import { type LineKernel, runLinePass } from './line-filter.js';
import { type BoundaryMode, modesPerAxis, singleMode } from './modes.js';
import { checkCval } from './options.js';
import { refuseStorageDType, resolveOutput, withStorage } from './output.js';
import { uniformAcrossRows } from './uniform-rows.js';

/** Options of {@link minimumFilter1d} and {@link maximumFilter1d}. */
export interface MinMaxFilter1dOptions extends Correlate1dOptions {}

/**
 * The sliding extremum of `size` samples (R. Harter's ascending-minima queue, as SciPy): O(1)
 * per sample whatever the size. The comparisons are SciPy's, so NaN behaves as there: a NaN
 * never wins a comparison and leaves the queue only when it is the oldest entry.
 */
function extremumKernel(size: number, minimum: boolean): LineKernel {
  const values = new Float64Array(size);
  const deaths = new Float64Array(size);
  return (buf, n, dst, d0) => {
    if (size === 1) {
      for (let i = 0; i < n; i++) dst[d0 + i] = buf[i]!;
      return;
    }
    let head = 0; // the current extremum
    let last = 0; // the newest entry
    values[0] = buf[0]!;
    deaths[0] = size;
    const total = size + n - 1;
    for (let t = 1; t < total; t++) {
      const v = buf[t]!;
      if (deaths[head] === t) head = head + 1 === size ? 0 : head + 1;
      if (minimum ? v <= values[head]! : v >= values[head]!) {
        values[head] = v;
        deaths[head] = t + size;
        last = head;
      } else {
        while (minimum ? values[last]! >= v : values[last]! <= v) last = last === 0 ? size - 1 : last - 1;
        last = last + 1 === size ? 0 : last + 1;
        values[last] = v;
        deaths[last] = t + size;
      }
      if (t >= size - 1) dst[d0 + t - size + 1] = values[head]!;
    }
  };
}

/** Runs one extremum pass along `axis` into `target`. */
function extremumInto(
  input: NdArray,
  size: number,
  axis: number,
  target: NdArray,
  mode: BoundaryMode,
  cval: number,
  origin: number,
  minimum: boolean,
): void {
  const left = (size >> 1) + origin;
  if (size > 1 && intExtremum(input, size, axis, target, mode, cval, left, minimum)) return;
  // Without NaN and −0 (in the data and in the padding) every algorithm agrees with SciPy's.
  const plain = size > 1 && (mode !== 'constant' || plainValue(cval)) && plainValues(input);
  if (plain && size <= MAX_ROWS_SIZE && uniformAcrossRows(input, target, axis)) {
    extremumRows(input, size, axis, target, mode, cval, left, minimum);
    return;
  }
  runLinePass({
    input,
    output: target,
    axis,
    left,
    right: size - 1 - left,
    mode,
    cval,
    kernel: plain ? vanHerkKernel(size, minimum) : extremumKernel(size, minimum),
    scratch: plain ? (lengths) => wasmVanHerkScratch(size, minimum, input.shape[axis] as number, lengths) : undefined,
  });
}

function filter1d(
  input: NdArrayLike,
  size: number,
  options: MinMaxFilter1dOptions | undefined,
  minimum: boolean,
): NdArray {
  const { a, axis, mode, cval } = prepare1d(input, options);
  const s = windowSize(size, 'size');
  const origin = checkOrigin(options?.origin, s);
  const out = resolveOutput(a, options?.output);
  return withStorage(out, (t) => extremumInto(a, s, axis, t, mode, cval, origin, minimum));
}

/**
 * Minimum of `size` samples along one axis (window as {@link uniformFilter1d}).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * minimumFilter1d(array([2, 8, 0, 4, 1, 9, 9, 0]), 3).toArray(); // [2, 0, 0, 0, 1, 1, 0, 0]
 * ```
 * @see scipy.ndimage.minimum_filter1d
 */
export function minimumFilter1d<I extends NdArrayLike>(
  input: I,
  size: number,
  options?: MinMaxFilter1dOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function minimumFilter1d<D extends DType>(
  input: NdArrayLike,
  size: number,
  options: MinMaxFilter1dOptions & OutputAs<D>,
): NdArray<D>;
export function minimumFilter1d(input: NdArrayLike, size: number, options?: MinMaxFilter1dOptions): NdArray;
export function minimumFilter1d(input: NdArrayLike, size: number, options?: MinMaxFilter1dOptions): NdArray {
  return filter1d(input, size, options, true);
}

/**
 * Maximum of `size` samples along one axis; an even size takes {x[i−1], x[i]}-style windows.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * maximumFilter1d(array([1, 5, 2, 7, 3]), 2).toArray(); // [1, 5, 5, 7, 7]
 * ```
 * @see scipy.ndimage.maximum_filter1d
 */
export function maximumFilter1d<I extends NdArrayLike>(
  input: I,
  size: number,
  options?: MinMaxFilter1dOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function maximumFilter1d<D extends DType>(
  input: NdArrayLike,
  size: number,
  options: MinMaxFilter1dOptions & OutputAs<D>,
): NdArray<D>;
export function maximumFilter1d(input: NdArrayLike, size: number, options?: MinMaxFilter1dOptions): NdArray;
export function maximumFilter1d(input: NdArrayLike, size: number, options?: MinMaxFilter1dOptions): NdArray {
  return filter1d(input, size, options, false);
}

/** Options of {@link minimumFilter} and {@link maximumFilter}. */
export interface MinMaxFilterOptions extends FootprintOptions {}

function filterNd(input: NdArrayLike, options: MinMaxFilterOptions | undefined, minimum: boolean): NdArray {
  const o = checkOptions(options, FOOTPRINT_KEYS);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const fp = checkFootprint(a.ndim, o.size, o.footprint);
  const out = resolveOutput(a, o.output);
  const cval = checkCval(o.cval);
  if (fp.isBox) {
    // A box is separable: SciPy runs one 1-D pass per axis (sizes > 1), each stored in the output dtype.
    const modes = modesPerAxis(o.mode, a.ndim);
    const origins = checkOrigins(o.origin, fp.shape);
    return withStorage(out, (t) => {
      let cur: NdArray = a;
      for (let axis = 0; axis < a.ndim; axis++) {
        const s = fp.shape[axis] as number;
        if (s <= 1) continue;
        extremumInto(cur, s, axis, t, modes[axis] as BoundaryMode, cval, origins[axis] as number, minimum);
        cur = t;
      }
      if (cur === a) castInto(a, t);
    });
  }
  const mode = singleMode(o.mode);
  return runFootprintFilter(a, out, fp, mode, cval, o.origin, minimum ? 'min' : 'max');
}

/**
 * Minimum over a box (`size`) or any `footprint`: `minimumFilter(im, 3)`,
 * `minimumFilter(im, [3, 5])`, `minimumFilter(im, { footprint })`. Boxes run as separable passes
 * (per-axis `mode`/`origin` lists allowed); other footprints take SciPy's n-D path, where `cval`
 * is first cast to the input dtype.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` when neither a size nor a footprint is given.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * minimumFilter(array([[5, 1, 5], [5, 5, 5]]), 3).toArray(); // [[1, 1, 1], [1, 1, 1]]
 * ```
 * @see scipy.ndimage.minimum_filter
 */
export function minimumFilter<I extends NdArrayLike>(
  input: I,
  size: number | readonly number[] | (MinMaxFilterOptions & NoOutput),
  options?: MinMaxFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function minimumFilter<D extends DType>(
  input: NdArrayLike,
  size: number | readonly number[],
  options: MinMaxFilterOptions & OutputAs<D>,
): NdArray<D>;
export function minimumFilter<D extends DType>(
  input: NdArrayLike,
  options: MinMaxFilterOptions & OutputAs<D>,
): NdArray<D>;
export function minimumFilter(
  input: NdArrayLike,
  size: number | readonly number[] | MinMaxFilterOptions,
  options?: MinMaxFilterOptions,
): NdArray;
export function minimumFilter(
  input: NdArrayLike,
  size: number | readonly number[] | MinMaxFilterOptions,
  options?: MinMaxFilterOptions,
): NdArray {
  return filterNd(input, sizeOrOptions(size, options), true);
}

/**
 * Maximum over a box (`size`) or any `footprint`; see {@link minimumFilter}.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * maximumFilter(array([1, 5, 2, 7, 3]), 2).toArray(); // [1, 5, 5, 7, 7]
 * ```
 * @see scipy.ndimage.maximum_filter
 */
export function maximumFilter<I extends NdArrayLike>(
  input: I,
  size: number | readonly number[] | (MinMaxFilterOptions & NoOutput),
  options?: MinMaxFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function maximumFilter<D extends DType>(
  input: NdArrayLike,
  size: number | readonly number[],
  options: MinMaxFilterOptions & OutputAs<D>,
): NdArray<D>;
export function maximumFilter<D extends DType>(
  input: NdArrayLike,
  options: MinMaxFilterOptions & OutputAs<D>,
): NdArray<D>;
export function maximumFilter(
  input: NdArrayLike,
  size: number | readonly number[] | MinMaxFilterOptions,
  options?: MinMaxFilterOptions,
): NdArray;
export function maximumFilter(
  input: NdArrayLike,
  size: number | readonly number[] | MinMaxFilterOptions,
  options?: MinMaxFilterOptions,
): NdArray {
  return filterNd(input, sizeOrOptions(size, options), false);
}
