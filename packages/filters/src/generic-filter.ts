/**
 * Filters with a function of yours: `genericFilter` (any window, one value per element) and
 * `genericFilter1d` (a whole line at a time), as SciPy calls them.
 *
 * The cost of a call per element: the window's values are copied into one Float64Array, reused
 * for every call (as SciPy hands its Python function a view of one reused buffer), and your
 * function is called once per element. A JavaScript call costs a few nanoseconds when V8 can
 * inline it — far less than SciPy's Python call (about a microsecond, plus a NumPy array per
 * call) — so a plain function like `(w) => w[0] + w[4]` runs at about the speed of the built-in
 * filters; a function that allocates (`w.slice().sort()`, `Array.from(w)`) pays for that
 * allocation at every element. Keep a reference to `window` only to read it during the call:
 * its contents change before the next one.
 */
import {
  asarray,
  type DType,
  type DTypeOf,
  type NdArray,
  type NdArrayLike,
  NdImageError,
  type NoOutput,
  type OutputAs,
} from '@ndimage/core-array';
import {
  checkOptions,
  checkOrigin,
  checkOrigins,
  invalidArgument,
  normalizeAxis,
  optionKeys,
  requireAxes,
} from '@ndimage/core-array/internal';
import { checkFootprint, type FootprintOptions, padInput, sizeOrOptions } from './footprint.js';
import { extraArguments as extraArgs } from './laplace.js';
import { windowSize } from './limits.js';
import { runLinePass } from './line-filter.js';
import { singleMode } from './modes.js';
import { type BoundaryOptions, checkCval } from './options.js';
import { lineStore, type OutputOptions, refuseStorageDType, resolveOutput, withStorage } from './output.js';

/**
 * The function of {@link genericFilter}: the window's values (the true elements of the footprint,
 * in C order, as float64; the same array at every call), then `extraArguments`; returns the
 * element's value (a number, or a boolean for 0/1).
 */
export type WindowFunction = (window: Float64Array, ...extra: never[]) => number | boolean;

/**
 * The function of {@link genericFilter1d}: the input line extended by the boundary mode
 * (`filterSize − 1` more samples than the line), the output line to fill (the same arrays for every
 * line; what is not written keeps the previous line's values), then `extraArguments`.
 */
export type LineFunction = (input: Float64Array, output: Float64Array, ...extra: never[]) => void;

/** Options of {@link genericFilter}. */
export interface GenericFilterOptions extends FootprintOptions {
  /** More arguments for the function, after the window (SciPy's `extra_arguments`). @defaultValue [] */
  extraArguments?: readonly unknown[];
}

/** Options of {@link genericFilter1d}. */
export interface GenericFilter1dOptions extends BoundaryOptions, OutputOptions {
  /** The axis to filter along. @defaultValue -1 (the last axis) */
  axis?: number;
  /** Window shift: −(size//2) ≤ origin ≤ (size−1)//2. @defaultValue 0 */
  origin?: number;
  /** More arguments for the function, after the two lines. @defaultValue [] */
  extraArguments?: readonly unknown[];
}

const GENERIC_KEYS = optionKeys<GenericFilterOptions>({
  size: true,
  footprint: true,
  mode: true,
  cval: true,
  origin: true,
  output: true,
  extraArguments: true,
});
const GENERIC1D_KEYS = optionKeys<GenericFilter1dOptions>({
  axis: true,
  mode: true,
  cval: true,
  origin: true,
  output: true,
  extraArguments: true,
});

function checkFunction(fn: unknown): void {
  if (typeof fn !== 'function') throw invalidArgument('function', 'a function', fn);
}

/** The function's result as a number (SciPy takes a float; a boolean counts as 0/1). */
function resultValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new NdImageError('ERR_INVALID_ARGUMENT', `the filter function must return a number; it returned ${typeof v}`, {
    argument: 'function',
  });
}

/**
 * Calls `fn` on every element's window: the values of the true elements of the `footprint` (or of
 * a `size` box) around the element, in C order, and stores its results in the output dtype
 * (SciPy's cast: truncate, then wrap, for integers). The boundary mode extends the input as in
 * the other footprint filters; `cval` is used as given (not cast to the input's dtype).
 *
 * See the module notes for what a call per element costs: the window is one reused Float64Array.
 *
 * @param fn - `(window, ...extraArguments) => number`.
 * @param size - a window size, a list of sizes, or the options (with `size` or `footprint`).
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for a missing window, a mode list, an origin outside
 *   the window, a function that returns something other than a number; `ERR_SHAPE` for a
 *   footprint of another rank.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[1, 2, 3], [4, 5, 6]]);
 * genericFilter(a, (w) => w[0] - w[1], [1, 2]).toArray(); // [[0, -1, -1], [0, -1, -1]]
 * genericFilter(a, (w) => Math.max(...w), { footprint: [[1, 0], [0, 1]], mode: 'constant' }).toArray(); // [[1, 2, 3], [4, 5, 6]]
 * genericFilter(a, (w, k) => k * w.reduce((s, v) => s + v, 0), 3, { extraArguments: [2], mode: 'nearest' }).index(0).toArray(); // [42, 54, 66]
 * ```
 * @see scipy.ndimage.generic_filter
 */
export function genericFilter<I extends NdArrayLike>(
  input: I,
  fn: WindowFunction,
  size: number | readonly number[] | (GenericFilterOptions & NoOutput),
  options?: GenericFilterOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function genericFilter<D extends DType>(
  input: NdArrayLike,
  fn: WindowFunction,
  size: number | readonly number[],
  options: GenericFilterOptions & OutputAs<D>,
): NdArray<D>;
export function genericFilter<D extends DType>(
  input: NdArrayLike,
  fn: WindowFunction,
  options: GenericFilterOptions & OutputAs<D>,
): NdArray<D>;
export function genericFilter(
  input: NdArrayLike,
  fn: WindowFunction,
  size: number | readonly number[] | GenericFilterOptions,
  options?: GenericFilterOptions,
): NdArray;
export function genericFilter(
  input: NdArrayLike,
  fn: WindowFunction,
  size: number | readonly number[] | GenericFilterOptions,
  options?: GenericFilterOptions,
): NdArray {
  checkFunction(fn);
  const o = checkOptions(
    typeof size === 'number' || Array.isArray(size)
      ? { ...checkOptions(options, GENERIC_KEYS), size: size as number | readonly number[] }
      : sizeOrOptions(size as GenericFilterOptions | undefined, undefined),
    GENERIC_KEYS,
  );
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const fp = checkFootprint(a.ndim, o.size, o.footprint);
  const mode = singleMode(o.mode); // SciPy: no per-axis list
  const cval = checkCval(o.cval);
  const nd = a.ndim;
  const origins = checkOrigins(o.origin, fp.shape);
  const extra = extraArgs(o.extraArguments);
  const out = resolveOutput(a, o.output);
  if (a.size === 0) return out;
  if (nd === 0) throw invalidArgument('input', 'an array with at least one axis', 'a 0-d array');
  const lefts = fp.shape.map((L, i) => (L >> 1) + (origins[i] as number));
  const rights = fp.shape.map((L, i) => L - 1 - (lefts[i] as number));
  const { padded, pstrides } = padInput(a, lefts, rights, mode, cval);
  const offsets: number[] = [];
  const widx = new Array<number>(nd).fill(0);
  for (let e = 0; e < fp.mask.length; e++) {
    if (fp.mask[e]) offsets.push(widx.reduce((s, k, ax) => s + k * (pstrides[ax] as number), 0));
    for (let ax = nd - 1; ax >= 0; ax--) {
      widx[ax] = (widx[ax] as number) + 1;
      if ((widx[ax] as number) < (fp.shape[ax] as number)) break;
      widx[ax] = 0;
    }
  }
  const off = Int32Array.from(offsets);
  const call = caller(fn as (...args: unknown[]) => unknown, off.length, extra);
  const last = nd - 1;
  const n = a.shape[last] as number;
  const row = new Float64Array(n);
  const rows = a.size / n;
  return withStorage(out, (t) => {
    const store = lineStore(t);
    const oidx = new Array<number>(nd).fill(0);
    for (let r = 0; r < rows; r++) {
      let base = 0;
      let at = t.offset;
      for (let ax = 0; ax < last; ax++) {
        base += (oidx[ax] as number) * (pstrides[ax] as number);
        at += (oidx[ax] as number) * (t.strides[ax] as number);
      }
      call(padded, base, off, row, n);
      store(row, 0, n, at, t.strides[last] as number);
      for (let ax = last - 1; ax >= 0; ax--) {
        oidx[ax] = (oidx[ax] as number) + 1;
        if ((oidx[ax] as number) < (a.shape[ax] as number)) break;
        oidx[ax] = 0;
      }
    }
  });
}

/** One row's loop: fill the window, call, keep the result. Each variant calls `fn` one way only. */
type RowCall = (padded: Float64Array, base: number, off: Int32Array, row: Float64Array, n: number) => void;

function caller(fn: (...args: unknown[]) => unknown, count: number, extra: unknown[]): RowCall {
  const window = new Float64Array(count);
  if (extra.length === 0) {
    return (padded, base, off, row, n) => {
      for (let i = 0; i < n; i++) {
        const b = base + i;
        for (let k = 0; k < count; k++) window[k] = padded[b + (off[k] as number)] as number;
        const v = fn(window);
        row[i] = typeof v === 'number' ? v : resultValue(v);
      }
    };
  }
  const args = [window, ...extra];
  return (padded, base, off, row, n) => {
    for (let i = 0; i < n; i++) {
      const b = base + i;
      for (let k = 0; k < count; k++) window[k] = padded[b + (off[k] as number)] as number;
      const v = fn.apply(undefined, args);
      row[i] = typeof v === 'number' ? v : resultValue(v);
    }
  };
}

/**
 * Calls `fn` once per line along `axis` with the line extended by the boundary mode
 * (`filterSize − 1` extra samples: `filterSize//2 + origin` before, the rest after) and an output
 * line to fill; the output lines are stored in the output dtype (SciPy's cast). Both lines are
 * Float64Arrays reused from line to line.
 *
 * @param fn - `(inputLine, outputLine, ...extraArguments) => void`.
 * @param filterSize - the window length the function needs (≥ 1).
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for a size below 1, an origin outside the window, an
 *   axis out of range.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const sum3 = (inp, out) => { for (let i = 0; i < out.length; i++) out[i] = inp[i] + inp[i + 1] + inp[i + 2]; };
 * genericFilter1d(array([1, 2, 3, 4]), sum3, 3, { mode: 'constant' }).toArray(); // [3, 6, 9, 7]
 * ```
 * @see scipy.ndimage.generic_filter1d
 */
export function genericFilter1d<I extends NdArrayLike>(
  input: I,
  fn: LineFunction,
  filterSize: number,
  options?: GenericFilter1dOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function genericFilter1d<D extends DType>(
  input: NdArrayLike,
  fn: LineFunction,
  filterSize: number,
  options: GenericFilter1dOptions & OutputAs<D>,
): NdArray<D>;
export function genericFilter1d(
  input: NdArrayLike,
  fn: LineFunction,
  filterSize: number,
  options?: GenericFilter1dOptions,
): NdArray;
export function genericFilter1d(
  input: NdArrayLike,
  fn: LineFunction,
  filterSize: number,
  options?: GenericFilter1dOptions,
): NdArray {
  checkFunction(fn);
  const o = checkOptions(options, GENERIC1D_KEYS);
  const a = asarray(input);
  refuseStorageDType(a.dtype, 'input');
  const size = windowSize(filterSize, 'filterSize');
  requireAxes(a);
  const axis = normalizeAxis(o.axis ?? -1, a.ndim);
  const mode = singleMode(o.mode);
  const cval = checkCval(o.cval);
  const origin = checkOrigin(o.origin ?? 0, size);
  const extra = extraArgs(o.extraArguments);
  const out = resolveOutput(a, o.output);
  const left = (size >> 1) + origin;
  const n = a.shape[axis] as number;
  const outLine = new Float64Array(n);
  const args: unknown[] = [undefined, outLine, ...extra];
  const f = fn as (...args: unknown[]) => unknown;
  return withStorage(out, (t) =>
    runLinePass({
      input: a,
      output: t,
      axis,
      left,
      right: size - 1 - left,
      mode,
      cval,
      kernel: (buf, len, dst, d0) => {
        args[0] = buf;
        f.apply(undefined, args);
        dst.set(outLine.subarray(0, len), d0);
      },
    }),
  );
}
