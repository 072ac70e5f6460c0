/**
 * The broadcasting engine behind every element-wise function: operands are broadcast to one
 * shape, walked in inner runs, converted a chunk at a time to float64 (see `chunks.ts`), passed
 * to a monomorphic float64 kernel, and stored in the result dtype.
 */
import { asarray, type NdArrayLike } from '../array.js';
import { CHUNK, type ChunkRef, loadChunk, storeChunk } from '../chunks.js';
import { type ArithmeticDType, allocate, type NumericDType, type NumericTypedArray } from '../dtypes.js';
import { describeValue, invalidArgument, NdImageError } from '../errors.js';
import { forEachRun } from '../iterate.js';
import { NdArray } from '../ndarray.js';
import { canStoreInto, checkArithmeticDType, type Scalar } from '../promote.js';
import { broadcastShapes, broadcastStrides, shapesEqual } from '../shape.js';
import { checkOptions, optionKeys } from '../validate/options.js';
import { SCALAR_LEFT, SCALAR_RIGHT, type ScalarBoolKernel, type ScalarKernel } from './scalar-kernels.js';

/** An operand of an element-wise function: an array (anything array-like) or a JS number/boolean. */
export type Operand = NdArrayLike | Scalar;

/** The `out` option shared by element-wise functions. */
export interface OutOptions {
  /**
   * Array to write the result into (must have the broadcast shape); it is also returned.
   * Its dtype may be wider than the result's (int → float, float32 → float64), not narrower in kind.
   * @defaultValue a new array of the result dtype
   */
  out?: NdArray;
}

/**
 * A float64 kernel over one chunk: writes `n` results to `o[oi..]` from inputs `x[k][xi[k]..]`.
 * Kernels loop over Float64Arrays only, which keeps V8's compiled loop monomorphic.
 */
export type Kernel = (
  o: Float64Array,
  oi: number,
  x: readonly Float64Array[],
  xi: readonly number[],
  n: number,
) => void;

/**
 * A kernel whose results are 0/1, written straight into a Uint8Array (a bool output): for
 * comparisons this skips a float64 scratch and a conversion (measured: `a < 0.5` on 4096², 31 → 11 ms).
 */
export type BoolKernel = (
  o: Uint8Array,
  oi: number,
  x: readonly Float64Array[],
  xi: readonly number[],
  n: number,
) => void;

/** What an element-wise function runs: a float64 kernel, or a bool kernel wrapped as `{ toBool }`. */
export type AnyKernel = Kernel | { readonly toBool: BoolKernel };

/** An operand after classification: an array, or a scalar kept apart for value-based typing. */
export interface Prepared {
  arrays: NdArray[];
  dtypes: NumericDType[];
  scalars: Scalar[];
  /** Each operand as an array (scalars as 0-d float64). */
  layouts: NdArray[];
}

/** A scalar as a 0-d float64 array, which broadcasts to any shape. */
export function scalarLayout(value: number): NdArray {
  return new NdArray(Float64Array.of(value), []);
}

/** Classifies operands, refusing non-numeric and storage-only dtypes with the argument's name. */
export function prepare(operands: readonly Operand[], names: readonly string[]): Prepared {
  const arrays: NdArray[] = [];
  const dtypes: NumericDType[] = [];
  const scalars: Scalar[] = [];
  const layouts: NdArray[] = [];
  operands.forEach((op, i) => {
    const name = names[i] ?? `x${i + 1}`;
    if (typeof op === 'number' || typeof op === 'boolean') {
      scalars.push(op);
      layouts.push(scalarLayout(Number(op)));
      return;
    }
    if (op === null || typeof op !== 'object') throw invalidArgument(name, 'an array or a number', op);
    const a = asarray(op as NdArrayLike);
    dtypes.push(checkArithmeticDType(a.dtype, name));
    arrays.push(a);
    layouts.push(a);
  });
  return { arrays, dtypes, scalars, layouts };
}

function sharesMemory(a: NdArray, b: NdArray): boolean {
  return a.data.buffer === b.data.buffer;
}

function sameLayout(a: NdArray, b: NdArray): boolean {
  return (
    a.data === b.data && a.offset === b.offset && shapesEqual(a.shape, b.shape) && shapesEqual(a.strides, b.strides)
  );
}

/** Checks a user `out` array against the result shape and dtype (shared with the complex engine). */
export function checkOut(out: unknown, shape: readonly number[], dtype: ArithmeticDType): NdArray {
  if (!(out instanceof NdArray)) throw invalidArgument('out', 'an NdArray', out);
  if (!shapesEqual(out.shape, shape)) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`out\` has shape ${describeValue([...out.shape])}; the result has shape ${describeValue([...shape])}`,
      { argument: 'out' },
    );
  }
  if (!canStoreInto(dtype, out.dtype)) {
    throw new NdImageError('ERR_DTYPE', `cannot store a ${dtype} result in \`out\` of dtype ${out.dtype}`, {
      argument: 'out',
    });
  }
  return out;
}

/** Placeholder line for inputs that are read in place. */
const NO_LINE = new Float64Array(0);

/** Everything a run needs, prepared once per call. */
interface Plan {
  out: NdArray;
  shape: number[];
  inData: NumericTypedArray[];
  strides: (readonly number[])[];
  offsets: number[];
  refs: ChunkRef[];
  /** Each input's own conversion line (a ref may point at the input's data instead); made on first need. */
  scratch: (Float64Array | undefined)[];
  /** Length of a conversion line: a chunk, or less for small arrays. */
  line: number;
  /** Per chunk: each input's float64 array and base index (reused). */
  arrays: Float64Array[];
  bases: number[];
}

const OUT_KEYS = optionKeys<OutOptions>({ out: true });

function plan(layouts: readonly NdArray[], dtype: NumericDType, options: OutOptions | undefined): Plan {
  checkOptions(options, OUT_KEYS);
  const shape = broadcastShapes(...layouts.map((l) => l.shape));
  const out =
    options?.out === undefined
      ? new NdArray(
          allocate(
            dtype,
            shape.reduce((p, d) => p * d, 1),
          ),
          shape,
          { dtype },
        )
      : checkOut(options.out, shape, dtype);
  // An input that overlaps `out` in another layout would be overwritten before it is read.
  const inputs = layouts.map((l) => (sharesMemory(l, out) && !sameLayout(l, out) ? l.copy() : l));
  const size = shape.reduce((q, d) => q * d, 1);
  const refs: ChunkRef[] = inputs.map(() => ({ array: NO_LINE, base: 0 }));
  return {
    out,
    shape,
    inData: inputs.map((l) => l.data as NumericTypedArray),
    strides: [out.strides, ...inputs.map((l) => broadcastStrides(l.shape, l.strides, shape))],
    offsets: [out.offset, ...inputs.map((l) => l.offset)],
    refs,
    scratch: refs.map(() => undefined),
    line: Math.min(CHUNK, size),
    arrays: refs.map((r) => r.array),
    bases: refs.map(() => 0),
  };
}

/** Loads chunk `[start, start + n)` of every input of a run into `p.arrays`/`p.bases`. */
function loadInputs(p: Plan, off: readonly number[], st: readonly number[], start: number, n: number): void {
  for (let k = 0; k < p.inData.length; k++) {
    const s = st[k + 1] as number;
    const ref = p.refs[k] as ChunkRef;
    const data = p.inData[k] as NumericTypedArray;
    // Float64 inputs with unit stride are read in place; only the others need a conversion line.
    let line = p.scratch[k];
    if (line === undefined && !(s === 1 && data instanceof Float64Array)) {
      line = new Float64Array(p.line);
      p.scratch[k] = line;
    }
    loadChunk(data, (off[k + 1] as number) + start * s, s, n, line ?? NO_LINE, ref);
    p.arrays[k] = ref.array;
    p.bases[k] = ref.base;
  }
}

/**
 * Runs `kernel` over broadcast operands and returns the result of dtype `dtype` (or `out`).
 */
export function runElementwise(
  layouts: readonly NdArray[],
  dtype: NumericDType,
  kernel: AnyKernel,
  options: OutOptions | undefined,
): NdArray {
  const fn = typeof kernel === 'function' ? kernel : kernel.toBool;
  const route = scalarRoute(layouts, fn);
  const p = plan(route === undefined ? layouts : [route.array], dtype, options);
  if (route !== undefined) {
    // One array and a number: the number is a kernel argument, not a broadcast operand.
    const { variant, value } = route;
    if (typeof kernel === 'function') {
      const v = variant as ScalarKernel;
      runFloat(p, dtype, (o, oi, x, xi, n) => v(o, oi, x[0] as Float64Array, xi[0] as number, value, n));
    } else {
      const v = variant as ScalarBoolKernel;
      runBool(p, (o, oi, x, xi, n) => v(o, oi, x[0] as Float64Array, xi[0] as number, value, n));
    }
    return p.out;
  }
  if (typeof kernel === 'function') runFloat(p, dtype, kernel);
  else runBool(p, kernel.toBool);
  return p.out;
}

/** When one of two operands is 0-d and the kernel has a scalar variant: that variant, the value and the array. */
function scalarRoute(
  layouts: readonly NdArray[],
  kernel: Kernel | BoolKernel,
): { variant: ScalarKernel | ScalarBoolKernel; value: number; array: NdArray } | undefined {
  if (layouts.length !== 2) return undefined;
  const [a, b] = layouts as [NdArray, NdArray];
  const side = b.ndim === 0 && a.ndim > 0 ? 'right' : a.ndim === 0 && b.ndim > 0 ? 'left' : undefined;
  if (side === undefined) return undefined;
  const variant = (side === 'right' ? SCALAR_RIGHT : SCALAR_LEFT).get(kernel);
  if (variant === undefined) return undefined;
  const s = side === 'right' ? b : a;
  const array = side === 'right' ? a : b;
  if (s.dtype === 'int64' || s.dtype === 'uint64' || array.dtype === 'int64' || array.dtype === 'uint64')
    return undefined;
  return { variant, value: Number(s.data[s.offset]), array };
}

function runFloat(p: Plan, dtype: NumericDType, kernel: Kernel): void {
  const { out, inData, arrays, bases } = p;
  const outData = out.data as NumericTypedArray;
  const line = p.line;
  let result: Float64Array | undefined;
  // A result stored into a wider `out` is first rounded to its own dtype, as NumPy computes it.
  const rounding = out.dtype !== dtype && dtype !== 'float64' ? allocate(dtype, line) : undefined;
  const direct = outData instanceof Float64Array && rounding === undefined;
  const nin = inData.length;
  forEachRun(p.shape, p.strides, p.offsets, (off, length, st) => {
    const outStride = st[0] as number;
    // Everything float64 with unit stride: one kernel call over the whole run, no scratch.
    let inPlace = direct && outStride === 1;
    for (let k = 0; inPlace && k < nin; k++) inPlace = st[k + 1] === 1 && inData[k] instanceof Float64Array;
    if (inPlace) {
      for (let k = 0; k < nin; k++) {
        arrays[k] = inData[k] as Float64Array;
        bases[k] = off[k + 1] as number;
      }
      kernel(outData as Float64Array, off[0] as number, arrays, bases, length);
      return;
    }
    for (let start = 0; start < length; start += CHUNK) {
      const n = Math.min(CHUNK, length - start);
      loadInputs(p, off, st, start, n);
      const outAt = (off[0] as number) + start * outStride;
      if (direct && outStride === 1) {
        kernel(outData as Float64Array, outAt, arrays, bases, n);
        continue;
      }
      result ??= new Float64Array(line);
      kernel(result, 0, arrays, bases, n);
      if (rounding !== undefined) {
        rounding.set(result.subarray(0, n));
        result.set(rounding.subarray(0, n));
      }
      storeChunk(outData, outAt, outStride, n, result, 0);
    }
  });
}

function runBool(p: Plan, kernel: BoolKernel): void {
  const { out, arrays, bases } = p;
  const outData = out.data as NumericTypedArray;
  let result: Uint8Array | undefined;
  // 0/1 bytes go straight into a bool or uint8 output; any other output gets them converted.
  const direct = out.dtype === 'bool' || out.dtype === 'uint8';
  forEachRun(p.shape, p.strides, p.offsets, (off, length, st) => {
    const outStride = st[0] as number;
    for (let start = 0; start < length; start += CHUNK) {
      const n = Math.min(CHUNK, length - start);
      loadInputs(p, off, st, start, n);
      const outAt = (off[0] as number) + start * outStride;
      if (direct && outStride === 1) {
        kernel(outData as Uint8Array, outAt, arrays, bases, n);
        continue;
      }
      result ??= new Uint8Array(p.line);
      kernel(result, 0, arrays, bases, n);
      if (outStride === 1) outData.set(result.subarray(0, n), outAt);
      else for (let k = 0; k < n; k++) outData[outAt + k * outStride] = result[k] as number;
    }
  });
}
