/**
 * Options shared by the filters, each documented once (DESIGN §3), and the per-axis argument
 * helpers.
 */
import { checkFiniteNumber, checkInteger, invalidArgument } from '@ndimage/core-array/internal';
import type { Mode } from './modes.js';

/** How the input is extended past its edges. */
export interface BoundaryOptions {
  /**
   * Boundary mode: `'reflect'` (d c b a | a b c d | d c b a), `'constant'` (cval), `'nearest'`
   * (a a a | a b c d | d d d), `'mirror'` (d c b | a b c d | c b a), `'wrap'` (a b c d | a b c d),
   * and the synonyms `'grid-mirror'`, `'grid-constant'`, `'grid-wrap'`. Separable filters accept
   * one mode per axis.
   * @defaultValue 'reflect'
   */
  mode?: Mode | readonly Mode[];
  /** The value past the edges in `'constant'` mode. @defaultValue 0 */
  cval?: number;
}

/** Checks `cval`: any number (NaN and ±Infinity are legitimate padding values). */
export function checkCval(cval: unknown): number {
  if (cval === undefined) return 0;
  if (typeof cval !== 'number') throw invalidArgument('cval', 'a number', cval);
  return cval;
}

/**
 * One value per axis from a scalar or a list (whose length must be the number of axes), each
 * checked by `check`.
 *
 * @example
 * ```ts
 * perAxis(2, 3, 'sigma', (v, n) => checkFiniteNumber(v, n, { min: 0 })); // [2, 2, 2]
 * ```
 */
export function perAxis<T>(value: unknown, ndim: number, name: string, check: (v: unknown, name: string) => T): T[] {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = Array.from(value as ArrayLike<unknown>);
    if (list.length !== ndim) throw invalidArgument(name, `one value or a list of ${ndim} (one per axis)`, value);
    return list.map((v, i) => check(v, `${name}[${i}]`));
  }
  return new Array<T>(ndim).fill(check(value, name));
}

/**
 * Checks an origin for a window of length `size`: −(size//2) ≤ origin ≤ (size−1)//2, as SciPy.
 */
export function checkOrigin(origin: unknown, size: number, name = 'origin'): number {
  const lo = -Math.floor(size / 2);
  const hi = Math.floor((size - 1) / 2);
  return checkInteger(origin ?? 0, name, { min: lo, max: hi });
}

/** A non-negative finite number (sigma, truncate). */
export const nonNegative = (v: unknown, name: string): number => checkFiniteNumber(v, name, { min: 0 });

/** A non-negative integer (order, radius). */
export const nonNegativeInteger = (v: unknown, name: string): number => checkInteger(v, name, { min: 0 });
