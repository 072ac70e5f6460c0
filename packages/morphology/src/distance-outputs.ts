/**
 * What the three distance transforms share: SciPy's `return_distances`/`return_indices` rules,
 * the caller's `distances`/`indices` arrays (checked for shape and dtype before any work), the
 * `sampling` argument, and the feature transform turned into SciPy's index array
 * (`indices[k]` is the axis-k coordinate of the nearest background element).
 */
import { type DType, NdArray, NdImageError, shapesEqual } from '@ndimage/core-array';
import { allocate, checkFiniteNumber, describeValue, invalidArgument } from '@ndimage/core-array/internal';

/** The options every distance transform takes. */
export interface DistanceOutputOptions {
  /** Compute the distance transform. @defaultValue true */
  returnDistances?: boolean;
  /** Compute the feature transform: for each element, the coordinates of its nearest background element. @defaultValue false */
  returnIndices?: boolean;
  /** An array of the input's shape to write the distances into (and return); `returnDistances` must be true. */
  distances?: NdArray;
  /** An int32 array of shape `[ndim, ...input.shape]` to write the indices into (and return); `returnIndices` must be true. */
  indices?: NdArray;
}

/** The result of a distance transform asked for its indices (`returnIndices: true`). */
export interface DistanceWithIndices<D extends DType> {
  /** The distances; absent when `returnDistances` is false. */
  distances?: NdArray<D>;
  /** `indices[k]` is the axis-k coordinate of each element's nearest background element (int32). */
  indices: NdArray<'int32'>;
}

/** Which outputs a call wants, and the caller's arrays for them (checked). */
export interface DistanceRequest {
  wantDistances: boolean;
  wantIndices: boolean;
  distances?: NdArray;
  indices?: NdArray;
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidArgument(name, 'true or false', value);
  return value;
}

/**
 * SciPy's argument rules: at least one result; `distances`/`indices` only with their return flag;
 * `distances` of the input's shape and of `distanceDType`; `indices` int32 of shape
 * `[ndim, ...shape]`. All checked before anything is computed.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT`, `ERR_SHAPE`, `ERR_DTYPE`.
 */
export function checkDistanceRequest(
  o: DistanceOutputOptions,
  shape: readonly number[],
  distanceDType: DType,
  indexShape: readonly number[] = [shape.length, ...shape],
): DistanceRequest {
  const wantDistances = flag(o.returnDistances, 'returnDistances', true);
  const wantIndices = flag(o.returnIndices, 'returnIndices', false);
  if (!wantDistances && !wantIndices) {
    throw invalidArgument('returnDistances', 'true when `returnIndices` is false (at least one result)', false);
  }
  const distances =
    o.distances === undefined || o.distances === null ? undefined : outputArray(o.distances, 'distances');
  const indices = o.indices === undefined || o.indices === null ? undefined : outputArray(o.indices, 'indices');
  if (distances && !wantDistances)
    throw invalidArgument('returnDistances', 'true when a `distances` array is given', false);
  if (indices && !wantIndices) throw invalidArgument('returnIndices', 'true when an `indices` array is given', false);
  if (distances) checkLayout(distances, 'distances', shape, distanceDType);
  if (indices) checkLayout(indices, 'indices', indexShape, 'int32');
  return { wantDistances, wantIndices, distances, indices };
}

function outputArray(value: unknown, name: string): NdArray {
  if (!(value instanceof NdArray)) throw invalidArgument(name, 'an NdArray to write into', value);
  return value;
}

function checkLayout(a: NdArray, name: string, shape: readonly number[], dtype: DType): void {
  if (!shapesEqual(a.shape, shape)) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`${name}\` has shape ${describeValue([...a.shape])}; expected ${describeValue([...shape])}`,
      { argument: name },
    );
  }
  if (a.dtype !== dtype) {
    throw new NdImageError('ERR_DTYPE', `\`${name}\` must have dtype ${dtype}; got ${a.dtype}`, { argument: name });
  }
}

/**
 * The grid spacing per axis: one positive finite number for all axes or one per axis, or
 * undefined for unit spacing (SciPy then skips the multiplications, as here).
 */
export function checkSampling(sampling: unknown, ndim: number): Float64Array | undefined {
  if (sampling === undefined || sampling === null) return undefined;
  const one = (v: unknown, name: string): number => {
    const s = checkFiniteNumber(v, name, { min: 0 });
    if (s === 0) throw invalidArgument(name, 'a finite number > 0 (a grid spacing)', v);
    return s;
  };
  if (typeof sampling === 'number') return new Float64Array(ndim).fill(one(sampling, 'sampling'));
  if (!Array.isArray(sampling) && !ArrayBuffer.isView(sampling))
    throw invalidArgument('sampling', 'a number or one number per axis', sampling);
  const list = Array.from(sampling as ArrayLike<unknown>);
  if (list.length !== ndim)
    throw invalidArgument('sampling', `one number or a list of ${ndim} (one per axis)`, sampling);
  return Float64Array.from(list, (v, i) => one(v, `sampling[${i}]`));
}

/**
 * The index array `[ndim, ...shape]` of a feature transform given as C-order linear indices
 * (SciPy's `numpy.indices(shape)[k].ravel()[ft]`), written into `target` (a new array when absent).
 */
export function unravelFeatures(ft: Int32Array, shape: readonly number[], target?: NdArray): NdArray<'int32'> {
  const nd = shape.length;
  const size = ft.length;
  const data = allocate('int32', nd * size);
  const strides = new Array<number>(nd);
  let acc = 1;
  for (let k = nd - 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= shape[k] as number;
  }
  if (nd === 2) {
    // The common case in one loop: row = f / width, column = f − row·width.
    const w = shape[1] as number;
    for (let p = 0; p < size; p++) {
      const f = ft[p] as number;
      const y = Math.floor(f / w);
      data[p] = y;
      data[size + p] = f - y * w;
    }
  } else {
    for (let p = 0; p < size; p++) {
      let f = ft[p] as number;
      for (let k = 0; k < nd; k++) {
        const s = strides[k] as number;
        const c = Math.floor(f / s);
        data[k * size + p] = c;
        f -= c * s;
      }
    }
  }
  const result = new NdArray(data, [nd, ...shape], { dtype: 'int32' });
  if (target === undefined) return result;
  copyInto(result, target);
  return target as NdArray<'int32'>;
}

/** Copies `src` (C-contiguous) into `dst` of the same shape and dtype, whatever its strides. */
export function copyInto(src: NdArray, dst: NdArray): void {
  if (dst.isContiguous()) {
    (dst.data as Int32Array).set(src.data as Int32Array, dst.offset);
    return;
  }
  const nd = dst.ndim;
  const idx = new Array<number>(nd).fill(0);
  const s = src.data as Int32Array | Float64Array | Uint32Array;
  const d = dst.data as Int32Array | Float64Array | Uint32Array;
  for (let p = 0; p < src.size; p++) {
    let at = dst.offset;
    for (let k = 0; k < nd; k++) at += (idx[k] as number) * (dst.strides[k] as number);
    d[at] = s[p] as number;
    for (let k = nd - 1; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (dst.shape[k] as number)) break;
      idx[k] = 0;
    }
  }
}

/** The result in SciPy's shape: the distances alone, or `{ distances?, indices }`. */
export function distanceResult<D extends DType>(
  req: DistanceRequest,
  distances: NdArray<D> | undefined,
  indices: NdArray<'int32'> | undefined,
): NdArray<D> | DistanceWithIndices<D> {
  if (!req.wantIndices) return distances as NdArray<D>;
  return req.wantDistances
    ? { distances, indices: indices as NdArray<'int32'> }
    : { indices: indices as NdArray<'int32'> };
}
