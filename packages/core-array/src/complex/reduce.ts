/**
 * Sums and moments of complex arrays: sum, mean, variance, std, norm, in NumPy's order of
 * operations. The reduction is planned on the real-part view (same shape and axes; strides in
 * floats), and runs read both parts of each element from there.
 *
 * NumPy sums complex numbers pairwise with the real and imaginary parts in separate accumulators
 * (`CDOUBLE_pairwise_sum`: four elements in flight, blocks of 64 elements, halving above), in
 * 8192-element blocks of its iterator buffer; the same here makes a complex128 sum over a
 * contiguous run equal NumPy's bit for bit. A mean divides by the count as NumPy's complex
 * division does (Smith's method with divisor `count + 0j`, i.e. a multiply by `1/count`).
 */
import type { NdArrayLike } from '../array.js';
import { allocate, type Complex, type ComplexDType, complexOf, partOf } from '../dtypes.js';
import { forEachRun } from '../iterate.js';
import { NdArray } from '../ndarray.js';
import { planReduce, type ReduceOptions, type ReducePlan } from '../reduce/engine.js';
import { pairwiseSum } from '../reduce/pairwise.js';
import { shapeSize } from '../shape.js';
import { real } from './parts.js';

/** Elements per block of a reduction run, as NumPy's iterator buffer (see `reduce/engine.ts`). */
const BLOCK = 8192;

/** Pairwise-sum results (two numbers: module scratch instead of an allocation per call). */
let sumRe = 0;
let sumIm = 0;

/**
 * Σ over `n` complex elements of `d` from float index `off`, `st` floats apart: NumPy's complex
 * pairwise sum, written for `2n` floats as NumPy's is. Results in {@link sumRe}/{@link sumIm}.
 */
function pairwise(d: Float64Array, off: number, st: number, n: number): void {
  const floats = 2 * n;
  if (floats < 8) {
    let rr = 0;
    let ri = 0;
    for (let k = 0; k < n; k++) {
      rr += d[off + k * st]!;
      ri += d[off + k * st + 1]!;
    }
    sumRe = rr;
    sumIm = ri;
    return;
  }
  if (floats <= 128) {
    let r0 = d[off]!;
    let r1 = d[off + 1]!;
    let r2 = d[off + st]!;
    let r3 = d[off + st + 1]!;
    let r4 = d[off + 2 * st]!;
    let r5 = d[off + 2 * st + 1]!;
    let r6 = d[off + 3 * st]!;
    let r7 = d[off + 3 * st + 1]!;
    const end = (floats - (floats % 8)) / 2;
    let k = 4;
    for (; k < end; k += 4) {
      const p = off + k * st;
      r0 += d[p]!;
      r1 += d[p + 1]!;
      r2 += d[p + st]!;
      r3 += d[p + st + 1]!;
      r4 += d[p + 2 * st]!;
      r5 += d[p + 2 * st + 1]!;
      r6 += d[p + 3 * st]!;
      r7 += d[p + 3 * st + 1]!;
    }
    let rr = r0 + r2 + (r4 + r6);
    let ri = r1 + r3 + (r5 + r7);
    for (; k < n; k++) {
      rr += d[off + k * st]!;
      ri += d[off + k * st + 1]!;
    }
    sumRe = rr;
    sumIm = ri;
    return;
  }
  let half = Math.floor(floats / 2);
  half -= half % 8;
  const n1 = half / 2;
  pairwise(d, off, st, n1);
  const aRe = sumRe;
  const aIm = sumIm;
  pairwise(d, off + n1 * st, st, n - n1);
  sumRe = aRe + sumRe;
  sumIm = aIm + sumIm;
}

/** Axes in memory order (decreasing |stride|) with the strides of input and accumulator. */
function walkOrder(plan: ReducePlan): { shape: number[]; inStrides: number[]; accStrides: number[] } {
  const input = plan.input;
  const order = input.shape.map((_, i) => i).sort((p, q) => Math.abs(input.strides[q]!) - Math.abs(input.strides[p]!));
  return {
    shape: order.map((i) => input.shape[i]!),
    inStrides: order.map((i) => input.strides[i]!),
    accStrides: order.map((i) => plan.accStrides[i]!),
  };
}

/** Complex sums into two accumulators laid out in the output's shape. */
function foldSum(plan: ReducePlan): [Float64Array, Float64Array] {
  const size = shapeSize(plan.keptShape);
  const accRe = new Float64Array(size);
  const accIm = new Float64Array(size);
  const d = plan.input.data as Float64Array;
  const w = walkOrder(plan);
  forEachRun(w.shape, [w.inStrides, w.accStrides], [plan.input.offset, 0], (off, length, st) => {
    const s = st[0]!;
    const as = st[1]!;
    let j = off[1]!;
    let at = off[0]!;
    if (as === 0) {
      for (let start = 0; start < length; start += BLOCK) {
        const n = Math.min(BLOCK, length - start);
        pairwise(d, at, s, n);
        accRe[j]! += sumRe;
        accIm[j]! += sumIm;
        at += n * s;
      }
      return;
    }
    for (let k = 0; k < length; k++, at += s, j += as) {
      accRe[j]! += d[at]!;
      accIm[j]! += d[at + 1]!;
    }
  });
  return [accRe, accIm];
}

/** Σ |x − centre|² (NumPy: `(x − m) · conj(x − m)`, real part) into one accumulator. */
function foldSqDev(plan: ReducePlan, cRe: Float64Array, cIm: Float64Array): Float64Array {
  const acc = new Float64Array(shapeSize(plan.keptShape));
  const d = plan.input.data as Float64Array;
  const w = walkOrder(plan);
  const line = new Float64Array(Math.min(BLOCK, Math.max(plan.input.size, 1)));
  forEachRun(w.shape, [w.inStrides, w.accStrides], [plan.input.offset, 0], (off, length, st) => {
    const s = st[0]!;
    const as = st[1]!;
    let j = off[1]!;
    let at = off[0]!;
    if (as === 0) {
      const mr = cRe[j]!;
      const mi = cIm[j]!;
      for (let start = 0; start < length; start += BLOCK) {
        const n = Math.min(BLOCK, length - start);
        for (let k = 0; k < n; k++, at += s) {
          const dr = d[at]! - mr;
          const di = d[at + 1]! - mi;
          line[k] = dr * dr + di * di;
        }
        acc[j]! += pairwiseSum(line, 0, n);
      }
      return;
    }
    for (let k = 0; k < length; k++, at += s, j += as) {
      const dr = d[at]! - cRe[j]!;
      const di = d[at + 1]! - cIm[j]!;
      acc[j]! += dr * dr + di * di;
    }
  });
  return acc;
}

/** Divides complex accumulators by a real count as NumPy's complex division by `count + 0j`. */
function divideByCount(re: Float64Array, im: Float64Array, count: number): void {
  const rat = 0 / count;
  const scl = 1.0 / (count + 0 * rat);
  for (let i = 0; i < re.length; i++) {
    const r = re[i]!;
    const m = im[i]!;
    re[i] = (r + m * rat) * scl;
    im[i] = (m - r * rat) * scl;
  }
}

/** A reduction of a complex array, planned on its real-part view. */
function planComplex(a: NdArrayLike, options: ReduceOptions | undefined, known?: readonly string[]): ReducePlan {
  return planReduce(real(a), options, 'a', known);
}

/** The complex dtype of the input the plan was made for. */
const complexDTypeOf = (plan: ReducePlan): ComplexDType => complexOf(plan.dtype === 'float32' ? 'float32' : 'float64');

/** A number pair for a full reduction, else a complex array in the output's shape. */
function finishComplex(plan: ReducePlan, re: Float64Array, im: Float64Array): Complex | NdArray {
  const dtype = complexDTypeOf(plan);
  if (plan.scalar) {
    const r = re[0]!;
    const m = im[0]!;
    return dtype === 'complex64' ? { re: Math.fround(r), im: Math.fround(m) } : { re: r, im: m };
  }
  const data = allocate(dtype, re.length);
  for (let i = 0; i < re.length; i++) {
    data[2 * i] = re[i]!;
    data[2 * i + 1] = im[i]!;
  }
  return new NdArray(data, plan.keepdims ? plan.keptShape : plan.outShape, { dtype });
}

/** A real result (variance, std, norm) in the parts' float dtype. */
function finishReal(plan: ReducePlan, values: Float64Array): number | NdArray {
  const dtype = partOf(complexDTypeOf(plan));
  if (plan.scalar) return dtype === 'float32' ? Math.fround(values[0]!) : values[0]!;
  const data = allocate(dtype, values.length);
  data.set(values);
  return new NdArray(data, plan.keepdims ? plan.keptShape : plan.outShape, { dtype });
}

/** `sum` of a complex array. */
export function complexSum(a: NdArrayLike, options?: ReduceOptions): Complex | NdArray {
  const plan = planComplex(a, options);
  const [re, im] = foldSum(plan);
  return finishComplex(plan, re, im);
}

/** `mean` of a complex array. */
export function complexMean(a: NdArrayLike, options?: ReduceOptions): Complex | NdArray {
  const plan = planComplex(a, options);
  const [re, im] = foldSum(plan);
  divideByCount(re, im, plan.count);
  return finishComplex(plan, re, im);
}

/** `variance` (`sqrt` for `std`) of a complex array: real, in the parts' dtype. */
export function complexVariance(
  a: NdArrayLike,
  options: (ReduceOptions & { ddof?: number }) | undefined,
  ddof: number,
  known: readonly string[],
  root: boolean,
): number | NdArray {
  const plan = planComplex(a, options, known);
  const [re, im] = foldSum(plan);
  divideByCount(re, im, plan.count);
  const acc = foldSqDev(plan, re, im);
  const divisor = Math.max(plan.count - ddof, 0);
  for (let i = 0; i < acc.length; i++) {
    const v = acc[i]! / divisor;
    acc[i] = root ? Math.sqrt(v) : v;
  }
  return finishReal(plan, acc);
}

/** `norm` of a complex array: `sqrt(Σ |x|²)`, real. */
export function complexNorm(a: NdArrayLike, options?: ReduceOptions): number | NdArray {
  const plan = planComplex(a, options);
  const zeros = new Float64Array(shapeSize(plan.keptShape));
  const acc = foldSqDev(plan, zeros, zeros);
  for (let i = 0; i < acc.length; i++) acc[i] = Math.sqrt(acc[i]!);
  return finishReal(plan, acc);
}
