/**
 * Grey-scale morphology (SciPy's `grey_*`, `morphological_gradient`, the top-hats): minimum and
 * maximum over a window (`size` or `footprint`: flat), or with a `structure` of values added
 * (non-flat). Flat windows run on @ndimage/filters' minimum/maximum filters; the default boundary
 * mode is `reflect`, as in SciPy (not a constant border as in binary morphology).
 */

import {
  asarray,
  castInto,
  type DType,
  type DTypeOf,
  isBigIntDType,
  NdArray,
  NdImageError,
  type NoOutput,
  type NumericTypedArray,
  type OutputAs,
  sub,
  zeros,
} from '@ndimage/core-array';
import {
  checkOptions,
  checkOrigins,
  describeValue,
  nextIndex,
  optionKeys,
  resolveOutput,
} from '@ndimage/core-array/internal';
import { type Mode, maximumFilter, minimumFilter } from '@ndimage/filters';
import { boundaryMode, mapIndex } from '@ndimage/filters/internal';
import { readStructure, type Structure } from './structure.js';
import type { ArrayInput } from './types.js';

/** Options of the grey morphology functions. */
export interface GreyOptions {
  /** Window shape, one per axis or one for all (a flat box). */
  size?: number | readonly number[];
  /** The window: a bool (or 0/1) array of the input's rank (flat). */
  footprint?: ArrayInput;
  /** Values added (dilation) or subtracted (erosion) over the window: a non-flat structuring element. */
  structure?: ArrayInput;
  /** Output dtype, or an array of the input's shape. @defaultValue the input's dtype */
  output?: DType | NdArray;
  /** Boundary mode. @defaultValue 'reflect' */
  mode?: Mode;
  /** Value outside the image in `constant` mode (cast to the input dtype first). @defaultValue 0 */
  cval?: number;
  /** Window shift, one per axis or one for all. @defaultValue 0 */
  origin?: number | readonly number[];
}

const GREY_KEYS = optionKeys<GreyOptions>({
  size: true,
  footprint: true,
  structure: true,
  output: true,
  mode: true,
  cval: true,
  origin: true,
});
function greyOptions(
  arg: number | readonly number[] | GreyOptions | undefined,
  options: GreyOptions | undefined,
): GreyOptions {
  if (typeof arg === 'number' || Array.isArray(arg))
    return { ...checkOptions(options, GREY_KEYS), size: arg as number | readonly number[] };
  if (arg === undefined || arg === null || typeof arg !== 'object') {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `grey morphology needs a \`size\`, \`footprint\` or \`structure\`; got ${describeValue(arg)}`,
      { argument: 'size' },
    );
  }
  return arg as GreyOptions;
}

/** The window's shape: from the footprint, the structure or the size. */
function windowShape(o: GreyOptions, nd: number, fp?: Structure, st?: NumericStructure): number[] {
  if (fp) return fp.shape;
  if (st) return st.shape;
  const size = o.size;
  if (size === undefined) {
    throw new NdImageError('ERR_INVALID_ARGUMENT', 'grey morphology needs a `size`, `footprint` or `structure`', {
      argument: 'size',
    });
  }
  const list = typeof size === 'number' ? new Array<number>(nd).fill(size) : [...size];
  if (list.length !== nd) {
    throw new NdImageError('ERR_SHAPE', `\`size\` must be a number or ${nd} numbers; got ${describeValue(size)}`, {
      argument: 'size',
    });
  }
  return list;
}

/** A non-flat structure: its shape and float64 values in C order. */
interface NumericStructure {
  shape: number[];
  values: Float64Array;
}

function readValues(value: ArrayInput, nd: number): NumericStructure {
  const s = asarray(value as never);
  if (s.ndim !== nd) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`structure\` must have the input's rank ${nd}; got shape ${describeValue([...s.shape])}`,
      {
        argument: 'structure',
      },
    );
  }
  if (s.size === 0)
    throw new NdImageError('ERR_INVALID_ARGUMENT', '`structure` must have at least one element', {
      argument: 'structure',
    });
  const f = s.astype('float64').toContiguous();
  return { shape: [...s.shape], values: (f.data as Float64Array).slice(f.offset, f.offset + f.size) };
}

/**
 * Erosion (minimum) or dilation (maximum), SciPy's argument handling included: dilation reflects
 * the window and moves the origin (−origin, one more for even sizes).
 */
function greyMinMax(input: ArrayInput, o: GreyOptions, minimum: boolean): NdArray {
  const a = asarray(input);
  if (isBigIntDType(a.dtype)) {
    // The flat path refuses these in filters; the non-flat one would fail deep inside (a BigInt store).
    throw new NdImageError(
      'ERR_DTYPE',
      `\`input\` has dtype ${a.dtype}, which grey morphology does not handle; convert with astype('float64')`,
      { argument: 'input' },
    );
  }
  const nd = a.ndim;
  const fp =
    o.footprint === undefined || o.footprint === null ? undefined : readStructure(o.footprint, nd, 'footprint');
  const st = o.structure === undefined || o.structure === null ? undefined : readValues(o.structure, nd);
  const shape = windowShape(o, nd, fp, st);
  let origin = checkOrigins(o.origin, shape, 'origin');
  let fpr = fp;
  let str = st;
  if (!minimum) {
    // Dilation: the window reflected, the origin negated (minus one more on even sizes).
    fpr = fp ? { shape: fp.shape, mask: fp.mask.slice().reverse() } : undefined;
    str = st ? { shape: st.shape, values: st.values.slice().reverse() } : undefined;
    origin = origin.map((v, i) => -v - ((shape[i] as number) % 2 === 0 ? 1 : 0));
  }
  if (str === undefined) {
    const common = { mode: o.mode, cval: o.cval, origin, output: o.output };
    const footprint = fpr ? { data: fpr.mask, shape: fpr.shape, dtype: 'bool' as const } : undefined;
    const f = minimum ? minimumFilter : maximumFilter;
    return footprint ? f(a, { ...common, footprint }) : f(a, shape, common);
  }
  return nonFlat(a, fpr, str, origin, o, minimum);
}

/**
 * Minimum of x − s (or maximum of x + s) over the window. As in SciPy, every sum but the first is
 * stored in the input dtype before the comparison (uint8 [10, 200] + 100 compares 110 with 44), and
 * the result is cast to the output at the end.
 */
function nonFlat(
  a: NdArray,
  fp: Structure | undefined,
  st: NumericStructure,
  origin: readonly number[],
  o: GreyOptions,
  minimum: boolean,
): NdArray {
  const nd = a.ndim;
  const mode = boundaryMode(o.mode ?? 'reflect');
  const out = resolveOutput(o.output, a.shape, { dtype: a.dtype });
  if (a.size === 0) return out;
  const shape = st.shape;
  // Window elements: offsets per axis (element − centre − origin) and values.
  const offs: number[][] = [];
  const vals: number[] = [];
  const idx = new Array<number>(nd).fill(0);
  for (let e = 0; e < st.values.length; e++) {
    if (!fp || fp.mask[e]) {
      offs.push(idx.map((k, i) => k - ((shape[i] as number) >> 1) - (origin[i] as number)));
      vals.push(st.values[e] as number);
    }
    nextIndex(idx, shape);
  }
  const store = dtypeStore(a.dtype);
  const fill = store(o.cval ?? 0);
  const src = a.astype('float64').toContiguous();
  const x = src.data as Float64Array;
  const strides = new Array<number>(nd);
  let acc = 1;
  for (let k = nd - 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= a.shape[k] as number;
  }
  const result = new Float64Array(a.size);
  const pos = new Array<number>(nd).fill(0);
  for (let p = 0; p < a.size; p++) {
    let best = minimum ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    let first = true;
    for (let t = 0; t < offs.length; t++) {
      const d = offs[t] as number[];
      let at = 0;
      let outside = false;
      for (let k = 0; k < nd; k++) {
        const m = mapIndex((pos[k] as number) + (d[k] as number), a.shape[k] as number, mode);
        if (m < 0) {
          outside = true;
          break;
        }
        at += m * (strides[k] as number);
      }
      const v = outside ? fill : (x[src.offset + at] as number);
      // SciPy's C loop keeps its running result in a double that starts at the first element's sum
      // (not wrapped), and adds each further value to an element of the input dtype (wrapped).
      const sum = minimum ? v - (vals[t] as number) : v + (vals[t] as number);
      const y = t === 0 ? sum : store(sum);
      if (first || (minimum ? y < best : y > best)) {
        best = y;
        first = false;
      }
    }
    result[p] = best;
    nextIndex(pos, a.shape);
  }
  if (out.dtype === 'bool') {
    // SciPy stores the double into the bool output as a C cast to a byte (−1 → 255, 256 → 0):
    // true is a nonzero byte.
    const byte = dtypeStore('uint8');
    for (let p = 0; p < result.length; p++) result[p] = byte(result[p] as number) !== 0 ? 1 : 0;
  }
  castInto(new NdArray(result, [...a.shape]), out);
  return out;
}

/** A number as an element of `dtype` holds it (C cast: truncate, then wrap, for integers). */
function dtypeStore(dtype: DType): (v: number) => number {
  switch (dtype) {
    case 'float64':
      return (v) => v;
    case 'float32':
      return Math.fround;
    // bool: a byte, as SciPy's C code stores it (so −1 is 255, not true).
    default: {
      const one = zeros([1], { dtype }).data as NumericTypedArray;
      return (v) => {
        one[0] = Number.isFinite(v) ? Math.trunc(v) : 0;
        return Number(one[0]);
      };
    }
  }
}

/**
 * Grey erosion: the minimum over the window (`size` or `footprint`), or the minimum of x − s over
 * a `structure` s. `greyErosion(im, 3)` equals `minimumFilter(im, 3)`.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * greyErosion(array([3, 1, 4, 1, 5, 9, 2]), 3).toArray();                       // [1, 1, 1, 1, 1, 2, 2]
 * greyErosion(array([0, 0, 5, 0, 0]), { structure: [1, 2, 3] }).toArray();      // [-3, -2, -3, -3, -3]
 * ```
 * @see scipy.ndimage.grey_erosion
 */
export function greyErosion<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function greyErosion<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function greyErosion<D extends DType>(input: ArrayInput, options: GreyOptions & OutputAs<D>): NdArray<D>;
export function greyErosion(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function greyErosion(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  return greyMinMax(input, checkOptions(greyOptions(size, options), GREY_KEYS), true);
}

/**
 * Grey dilation: the maximum over the reflected window, or the maximum of x + s over the
 * reflected `structure`. For an even `size` the window sits one element further right than
 * `maximumFilter`'s (SciPy).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * greyDilation(array([0, 0, 5, 0, 0]), { structure: [1, 2, 3] }).toArray(); // [3, 6, 7, 8, 3]
 * ```
 * @see scipy.ndimage.grey_dilation
 */
export function greyDilation<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function greyDilation<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function greyDilation<D extends DType>(input: ArrayInput, options: GreyOptions & OutputAs<D>): NdArray<D>;
export function greyDilation(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function greyDilation(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  return greyMinMax(input, checkOptions(greyOptions(size, options), GREY_KEYS), false);
}

/** The options for an intermediate result: the same window, a new array of the input's dtype. */
function inner(o: GreyOptions): GreyOptions {
  return { ...o, output: undefined };
}

/**
 * A bool image with a non-flat structure: SciPy's intermediate results are bool arrays holding
 * the raw bytes its C cast wrote (255 for −1, 2 for 2), and the next step reads those bytes. A
 * uint8 array holds the same bytes and, with a structure, bool and uint8 arithmetic are the same,
 * so the chain runs on uint8 and turns into bool at the end.
 */
function rawBool(a: NdArray, o: GreyOptions): boolean {
  return a.dtype === 'bool' && o.structure !== undefined && o.structure !== null;
}

/** The first step of an opening/closing/top-hat: a new array (raw bytes for a bool image with a structure). */
function firstStep(a: NdArray, o: GreyOptions): GreyOptions {
  return { ...o, output: rawBool(a, o) ? 'uint8' : undefined };
}

/** The second step of an opening/closing: into `output`, or a new array of the input's dtype. */
function secondStep(a: NdArray, o: GreyOptions): GreyOptions {
  return { ...o, output: o.output ?? a.dtype };
}

/**
 * A top-hat as SciPy computes it: the first step into a new array, the second into `output` (or
 * a new array of its input's dtype), then `input − that` (white) or `that − input` (black) written
 * into the second step's array — or, for a bool input and a bool result, their XOR (NumPy's
 * bitwise_xor of bools, which reads any nonzero byte as true).
 */
function tophat(a: NdArray, o: GreyOptions, white: boolean): NdArray {
  const step1 = greyMinMax(a, firstStep(a, o), white);
  const out = o.output;
  const boolResult =
    a.dtype === 'bool' && (out === undefined || out === 'bool' || (out instanceof NdArray && out.dtype === 'bool'));
  if (boolResult) {
    const tmp = greyMinMax(step1, { ...o, output: rawBool(a, o) ? 'uint8' : 'bool' }, !white);
    const r = zeros(a.shape, { dtype: 'bool' });
    const xc = a.toContiguous();
    const yc = tmp.toContiguous();
    const d = r.data as Uint8Array;
    const xd = xc.data as Uint8Array;
    const yd = yc.data as Uint8Array;
    for (let i = 0; i < d.length; i++)
      d[i] = ((xd[xc.offset + i] as number) !== 0) !== ((yd[yc.offset + i] as number) !== 0) ? 1 : 0;
    if (!(out instanceof NdArray)) return r;
    castInto(r, out);
    return out;
  }
  const tmp = greyMinMax(step1, { ...o, output: out ?? step1.dtype }, !white);
  const x = a.dtype === 'bool' ? a.astype('uint8') : a;
  const y = tmp.dtype === 'bool' ? tmp.astype('uint8') : tmp;
  castInto(white ? sub(x, y) : sub(y, x), tmp);
  return tmp;
}

/**
 * Grey opening: dilation of the erosion (same window).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * greyOpening(array([0, 9, 0, 5, 5, 5, 0]), 3).toArray(); // [0, 0, 0, 5, 5, 5, 0]
 * ```
 * @see scipy.ndimage.grey_opening
 */
export function greyOpening<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function greyOpening<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function greyOpening<D extends DType>(input: ArrayInput, options: GreyOptions & OutputAs<D>): NdArray<D>;
export function greyOpening(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function greyOpening(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  const o = checkOptions(greyOptions(size, options), GREY_KEYS);
  const a = asarray(input);
  return greyMinMax(greyMinMax(a, firstStep(a, o), true), secondStep(a, o), false);
}

/**
 * Grey closing: erosion of the dilation (same window).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * greyClosing(array([5, 0, 5, 5, 0, 0, 5]), 3).toArray(); // [5, 5, 5, 5, 5, 5, 5]
 * ```
 * @see scipy.ndimage.grey_closing
 */
export function greyClosing<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function greyClosing<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function greyClosing<D extends DType>(input: ArrayInput, options: GreyOptions & OutputAs<D>): NdArray<D>;
export function greyClosing(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function greyClosing(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  const o = checkOptions(greyOptions(size, options), GREY_KEYS);
  const a = asarray(input);
  return greyMinMax(greyMinMax(a, firstStep(a, o), false), secondStep(a, o), true);
}

/** a − b in their dtype (integers wrap, as NumPy's subtraction), into `output` when given. */
function difference(a: NdArray, b: NdArray, output: DType | NdArray | undefined): NdArray {
  const d = a.dtype === 'bool' ? a.astype('uint8') : a;
  const e = b.dtype === 'bool' ? b.astype('uint8') : b;
  const r = sub(d, e);
  const typed = r.dtype === d.dtype ? r : r.astype(d.dtype);
  if (output === undefined) return typed;
  const out = resolveOutput(output, a.shape, { dtype: a.dtype });
  castInto(typed, out);
  return out;
}

/**
 * Morphological gradient: dilation − erosion, in the input dtype.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * morphologicalGradient(array([0, 0, 5, 5, 0]), 3).toArray(); // [0, 5, 5, 5, 5]
 * ```
 * @see scipy.ndimage.morphological_gradient
 */
export function morphologicalGradient<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function morphologicalGradient<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function morphologicalGradient<D extends DType>(
  input: ArrayInput,
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function morphologicalGradient(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function morphologicalGradient(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  const o = checkOptions(greyOptions(size, options), GREY_KEYS);
  return difference(greyMinMax(input, inner(o), false), greyMinMax(input, inner(o), true), o.output);
}

/**
 * White top-hat: input − opening (bright details smaller than the window).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * whiteTophat(array([0, 9, 0, 5, 5, 5, 0]), 3).toArray(); // [0, 9, 0, 0, 0, 0, 0]
 * ```
 * @see scipy.ndimage.white_tophat
 */
export function whiteTophat<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function whiteTophat<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function whiteTophat<D extends DType>(input: ArrayInput, options: GreyOptions & OutputAs<D>): NdArray<D>;
export function whiteTophat(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function whiteTophat(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  const o = checkOptions(greyOptions(size, options), GREY_KEYS);
  const a = asarray(input);
  return tophat(a, o, true);
}

/**
 * Black top-hat: closing − input (dark details smaller than the window).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * blackTophat(array([5, 0, 5, 5, 5, 9, 5]), 3).toArray(); // [0, 5, 0, 0, 0, 0, 4]
 * ```
 * @see scipy.ndimage.black_tophat
 */
export function blackTophat<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function blackTophat<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function blackTophat<D extends DType>(input: ArrayInput, options: GreyOptions & OutputAs<D>): NdArray<D>;
export function blackTophat(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function blackTophat(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  const o = checkOptions(greyOptions(size, options), GREY_KEYS);
  const a = asarray(input);
  return tophat(a, o, false);
}
