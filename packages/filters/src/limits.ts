/**
 * The budgets that keep a window parameter from turning into a huge allocation or an endless
 * loop. SciPy pads each line by the window (size 1e9: an 8 GB buffer, `MemoryError`) and builds
 * a footprint of every window element (size 1e5 in 2-D: 10¹⁰ elements); here a window within
 * the budget gives SciPy's answer, even far larger than the image, and one beyond it is
 * `ERR_LIMIT` before anything is allocated.
 */
import { NdImageError } from '@ndimage/core-array';
import { checkInteger, describeValue } from '@ndimage/core-array/internal';
import { MAX_RADIUS } from './gaussian-kernel.js';

/** Longest 1-D window: the longest Gaussian kernel (radius {@link MAX_RADIUS}), 16 MB of float64. */
export const MAX_WINDOW: number = 2 * MAX_RADIUS + 1;

/** Most elements of a window that cannot be split into 1-D passes (rank filters, footprints). */
export const MAX_FOOTPRINT: number = 1 << 22;

/**
 * Checks a window length along one axis: an integer ≥ 1 and at most {@link MAX_WINDOW}.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for a non-integer or a size < 1, `ERR_LIMIT` above the budget.
 */
export function windowSize(value: unknown, name: string): number {
  const size = checkInteger(value, name, { min: 1 });
  if (size > MAX_WINDOW) {
    throw new NdImageError('ERR_LIMIT', `\`${name}\` is ${size}; windows longer than ${MAX_WINDOW} are refused`, {
      argument: name,
    });
  }
  return size;
}

/**
 * Checks that a box window of `shape` (with `total` elements) may be built element by element.
 *
 * @throws NdImageError `ERR_LIMIT` when it has more than {@link MAX_FOOTPRINT} elements.
 */
export function checkFootprintBudget(shape: readonly number[], total: number): void {
  if (total > MAX_FOOTPRINT) {
    throw new NdImageError(
      'ERR_LIMIT',
      `a window of size ${describeValue([...shape])} has ${total} elements; this filter visits each, and the limit is ${MAX_FOOTPRINT}`,
      { argument: 'size' },
    );
  }
}
