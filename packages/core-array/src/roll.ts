/**
 * roll: shift elements along axes with wrap-around, as `numpy.roll`.
 */
import { asarray, type NdArrayLike } from './array.js';
import { copyRuns } from './cast.js';
import { allocate } from './dtypes.js';
import { invalidArgument } from './errors.js';
import { NdArray } from './ndarray.js';
import { normalizeAxis } from './validate.js';

/**
 * Shifts elements by `shift` positions along `axis`; elements that fall off one end come back at
 * the other. Without `axis` the array is rolled as if flattened (C order), then reshaped back.
 * `shift` and `axis` may be lists (one shift per axis; a single shift applies to every listed axis).
 * Always returns a new C-contiguous array.
 *
 * This is the periodic neighbour of the ROF iteration: `roll(u, -1, 1)` is `u[y, x+1]`.
 *
 * @example
 * ```ts
 * roll(arange(5), 2).toArray();                              // [3, 4, 0, 1, 2]
 * roll(array([[1, 2, 3], [4, 5, 6]]), -1, 1).toArray();     // [[2, 3, 1], [5, 6, 4]]
 * ```
 * @see numpy.roll
 */
export function roll(
  input: NdArrayLike,
  shift: number | readonly number[],
  axis?: number | readonly number[],
): NdArray {
  const a = asarray(input);
  if (axis === undefined) {
    if (typeof shift !== 'number') throw invalidArgument('shift', 'a single integer when `axis` is omitted', shift);
    return roll(a.ravel(), shift, 0).reshape(a.shape);
  }
  const axes = typeof axis === 'number' ? [axis] : [...axis];
  const shifts = typeof shift === 'number' ? axes.map(() => shift) : [...shift];
  if (shifts.length !== axes.length && shifts.length !== 1) {
    throw invalidArgument('shift', `one integer or ${axes.length} integers (one per axis)`, shift);
  }
  // Net shift per axis (NumPy adds shifts given for the same axis twice).
  const net = new Array<number>(a.ndim).fill(0);
  axes.forEach((ax, i) => {
    const s = shifts.length === 1 ? shifts[0] : shifts[i];
    if (typeof s !== 'number' || !Number.isInteger(s)) throw invalidArgument('shift', 'integers', shift);
    const k = normalizeAxis(ax, a.ndim);
    net[k] = (net[k] as number) + s;
  });
  const out = new NdArray(allocate(a.dtype, a.size), a.shape, { dtype: a.dtype });
  if (a.size === 0) return out;
  // Each rolled axis splits into two blocks (the part that wraps and the rest); copy all 2^k
  // block pairs, each a plain strided copy.
  const rolled = net.flatMap((s, ax) => {
    const n = a.shape[ax] as number;
    const m = ((s % n) + n) % n;
    return m === 0 ? [] : [{ ax, n, m }];
  });
  for (let mask = 0; mask < 1 << rolled.length; mask++) {
    const src: ([number, number] | null)[] = a.shape.map(() => null);
    const dst: ([number, number] | null)[] = a.shape.map(() => null);
    rolled.forEach(({ ax, n, m }, bit) => {
      if (mask & (1 << bit)) {
        src[ax] = [n - m, n];
        dst[ax] = [0, m];
      } else {
        src[ax] = [0, n - m];
        dst[ax] = [m, n];
      }
    });
    copyRuns(a.slice(...src), out.slice(...dst));
  }
  return out;
}
