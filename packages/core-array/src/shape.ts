/**
 * Pure shape arithmetic: sizes, C-order strides, broadcasting.
 */
import { describeValue, NdImageError } from './errors.js';

/**
 * Number of elements of a shape (1 for the 0-d shape `[]`).
 *
 * @example
 * ```ts
 * shapeSize([3, 4]); // 12
 * shapeSize([]);     // 1
 * ```
 * @see numpy.prod(shape)
 */
export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/**
 * Row-major (C-order) strides, in elements, for a shape.
 *
 * @example
 * ```ts
 * cStrides([2, 3, 4]); // [12, 4, 1]
 * ```
 * @see numpy.ndarray.strides (in elements here, in bytes in NumPy)
 */
export function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= Math.max(shape[i] as number, 1);
  }
  return strides;
}

/** Column-major (Fortran-order) strides, in elements, for a shape. */
export function fStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = 0; i < shape.length; i++) {
    strides[i] = step;
    step *= Math.max(shape[i] as number, 1);
  }
  return strides;
}

/**
 * True when two shapes are equal element by element.
 *
 * @example
 * ```ts
 * shapesEqual([2, 3], [2, 3]); // true
 * ```
 * @see numpy.ndarray.shape ==
 */
export function shapesEqual(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The shape that NumPy's broadcasting rules give for several shapes: align on the right,
 * each pair of sizes must be equal or one of them 1.
 *
 * @throws NdImageError `ERR_SHAPE` when the shapes do not broadcast.
 * @example
 * ```ts
 * broadcastShapes([4, 1], [3]); // [4, 3]
 * broadcastShapes([2], [3]);    // throws ERR_SHAPE
 * ```
 * @see numpy.broadcast_shapes
 */
export function broadcastShapes(...shapes: readonly (readonly number[])[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const k = ndim - s.length + i;
      const d = s[i] as number;
      const cur = out[k] as number;
      if (d === cur || d === 1) continue;
      if (cur === 1) out[k] = d;
      else {
        throw new NdImageError(
          'ERR_SHAPE',
          `shapes ${shapes.map((x) => describeValue([...x])).join(', ')} do not broadcast: axis ${k} has sizes ${cur} and ${d}`,
        );
      }
    }
  }
  return out;
}

/**
 * Strides that read an array of `shape`/`strides` as if it had the broadcast shape `target`
 * (stride 0 along stretched or added axes).
 */
export function broadcastStrides(
  shape: readonly number[],
  strides: readonly number[],
  target: readonly number[],
): number[] {
  const out = new Array<number>(target.length).fill(0);
  const lead = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) {
    out[lead + i] = shape[i] === 1 ? 0 : (strides[i] as number);
  }
  return out;
}
