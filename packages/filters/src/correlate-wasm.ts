/**
 * The 1-D correlation on the WebAssembly SIMD kernels (src/wasm.ts, wasm/kernels.wat.mjs): the
 * same loops as correlate-kernels.ts, two float64 lanes at a time, with identical results
 * (to the bit; a NaN's sign bit may differ).
 * Each helper lays out one call's scratch in the module's memory and returns views of it, or
 * undefined when the kernels are unavailable (the caller then runs the TypeScript kernels).
 */
import type { Prepared } from './correlate-kernels.js';
import type { LineKernel } from './line-filter.js';
import { wasmScratch } from './wasm.js';

/** Scratch lines of the given lengths and a line kernel that runs on them. */
export function wasmLineScratch(
  k: Prepared,
  lengths: readonly number[],
): { arrays: Float64Array[]; kernel: LineKernel } | undefined {
  const weights = k.kind === 'general' ? k.w : k.folded;
  const s = wasmScratch([Math.max(1, weights.length), ...lengths]);
  if (s === undefined) return undefined;
  const [w, ...arrays] = s.f64 as [Float64Array, ...Float64Array[]];
  w.set(weights);
  const wp = w.byteOffset;
  const ex = s.k;
  const { c, wc } = k;
  const L = k.w.length;
  // Every array handed to the kernel is one of `arrays`, so its byteOffset is its wasm address.
  const kernel: LineKernel =
    k.kind === 'symmetric'
      ? (buf, n, dst, d0) => ex.line_symmetric(buf.byteOffset, n, dst.byteOffset + d0 * 8, wp, c, wc)
      : k.kind === 'antisymmetric'
        ? (buf, n, dst, d0) => ex.line_antisymmetric(buf.byteOffset, n, dst.byteOffset + d0 * 8, wp, c, wc)
        : (buf, n, dst, d0) => ex.line_general(buf.byteOffset, n, dst.byteOffset + d0 * 8, wp, L);
  return { arrays, kernel };
}

/** Scratch for the across-rows correlation: a float64 block, an accumulator row, tap pointers. */
export interface RowsScratch {
  block: Float64Array;
  acc: Float64Array;
  /** Byte address of each tap's row chunk, filled per output row. */
  ptrs: Int32Array;
  /** acc[0 .. cw) from the rows at `ptrs`. */
  run(cw: number): void;
}

export function wasmRowsScratch(k: Prepared, blockLength: number, line: number): RowsScratch | undefined {
  const weights = k.kind === 'general' ? k.w : k.folded;
  const L = k.w.length;
  const s = wasmScratch([Math.max(1, weights.length), blockLength, line], [L]);
  if (s === undefined) return undefined;
  const [w, block, acc] = s.f64 as [Float64Array, Float64Array, Float64Array];
  const ptrs = s.i32[0] as Int32Array;
  w.set(weights);
  const ex = s.k;
  const wp = w.byteOffset;
  const ap = acc.byteOffset;
  const pp = ptrs.byteOffset;
  const { c, wc } = k;
  const run =
    k.kind === 'symmetric'
      ? (cw: number) => ex.rows_symmetric(ap, cw, pp, wp, c, wc)
      : k.kind === 'antisymmetric'
        ? (cw: number) => ex.rows_antisymmetric(ap, cw, pp, wp, c, wc)
        : (cw: number) => ex.rows_general(ap, cw, pp, wp, L);
  return { block, acc, ptrs, run };
}
