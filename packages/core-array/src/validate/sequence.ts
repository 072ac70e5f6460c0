/**
 * Per-axis arguments (SciPy's `_normalize_sequence`): one value for every axis, or a list of
 * exactly one value per axis, each checked. And the window origins every filter and morphology
 * function takes.
 */
import { invalidArgument } from '../errors.js';
import { checkInteger } from '../validate.js';

/**
 * One value per axis from a scalar or a list (whose length must be `ndim`), each checked by
 * `check` under its own name (`sigma[1]`).
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for a list of another length, or a value `check` refuses.
 * @example
 * ```ts
 * normalizeSequence(2, 3, 'sigma', (v) => v); // [2, 2, 2]
 * normalizeSequence([1, 2], 3, 'sigma', (v) => v);
 * // throws: invalid argument: `sigma` must be one value or a list of 3 (one per axis); got [1, 2]
 * ```
 */
export function normalizeSequence<T>(
  value: unknown,
  ndim: number,
  name: string,
  check: (v: unknown, name: string) => T,
): T[] {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = Array.from(value as ArrayLike<unknown>);
    if (list.length !== ndim) throw invalidArgument(name, `one value or a list of ${ndim} (one per axis)`, value);
    return list.map((v, i) => check(v, `${name}[${i}]`));
  }
  return new Array<T>(ndim).fill(check(value, name));
}

/**
 * Checks the origin of a window of length `size`: an integer with
 * −(size//2) ≤ origin ≤ (size−1)//2, as SciPy.
 *
 * @example
 * ```ts
 * checkOrigin(1, 3);  // 1
 * checkOrigin(-2, 3); // throws: `origin` must be an integer in [-1, 1]; got -2
 * ```
 */
export function checkOrigin(origin: unknown, size: number, name = 'origin'): number {
  return checkInteger(origin ?? 0, name, { min: -Math.floor(size / 2), max: Math.floor((size - 1) / 2) });
}

/**
 * The origins of a window of `shape`: one for all axes or one per axis (absent: 0), each checked
 * against its axis's length.
 *
 * @example
 * ```ts
 * checkOrigins([0, 1], [3, 3]); // [0, 1]
 * checkOrigins(undefined, [3]); // [0]
 * ```
 */
export function checkOrigins(origin: unknown, shape: readonly number[], name = 'origin'): number[] {
  const nd = shape.length;
  const values = normalizeSequence(origin ?? 0, nd, name, (v) => v);
  return values.map((v, i) => checkOrigin(v, shape[i] as number, nd > 1 ? `${name}[${i}]` : name));
}
