/**
 * The element types an {@link NdArray} can hold, and facts about each.
 */
import { describeValue, NdImageError } from './errors.js';

/**
 * The typed array behind each dtype. `bool` is a Uint8Array holding only 0 and 1.
 * `int64`/`uint64` are for storage and conversion (`.npy`, `.mat`); arithmetic on them is refused.
 */
export interface DTypeDataMap {
  bool: Uint8Array;
  uint8: Uint8Array;
  int8: Int8Array;
  uint16: Uint16Array;
  int16: Int16Array;
  uint32: Uint32Array;
  int32: Int32Array;
  float32: Float32Array;
  float64: Float64Array;
  int64: BigInt64Array;
  uint64: BigUint64Array;
}

/** Every dtype name, as NumPy spells it. */
export type DType = keyof DTypeDataMap;

/** The dtypes whose elements are JavaScript numbers (all but `int64`/`uint64`). */
export type NumericDType = Exclude<DType, 'int64' | 'uint64'>;

/** The typed array type behind dtype `D`. */
export type DataOf<D extends DType> = DTypeDataMap[D];

/** The JavaScript value of one element: `bigint` for 64-bit integers, `number` otherwise (bool is 0/1). */
export type ValueOf<D extends DType> = D extends 'int64' | 'uint64' ? bigint : number;

/** Any typed array an NdArray can hold. */
export type TypedArray = DTypeDataMap[DType];

/** The typed arrays whose elements are numbers. */
export type NumericTypedArray = DTypeDataMap[NumericDType];

/** Facts about one dtype. */
export interface DTypeInfo {
  /** Bytes per element. */
  readonly itemsize: number;
  /** NumPy's kind character: `b` bool, `u` unsigned, `i` signed, `f` float. */
  readonly kind: 'b' | 'u' | 'i' | 'f';
  /** Smallest representable value (integers and bool; `-Infinity` for floats). */
  readonly min: number;
  /** Largest representable value (integers and bool; `Infinity` for floats). */
  readonly max: number;
  /** Bits of the integer type, or of the float. */
  readonly bits: number;
}

type Ctor<T> = new (length: number) => T;

/** Constructors of the backing typed array, by dtype. */
export const DATA_CONSTRUCTORS: { readonly [D in DType]: Ctor<DTypeDataMap[D]> } = {
  bool: Uint8Array,
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
};

/**
 * Facts about each dtype.
 *
 * @example
 * ```ts
 * DTYPE_INFO.uint8.max;       // 255
 * DTYPE_INFO.float32.itemsize; // 4
 * ```
 */
export const DTYPE_INFO: { readonly [D in DType]: DTypeInfo } = {
  bool: { itemsize: 1, kind: 'b', min: 0, max: 1, bits: 1 },
  uint8: { itemsize: 1, kind: 'u', min: 0, max: 255, bits: 8 },
  int8: { itemsize: 1, kind: 'i', min: -128, max: 127, bits: 8 },
  uint16: { itemsize: 2, kind: 'u', min: 0, max: 65535, bits: 16 },
  int16: { itemsize: 2, kind: 'i', min: -32768, max: 32767, bits: 16 },
  uint32: { itemsize: 4, kind: 'u', min: 0, max: 4294967295, bits: 32 },
  int32: { itemsize: 4, kind: 'i', min: -2147483648, max: 2147483647, bits: 32 },
  float32: { itemsize: 4, kind: 'f', min: -Infinity, max: Infinity, bits: 32 },
  float64: { itemsize: 8, kind: 'f', min: -Infinity, max: Infinity, bits: 64 },
  int64: { itemsize: 8, kind: 'i', min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, bits: 64 },
  uint64: { itemsize: 8, kind: 'u', min: 0, max: Number.MAX_SAFE_INTEGER, bits: 64 },
};

/**
 * All dtype names in NumPy's promotion order.
 *
 * @example
 * ```ts
 * DTYPES.includes('int16'); // true
 * ```
 */
export const DTYPES: readonly DType[] = Object.keys(DTYPE_INFO) as DType[];

/**
 * True when `value` names a dtype.
 *
 * @example
 * ```ts
 * isDType('uint8'); // true
 * isDType('float16'); // false
 * ```
 * @see numpy.dtype
 */
export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && Object.hasOwn(DTYPE_INFO, value);
}

/**
 * Checks a dtype argument and returns it typed; throws `ERR_DTYPE` naming the argument otherwise.
 *
 * @example
 * ```ts
 * checkDType('float32', 'dtype'); // 'float32'
 * checkDType('float16', 'dtype'); // throws NdImageError ERR_DTYPE
 * ```
 * @see numpy.dtype
 */
export function checkDType(value: unknown, name = 'dtype'): DType {
  if (isDType(value)) return value;
  throw new NdImageError(
    'ERR_DTYPE',
    `invalid argument: \`${name}\` must be one of ${DTYPES.join(', ')}; got ${describeValue(value)}`,
    { argument: name },
  );
}

/**
 * True for `int64` and `uint64`, whose elements are bigints.
 *
 * @example
 * ```ts
 * isBigIntDType('int64'); // true
 * ```
 * @see numpy.dtype.itemsize == 8 and numpy.issubdtype(dtype, numpy.integer)
 */
export function isBigIntDType(dtype: DType): dtype is 'int64' | 'uint64' {
  return dtype === 'int64' || dtype === 'uint64';
}

/**
 * True for `float32` and `float64`.
 *
 * @example
 * ```ts
 * isFloatDType('float32'); // true
 * ```
 * @see numpy.issubdtype(dtype, numpy.floating)
 */
export function isFloatDType(dtype: DType): dtype is 'float32' | 'float64' {
  return dtype === 'float32' || dtype === 'float64';
}

/**
 * True for the integer dtypes (not bool, not floats).
 *
 * @example
 * ```ts
 * isIntegerDType('uint8'); // true
 * isIntegerDType('bool');  // false
 * ```
 * @see numpy.issubdtype(dtype, numpy.integer)
 */
export function isIntegerDType(dtype: DType): boolean {
  const kind = DTYPE_INFO[dtype].kind;
  return kind === 'u' || kind === 'i';
}

/**
 * The dtype a typed array holds by default (a Uint8Array is `uint8`, never `bool`;
 * a Uint8ClampedArray is read as `uint8`). Returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * dtypeOfData(new Float32Array(4)); // 'float32'
 * ```
 * @see numpy.asarray(data).dtype
 */
export function dtypeOfData(data: unknown): DType | undefined {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return 'uint8';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint32Array) return 'uint32';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  if (data instanceof BigUint64Array) return 'uint64';
  return undefined;
}

/**
 * Allocates a zero-filled typed array for `dtype`, refusing lengths no typed array can hold.
 *
 * @throws NdImageError `ERR_LIMIT` when the length exceeds what the engine can allocate.
 * @example
 * ```ts
 * Array.from(allocate('int16', 3)); // [0, 0, 0]
 * allocate('bool', 2) instanceof Uint8Array; // true
 * ```
 * @see numpy.zeros(length, dtype).data
 */
export function allocate<D extends DType>(dtype: D, length: number): DataOf<D> {
  try {
    return new DATA_CONSTRUCTORS[dtype](length) as DataOf<D>;
  } catch (cause) {
    throw new NdImageError(
      'ERR_LIMIT',
      `cannot allocate ${length} elements of ${dtype} (${length * DTYPE_INFO[dtype].itemsize} bytes)`,
      { cause },
    );
  }
}
