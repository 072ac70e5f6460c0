/**
 * The 1-D line engine every separable filter runs on (SciPy's "line path"): each line along
 * `axis` is copied into a float64 buffer padded by `left`/`right` samples of boundary extension,
 * a line kernel computes the line's outputs, and they are stored with SciPy's cast.
 */
import { forEachRun, type NdArray, type NumericTypedArray, readLine } from '@ndimage/core-array';
import { type BoundaryMode, extendLine } from './modes.js';
import { lineStore } from './output.js';

/**
 * Computes `n` outputs into `dst[d0 .. d0 + n)` from `buf`, where `buf[left + i]` is input sample
 * `i` and the samples before and after are the boundary extension.
 */
export type LineKernel = (buf: Float64Array, n: number, dst: Float64Array, d0: number) => void;

/** One pass of a line filter. */
export interface LinePass {
  input: NdArray;
  /** Where results go (may be `input` itself: each line is read whole before it is written). */
  output: NdArray;
  axis: number;
  /** Extension samples needed before and after each line. */
  left: number;
  right: number;
  mode: BoundaryMode;
  cval: number;
  kernel: LineKernel;
}

/** Runs a line filter over every line of `input` along `axis`. */
export function runLinePass(pass: LinePass): void {
  const { input, output, axis, left, right, mode, cval, kernel } = pass;
  const n = input.shape[axis] as number;
  if (input.size === 0) return;
  const otherShape = input.shape.filter((_, i) => i !== axis);
  const inStrides = input.strides.filter((_, i) => i !== axis);
  const outStrides = output.strides.filter((_, i) => i !== axis);
  const inStep = input.strides[axis] as number;
  const outStep = output.strides[axis] as number;
  const data = input.data as NumericTypedArray;
  const buf = new Float64Array(left + n + right);
  const dst = new Float64Array(n);
  const store = lineStore(output);
  // A float64 output line with unit stride is written by the kernel itself, not copied.
  const direct = output.data instanceof Float64Array && outStep === 1 ? output.data : undefined;
  forEachRun(otherShape, [inStrides, outStrides], [input.offset, output.offset], (off, count, st) => {
    for (let k = 0; k < count; k++) {
      readLine(data, (off[0] as number) + k * (st[0] as number), inStep, n, buf, left);
      extendLine(buf, left, n, right, mode, cval);
      const at = (off[1] as number) + k * (st[1] as number);
      if (direct !== undefined) kernel(buf, n, direct, at);
      else {
        kernel(buf, n, dst, 0);
        store(dst, 0, n, at, outStep);
      }
    }
  });
}
