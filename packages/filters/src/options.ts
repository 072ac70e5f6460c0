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

/** A non-negative finite number (sigma, truncate). */
export const nonNegative = (v: unknown, name: string): number => checkFiniteNumber(v, name, { min: 0 });

/** A non-negative integer (order, radius). */
export const nonNegativeInteger = (v: unknown, name: string): number => checkInteger(v, name, { min: 0 });
