/**
 * Moving averages: the mean of `size` samples, along one axis or all of them.
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
import { checkOptions, checkOrigin, checkOrigins, normalizeSequence, optionKeys } from '@ndimage/core-array/internal';
import { type Correlate1dOptions, prepare1d } from './correlate1d.js';
import { windowSize } from './limits.js';
import { type LineKernel, runLinePass } from './line-filter.js';
import { type BoundaryMode, modesPerAxis } from './modes.js';
import { type BoundaryOptions, checkCval } from './options.js';
import { type OutputOptions, refuseStorageDType, resolveOutput, withStorage } from './output.js';
import { uniform2d } from './uniform-2d.js';
import { uniformAcrossRows, uniformRows } from './uniform-rows.js';

const UNIFORM_KEYS = optionKeys<UniformFilterOptions>({ mode: true, cval: true, output: true, origin: true });

/** Options of {@link uniformFilter1d}. */
export interface UniformFilter1dOptions extends Correlate1dOptions {}

/** Options of {@link uniformFilter}. */
export interface UniformFilterOptions extends BoundaryOptions, OutputOptions {
  /** Window shift per axis (or one for all); valid: −(size//2) ≤ origin ≤ (size−1)//2. @defaultValue 0 */
  origin?: number | readonly number[];
}

/**
 * SciPy's running sum, in its order: the first window summed left to right, then one sample in
 * and one out per step, each output the sum divided by `size`. (A NaN therefore spreads to the end
 * of its line, as in SciPy.)
 */
function uniformKernel(size: number): LineKernel {
  return (buf, n, dst, d0) => {
    let s = 0;
    for (let k = 0; k < size; k++) s += buf[k]!;
    dst[d0] = s / size;
    for (let i = 1; i < n; i++) {
      s += buf[i + size - 1]! - buf[i - 1]!;
      dst[d0 + i] = s / size;
    }
  };
}

/** Runs one uniform pass along `axis` into `target`. */
function uniformInto(
  input: NdArray,
  size: number,
  axis: number,
  target: NdArray,
  mode: BoundaryMode,
  cval: number,
  origin: number,
): void {
  const left = (size >> 1) + origin;
  if (uniformAcrossRows(input, target, axis)) {
    uniformRows(input, size, axis, target, mode, cval, left);
    return;
  }
  runLinePass({ input, output: target, axis, left, right: size - 1 - left, mode, cval, kernel: uniformKernel(size) });
}

/**
 * Moving average of `size` samples along one axis: the window of output i is
 * in[i − size//2 − origin … i − size//2 − origin + size − 1].
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * uniformFilter1d(array([0, 0, 9, 0, 0]), 3).toArray(); // [0, 3, 3, 3, 0]
 * uniformFilter1d(array([0, 0, 9, 0, 0]), 2).toArray(); // [0, 0, 4.5, 4.5, 0]
 * ```
 * @see scipy.ndimage.uniform_filter1d
 */
export function uniformFilter1d<I extends NdArrayLike>(
  input: I,
  size: number,
  options?: UniformFilter1dOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function uniformFilter1d<D extends DType>(
  input: NdArrayLike,
  size: number,
  options: UniformFilter1dOptions & OutputAs<D>,
): NdArray<D>;
export function uniformFilter1d(input: NdArrayLike, size: number, options?: UniformFilter1dOptions): NdArray;
export function uniformFilter1d(input: NdArrayLike, size: number, options?: UniformFilter1dOptions): NdArray {
  const { a, axis, mode, cval } = prepare1d(input, options);
  const s = windowSize(size, 'size');
  const origin = checkOrigin(options?.origin, s);
  const out = resolveOutput(a, options?.output);
  return withStorage(out, (t) => uniformInto(a, s, axis, t, mode, cval, origin));
}

/**
 * Moving average over a box of `size` (one per axis, or one for all), as separable 1-D passes in
 * increasing axis order, each stored in the output dtype (SciPy). Axes of size 1 are skipped.
 *
 * Every size must be an integer ≥ 1. SciPy also skips an axis whose size is 0 or negative
 * (`uniform_filter(a, [0, 3])` filters axis 1 only) while `uniform_filter1d(a, 0)` fails; here both
 * are `ERR_INVALID_ARGUMENT` (a size ≤ 0 is a mistake more often than a request to skip the axis,
 * reference/bad-input.md #22). Write 1 for an axis to leave alone: `uniformFilter(a, [1, 3])`.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * uniformFilter(array([[0, 0, 0], [0, 9, 0], [0, 0, 0]]), 3, { mode: 'constant' }).toArray();
 * // [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
 * ```
 * @see scipy.ndimage.uniform_filter
 */
export function uniformFilter<I extends NdArrayLike>(
  input: I,
  size?: number | readonly number[],
  options?: UniformFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function uniformFilter<D extends DType>(
  input: NdArrayLike,
  size: number | readonly number[] | undefined,
  options: UniformFilterOptions & OutputAs<D>,
): NdArray<D>;
export function uniformFilter(
  input: NdArrayLike,
  size?: number | readonly number[],
  options?: UniformFilterOptions,
): NdArray;
export function uniformFilter(
  input: NdArrayLike,
  size: number | readonly number[] = 3,
  options?: UniformFilterOptions,
): NdArray {
  const o = checkOptions(options, UNIFORM_KEYS);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const sizes = normalizeSequence(size, a.ndim, 'size', windowSize);
  const checkedOrigins = checkOrigins(o.origin, sizes);
  const modes = modesPerAxis(o.mode, a.ndim);
  const cval = checkCval(o.cval);
  const out = resolveOutput(a, o.output);
  if (uniform2d(a, out, sizes, modes, cval, checkedOrigins)) return out;
  return withStorage(out, (t) => {
    let cur: NdArray = a;
    for (let axis = 0; axis < a.ndim; axis++) {
      const s = sizes[axis] as number;
      if (s <= 1) continue;
      uniformInto(cur, s, axis, t, modes[axis] as BoundaryMode, cval, checkedOrigins[axis] as number);
      cur = t;
    }
    if (cur === a) castInto(a, t);
  });
}
