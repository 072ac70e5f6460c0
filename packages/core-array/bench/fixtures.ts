/** Shared inputs for the benchmarks: seeded, so runs are comparable. */
import { type DType, mul, type NdArray, RandomState } from '../src/index.js';

export * from '../src/index.js';

/** Two n×n arrays of `dtype`, uniform over 0–255 (0–1 scaled for floats' sake: same values). */
export function astype(n: number, dtype: DType): { a: NdArray; b: NdArray } {
  const rng = new RandomState(0);
  return { a: mul(rng.random([n, n]), 255).astype(dtype), b: mul(rng.random([n, n]), 255).astype(dtype) };
}
