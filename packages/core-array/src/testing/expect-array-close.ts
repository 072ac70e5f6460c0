/**
 * Array comparison for tests: NumPy's `allclose` rule with a diff message that says where and
 * by how much, instead of a wall of numbers.
 */
import { asarray, type NdArrayLike } from '../array.js';
import { pairsLayout } from '../complex/layout.js';
import { type ComplexDType, isBigIntDType, isComplexDType } from '../dtypes.js';
import { describeValue } from '../errors.js';
import { forEachRun } from '../iterate.js';
import { NdArray } from '../ndarray.js';
import { shapesEqual } from '../shape.js';

/** Tolerances of {@link expectArrayClose}. */
export interface CloseOptions {
  /** Relative tolerance. @defaultValue 1e-12 */
  rtol?: number;
  /** Absolute tolerance. @defaultValue 0 */
  atol?: number;
  /**
   * What `rtol` is relative to: each expected element (`'element'`, NumPy's `allclose`), or the
   * largest expected magnitude (`'max'`, the project's "1e-12 relative to the largest magnitude").
   * @defaultValue 'element'
   */
  relativeTo?: 'element' | 'max';
  /** Require equal dtypes too. @defaultValue false */
  checkDtype?: boolean;
  /** NaN equals NaN. @defaultValue true */
  equalNan?: boolean;
  /** A label for the message (the fixture's name). */
  label?: string;
}

/** The elements in C order, as stored (bigints stay bigints). */
function rawValues(a: NdArray): (number | bigint)[] {
  const out: (number | bigint)[] = [];
  const data = a.data as ArrayLike<number | bigint>;
  forEachRun(a.shape, [a.strides], [a.offset], (off, n, st) => {
    for (let k = 0; k < n; k++) out.push(data[(off[0] as number) + k * (st[0] as number)] as number | bigint);
  });
  return out;
}

/** The elements in C order as numbers. */
function values(a: NdArray): number[] {
  return rawValues(a).map(Number);
}

/**
 * When either side is complex, both as float views with a trailing (real, imaginary) axis (a real
 * side made complex first), so the element loop compares parts; index `[…, 0]` is a real part.
 */
function asParts(a: NdArray, e: NdArray): [NdArray, NdArray] {
  if (!isComplexDType(a.dtype) && !isComplexDType(e.dtype)) return [a, e];
  const view = (x: NdArray): NdArray => {
    const c = (isComplexDType(x.dtype) ? x : x.astype('complex128')) as NdArray<ComplexDType>;
    const l = pairsLayout(c);
    return new NdArray(l.data, l.shape, { strides: l.strides, offset: l.offset, dtype: l.dtype });
  };
  return [view(a), view(e)];
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = shape.length - 1; i >= 0; i--) {
    const n = shape[i] as number;
    idx[i] = flat % n;
    flat = Math.floor(flat / n);
  }
  return idx;
}

/**
 * Throws an `Error` unless `actual` and `expected` have the same shape and every element satisfies
 * `|a − e| ≤ atol + rtol·|e|` (or `rtol·max|e|` with `relativeTo: 'max'`). NaNs must match NaNs,
 * infinities must be equal. The message lists the count of mismatches, the worst one with its
 * index, and the first few. Complex arrays are compared part by part (a real array against a
 * complex one as if its imaginary parts were 0); indices then end in 0 (real) or 1 (imaginary).
 *
 * @example
 * ```ts
 * import { expectArrayClose } from '@ndimage/core-array/testing';
 * expectArrayClose(gaussianFilter(im, 2), loadNpyFixture(url), { rtol: 1e-12, relativeTo: 'max' });
 * ```
 */
export function expectArrayClose(actual: NdArrayLike, expected: NdArrayLike, options: CloseOptions = {}): void {
  const { rtol = 1e-12, atol = 0, relativeTo = 'element', checkDtype = false, equalNan = true, label } = options;
  let a = asarray(actual);
  let e = asarray(expected);
  const where = label ? ` (${label})` : '';
  if (!shapesEqual(a.shape, e.shape)) {
    throw new Error(
      `arrays differ in shape${where}: actual ${describeValue([...a.shape])}, expected ${describeValue([...e.shape])}`,
    );
  }
  if (checkDtype && a.dtype !== e.dtype) {
    throw new Error(`arrays differ in dtype${where}: actual ${a.dtype}, expected ${e.dtype}`);
  }
  [a, e] = asParts(a, e);
  const av = values(a);
  const ev = values(e);
  let scale = 0;
  if (relativeTo === 'max') for (const v of ev) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  const bad: number[] = [];
  let worst = -1;
  let worstExcess = -Infinity;
  for (let i = 0; i < av.length; i++) {
    const x = av[i] as number;
    const y = ev[i] as number;
    let ok: boolean;
    let excess = 0;
    if (Number.isNaN(x) || Number.isNaN(y)) ok = equalNan && Number.isNaN(x) && Number.isNaN(y);
    else if (!Number.isFinite(x) || !Number.isFinite(y)) ok = x === y;
    else {
      const tol = atol + rtol * (relativeTo === 'max' ? scale : Math.abs(y));
      excess = Math.abs(x - y) - tol;
      ok = excess <= 0;
    }
    if (!ok) {
      bad.push(i);
      if (!Number.isFinite(excess) || excess > worstExcess) {
        worstExcess = Number.isFinite(excess) && excess !== 0 ? excess : Infinity;
        worst = i;
      }
    }
  }
  if (bad.length === 0) return;
  const at = (i: number): string =>
    `[${unravel(i, a.shape).join(', ')}]: actual ${av[i]}, expected ${ev[i]}, |diff| ${Math.abs((av[i] as number) - (ev[i] as number))}`;
  const firsts = bad
    .slice(0, 5)
    .map((i) => `  ${at(i)}`)
    .join('\n');
  throw new Error(
    `arrays not close${where}: ${bad.length} of ${av.length} elements differ (rtol ${rtol}, atol ${atol}, relative to ${relativeTo})\n` +
      `worst ${at(worst)}\nfirst mismatches:\n${firsts}`,
  );
}

/**
 * Throws an `Error` unless the arrays have equal shapes, equal dtypes and exactly equal elements
 * (NaN equal to NaN). For integer, bool and label outputs.
 *
 * @example
 * ```ts
 * expectArrayEqual(label(mask).labels, loadNpyFixture(url));
 * ```
 */
export function expectArrayEqual(actual: NdArrayLike, expected: NdArrayLike, options: { label?: string } = {}): void {
  const a = asarray(actual);
  const e = asarray(expected);
  if (!isBigIntDType(a.dtype) && !isBigIntDType(e.dtype)) {
    expectArrayClose(a, e, { rtol: 0, atol: 0, checkDtype: true, label: options.label });
    return;
  }
  // 64-bit integers: compare the bigints themselves (Number() would round above 2^53).
  const where = options.label ? ` (${options.label})` : '';
  if (a.dtype !== e.dtype || !shapesEqual(a.shape, e.shape)) {
    throw new Error(
      `arrays differ${where}: actual ${a.dtype} ${describeValue([...a.shape])}, expected ${e.dtype} ${describeValue([...e.shape])}`,
    );
  }
  const x = rawValues(a);
  const y = rawValues(e);
  const i = x.findIndex((v, k) => v !== y[k]);
  if (i >= 0)
    throw new Error(`arrays differ${where} at [${unravel(i, a.shape).join(', ')}]: actual ${x[i]}, expected ${y[i]}`);
}
