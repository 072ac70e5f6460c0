/**
 * NumPy's `x.sum()` of a contiguous float array, bit for bit: core-array's `sum` (pairwise within
 * 8192-element blocks, blocks added in order, as NumPy's reduction does).
 */
import { NdArray, sum } from '@ndimage/core-array';

/** Σ x in NumPy's order (float32 data summed in float32, as NumPy). */
export function pairwiseTotal(x: Float64Array | Float32Array): number {
  return sum(new NdArray(x, [x.length], { dtype: x instanceof Float32Array ? 'float32' : 'float64' })) as number;
}
