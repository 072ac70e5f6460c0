/**
 * The n-dimensional array: a typed array plus shape, strides and offset, as NumPy's ndarray.
 */
import { type Casting, castInto, copyRuns } from './cast.js';
import {
  allocate,
  checkDType,
  DATA_CONSTRUCTORS,
  type DataOf,
  DTYPE_INFO,
  type DType,
  dtypeOfData,
  isBigIntDType,
  type ValueOf,
} from './dtypes.js';
import { describeValue, invalidArgument, NdImageError } from './errors.js';
import { type IndexSpec, indexLayout, resolveIndex, resolveReshape, type SliceRange } from './indexing.js';
import { forEachRun } from './iterate.js';
import type { Layout } from './layout.js';
import { cStrides, shapeSize } from './shape.js';
import { checkOptions, optionKeys } from './validate/options.js';
import { checkInteger, checkOneOf, checkShape, normalizeAxis } from './validate.js';

/** Layout options of the {@link NdArray} constructor. */
export interface NdArrayOptions<D extends DType = DType> {
  /** Element steps per axis. @defaultValue C-order (row-major) strides of `shape` */
  strides?: readonly number[];
  /** Index in `data` of the first element. @defaultValue 0 */
  offset?: number;
  /** The element type. @defaultValue the typed array's own type (`Uint8Array` → `'uint8'`) */
  dtype?: D;
}

/** Options of {@link NdArray.astype}. */
export interface AstypeOptions {
  /** How floats become integers; see {@link Casting}. @defaultValue `'unsafe'` (NumPy's C cast) */
  casting?: Casting;
  /** When false and the dtype is unchanged, return this array itself. @defaultValue true */
  copy?: boolean;
}

const ASTYPE_KEYS = optionKeys<AstypeOptions>({ casting: true, copy: true });

/** A nested JavaScript array of an array's values, as NumPy's `tolist()`. */
export type NestedArray<T> = T | NestedArray<T>[];

/**
 * An n-dimensional array over a typed array, with NumPy's memory model: `data`, `shape`,
 * `strides` (in elements), `offset`, `dtype`. Views (`slice`, `transpose`, `reshape` of a
 * contiguous array, `channel`) share `data` with their base; nothing is copied until asked.
 *
 * Axis 0 is y (rows) and axis 1 is x: an image is `[rows, cols]` or `[rows, cols, channels]`,
 * as NumPy gets it from PIL.
 *
 * @example
 * ```ts
 * import { NdArray } from '@ndimage/core-array';
 * const a = new NdArray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
 * a.get(1, 2);            // 6
 * a.transpose().shape;    // [3, 2]
 * a.slice(null, [0, 3, 2]).toArray(); // [[1, 3], [4, 6]]
 * ```
 * @see numpy.ndarray
 */
export class NdArray<D extends DType = DType> implements Layout<D> {
  /** The typed array holding the elements (shared with views). */
  readonly data: DataOf<D>;
  /** Length of each axis. */
  readonly shape: readonly number[];
  /** Step in `data` between neighbours along each axis, in elements (may be 0 or negative). */
  readonly strides: readonly number[];
  /** Index in `data` of the element at index `[0, 0, …]`. */
  readonly offset: number;
  /** The element type. */
  readonly dtype: D;
  /** Number of elements (the product of `shape`). */
  readonly size: number;

  /**
   * Wraps a typed array without copying. Checks the dtype against the typed array and that every
   * element the layout reaches lies inside `data`.
   *
   * @throws NdImageError `ERR_DTYPE` when `data` is not the typed array of `dtype`;
   *   `ERR_INVALID_ARGUMENT` for a bad shape, strides or offset; `ERR_SHAPE` when the layout
   *   reaches outside `data`.
   */
  constructor(data: DataOf<D>, shape: readonly number[], options: NdArrayOptions<D> = {}) {
    const dtype = (options.dtype === undefined ? dtypeOfData(data) : checkDType(options.dtype)) as D | undefined;
    if (dtype === undefined || !(data instanceof DATA_CONSTRUCTORS[dtype])) {
      throw new NdImageError(
        'ERR_DTYPE',
        `invalid argument: \`data\` must be the typed array of dtype ${dtype ?? '(unknown)'}; got ${describeValue(data)}`,
        { argument: 'data' },
      );
    }
    const checkedShape = checkShape(shape);
    const strides =
      options.strides === undefined
        ? cStrides(checkedShape)
        : (options.strides as unknown[]).map((s, i) => checkInteger(s, `strides[${i}]`));
    if (strides.length !== checkedShape.length) {
      throw invalidArgument('strides', `an array of ${checkedShape.length} integers (one per axis)`, options.strides);
    }
    const offset = checkInteger(options.offset ?? 0, 'offset', { min: 0 });
    const size = shapeSize(checkedShape);
    if (size > 0) {
      let lo = offset;
      let hi = offset;
      for (let i = 0; i < checkedShape.length; i++) {
        const span = ((checkedShape[i] as number) - 1) * (strides[i] as number);
        if (span < 0) lo += span;
        else hi += span;
      }
      if (lo < 0 || hi >= data.length) {
        throw new NdImageError(
          'ERR_SHAPE',
          `the layout (shape ${describeValue(checkedShape)}, strides ${describeValue(strides)}, offset ${offset}) reaches indices [${lo}, ${hi}] outside \`data\` of length ${data.length}`,
          { argument: 'data' },
        );
      }
    }
    this.data = data;
    this.shape = Object.freeze(checkedShape);
    this.strides = Object.freeze(strides);
    this.offset = offset;
    this.dtype = dtype;
    this.size = size;
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Bytes per element. */
  get itemsize(): number {
    return DTYPE_INFO[this.dtype].itemsize;
  }

  /**
   * A view with another layout over the same data (checked like the constructor).
   * The building block of every view method.
   */
  view(shape: readonly number[], strides: readonly number[], offset: number): NdArray<D> {
    return new NdArray(this.data, shape, { strides, offset, dtype: this.dtype });
  }

  /** Index in `data` of the element at a full integer index (negative indices count from the end). */
  private flatIndex(index: readonly number[]): number {
    if (index.length !== this.shape.length) {
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `expected ${this.shape.length} indices for a ${this.shape.length}-d array; got ${index.length}`,
        { argument: 'index' },
      );
    }
    let at = this.offset;
    for (let i = 0; i < index.length; i++) {
      at += resolveIndex(index[i] as number, this.shape[i] as number, i) * (this.strides[i] as number);
    }
    return at;
  }

  /**
   * The element at an integer index (one per axis; negative counts from the end).
   *
   * @example
   * ```ts
   * arange(6).reshape([2, 3]).get(-1, 0); // 3
   * ```
   */
  get(...index: number[]): ValueOf<D> {
    return this.data[this.flatIndex(index)] as ValueOf<D>;
  }

  /**
   * Sets the element at an integer index: `a.set(i, j, value)`. The value is stored as the dtype
   * stores it (integers wrap; a bool array stores 1 for any truthy value).
   *
   * @example
   * ```ts
   * const a = zeros([2, 2]);
   * a.set(0, 1, 5); // a is [[0, 5], [0, 0]]
   * ```
   */
  set(...args: [...index: number[], value: ValueOf<D> | number | boolean]): void {
    const value = args[args.length - 1];
    const index = args.slice(0, -1) as number[];
    (this.data as unknown as unknown[])[this.flatIndex(index)] = this.coerce(value);
  }

  private coerce(value: unknown): number | bigint {
    if (this.dtype === 'bool') return value ? 1 : 0;
    if (isBigIntDType(this.dtype)) {
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      if (typeof value === 'boolean') return value ? 1n : 0n;
      throw invalidArgument('value', `a bigint or an integer for dtype ${this.dtype}`, value);
    }
    if (typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'bigint') return Number(value);
    throw invalidArgument('value', 'a number', value);
  }

  /**
   * Fills every element with one value, in place, and returns this array.
   *
   * @example
   * ```ts
   * zeros([2, 2]).fill(7).toArray(); // [[7, 7], [7, 7]]
   * ```
   */
  fill(value: ValueOf<D> | number | boolean): this {
    const v = this.coerce(value);
    const data = this.data as unknown as { fill(v: number | bigint, start: number, end: number): void };
    forEachRun(this.shape, [this.strides], [this.offset], (off, n, st) => {
      const start = off[0] as number;
      const step = st[0] as number;
      if (step === 1) data.fill(v, start, start + n);
      else for (let k = 0; k < n; k++) (this.data as unknown as unknown[])[start + k * step] = v;
    });
    return this;
  }

  /**
   * NumPy basic indexing: one spec per axis, an integer (drops the axis), a `[start, stop, step]`
   * range, or `null` for the whole axis; missing trailing specs select whole axes. Returns a view.
   *
   * @example
   * ```ts
   * const a = arange(12).reshape([3, 4]);
   * a.index(1).toArray();             // [4, 5, 6, 7]        (a[1])
   * a.index(null, 2).toArray();       // [2, 6, 10]          (a[:, 2])
   * a.index([0, 2], [1, null, 2]).toArray(); // [[1, 3], [5, 7]]  (a[0:2, 1::2])
   * ```
   */
  index(...specs: IndexSpec[]): NdArray<D> {
    const l = indexLayout(this.shape, this.strides, this.offset, specs);
    return this.view(l.shape, l.strides, l.offset);
  }

  /**
   * Slices every axis by a `[start, stop, step]` range (or `null` for the whole axis), keeping
   * all axes. Negative steps reverse. Returns a view.
   *
   * @example
   * ```ts
   * arange(6).slice([null, null, -1]).toArray(); // [5, 4, 3, 2, 1, 0]  (a[::-1])
   * ```
   */
  slice(...ranges: (SliceRange | null)[]): NdArray<D> {
    for (const r of ranges) {
      if (r !== null && r !== undefined && !Array.isArray(r)) {
        throw invalidArgument('ranges', '[start, stop, step] arrays or null (use index() for integers)', r);
      }
    }
    return this.index(...ranges);
  }

  /**
   * True when the elements lie in `data` in C (row-major) order without gaps, from `offset`.
   */
  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      const n = this.shape[i] as number;
      if (n === 0) return true;
      if (n !== 1 && this.strides[i] !== expected) return false;
      expected *= n;
    }
    return true;
  }

  /**
   * A C-contiguous copy with its own data (offset 0).
   *
   * @example
   * ```ts
   * const t = arange(6).reshape([2, 3]).transpose();
   * t.isContiguous();        // false
   * t.copy().isContiguous(); // true
   * ```
   */
  copy(): NdArray<D> {
    const out = new NdArray(allocate(this.dtype, this.size), this.shape, { dtype: this.dtype });
    copyRuns(this, out);
    return out;
  }

  /** This array when it is already C-contiguous, otherwise a contiguous copy. */
  toContiguous(): NdArray<D> {
    return this.isContiguous() ? this : this.copy();
  }

  /**
   * Gives a new shape to the same elements in C order; one entry may be -1 (inferred).
   * A view when the array is C-contiguous, otherwise a copy (as `numpy.reshape`).
   *
   * @throws NdImageError `ERR_SHAPE` when the sizes differ.
   * @example
   * ```ts
   * arange(6).reshape([2, -1]).shape; // [2, 3]
   * ```
   */
  reshape(shape: readonly number[] | number): NdArray<D> {
    if (typeof shape !== 'number' && !Array.isArray(shape))
      throw invalidArgument('shape', 'an integer or an array of integers', shape);
    const target = resolveReshape(this.size, typeof shape === 'number' ? [shape] : shape);
    const base = this.toContiguous();
    return base.view(target, cStrides(target), base.offset);
  }

  /** The elements as a contiguous 1-d array (a view when possible), as `numpy.ravel`. */
  ravel(): NdArray<D> {
    return this.reshape([this.size]);
  }

  /**
   * Permutes the axes (default: reverses them). Returns a view.
   *
   * @example
   * ```ts
   * zeros([2, 3, 4]).transpose([2, 0, 1]).shape; // [4, 2, 3]
   * ```
   */
  transpose(axes?: readonly number[]): NdArray<D> {
    const nd = this.shape.length;
    if (axes !== undefined && !Array.isArray(axes))
      throw invalidArgument('axes', `a permutation of the ${nd} axes`, axes);
    const perm =
      axes === undefined
        ? Array.from({ length: nd }, (_, i) => nd - 1 - i)
        : axes.map((a) => normalizeAxis(a, nd, 'axes'));
    if (perm.length !== nd || new Set(perm).size !== nd) {
      throw invalidArgument('axes', `a permutation of the ${nd} axes`, axes);
    }
    return this.view(
      perm.map((p) => this.shape[p] as number),
      perm.map((p) => this.strides[p] as number),
      this.offset,
    );
  }

  /**
   * Removes axes of length 1 (all of them, or the given ones). Returns a view.
   *
   * @throws NdImageError `ERR_SHAPE` when a given axis is not of length 1.
   */
  squeeze(axis?: number | readonly number[]): NdArray<D> {
    const nd = this.shape.length;
    let drop: Set<number>;
    if (axis === undefined) drop = new Set(this.shape.flatMap((n, i) => (n === 1 ? [i] : [])));
    else {
      drop = new Set((typeof axis === 'number' ? [axis] : axis).map((a) => normalizeAxis(a, nd)));
      for (const a of drop) {
        if (this.shape[a] !== 1) {
          throw new NdImageError('ERR_SHAPE', `cannot squeeze axis ${a}: its length is ${this.shape[a]}, not 1`, {
            argument: 'axis',
          });
        }
      }
    }
    const keep = this.shape.map((_, i) => i).filter((i) => !drop.has(i));
    return this.view(
      keep.map((i) => this.shape[i] as number),
      keep.map((i) => this.strides[i] as number),
      this.offset,
    );
  }

  /**
   * Inserts an axis of length 1 at `axis` (which may be `ndim`, or negative). Returns a view.
   *
   * @example
   * ```ts
   * zeros([3, 4]).expandDims(-1).shape; // [3, 4, 1]
   * ```
   */
  expandDims(axis: number): NdArray<D> {
    const at = normalizeAxis(axis, this.shape.length + 1);
    const shape = [...this.shape];
    const strides = [...this.strides];
    shape.splice(at, 0, 1);
    strides.splice(at, 0, 0);
    return this.view(shape, strides, this.offset);
  }

  /**
   * Channel `k` of a `[rows, cols, channels]` image as a `[rows, cols]` view.
   *
   * @example
   * ```ts
   * const rgb = zeros([4, 4, 3], { dtype: 'uint8' });
   * rgb.channel(1).shape; // [4, 4]  (the green plane, rgb[:, :, 1])
   * ```
   */
  channel(k: number): NdArray<D> {
    if (this.shape.length !== 3) {
      throw new NdImageError(
        'ERR_SHAPE',
        `channel() needs a [rows, cols, channels] array; got shape ${describeValue([...this.shape])}`,
        { argument: 'array' },
      );
    }
    const c = this.shape[2] as number;
    if (!Number.isInteger(k) || k < -c || k >= c) throw invalidArgument('k', `an integer in [${-c}, ${c})`, k);
    return this.index(null, null, k);
  }

  /**
   * A copy converted to another dtype, with NumPy's casting (`'unsafe'`: truncate then wrap) or
   * `'round'`/`'clip'` (round half to even; clip then saturates).
   *
   * @example
   * ```ts
   * array([-1.5, 254.6, 300.7]).astype('uint8').toArray();                      // [255, 254, 44]
   * array([-1.5, 254.6, 300.7]).astype('uint8', { casting: 'clip' }).toArray(); // [0, 255, 255]
   * ```
   * @see numpy.ndarray.astype
   */
  astype<T extends DType>(dtype: T, opts: AstypeOptions = {}): NdArray<T> {
    const to = checkDType(dtype) as T;
    const options = checkOptions(opts, ASTYPE_KEYS);
    const casting = checkOneOf(options.casting ?? 'unsafe', 'casting', ['unsafe', 'round', 'clip']);
    if (options.copy === false && (to as DType) === this.dtype) return this as unknown as NdArray<T>;
    const out = new NdArray(allocate(to, this.size), this.shape, { dtype: to });
    castInto(this, out, casting);
    return out;
  }

  /**
   * The only element of a size-1 array, as a JS value.
   *
   * @throws NdImageError `ERR_SHAPE` when the array has more or fewer elements than one.
   */
  item(): ValueOf<D> {
    if (this.size !== 1) {
      throw new NdImageError('ERR_SHAPE', `item() needs an array of size 1; this one has size ${this.size}`);
    }
    return this.data[this.offset] as ValueOf<D>;
  }

  /**
   * The values as nested JavaScript arrays (a plain value for a 0-d array), as `tolist()`.
   *
   * @example
   * ```ts
   * arange(4).reshape([2, 2]).toArray(); // [[0, 1], [2, 3]]
   * ```
   */
  toArray(): NestedArray<ValueOf<D>> {
    const walk = (axis: number, at: number): NestedArray<ValueOf<D>> => {
      if (axis === this.shape.length) return this.data[at] as ValueOf<D>;
      const n = this.shape[axis] as number;
      const s = this.strides[axis] as number;
      const out: NestedArray<ValueOf<D>>[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = walk(axis + 1, at + i * s);
      return out;
    };
    return walk(0, this.offset);
  }

  /** A short description with the values when there are at most 100: `NdArray<float64>[2, 2] [[0, 1], [2, 3]]`. */
  toString(): string {
    const head = `NdArray<${this.dtype}>[${this.shape.join(', ')}]`;
    if (this.size > 100) return head;
    const show = (v: NestedArray<ValueOf<D>>): string =>
      Array.isArray(v) ? `[${v.map(show).join(', ')}]` : typeof v === 'bigint' ? `${v}n` : String(v);
    return `${head} ${show(this.toArray())}`;
  }

  static {
    // Node's util.inspect (and so console.log) shows toString(); the hook is found by its
    // registered symbol, so no `node:` import is needed and browsers are unaffected.
    Object.defineProperty(NdArray.prototype, Symbol.for('nodejs.util.inspect.custom'), {
      value(this: NdArray): string {
        return this.toString();
      },
    });
  }
}
