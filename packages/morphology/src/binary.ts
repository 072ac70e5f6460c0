/**
 * Binary morphology (SciPy's `binary_*`): erosion, dilation, opening, closing, hit-or-miss,
 * propagation and hole filling on the truth of the input (nonzero = true, NaN included).
 */

import { asarray, castInto, type DType, NdArray, NdImageError } from '@ndimage/core-array';
import {
  checkOutput as checkCoreOutput,
  checkInteger,
  checkOptions,
  checkOrigins,
  describeValue,
  optionKeys,
  requireAxes,
} from '@ndimage/core-array/internal';
import { type BoxStep, boxChain } from './box-chain.js';
import { erodeOnce, segmentsOf } from './erosion.js';
import { filterPass } from './filter-pass.js';
import { foreground, foregroundView } from './foreground.js';
import { label } from './label.js';
import { propagate } from './propagate.js';
import { generateBinaryStructure, readStructure, type Structure } from './structure.js';
import type { ArrayInput, BoolOutput, IntoArray } from './types.js';

/** Options shared by the binary morphology functions. */
export interface BinaryOptions {
  /** The structuring element, of the input's rank (nonzero = true). @defaultValue the cross, `generateBinaryStructure(ndim, 1)` */
  structure?: ArrayInput;
  /** Shift of the structure, one per axis or one for all: −(n//2) ≤ origin ≤ (n−1)//2. @defaultValue 0 */
  origin?: number | readonly number[];
  /**
   * Where the result goes: an array of the input's shape (of any dtype; 0/1 is stored). A dtype
   * string is accepted for SciPy compatibility and, as in SciPy, ignored: the result is bool.
   */
  output?: DType | NdArray;
}

/** Options of {@link binaryErosion}, {@link binaryDilation}, {@link binaryOpening} and {@link binaryClosing}. */
export interface BinaryIterOptions extends BinaryOptions {
  /**
   * Passes: an integer; below 1 repeats until nothing changes. (Passes that cycle without settling,
   * possible when the structure's centre is not set, are an `ERR_LIMIT` error; SciPy loops forever.)
   * @defaultValue 1
   */
  iterations?: number;
  /** Elements where the mask is false keep their input value and are never updated. */
  mask?: ArrayInput;
  /** The value of elements outside the image. @defaultValue 0 */
  borderValue?: number | boolean;
}

/** Options of {@link binaryClosing}. */
export interface BinaryClosingOptions extends BinaryIterOptions {
  /**
   * Pad with `false` by the structure's reach × iterations, close, and crop: the closing of the
   * textbook, which never removes a true element. SciPy's default (false) erodes objects that
   * touch the border, because the erosion step sees `borderValue` 0 outside. @defaultValue false
   */
  pad?: boolean;
}

/** A checked binary-morphology call. */
const BASE_KEYS = { structure: true, origin: true, output: true } as const;
const BINARY_KEYS = optionKeys<BinaryOptions>(BASE_KEYS);
const ITER_KEYS = optionKeys<BinaryIterOptions>({ ...BASE_KEYS, iterations: true, mask: true, borderValue: true });
const CLOSING_KEYS = optionKeys<BinaryClosingOptions>({
  ...BASE_KEYS,
  iterations: true,
  mask: true,
  borderValue: true,
  pad: true,
});

interface Prepared {
  a: NdArray;
  /** The input's truth as 0/1 bytes, read only: for a contiguous bool input, its own bytes. */
  fg: Uint8Array;
  s: Structure;
  origin: number[];
  iterations: number;
  mask?: Uint8Array;
  border: number;
  output: NdArray | DType;
}

/** The input, refused when 0-d (SciPy 1.10 crashes on one here: a floating-point exception). */
function withAxes(a: NdArray): NdArray {
  requireAxes(a);
  return a;
}

/**
 * SciPy 1.10's erosion, dilation, opening and closing of a 0-d input with `iterations` 1: the
 * same operation on a one-element line (structure, mask and output as one element too), which
 * is what SciPy computes. Other iteration counts crash SciPy (a floating-point exception) and are
 * refused here. Returns `undefined` for inputs with axes.
 */
function zeroD(
  input: ArrayInput,
  options: BinaryClosingOptions | undefined,
  known: readonly string[],
  op: (a: NdArray, o: BinaryClosingOptions) => NdArray,
): NdArray | undefined {
  const a = asarray(input);
  if (a.ndim !== 0) return undefined;
  const o = checkOptions(options, known);
  if (o.iterations !== undefined && o.iterations !== 1) {
    throw new NdImageError(
      'ERR_SHAPE',
      `a 0-d \`input\` takes \`iterations\` 1 only (SciPy 1.10 crashes on others); got ${describeValue(o.iterations)}`,
      { argument: 'iterations' },
    );
  }
  const line = (v: ArrayInput | undefined, name: string): NdArray | undefined => {
    if (v === undefined || v === null) return undefined;
    const x = asarray(v);
    if (x.ndim !== 0) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`${name}\` must be 0-d like the input; got shape ${describeValue([...x.shape])}`,
        {
          argument: name,
        },
      );
    }
    return x.reshape([1]);
  };
  const out = o.output instanceof NdArray ? o.output : undefined;
  const r = op(a.reshape([1]), {
    ...o,
    // SciPy's default for rank 0, generate_binary_structure(0, 1), is one true element.
    structure: line(o.structure, 'structure') ?? [1],
    mask: line(o.mask, 'mask'),
    output: out === undefined ? o.output : line(out, 'output'),
  });
  return out ?? r.reshape([]);
}

/** The structure `value`, or SciPy's default, the cross (connectivity 1). */
const structureOrCross = (value: ArrayInput | undefined, nd: number, name: string): Structure =>
  readStructure(value ?? generateBinaryStructure(nd, 1), nd, name);

/** The checks every binary function starts with: input of rank ≥ 1, structure (default: the cross), origin. */
function readCommon(
  input: ArrayInput,
  options: BinaryOptions | undefined,
  known: readonly string[],
): { o: BinaryIterOptions; a: NdArray; s: Structure; origin: number[] } {
  const o = checkOptions(options, known) as BinaryIterOptions;
  const a = withAxes(asarray(input));
  const s = structureOrCross(o.structure, a.ndim, 'structure');
  return { o, a, s, origin: checkOrigins(o.origin, s.shape, 'origin') };
}

function prepare(
  input: ArrayInput,
  options: BinaryIterOptions | undefined,
  known: readonly string[] = ITER_KEYS,
): Prepared {
  const { o, a, s, origin } = readCommon(input, options, known);
  const iterations = o.iterations === undefined ? 1 : checkInteger(o.iterations, 'iterations');
  const border = borderOf(o.borderValue);
  let mask: Uint8Array | undefined;
  if (o.mask !== undefined && o.mask !== null) {
    const m = asarray(o.mask);
    sameShape(m, a, 'mask');
    mask = foreground(m);
  }
  return { a, fg: foregroundView(a), s, origin, iterations, mask, border, output: checkOutput(o.output, a) };
}

function borderOf(v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`borderValue\` must be a number or a boolean; got ${describeValue(v)}`,
      {
        argument: 'borderValue',
      },
    );
  }
  return v !== 0 ? 1 : 0;
}

function sameShape(x: NdArray, a: NdArray, name: string): void {
  if (x.ndim !== a.ndim || x.shape.some((n, i) => n !== a.shape[i])) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`${name}\` has shape ${describeValue([...x.shape])}; the input has shape ${describeValue([...a.shape])}`,
      { argument: name },
    );
  }
}

/** The caller's `output`: an array to fill or a dtype for the 0/1 result (SciPy's `_get_output`). */
function checkOutput(output: DType | NdArray | undefined, a: NdArray): NdArray | DType {
  return checkCoreOutput(output, a.shape, { dtype: 'bool' });
}

/**
 * Wraps 0/1 bytes as the result: a bool array, or written into the caller's `output` array. A
 * dtype given as `output` is checked but, as in SciPy 1.10 (`output = bool` for anything that is
 * not an array), the result stays bool.
 */
function result(bits: Uint8Array, a: NdArray, output: NdArray | DType): NdArray {
  const r = new NdArray(bits, [...a.shape], { dtype: 'bool' });
  if (typeof output === 'string') return r;
  castInto(r, output);
  return output;
}

/** The reflected structure, and the origin that makes dilation an erosion of the complement. */
function reflectForDilation(s: Structure, origin: readonly number[]): { s: Structure; origin: number[] } {
  const mask = s.mask.slice().reverse();
  // out[i] = OR_k in[i − k + c + o] = NOT AND_k' NOT in[i + k' − c − o'], o' = −o − 1 for even sizes.
  return { s: { shape: s.shape, mask }, origin: origin.map((o, i) => -o - ((s.shape[i] as number) % 2 === 0 ? 1 : 0)) };
}

function centreSet(s: Structure, origin: readonly number[]): boolean {
  let at = 0;
  let stride = 1;
  for (let k = s.shape.length - 1; k >= 0; k--) {
    at += (((s.shape[k] as number) >> 1) + (origin[k] as number)) * stride;
    stride *= s.shape[k] as number;
  }
  return s.mask[at] === 1;
}

/** The box chain (2-D, full box, a number of iterations) when there is no mask. */
function unmaskedBox(p: Prepared, steps: BoxStep[]): Uint8Array | undefined {
  if (p.mask !== undefined) return undefined;
  return boxChain(p.fg, p.a.shape, p.s, p.origin, p.iterations, p.border, steps);
}

/**
 * Erosion passes on 0/1 bytes (C order): `iterations` of them, or until stable when below 1.
 * `keep` is what masked elements hold.
 */
function erodeBits(
  fg: Uint8Array,
  shape: readonly number[],
  s: Structure,
  origin: readonly number[],
  iterations: number,
  border: number,
  mask?: Uint8Array,
): Uint8Array {
  // A structure without elements erodes to all ones (SciPy's empty AND): the segment pass handles it.
  const seg = s.mask.includes(1) ? undefined : segmentsOf(s, origin);
  const pass = (src: Uint8Array, out: Uint8Array): void => {
    if (seg !== undefined) erodeOnce(src, shape, seg, border, out, mask, keep);
    else filterPass(src, shape, s, origin, border, true, out, mask, keep);
  };
  let cur: Uint8Array = fg;
  let next: Uint8Array = new Uint8Array(fg.length);
  const keep = fg;
  if (iterations >= 1) {
    for (let i = 0; i < iterations; i++) {
      pass(cur, next);
      const t = cur === fg ? new Uint8Array(fg.length) : cur;
      cur = next;
      next = t;
    }
    return cur === fg ? fg.slice() : cur;
  }
  // Until stable. With the centre set an erosion only removes elements, so this ends within
  // (number of elements) passes; without it the passes may settle too (SciPy's do the same
  // passes) or cycle, which is detected instead of looping forever.
  let before: Uint8Array | undefined;
  for (let passes = 0; ; passes++) {
    pass(cur, next);
    if (equalBits(next, cur)) return cur === fg ? fg.slice() : cur;
    if ((before !== undefined && equalBits(next, before)) || passes > fg.length + 2) {
      throw new NdImageError(
        'ERR_LIMIT',
        "`iterations` below 1 repeats until nothing changes, but these passes cycle and never settle (the structure's centre, after `origin`, is not set); give a number of iterations",
        { argument: 'iterations' },
      );
    }
    before = cur === fg ? fg.slice() : cur.slice();
    const t = cur === fg ? new Uint8Array(fg.length) : cur;
    cur = next;
    next = t;
  }
}

function equalBits(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function invert(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = (bits[i] as number) ^ 1;
  return out;
}

function dilateBits(
  fg: Uint8Array,
  shape: readonly number[],
  s: Structure,
  origin: readonly number[],
  iterations: number,
  border: number,
  mask?: Uint8Array,
): Uint8Array {
  const r = reflectForDilation(s, origin);
  if (iterations >= 1 && s.mask.includes(1)) {
    // Maximum passes over the reflected structure, directly.
    let cur = fg;
    for (let i = 0; i < iterations; i++) {
      const next = new Uint8Array(fg.length);
      filterPass(cur, shape, r.s, r.origin, border, false, next, mask, fg);
      cur = next;
    }
    return cur === fg ? fg.slice() : cur;
  }
  if (iterations < 1 && centreSet(r.s, r.origin)) {
    // Dilating until stable is propagation: a flood fill, not repeated passes.
    return propagate(fg, shape, r.s, r.origin, border, mask);
  }
  return invert(erodeBits(invert(fg), shape, r.s, r.origin, iterations, border ^ 1, mask));
}

/**
 * Binary erosion: an element stays true when every element under the structure (placed on it,
 * shifted by `origin`) is true; outside the image counts as `borderValue`.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * binaryErosion(array([0, 1, 1, 1, 0, 1])).toArray(); // [0, 0, 1, 0, 0, 0]  (bool: 1 is true)
 * ```
 * @see scipy.ndimage.binary_erosion
 */
export function binaryErosion(input: ArrayInput, options?: BinaryIterOptions & BoolOutput): NdArray<'bool'>;
export function binaryErosion<D extends DType>(
  input: ArrayInput,
  options: BinaryIterOptions & IntoArray<D>,
): NdArray<D>;
export function binaryErosion(input: ArrayInput, options?: BinaryIterOptions): NdArray;
export function binaryErosion(input: ArrayInput, options?: BinaryIterOptions): NdArray {
  const scalar = zeroD(input, options, ITER_KEYS, binaryErosion);
  if (scalar !== undefined) return scalar;
  const p = prepare(input, options);
  const fast = unmaskedBox(p, ['erode']);
  if (fast !== undefined) return result(fast, p.a, p.output);
  return result(erodeBits(p.fg, p.a.shape, p.s, p.origin, p.iterations, p.border, p.mask), p.a, p.output);
}

/**
 * Binary dilation: an element becomes true when the reflected structure placed on it meets a
 * true element. `iterations` below 1 grows until nothing changes (inside `mask`, if given).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * binaryDilation(array([0, 0, 1, 0, 0])).toArray(); // [0, 1, 1, 1, 0]
 * ```
 * @see scipy.ndimage.binary_dilation
 */
export function binaryDilation(input: ArrayInput, options?: BinaryIterOptions & BoolOutput): NdArray<'bool'>;
export function binaryDilation<D extends DType>(
  input: ArrayInput,
  options: BinaryIterOptions & IntoArray<D>,
): NdArray<D>;
export function binaryDilation(input: ArrayInput, options?: BinaryIterOptions): NdArray;
export function binaryDilation(input: ArrayInput, options?: BinaryIterOptions): NdArray {
  const scalar = zeroD(input, options, ITER_KEYS, binaryDilation);
  if (scalar !== undefined) return scalar;
  const p = prepare(input, options);
  const fast = unmaskedBox(p, ['dilate']);
  if (fast !== undefined) return result(fast, p.a, p.output);
  return result(dilateBits(p.fg, p.a.shape, p.s, p.origin, p.iterations, p.border, p.mask), p.a, p.output);
}

/**
 * Binary opening: erosion then dilation (each `iterations` times, same structure, mask and
 * border). The textbook's `binaryOpening(im, { structure: box([9, 5]), iterations: 2 })` removes
 * objects narrower than a 17×9 box and keeps the others intact.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * binaryOpening(array([0, 1, 0, 1, 1, 1, 0])).toArray(); // [0, 0, 0, 1, 1, 1, 0]
 * ```
 * @see scipy.ndimage.binary_opening
 */
export function binaryOpening(input: ArrayInput, options?: BinaryIterOptions & BoolOutput): NdArray<'bool'>;
export function binaryOpening<D extends DType>(
  input: ArrayInput,
  options: BinaryIterOptions & IntoArray<D>,
): NdArray<D>;
export function binaryOpening(input: ArrayInput, options?: BinaryIterOptions): NdArray;
export function binaryOpening(input: ArrayInput, options?: BinaryIterOptions): NdArray {
  const scalar = zeroD(input, options, ITER_KEYS, binaryOpening);
  if (scalar !== undefined) return scalar;
  const p = prepare(input, options);
  const fast = unmaskedBox(p, ['erode', 'dilate']);
  if (fast !== undefined) return result(fast, p.a, p.output);
  const eroded = erodeBits(p.fg, p.a.shape, p.s, p.origin, p.iterations, p.border, p.mask);
  return result(dilateBits(eroded, p.a.shape, p.s, p.origin, p.iterations, p.border, p.mask), p.a, p.output);
}

/**
 * Binary closing: dilation then erosion. As in SciPy, the erosion sees `borderValue` (0) outside,
 * so objects touching the border lose their edge: pass `pad: true` for the closing that never
 * removes a true element.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * binaryClosing(array([1, 1, 0, 1, 1])).toArray();                // [0, 1, 1, 1, 0]
 * binaryClosing(array([1, 1, 0, 1, 1]), { pad: true }).toArray(); // [1, 1, 1, 1, 1]
 * ```
 * @see scipy.ndimage.binary_closing
 */
export function binaryClosing(input: ArrayInput, options?: BinaryClosingOptions & BoolOutput): NdArray<'bool'>;
export function binaryClosing<D extends DType>(
  input: ArrayInput,
  options: BinaryClosingOptions & IntoArray<D>,
): NdArray<D>;
export function binaryClosing(input: ArrayInput, options?: BinaryClosingOptions): NdArray;
export function binaryClosing(input: ArrayInput, options?: BinaryClosingOptions): NdArray {
  const scalar = zeroD(input, options, CLOSING_KEYS, binaryClosing);
  if (scalar !== undefined) return scalar;
  const p = prepare(input, options, CLOSING_KEYS);
  const pad = options?.pad ?? false;
  if (typeof pad !== 'boolean')
    throw new NdImageError('ERR_INVALID_ARGUMENT', `\`pad\` must be a boolean; got ${describeValue(pad)}`, {
      argument: 'pad',
    });
  if (!pad) {
    const fast = unmaskedBox(p, ['dilate', 'erode']);
    if (fast !== undefined) return result(fast, p.a, p.output);
    const dilated = dilateBits(p.fg, p.a.shape, p.s, p.origin, p.iterations, p.border, p.mask);
    return result(erodeBits(dilated, p.a.shape, p.s, p.origin, p.iterations, p.border, p.mask), p.a, p.output);
  }
  return result(paddedClosing(p), p.a, p.output);
}

/** Closing on the image padded with zeros by the structure's reach × iterations, then cropped. */
function paddedClosing(p: Prepared): Uint8Array {
  if (p.iterations < 1) {
    throw new NdImageError('ERR_INVALID_ARGUMENT', '`pad: true` needs a fixed number of `iterations` (≥ 1)', {
      argument: 'pad',
    });
  }
  const shape = p.a.shape;
  const nd = shape.length;
  const reach = p.s.shape.map((n, i) => Math.max(n >> 1, n - 1 - (n >> 1)) + Math.abs(p.origin[i] as number));
  const padBy = reach.map((r) => r * p.iterations);
  const pshape = shape.map((n, i) => n + 2 * (padBy[i] as number));
  const total = pshape.reduce((q, n) => q * n, 1);
  const big = new Uint8Array(total);
  const bigMask = p.mask === undefined ? undefined : new Uint8Array(total).fill(1);
  forEachIndex(shape, (flat, idx) => {
    let at = 0;
    for (let k = 0; k < nd; k++) at = at * (pshape[k] as number) + (idx[k] as number) + (padBy[k] as number);
    big[at] = p.fg[flat] as number;
    if (bigMask !== undefined) bigMask[at] = (p.mask as Uint8Array)[flat] as number;
  });
  const dilated = dilateBits(big, pshape, p.s, p.origin, p.iterations, 0, bigMask);
  const closed = erodeBits(dilated, pshape, p.s, p.origin, p.iterations, 0, bigMask);
  const out = new Uint8Array(p.fg.length);
  forEachIndex(shape, (flat, idx) => {
    let at = 0;
    for (let k = 0; k < nd; k++) at = at * (pshape[k] as number) + (idx[k] as number) + (padBy[k] as number);
    out[flat] = closed[at] as number;
  });
  return out;
}

function forEachIndex(shape: readonly number[], fn: (flat: number, idx: number[]) => void): void {
  const total = shape.reduce((q, n) => q * n, 1);
  const idx = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < total; flat++) {
    fn(flat, idx);
    for (let k = shape.length - 1; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (shape[k] as number)) break;
      idx[k] = 0;
    }
  }
}

/** Options of {@link binaryHitOrMiss}. */
export interface HitOrMissOptions {
  /** What must be true around an element. @defaultValue the cross */
  structure1?: ArrayInput;
  /** What must be false around it. @defaultValue NOT structure1 */
  structure2?: ArrayInput;
  /** @defaultValue 0 */
  origin1?: number | readonly number[];
  /** @defaultValue origin1 */
  origin2?: number | readonly number[];
  /** As in {@link BinaryOptions}. */
  output?: DType | NdArray;
}

const HIT_OR_MISS_KEYS = optionKeys<HitOrMissOptions>({
  structure1: true,
  structure2: true,
  origin1: true,
  origin2: true,
  output: true,
});

/**
 * Hit-or-miss: true where `structure1` fits the foreground and `structure2` fits the background
 * (outside the image counts as background for `structure2`, as in SciPy).
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * binaryHitOrMiss(array([0, 1, 0, 1, 1]), { structure1: [1], structure2: [1, 0, 1] }).toArray();
 * // [0, 1, 0, 0, 0]
 * ```
 * @see scipy.ndimage.binary_hit_or_miss
 */
export function binaryHitOrMiss(input: ArrayInput, options?: HitOrMissOptions & BoolOutput): NdArray<'bool'>;
export function binaryHitOrMiss<D extends DType>(
  input: ArrayInput,
  options: HitOrMissOptions & IntoArray<D>,
): NdArray<D>;
export function binaryHitOrMiss(input: ArrayInput, options?: HitOrMissOptions): NdArray;
export function binaryHitOrMiss(input: ArrayInput, options?: HitOrMissOptions): NdArray {
  const o = checkOptions(options, HIT_OR_MISS_KEYS);
  const a = withAxes(asarray(input));
  const nd = a.ndim;
  const s1 = structureOrCross(o.structure1, nd, 'structure1');
  const s2 =
    o.structure2 === undefined
      ? { shape: s1.shape, mask: invert(s1.mask) }
      : readStructure(o.structure2, nd, 'structure2');
  const origin1 = checkOrigins(o.origin1, s1.shape, 'origin1');
  const origin2 =
    o.origin2 === undefined ? checkOrigins(origin1, s2.shape, 'origin1') : checkOrigins(o.origin2, s2.shape, 'origin2');
  const fg = foreground(a);
  const hit = erodeBits(fg, a.shape, s1, origin1, 1, 0);
  const miss = erodeBits(invert(fg), a.shape, s2, origin2, 1, 1);
  for (let i = 0; i < hit.length; i++) hit[i] = (hit[i] as number) & (miss[i] as number);
  return result(hit, a, checkOutput(o.output, a));
}

/** Options of {@link binaryPropagation}. */
export interface PropagationOptions extends BinaryOptions {
  /** Where the seeds may grow. */
  mask?: ArrayInput;
  /** @defaultValue 0 */
  borderValue?: number | boolean;
}

const PROPAGATION_KEYS = optionKeys<PropagationOptions>({ ...BASE_KEYS, mask: true, borderValue: true });

/**
 * Grows the true elements of `input` through `mask` until nothing changes (morphological
 * reconstruction): dilation iterated to stability. Seeds outside the mask stay true and still grow
 * into their neighbours, as in SciPy.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * binaryPropagation(array([0, 1, 0, 0, 0]), { mask: array([1, 1, 1, 0, 1]) }).toArray();
 * // [1, 1, 1, 0, 0]
 * ```
 * @see scipy.ndimage.binary_propagation
 */
export function binaryPropagation(input: ArrayInput, options?: PropagationOptions & BoolOutput): NdArray<'bool'>;
export function binaryPropagation<D extends DType>(
  input: ArrayInput,
  options: PropagationOptions & IntoArray<D>,
): NdArray<D>;
export function binaryPropagation(input: ArrayInput, options?: PropagationOptions): NdArray;
export function binaryPropagation(input: ArrayInput, options?: PropagationOptions): NdArray {
  const o = checkOptions(options, PROPAGATION_KEYS);
  return binaryDilation(input, { ...o, iterations: -1 });
}

/**
 * Hole filling through labelling, for the usual structures (3×…×3, symmetric, centre set, no
 * origin): the background's components under the structure that touch the outside stay
 * background, every other background element is a hole. Same result as growing the outside in,
 * at the speed of one labelling.
 */
function fillByLabels(
  fg: Uint8Array,
  shape: readonly number[],
  s: Structure,
  origin: readonly number[],
): Uint8Array | undefined {
  const nd = shape.length;
  const m = s.mask;
  if (s.shape.some((n) => n !== 3) || origin.some((v) => v !== 0) || m[m.length >> 1] !== 1) return undefined;
  for (let i = 0; i < m.length; i++) if (m[i] !== m[m.length - 1 - i]) return undefined;
  const background = invert(fg);
  const { labels, count } = label(new NdArray(background, [...shape], { dtype: 'bool' }), {
    structure: new NdArray(m, [...s.shape], { dtype: 'bool' }),
  });
  const lab = labels.data as Int32Array;
  // Axes along which the structure reaches a neighbour: the image's faces across them touch the outside.
  const reaches = new Array<boolean>(nd).fill(false);
  for (let e = 0; e < m.length; e++) {
    if (!m[e]) continue;
    for (let ax = nd - 1, q = e; ax >= 0; ax--, q = Math.floor(q / 3)) if (q % 3 !== 1) reaches[ax] = true;
  }
  const outside = new Uint8Array(count + 1);
  // Only elements on the faces the structure reaches across can touch the outside.
  const strides = new Array<number>(nd);
  let acc = 1;
  for (let ax = nd - 1; ax >= 0; ax--) {
    strides[ax] = acc;
    acc *= shape[ax] as number;
  }
  for (let ax = 0; ax < nd; ax++) {
    if (!reaches[ax]) continue;
    const n = shape[ax] as number;
    const st = strides[ax] as number;
    // Elements with coordinate 0 or n − 1 along ax: blocks of st elements, every n·st.
    for (const face of n === 1 ? [0] : [0, n - 1]) {
      for (let outer = 0; outer < lab.length; outer += n * st) {
        const from = outer + face * st;
        for (let p = from; p < from + st; p++) outside[lab[p] as number] = 1;
      }
    }
  }
  outside[0] = 0;
  // Foreground has label 0 and outside[0] = 0, so an element is true unless outside[label] is set.
  const out = new Uint8Array(fg.length);
  for (let p = 0; p < out.length; p++) out[p] = (outside[lab[p] as number] as number) ^ 1;
  return out;
}

/**
 * Fills the holes of binary objects: background not reachable from outside the image (through
 * `structure`-connected background) becomes true.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * binaryFillHoles(array([[1, 1, 1], [1, 0, 1], [1, 1, 1]])).toArray(); // [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
 * ```
 * @see scipy.ndimage.binary_fill_holes
 */
export function binaryFillHoles(input: ArrayInput, options?: BinaryOptions & BoolOutput): NdArray<'bool'>;
export function binaryFillHoles<D extends DType>(input: ArrayInput, options: BinaryOptions & IntoArray<D>): NdArray<D>;
export function binaryFillHoles(input: ArrayInput, options?: BinaryOptions): NdArray;
export function binaryFillHoles(input: ArrayInput, options?: BinaryOptions): NdArray {
  const { o, a, s, origin } = readCommon(input, options, BINARY_KEYS);
  const fg = foregroundView(a); // read only
  const fast = fillByLabels(fg, a.shape, s, origin);
  if (fast !== undefined) return result(fast, a, checkOutput(o.output, a));
  // NOT (a zero seed grown through the background with border 1).
  const background = invert(fg);
  const seed = new Uint8Array(fg.length);
  const r = reflectForDilation(s, origin);
  const outside = centreSet(r.s, r.origin)
    ? propagate(seed, a.shape, r.s, r.origin, 1, background)
    : invert(erodeBits(invert(seed), a.shape, r.s, r.origin, -1, 0, background));
  return result(invert(outside), a, checkOutput(o.output, a));
}
