/**
 * `valueIndices`: where each distinct value of an integer array occurs (SciPy 1.10's
 * `value_indices`, IDL's REVERSE_INDICES).
 */
import { asarray, type DType, isBigIntDType, NdArray, NdImageError } from '@ndimage/core-array';
import { allocate, checkOptions, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import type { ArrayInput } from './types.js';

/** Options of {@link valueIndices}. */
export interface ValueIndicesOptions {
  /** A value to leave out (cast to the array's dtype first, as SciPy: 258 on uint8 is 2). @defaultValue none */
  ignoreValue?: number | bigint;
}

/** The key type of {@link valueIndices}' map: `bigint` for int64/uint64 arrays, `number` otherwise. */
export type ValueKey<D extends DType> = D extends 'int64' | 'uint64' ? bigint : number;

const VALUE_INDICES_KEYS = optionKeys<ValueIndicesOptions>({ ignoreValue: true });
const BITS = { uint8: 8, int8: 8, uint16: 16, int16: 16, uint32: 32, int32: 32 } as const;
const INTEGER_DTYPES: readonly DType[] = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'int64', 'uint64'];

/**
 * For each distinct value of an integer array, the index arrays of its elements (one int32 array
 * per axis, in C order: `map.get(v)[k][i]` is the axis-k coordinate of the i-th element equal to
 * v). Keys are in increasing order. One pass over the array plus one to place the indices.
 *
 * SciPy returns intp (int64) index arrays; int32 holds every index an array here can have.
 *
 * @throws NdImageError `ERR_DTYPE` for a bool or float array (SciPy: ValueError).
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[0, 0, 1], [2, 2, 0]], { dtype: 'int32' });
 * const vi = valueIndices(a, { ignoreValue: 0 });
 * [...vi.keys()]; // [1, 2]
 * vi.get(2).map((ix) => ix.toArray()); // [[1, 1], [0, 1]]
 * ```
 * @see scipy.ndimage.value_indices
 */
export function valueIndices<D extends DType>(
  arr: NdArray<D> | ArrayInput,
  options?: ValueIndicesOptions,
): Map<ValueKey<D>, NdArray<'int32'>[]> {
  const o = checkOptions(options, VALUE_INDICES_KEYS);
  const a = asarray(arr as never) as NdArray;
  if (!INTEGER_DTYPES.includes(a.dtype)) {
    throw new NdImageError('ERR_DTYPE', `\`arr\` must be an integer array; got dtype ${a.dtype}`, { argument: 'arr' });
  }
  const c = a.toContiguous();
  const size = c.size;
  // Values as numbers (exact below 2⁵³) or bigints, and the ignored one cast to the dtype.
  const data = c.data as unknown as ArrayLike<number | bigint>;
  const ignore = o.ignoreValue === undefined || o.ignoreValue === null ? undefined : castValue(o.ignoreValue, c.dtype);
  const counts = new Map<number | bigint, number>();
  for (let i = 0; i < size; i++) {
    const v = data[c.offset + i] as number | bigint;
    if (v === ignore) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const nd = c.ndim;
  const result = new Map<ValueKey<D>, NdArray<'int32'>[]>();
  const slots = new Map<number | bigint, { arrays: Int32Array[]; fill: number }>();
  for (const key of keys) {
    const n = counts.get(key) as number;
    const arrays = Array.from({ length: nd }, () => allocate('int32', n));
    slots.set(key, { arrays, fill: 0 });
    result.set(
      key as ValueKey<D>,
      arrays.map((d) => new NdArray(d, [n], { dtype: 'int32' })),
    );
  }
  const idx = new Int32Array(nd);
  const shape = c.shape;
  for (let i = 0; i < size; i++) {
    const v = data[c.offset + i] as number | bigint;
    if (v !== ignore) {
      const slot = slots.get(v) as { arrays: Int32Array[]; fill: number };
      for (let k = 0; k < nd; k++) (slot.arrays[k] as Int32Array)[slot.fill] = idx[k] as number;
      slot.fill++;
    }
    for (let k = nd - 1; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (shape[k] as number)) break;
      idx[k] = 0;
    }
  }
  return result;
}

/** `value` as an element of `dtype` holds it (C cast: truncate, then wrap). */
function castValue(value: unknown, dtype: DType): number | bigint {
  if (typeof value === 'bigint') {
    if (isBigIntDType(dtype)) return dtype === 'int64' ? BigInt.asIntN(64, value) : BigInt.asUintN(64, value);
    value = Number(BigInt.asIntN(64, value));
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArgument('ignoreValue', 'a finite number or a bigint', value);
  }
  const t = Math.trunc(value);
  if (isBigIntDType(dtype)) {
    const b = BigInt(t);
    return dtype === 'int64' ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b);
  }
  // Wrap like C: keep the low bits (through BigInt, exact for any integer-valued double).
  const bits = BITS[dtype as keyof typeof BITS];
  const b = BigInt(t);
  return Number(dtype.startsWith('int') ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b));
}
