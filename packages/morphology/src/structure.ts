/**
 * Structuring elements: SciPy's `generate_binary_structure` and `iterate_structure`, the common
 * shapes, and the checks every morphology function applies to a `structure` or `footprint`.
 */

import { asarray, cStrides, type NdArray, NdImageError, type NumericTypedArray, zeros } from '@ndimage/core-array';
import { checkInteger, describeValue, nextIndex } from '@ndimage/core-array/internal';
import type { ArrayInput } from './types.js';

/** A checked structuring element: shape and C-order 0/1 mask. */
export interface Structure {
  shape: number[];
  mask: Uint8Array;
}

/**
 * The structure of `rank` dimensions whose element at offset d ∈ {−1, 0, 1}^rank is true when
 * Σ|dᵢ| ≤ `connectivity`: 1 is the cross (4-connectivity in 2-D, 6 in 3-D), `rank` is the full
 * 3×…×3 box (8-connectivity in 2-D). Connectivity below 1 counts as 1; rank 0 gives `true`.
 *
 * @example
 * ```ts
 * generateBinaryStructure(2, 1).toArray(); // [[0, 1, 0], [1, 1, 1], [0, 1, 0]]  (bool: 1 is true)
 * generateBinaryStructure(2, 2).toArray(); // [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
 * ```
 * @see scipy.ndimage.generate_binary_structure
 */
export function generateBinaryStructure(rank: number, connectivity: number): NdArray<'bool'> {
  const r = checkInteger(rank, 'rank', { min: 0, max: 32 });
  const c = Math.max(1, checkInteger(connectivity, 'connectivity'));
  const out = zeros(new Array<number>(r).fill(3), { dtype: 'bool' });
  const d = out.data as Uint8Array;
  for (let i = 0; i < d.length; i++) {
    let dist = 0;
    for (let k = 0, q = i; k < r; k++, q = Math.floor(q / 3)) dist += q % 3 === 1 ? 0 : 1;
    d[i] = dist <= c ? 1 : 0;
  }
  return out;
}

/**
 * The structure dilated by itself `iterations − 1` times (a copy for `iterations < 2`): each axis
 * grows from s to s + (iterations − 1)(s − 1). `ones([9, 5])` iterated twice is `ones([17, 9])`,
 * the cross iterated twice the 5×5 diamond. With `origin`, also returns the origin scaled by
 * `iterations`, as SciPy returns the pair.
 *
 * @example
 * ```ts
 * iterateStructure(generateBinaryStructure(2, 1), 2).shape; // [5, 5]
 * iterateStructure(generateBinaryStructure(2, 1), 3, 1).origin; // [3, 3]
 * ```
 * @see scipy.ndimage.iterate_structure
 */
export function iterateStructure(structure: ArrayInput, iterations: number): NdArray<'bool'>;
export function iterateStructure(
  structure: ArrayInput,
  iterations: number,
  origin: number | readonly number[],
): { structure: NdArray<'bool'>; origin: number[] };
export function iterateStructure(
  structure: ArrayInput,
  iterations: number,
  origin?: number | readonly number[],
): NdArray<'bool'> | { structure: NdArray<'bool'>; origin: number[] } {
  const s = readStructure(structure, undefined, 'structure');
  const it = checkInteger(iterations, 'iterations');
  let result: Structure = { shape: [...s.shape], mask: s.mask.slice() };
  for (let k = 1; k < it; k++) result = dilateStructure(result, s);
  const out = fromStructure(result);
  if (origin === undefined) return out;
  const o = typeof origin === 'number' ? new Array<number>(s.shape.length).fill(origin) : [...origin];
  if (o.length !== s.shape.length) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`origin\` has ${o.length} entries; the structure has rank ${s.shape.length}`,
      {
        argument: 'origin',
      },
    );
  }
  return { structure: out, origin: o.map((v, i) => checkInteger(v, `origin[${i}]`) * Math.max(it, 1)) };
}

/** a ⊕ b: the Minkowski sum of two structures, shape a + b − 1 per axis. */
function dilateStructure(a: Structure, b: Structure): Structure {
  const nd = a.shape.length;
  const shape = a.shape.map((n, i) => n + (b.shape[i] as number) - 1);
  const out = new Uint8Array(shape.reduce((p, n) => p * n, 1));
  const strides = cStrides(shape);
  const ia = new Array<number>(nd).fill(0);
  for (let p = 0; p < a.mask.length; p++) {
    if (a.mask[p]) {
      const ib = new Array<number>(nd).fill(0);
      for (let q = 0; q < b.mask.length; q++) {
        if (b.mask[q]) {
          let at = 0;
          for (let k = 0; k < nd; k++) at += ((ia[k] as number) + (ib[k] as number)) * (strides[k] as number);
          out[at] = 1;
        }
        nextIndex(ib, b.shape);
      }
    }
    nextIndex(ia, a.shape);
  }
  return { shape, mask: out };
}

/** A bool NdArray of a structure. */
function fromStructure(s: Structure): NdArray<'bool'> {
  const out = zeros(s.shape, { dtype: 'bool' });
  (out.data as Uint8Array).set(s.mask);
  return out;
}

/**
 * Reads a structure or footprint: any array (nonzero = true, NaN included) of rank `ndim` when
 * given, with at least one element.
 *
 * @throws NdImageError `ERR_SHAPE` for the wrong rank; `ERR_INVALID_ARGUMENT` for an empty one.
 */
export function readStructure(value: ArrayInput, ndim: number | undefined, name: string): Structure {
  let a: NdArray;
  try {
    a = asarray(value as never);
  } catch (e) {
    if (NdImageError.isInstance(e)) {
      throw new NdImageError('ERR_INVALID_ARGUMENT', `\`${name}\` must be an array; ${e.message}`, { argument: name });
    }
    throw e;
  }
  if (ndim !== undefined && a.ndim !== ndim) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`${name}\` must have the input's rank ${ndim}; got shape ${describeValue([...a.shape])}`,
      { argument: name },
    );
  }
  if (a.size === 0) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`${name}\` must have at least one element; got shape ${describeValue([...a.shape])}`,
      {
        argument: name,
      },
    );
  }
  if (a.dtype === 'int64' || a.dtype === 'uint64') a = a.astype('float64');
  const c = a.toContiguous();
  const d = c.data as NumericTypedArray;
  const mask = new Uint8Array(c.size);
  for (let i = 0; i < mask.length; i++) mask[i] = d[c.offset + i] !== 0 ? 1 : 0;
  return { shape: [...a.shape], mask };
}

/**
 * The box of `shape`, all true: `box([9, 5])` is the textbook's `ones((9, 5))`.
 *
 * @example
 * ```ts
 * box([2, 3]).toArray(); // [[1, 1, 1], [1, 1, 1]]
 * ```
 * @see numpy.ones(shape, bool)
 */
export function box(shape: readonly number[]): NdArray<'bool'> {
  const s = shape.map((n, i) => checkInteger(n, `shape[${i}]`, { min: 1 }));
  const out = zeros(s, { dtype: 'bool' });
  (out.data as Uint8Array).fill(1);
  return out;
}

/**
 * The `size`×`size` square, all true.
 *
 * @example
 * ```ts
 * square(3).shape; // [3, 3]
 * ```
 * @see numpy.ones((n, n), bool)
 */
export function square(size: number): NdArray<'bool'> {
  return box([size, size]);
}

/**
 * The 2-D disk of `radius`: the (2r+1)×(2r+1) structure true where x² + y² ≤ r² (skimage's
 * `disk`).
 *
 * @example
 * ```ts
 * disk(1).toArray(); // [[0, 1, 0], [1, 1, 1], [0, 1, 0]]
 * ```
 * @see skimage.morphology.disk
 */
export function disk(radius: number): NdArray<'bool'> {
  const r = checkInteger(radius, 'radius', { min: 0, max: 10_000 });
  const n = 2 * r + 1;
  const out = zeros([n, n], { dtype: 'bool' });
  const d = out.data as Uint8Array;
  for (let y = -r; y <= r; y++) for (let x = -r; x <= r; x++) d[(y + r) * n + x + r] = x * x + y * y <= r * r ? 1 : 0;
  return out;
}

/**
 * The cross of `rank` dimensions and arm length `radius`: true where Σ|dᵢ| ≤ radius. `cross(2)`
 * is SciPy's default structure (4-connectivity), `cross(2, 2)` the 5×5 diamond.
 *
 * @example
 * ```ts
 * cross(1).toArray(); // [1, 1, 1]
 * cross(2, 2).shape;  // [5, 5]
 * ```
 * @see scipy.ndimage.generate_binary_structure and scipy.ndimage.iterate_structure
 */
export function cross(rank = 2, radius = 1): NdArray<'bool'> {
  const nd = checkInteger(rank, 'rank', { min: 1, max: 32 });
  const r = checkInteger(radius, 'radius', { min: 0, max: 10_000 });
  const n = 2 * r + 1;
  const shape = new Array<number>(nd).fill(n);
  const out = zeros(shape, { dtype: 'bool' });
  const d = out.data as Uint8Array;
  for (let i = 0; i < d.length; i++) {
    let dist = 0;
    for (let k = 0, q = i; k < nd; k++, q = Math.floor(q / n)) dist += Math.abs((q % n) - r);
    d[i] = dist <= r ? 1 : 0;
  }
  return out;
}
