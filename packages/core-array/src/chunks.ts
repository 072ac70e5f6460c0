/**
 * The float64 chunk pipeline behind element-wise ops, casts and reductions.
 *
 * Why: V8 compiles a loop once per function, and a loop that has seen many typed-array types
 * goes megamorphic and runs ~30× slower (measured: 605 ms against 20 ms for a 4096² add).
 * So every kernel here loops over Float64Arrays only, and operands of other dtypes are converted
 * a chunk at a time with `TypedArray.prototype.set`, which converts natively at memory speed.
 * A float64 operand with unit stride is used in place, without a copy.
 */
import type { NumericTypedArray } from './dtypes.js';

/** Elements per chunk: small enough for scratch lines to stay in L1/L2 cache. */
export const CHUNK = 4096;

/** Where a chunk's values are: `array[base .. base + n)`. Reused to avoid allocating per chunk. */
export interface ChunkRef {
  array: Float64Array;
  base: number;
}

/**
 * A fresh {@link ChunkRef} with its own scratch line, no longer than the `size` elements it will
 * see (small arrays then allocate little: a 3×3 add went from 9 to ~2 µs).
 */
export function chunkRef(size: number = CHUNK): ChunkRef {
  return { array: new Float64Array(Math.min(CHUNK, size)), base: 0 };
}

/**
 * Makes `n` elements of `data` (from `offset`, stepping `stride`) readable as float64 through
 * `ref`: in place for a float64 run with stride 1, otherwise converted into `scratch`.
 */
export function loadChunk(
  data: NumericTypedArray,
  offset: number,
  stride: number,
  n: number,
  scratch: Float64Array,
  ref: ChunkRef,
): void {
  if (stride === 1 && data instanceof Float64Array) {
    ref.array = data;
    ref.base = offset;
    return;
  }
  ref.array = scratch;
  ref.base = 0;
  if (stride === 1) scratch.set(data.subarray(offset, offset + n));
  else if (stride === 0) scratch.fill(data[offset] as number, 0, n);
  else for (let k = 0, j = offset; k < n; k++, j += stride) scratch[k] = data[j] as number;
}

/**
 * Stores `n` float64 values from `src[base..]` into `data` (from `offset`, stepping `stride`),
 * with the typed array's own conversion (integers wrap, float32 rounds to nearest).
 */
export function storeChunk(
  data: NumericTypedArray,
  offset: number,
  stride: number,
  n: number,
  src: Float64Array,
  base: number,
): void {
  if (stride === 1) {
    if (src === data && base === offset) return;
    data.set(base === 0 && n === src.length ? src : src.subarray(base, base + n), offset);
  } else {
    for (let k = 0, j = offset; k < n; k++, j += stride) data[j] = src[base + k] as number;
  }
}

/**
 * Copies `n` elements of `data` (from `offset`, stepping `stride`; any numeric dtype) into
 * `into[at .. at + n)` as float64. The building block of line filters: a unit-stride line is
 * converted natively by `TypedArray#set`, a strided one element by element.
 *
 * @example
 * ```ts
 * const buf = new Float64Array(5);
 * readLine(new Uint8Array([1, 2, 3, 4, 5, 6]), 1, 2, 3, buf, 1); // buf is [0, 2, 4, 6, 0]
 * ```
 */
export function readLine(
  data: NumericTypedArray,
  offset: number,
  stride: number,
  n: number,
  into: Float64Array,
  at: number,
): void {
  if (stride === 1) into.set(data.subarray(offset, offset + n), at);
  else for (let k = 0, j = offset; k < n; k++, j += stride) into[at + k] = data[j] as number;
}
