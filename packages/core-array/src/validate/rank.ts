/** Checks of an array's rank shared by the packages. */
import { NdImageError } from '../errors.js';

/**
 * Refuses a 0-d array where a function needs at least one axis.
 *
 * @throws NdImageError `ERR_SHAPE`: ``\`input\` must have at least one axis; got a 0-d array``.
 * @example
 * ```ts
 * requireAxes({ ndim: 2 }); // no error
 * ```
 */
export function requireAxes(a: { readonly ndim: number }, name = 'input'): void {
  if (a.ndim === 0) {
    throw new NdImageError('ERR_SHAPE', `\`${name}\` must have at least one axis; got a 0-d array`, { argument: name });
  }
}
