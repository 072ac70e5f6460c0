/**
 * Rank filters: median, any rank, any percentile of each window.
 */
import {
  asarray,
  type DType,
  type DTypeOf,
  type NdArray,
  type NdArrayLike,
  type NoOutput,
  type OutputAs,
} from '@ndimage/core-array';
import { checkFiniteNumber, checkInteger, checkOptions } from '@ndimage/core-array/internal';
import {
  checkFootprint,
  FOOTPRINT_KEYS,
  type Footprint,
  type FootprintOptions,
  runFootprintFilter,
  sizeOrOptions,
} from './footprint.js';
import { maximumFilter, minimumFilter } from './min-max-filter.js';
import { singleMode } from './modes.js';
import { checkCval } from './options.js';
import { refuseStorageDType, resolveOutput } from './output.js';

/** Options of the rank filters. */
export interface RankFilterOptions extends FootprintOptions {}

function rankOf(input: NdArrayLike, options: RankFilterOptions, pick: (fp: Footprint) => number): NdArray {
  const o = checkOptions(options, FOOTPRINT_KEYS);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const fp = checkFootprint(a.ndim, o.size, o.footprint);
  const mode = singleMode(o.mode); // no per-axis list for rank filters (SciPy)
  const rank = pick(fp);
  // SciPy sends the extreme ranks to the minimum and maximum filters.
  if (rank === 0) return minimumFilter(a, { ...o, size: undefined, footprint: maskArray(fp) });
  if (rank === fp.count - 1) return maximumFilter(a, { ...o, size: undefined, footprint: maskArray(fp) });
  const out = resolveOutput(a, o.output);
  return runFootprintFilter(a, out, fp, mode, checkCval(o.cval), o.origin, { rank });
}

function maskArray(fp: Footprint) {
  return { data: fp.mask, shape: fp.shape, dtype: 'bool' };
}

/**
 * Median of each window: the element of rank n//2 of the n sorted values (for even n the upper
 * median; no averaging, as SciPy). `size` may be a number, a list, or options with a `footprint`.
 * NaN in the data gives an undefined result, as in SciPy.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * medianFilter(array([5, 1, 4, 2, 3, 9, 0]), 3).toArray(); // [5, 4, 2, 3, 3, 3, 0]
 * ```
 * @see scipy.ndimage.median_filter
 */
export function medianFilter<I extends NdArrayLike>(
  input: I,
  size: number | readonly number[] | (RankFilterOptions & NoOutput),
  options?: RankFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function medianFilter<D extends DType>(
  input: NdArrayLike,
  size: number | readonly number[],
  options: RankFilterOptions & OutputAs<D>,
): NdArray<D>;
export function medianFilter<D extends DType>(input: NdArrayLike, options: RankFilterOptions & OutputAs<D>): NdArray<D>;
export function medianFilter(
  input: NdArrayLike,
  size: number | readonly number[] | RankFilterOptions,
  options?: RankFilterOptions,
): NdArray;
export function medianFilter(
  input: NdArrayLike,
  size: number | readonly number[] | RankFilterOptions,
  options?: RankFilterOptions,
): NdArray {
  return rankOf(input, sizeOrOptions(size, options), (fp) => fp.count >> 1);
}

/**
 * The element of rank `rank` (0 = smallest; negative counts from the largest) of each window.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` when the rank is outside the window.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * rankFilter(array([5, 1, 4, 2, 3, 9, 0]), 1, 3).toArray(); // [5, 4, 2, 3, 3, 3, 0]
 * ```
 * @see scipy.ndimage.rank_filter
 */
export function rankFilter<I extends NdArrayLike>(
  input: I,
  rank: number,
  size: number | readonly number[] | (RankFilterOptions & NoOutput),
  options?: RankFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function rankFilter<D extends DType>(
  input: NdArrayLike,
  rank: number,
  size: number | readonly number[],
  options: RankFilterOptions & OutputAs<D>,
): NdArray<D>;
export function rankFilter<D extends DType>(
  input: NdArrayLike,
  rank: number,
  options: RankFilterOptions & OutputAs<D>,
): NdArray<D>;
export function rankFilter(
  input: NdArrayLike,
  rank: number,
  size: number | readonly number[] | RankFilterOptions,
  options?: RankFilterOptions,
): NdArray;
export function rankFilter(
  input: NdArrayLike,
  rank: number,
  size: number | readonly number[] | RankFilterOptions,
  options?: RankFilterOptions,
): NdArray {
  return rankOf(input, sizeOrOptions(size, options), (fp) => {
    const r = checkInteger(rank, 'rank', { min: -fp.count, max: fp.count - 1 });
    return r < 0 ? r + fp.count : r;
  });
}

/**
 * The `percentile`-th percentile of each window: rank `int(n·p/100)` (p < 0 counts from 100;
 * p = 100 is the maximum).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * percentileFilter(array([5, 1, 4, 2, 3, 9, 0]), 100, 3).toArray(); // [5, 5, 4, 4, 9, 9, 9]
 * ```
 * @see scipy.ndimage.percentile_filter
 */
export function percentileFilter<I extends NdArrayLike>(
  input: I,
  percentile: number,
  size: number | readonly number[] | (RankFilterOptions & NoOutput),
  options?: RankFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function percentileFilter<D extends DType>(
  input: NdArrayLike,
  percentile: number,
  size: number | readonly number[],
  options: RankFilterOptions & OutputAs<D>,
): NdArray<D>;
export function percentileFilter<D extends DType>(
  input: NdArrayLike,
  percentile: number,
  options: RankFilterOptions & OutputAs<D>,
): NdArray<D>;
export function percentileFilter(
  input: NdArrayLike,
  percentile: number,
  size: number | readonly number[] | RankFilterOptions,
  options?: RankFilterOptions,
): NdArray;
export function percentileFilter(
  input: NdArrayLike,
  percentile: number,
  size: number | readonly number[] | RankFilterOptions,
  options?: RankFilterOptions,
): NdArray {
  return rankOf(input, sizeOrOptions(size, options), (fp) => {
    let p = checkFiniteNumber(percentile, 'percentile', { min: -100, max: 100 });
    if (p < 0) p += 100;
    return p === 100 ? fp.count - 1 : Math.floor((fp.count * p) / 100);
  });
}
