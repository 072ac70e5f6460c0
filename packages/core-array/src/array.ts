/**
 * Arrays from JavaScript values: nested arrays, typed arrays and array-likes from other libraries.
 */
import { castInto } from './cast.js';
import {
  allocate,
  checkDType,
  DATA_CONSTRUCTORS,
  type DType,
  dtypeOfData,
  isDType,
  type TypedArray,
} from './dtypes.js';
import { describeValue, invalidArgument, NdImageError } from './errors.js';
import { NdArray } from './ndarray.js';
import { shapeSize } from './shape.js';
import { checkOptions, optionKeys } from './validate/options.js';
import { checkShape, MAX_NDIM } from './validate.js';

/**
 * Anything with an array's plain fields: this package's {@link NdArray}, one from a second
 * installed copy, or a scijs `ndarray` (whose strides are called `stride`). Accepted wherever
 * an array is expected.
 */
export interface NdArrayLike {
  /** A typed array (or, for scijs "array" ndarrays, a plain array of numbers). */
  readonly data: TypedArray | Uint8ClampedArray | ArrayLike<number>;
  readonly shape: readonly number[];
  /** Strides in elements. @defaultValue C order */
  readonly strides?: readonly number[];
  /** scijs `ndarray`'s name for `strides`. */
  readonly stride?: readonly number[];
  /** @defaultValue 0 */
  readonly offset?: number;
  /** One of this package's dtype names; others (scijs `'generic'`, `'array'`) are read from `data`. */
  readonly dtype?: string;
}

/** A nested array of numbers or booleans (or bigints for int64/uint64). */
export type NestedInput = number | boolean | bigint | readonly NestedInput[];

/** Options of {@link array} and {@link asarray}. */
export interface ArrayOptions<D extends DType = DType> {
  /** Element type; values are converted with NumPy's casting. @defaultValue inferred (see {@link array}) */
  dtype?: D;
  /** Shape to give the values (their count must match). @defaultValue the nesting's shape, or `[length]` */
  shape?: readonly number[];
}

const ARRAY_KEYS = optionKeys<ArrayOptions>({ dtype: true, shape: true });

/**
 * True for values with the fields of an {@link NdArrayLike}.
 *
 * @example
 * ```ts
 * isNdArrayLike({ data: new Float64Array(4), shape: [2, 2] }); // true
 * isNdArrayLike([1, 2]);                                       // false
 * ```
 * @see numpy.asarray (what it accepts)
 */
export function isNdArrayLike(value: unknown): value is NdArrayLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<NdArrayLike>;
  return Array.isArray(v.shape) && (ArrayBuffer.isView(v.data) || Array.isArray(v.data));
}

function parseNested(input: NestedInput): { shape: number[]; values: (number | boolean | bigint)[] } {
  const shape: number[] = [];
  let probe: NestedInput = input;
  while (Array.isArray(probe)) {
    if (shape.length === MAX_NDIM) {
      throw new NdImageError('ERR_LIMIT', `nested array deeper than ${MAX_NDIM} levels`, { argument: 'input' });
    }
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0] as NestedInput;
  }
  const values: (number | boolean | bigint)[] = [];
  const walk = (node: NestedInput, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(node) || !['number', 'boolean', 'bigint'].includes(typeof node)) {
        throw new NdImageError(
          'ERR_SHAPE',
          `inhomogeneous nested array: expected a number at depth ${depth}; got ${describeValue(node)}`,
          {
            argument: 'input',
          },
        );
      }
      values.push(node as number);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new NdImageError(
        'ERR_SHAPE',
        `inhomogeneous nested array: expected ${shape[depth]} items at depth ${depth}; got ${describeValue(node)}`,
        { argument: 'input' },
      );
    }
    for (const child of node) walk(child, depth + 1);
  };
  walk(input, 0);
  return { shape, values };
}

function inferNestedDType(values: readonly (number | boolean | bigint)[]): DType {
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'bool';
  if (values.length > 0 && values.every((v) => typeof v === 'bigint')) return 'int64';
  return 'float64';
}

/**
 * A new array holding a copy of `input`: a nested array, a typed array, or an array-like.
 * The dtype is inferred when not given: float64 for numbers (NumPy would use int64 for integers),
 * bool for booleans, int64 for bigints, the typed array's own type for typed arrays.
 *
 * @throws NdImageError `ERR_SHAPE` for ragged nesting or a `shape` of another size.
 * @example
 * ```ts
 * array([[1, 2], [3, 4]]).shape;                              // [2, 2]
 * array([true, false]).dtype;                                  // 'bool'
 * array(new Uint8Array([1, 2, 3, 4]), { shape: [2, 2] }).dtype; // 'uint8'
 * ```
 * @see numpy.array
 */
export function array<D extends DType = DType>(
  input: NestedInput | TypedArray | Uint8ClampedArray | NdArrayLike,
  opts: ArrayOptions<D> = {},
): NdArray<D> {
  const options = checkOptions(opts, ARRAY_KEYS);
  const base = toNdArray(input, options.dtype);
  const dtype = (options.dtype === undefined ? base.dtype : checkDType(options.dtype)) as D;
  const out = new NdArray(allocate(dtype, base.size), base.shape, { dtype });
  castInto(base, out);
  return options.shape === undefined ? out : reshapeChecked(out, options.shape);
}

/**
 * The input as an {@link NdArray}, without copying when it already is one or has a typed array of
 * the requested dtype (a scijs `ndarray` is wrapped, sharing its data); otherwise as {@link array}.
 *
 * @example
 * ```ts
 * const data = new Float32Array(6);
 * const a = asarray(data, { shape: [2, 3] });
 * a.data === data; // true: no copy
 * ```
 * @see numpy.asarray
 */
export function asarray<D extends DType = DType>(
  input: NestedInput | TypedArray | Uint8ClampedArray | NdArrayLike,
  opts: ArrayOptions<D> = {},
): NdArray<D> {
  const options = checkOptions(opts, ARRAY_KEYS);
  const base = toNdArray(input, options.dtype);
  const dtype = options.dtype === undefined ? base.dtype : checkDType(options.dtype);
  const typed = dtype === base.dtype ? base : base.astype(dtype);
  return (options.shape === undefined ? typed : reshapeChecked(typed, options.shape)) as NdArray<D>;
}

function reshapeChecked<D extends DType>(a: NdArray<D>, shape: readonly number[]): NdArray<D> {
  const dims = checkShape(shape);
  if (shapeSize(dims) !== a.size) {
    throw new NdImageError('ERR_SHAPE', `\`shape\` ${describeValue(dims)} does not hold the ${a.size} values given`, {
      argument: 'shape',
    });
  }
  return a.reshape(dims);
}

/** The input viewed as an NdArray of its own dtype, copying only plain JS arrays. */
function toNdArray(
  input: NestedInput | TypedArray | Uint8ClampedArray | NdArrayLike,
  wanted: DType | undefined,
): NdArray {
  if (input instanceof NdArray) return input;
  if (ArrayBuffer.isView(input))
    return wrapTyped(input as TypedArray, [(input as TypedArray).length], undefined, 0, wanted);
  if (isNdArrayLike(input)) {
    const strides = input.strides ?? input.stride;
    const named = input.dtype !== undefined && isDType(input.dtype) ? input.dtype : undefined;
    if (Array.isArray(input.data)) {
      const flat = new NdArray(Float64Array.from(input.data as number[]), [input.data.length]);
      const view = new NdArray(flat.data, input.shape, { strides, offset: input.offset ?? 0 });
      return view.copy();
    }
    return wrapTyped(input.data as TypedArray, input.shape, strides, input.offset ?? 0, named ?? wanted);
  }
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint' || Array.isArray(input)) {
    const { shape, values } = parseNested(input as NestedInput);
    const dtype = inferNestedDType(values);
    const data = allocate(dtype, values.length) as unknown as unknown[];
    for (let i = 0; i < values.length; i++) data[i] = dtype === 'int64' ? values[i] : Number(values[i]);
    return new NdArray(data as unknown as TypedArray, shape, { dtype });
  }
  throw invalidArgument('input', 'a nested array, a typed array or an ndarray-like object', input);
}

/** Wraps a typed array; a Uint8Array becomes `bool` only when asked. */
function wrapTyped(
  data: TypedArray | Uint8ClampedArray,
  shape: readonly number[],
  strides: readonly number[] | undefined,
  offset: number,
  wanted: DType | undefined,
): NdArray {
  let typed: TypedArray = data as TypedArray;
  if (data instanceof Uint8ClampedArray) typed = new Uint8Array(data.buffer, data.byteOffset, data.length);
  const own = dtypeOfData(typed);
  if (own === undefined) throw invalidArgument('data', 'a typed array', data);
  const dtype = wanted === 'bool' && typed instanceof DATA_CONSTRUCTORS.bool ? 'bool' : own;
  const out = new NdArray(typed, shape, { strides, offset, dtype });
  if (dtype === 'bool') {
    // bool arrays hold only 0/1; normalise a copy when foreign data holds other bytes.
    for (let i = 0; i < typed.length; i++) {
      if ((typed as Uint8Array)[i]! > 1) {
        const fixed = new NdArray(allocate('bool', out.size), out.shape, { dtype: 'bool' });
        castInto(new NdArray(typed as Uint8Array, shape, { strides, offset, dtype: 'uint8' }), fixed);
        return fixed;
      }
    }
  }
  return out;
}
