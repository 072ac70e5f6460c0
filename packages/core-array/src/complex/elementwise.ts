/**
 * The element-wise engine for complex results, kept apart from the real one (`elementwise/engine.ts`)
 * so the real dtypes' fast paths stay as they are. Operands are broadcast, walked in inner runs and
 * read a chunk at a time into planar float64 lines (real parts, imaginary parts; a real operand's
 * imaginary line is zeros), a planar kernel runs, and the results are stored interleaved into the
 * complex64/complex128 output.
 */
import { asarray, type NdArrayLike } from '../array.js';
import { CHUNK, readLine } from '../chunks.js';
import {
  type ArithmeticDType,
  allocate,
  type Complex,
  type ComplexDType,
  isComplex,
  isComplexDType,
  type NumericTypedArray,
} from '../dtypes.js';
import { checkOut, type OutOptions } from '../elementwise/engine.js';
import { invalidArgument } from '../errors.js';
import { forEachRun } from '../iterate.js';
import { NdArray } from '../ndarray.js';
import { type ComplexScalar, checkComplexArithmeticDType, resultType } from '../promote.js';
import { broadcastShapes, broadcastStrides, shapesEqual } from '../shape.js';
import { checkOptions, optionKeys } from '../validate/options.js';
import type { ComplexBinaryKernel, ComplexUnaryKernel } from './kernels.js';

/** An operand of a function with a complex version: an array, a JS number or boolean, or a `{ re, im }` value. */
export type ComplexOperand = NdArrayLike | ComplexScalar;

/**
 * True when an operand makes the result complex: an array of a complex dtype or a complex value.
 * Checked on the operands as given (no conversion), so the real path pays two property reads.
 */
export function isComplexOperand(x: unknown): x is Complex | (NdArrayLike & { dtype: ComplexDType }) {
  if (typeof x !== 'object' || x === null) return false;
  const dtype = (x as { dtype?: unknown }).dtype;
  // An array names its dtype; only a plain { re, im } value has none.
  if (typeof dtype === 'string') return dtype === 'complex64' || dtype === 'complex128';
  return isComplex(x);
}

/** Operands classified: arrays with their dtypes, scalars apart (for value-based typing). */
interface ComplexPrepared {
  layouts: NdArray[];
  dtypes: ArithmeticDType[];
  scalars: ComplexScalar[];
}

function prepareComplex(operands: readonly ComplexOperand[], names: readonly string[]): ComplexPrepared {
  const layouts: NdArray[] = [];
  const dtypes: ArithmeticDType[] = [];
  const scalars: ComplexScalar[] = [];
  operands.forEach((op, i) => {
    const name = names[i] ?? `x${i + 1}`;
    if (typeof op === 'number' || typeof op === 'boolean') {
      scalars.push(op);
      layouts.push(new NdArray(Float64Array.of(Number(op)), []));
    } else if (isComplex(op)) {
      scalars.push({ re: op.re, im: op.im });
      layouts.push(new NdArray(Float64Array.of(op.re, op.im), [], { dtype: 'complex128' }));
    } else {
      if (op === null || typeof op !== 'object') throw invalidArgument(name, 'an array or a number', op);
      const a = asarray(op as NdArrayLike);
      dtypes.push(checkComplexArithmeticDType(a.dtype, name));
      layouts.push(a);
    }
  });
  return { layouts, dtypes, scalars };
}

/** The result dtype of complex operands, as NumPy's `result_type` (always complex here). */
function complexResultType(p: ComplexPrepared): ComplexDType {
  const d = resultType(p.dtypes, p.scalars);
  return isComplexDType(d) ? d : 'complex128';
}

const OUT_KEYS = optionKeys<OutOptions>({ out: true });

/** Reads chunks of one operand into planar lines. */
interface Reader {
  data: NumericTypedArray;
  complex: boolean;
  re: Float64Array;
  im: Float64Array;
}

/** Fills `r.re[0..n)`, `r.im[0..n)` from `n` elements at element `offset`, step `stride`. */
function load(r: Reader, offset: number, stride: number, n: number): void {
  if (!r.complex) {
    readLine(r.data, offset, stride, n, r.re, 0);
    return;
  }
  const d = r.data as Float64Array;
  const re = r.re;
  const im = r.im;
  for (let k = 0, j = 2 * offset; k < n; k++, j += 2 * stride) {
    re[k] = d[j]!;
    im[k] = d[j + 1]!;
  }
}

/** Stores `n` planar results interleaved at element `offset`, step `stride` (float32 rounds on store). */
function store(d: Float64Array, offset: number, stride: number, n: number, re: Float64Array, im: Float64Array): void {
  for (let k = 0, j = 2 * offset; k < n; k++, j += 2 * stride) {
    d[j] = re[k]!;
    d[j + 1] = im[k]!;
  }
}

/** Runs a planar kernel over broadcast operands into a new complex array (or `out`). */
function run(
  p: ComplexPrepared,
  dtype: ComplexDType,
  options: OutOptions | undefined,
  kernel: (or: Float64Array, oi: Float64Array, lines: readonly Reader[], n: number) => void,
): NdArray {
  checkOptions(options, OUT_KEYS);
  const shape = broadcastShapes(...p.layouts.map((l) => l.shape));
  const size = shape.reduce((q, d) => q * d, 1);
  const out =
    options?.out === undefined
      ? new NdArray(allocate(dtype, size), shape, { dtype })
      : checkOut(options.out, shape, dtype);
  // An input overlapping `out` in another layout would be overwritten before it is read.
  const inputs = p.layouts.map((l) =>
    l.data.buffer === out.data.buffer &&
    !(l.data === out.data && l.offset === out.offset && shapesEqual(l.strides, out.strides))
      ? l.copy()
      : l,
  );
  const line = Math.min(CHUNK, Math.max(size, 1));
  const zeros = new Float64Array(line);
  const readers: Reader[] = inputs.map((l) => {
    const complex = isComplexDType(l.dtype);
    return {
      data: l.data as NumericTypedArray,
      complex,
      re: new Float64Array(line),
      im: complex ? new Float64Array(line) : zeros,
    };
  });
  const or = new Float64Array(line);
  const oi = new Float64Array(line);
  const outData = out.data as Float64Array;
  forEachRun(
    shape,
    [out.strides, ...inputs.map((l) => broadcastStrides(l.shape, l.strides, shape))],
    [out.offset, ...inputs.map((l) => l.offset)],
    (off, length, st) => {
      for (let start = 0; start < length; start += CHUNK) {
        const n = Math.min(CHUNK, length - start);
        for (let k = 0; k < readers.length; k++) {
          const s = st[k + 1]!;
          load(readers[k]!, off[k + 1]! + start * s, s, n);
        }
        kernel(or, oi, readers, n);
        store(outData, off[0]! + start * st[0]!, st[0]!, n, or, oi);
      }
    },
  );
  return out;
}

/** A two-operand function with a complex result: dtype by NumPy's promotion. */
export function complexBinary(
  a: ComplexOperand,
  b: ComplexOperand,
  options: OutOptions | undefined,
  kernel: ComplexBinaryKernel,
): NdArray {
  const p = prepareComplex([a, b], ['a', 'b']);
  return run(p, complexResultType(p), options, (or, oi, [x, y], n) => kernel(or, oi, x!.re, x!.im, y!.re, y!.im, n));
}

/** A one-operand function of a complex array with a complex result of the same dtype. */
export function complexUnary(a: ComplexOperand, options: OutOptions | undefined, kernel: ComplexUnaryKernel): NdArray {
  const p = prepareComplex([a], ['a']);
  return run(p, complexResultType(p), options, (or, oi, [x], n) => kernel(or, oi, x!.re, x!.im, n));
}
