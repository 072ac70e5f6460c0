/**
 * Basic (NumPy) indexing on layouts: resolving slices and integer indices into a new
 * shape/strides/offset, without touching data.
 */
import { describeValue, invalidArgument, NdImageError } from './errors.js';

/**
 * A range along one axis, as Python's `start:stop:step`: `[start]`, `[start, stop]` or
 * `[start, stop, step]`; `null`/`undefined` entries take the defaults; negative values count from
 * the end; out-of-range bounds are clipped as in Python.
 */
export type SliceRange = readonly [start?: number | null, stop?: number | null, step?: number | null];

/** One axis of a basic index: an integer (drops the axis), a {@link SliceRange}, or `null` for the whole axis (`:`). */
export type IndexSpec = number | SliceRange | null;

/** The result of indexing: the view's layout. */
export interface IndexedLayout {
  shape: number[];
  strides: number[];
  offset: number;
}

/**
 * Resolves a slice along an axis of length `n` as Python's `slice.indices(n)`:
 * returns `[start, step, length]`.
 */
function resolveSlice(range: SliceRange, n: number, axis: number): [number, number, number] {
  const [rawStart, rawStop, rawStep] = range;
  const step = rawStep ?? 1;
  if (typeof step !== 'number' || !Number.isInteger(step) || step === 0) {
    throw invalidArgument(`step of axis ${axis}`, 'a nonzero integer', rawStep);
  }
  const lower = step > 0 ? 0 : -1;
  const upper = step > 0 ? n : n - 1;
  const clip = (v: number | null | undefined, dflt: number, what: string): number => {
    if (v === null || v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isInteger(v))
      throw invalidArgument(`${what} of axis ${axis}`, 'an integer', v);
    const r = v < 0 ? v + n : v;
    return Math.min(Math.max(r, lower), upper);
  };
  const start = clip(rawStart, step > 0 ? lower : upper, 'start');
  const stop = clip(rawStop, step > 0 ? upper : lower, 'stop');
  const length =
    step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return [start, step, length];
}

/** Resolves an integer index along an axis, counting negatives from the end. */
export function resolveIndex(index: number, n: number, axis: number): number {
  if (!Number.isInteger(index)) throw invalidArgument(`index of axis ${axis}`, 'an integer', index);
  const i = index < 0 ? index + n : index;
  if (i < 0 || i >= n) {
    throw new NdImageError('ERR_INVALID_ARGUMENT', `index ${index} is out of bounds for axis ${axis} with size ${n}`, {
      argument: 'index',
    });
  }
  return i;
}

/**
 * Applies basic indexing to a layout. Missing trailing specs select whole axes.
 */
export function indexLayout(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  specs: readonly IndexSpec[],
): IndexedLayout {
  if (specs.length > shape.length) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `too many indices: the array has ${shape.length} dimensions but ${specs.length} were indexed`,
      { argument: 'index' },
    );
  }
  const outShape: number[] = [];
  const outStrides: number[] = [];
  let outOffset = offset;
  let empty = false;
  for (let axis = 0; axis < shape.length; axis++) {
    const n = shape[axis] as number;
    const stride = strides[axis] as number;
    const spec = specs[axis];
    if (spec === null || spec === undefined) {
      outShape.push(n);
      outStrides.push(stride);
    } else if (typeof spec === 'number') {
      outOffset += resolveIndex(spec, n, axis) * stride;
    } else if (Array.isArray(spec)) {
      const [start, step, length] = resolveSlice(spec, n, axis);
      if (length > 0) outOffset += start * stride;
      else empty = true;
      outShape.push(length);
      outStrides.push(stride * step);
    } else {
      throw invalidArgument(`index of axis ${axis}`, 'an integer, a [start, stop, step] range or null', spec);
    }
  }
  // An empty view reads nothing; keep its offset at the base so it never points past the data.
  return { shape: outShape, strides: outStrides, offset: empty ? offset : outOffset };
}

/**
 * The shape after resolving one `-1` in a requested reshape, checking that sizes agree.
 */
export function resolveReshape(size: number, requested: readonly number[]): number[] {
  let unknown = -1;
  let known = 1;
  const out = [...requested];
  for (let i = 0; i < out.length; i++) {
    const d = out[i];
    if (d === -1 && unknown < 0) unknown = i;
    else if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw invalidArgument('shape', 'integers ≥ 0, with at most one -1', requested);
    } else known *= d;
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new NdImageError(
        'ERR_SHAPE',
        `cannot reshape an array of size ${size} into shape ${describeValue(requested)}`,
        {
          argument: 'shape',
        },
      );
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new NdImageError(
      'ERR_SHAPE',
      `cannot reshape an array of size ${size} into shape ${describeValue(requested)}`,
      {
        argument: 'shape',
      },
    );
  }
  return out;
}
