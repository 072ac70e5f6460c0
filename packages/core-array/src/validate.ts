/**
 * Argument checks shared by every package: each throws an {@link NdImageError} whose message
 * names the argument, the value given and what was expected.
 */
import { describeValue, invalidArgument, NdImageError } from './errors.js';

/**
 * Checks that `value` is an integer in `[min, max]` and returns it.
 *
 * @example
 * ```ts
 * checkInteger(3, 'iterations', { min: 0 }); // 3
 * checkInteger(1.5, 'iterations');           // throws ERR_INVALID_ARGUMENT
 * ```
 */
export function checkInteger(value: unknown, name: string, range: { min?: number; max?: number } = {}): number {
  const { min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(name, describeRange('an integer', min, max), value);
  }
  return value;
}

/**
 * Checks that `value` is a finite number in `[min, max]` and returns it.
 *
 * @example
 * ```ts
 * checkFiniteNumber(-1, 'sigma', { min: 0 }); // throws: `sigma` must be a finite number ≥ 0; got -1
 * ```
 */
export function checkFiniteNumber(value: unknown, name: string, range: { min?: number; max?: number } = {}): number {
  const { min = -Infinity, max = Infinity } = range;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidArgument(name, describeRange('a finite number', min, max), value);
  }
  return value;
}

function describeRange(what: string, min: number, max: number): string {
  const lo = min > -Number.MAX_SAFE_INTEGER && min !== -Infinity;
  const hi = max < Number.MAX_SAFE_INTEGER && max !== Infinity;
  if (lo && hi) return `${what} in [${min}, ${max}]`;
  if (lo) return `${what} ≥ ${min}`;
  if (hi) return `${what} ≤ ${max}`;
  return what;
}

/**
 * Resolves a possibly negative axis against `ndim` (NumPy: `-1` is the last axis).
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` when the axis is not an integer in `[-ndim, ndim)`.
 * @example
 * ```ts
 * normalizeAxis(-1, 3); // 2
 * normalizeAxis(3, 3);  // throws: `axis` must be an integer in [-3, 3); got 3
 * ```
 */
export function normalizeAxis(axis: unknown, ndim: number, name = 'axis'): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw invalidArgument(name, ndim === 0 ? 'absent for a 0-d array' : `an integer in [${-ndim}, ${ndim})`, axis);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Resolves one axis or a list of distinct axes; `undefined` means all axes.
 * Returns the axes sorted ascending.
 *
 * @example
 * ```ts
 * normalizeAxes([-1, 0], 3); // [0, 2]
 * normalizeAxes(undefined, 2); // [0, 1]
 * ```
 */
export function normalizeAxes(
  axis: number | readonly number[] | undefined | null,
  ndim: number,
  name = 'axis',
): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  if (!Array.isArray(list)) throw invalidArgument(name, 'an integer or an array of integers', axis);
  const out = list.map((a) => normalizeAxis(a, ndim, name));
  if (new Set(out).size !== out.length) throw invalidArgument(name, 'distinct axes', axis);
  return out.sort((a, b) => a - b);
}

/** Most axes an array may have (NumPy 2's limit; NumPy 1.x allows 32). */
export const MAX_NDIM = 64;

/**
 * Checks a shape: an array of non-negative safe integers whose product is a safe integer.
 * Returns a fresh copy.
 *
 * @example
 * ```ts
 * checkShape([2, 3]);  // [2, 3]
 * checkShape([2, -1]); // throws: `shape` must be an array of integers ≥ 0; got [2, -1]
 * ```
 */
export function checkShape(shape: unknown, name = 'shape'): number[] {
  const list = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(list) && !ArrayBuffer.isView(list)) {
    throw invalidArgument(name, 'an array of integers ≥ 0', shape);
  }
  if ((list as ArrayLike<unknown>).length > MAX_NDIM) {
    throw new NdImageError(
      'ERR_LIMIT',
      `\`${name}\` has ${(list as ArrayLike<unknown>).length} dimensions; at most ${MAX_NDIM} are supported`,
      {
        argument: name,
      },
    );
  }
  const dims = list as ArrayLike<unknown>;
  const out = new Array<number>(dims.length);
  let size = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw invalidArgument(name, 'an array of integers ≥ 0', shape);
    }
    out[i] = d;
    size *= d;
  }
  if (!Number.isSafeInteger(size)) {
    throw new NdImageError('ERR_LIMIT', `\`${name}\` ${describeValue(shape)} has more elements than can be addressed`, {
      argument: name,
    });
  }
  return out;
}

/**
 * Checks that a value is one of a fixed set of strings.
 *
 * @example
 * ```ts
 * checkOneOf('wrap', 'mode', ['reflect', 'wrap']); // 'wrap'
 * ```
 */
export function checkOneOf<const T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalidArgument(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
}
