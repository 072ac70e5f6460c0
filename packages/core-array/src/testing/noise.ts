/**
 * Seeded noise images for tests: the same seed gives the same pixels on every machine (and the
 * same as NumPy's legacy generator, see `RandomState`).
 */
import type { DType } from '../dtypes.js';
import type { NdArray } from '../ndarray.js';
import { RandomState } from '../random.js';
import { checkShape } from '../validate.js';

/** Options of {@link noiseImage}. */
export interface NoiseOptions {
  /** @defaultValue 0 */
  seed?: number;
  /** @defaultValue 'float64' */
  dtype?: DType;
  /** Uniform in [low, high) or normal with mean `low`, std `high`. @defaultValue 'uniform' */
  kind?: 'uniform' | 'normal';
  /** @defaultValue 0 */
  low?: number;
  /** @defaultValue 1 for floats, 256 for integer dtypes (all grey levels), 2 for bool */
  high?: number;
}

/**
 * A seeded random image. For integer dtypes the uniform values are floored, so
 * `noiseImage([64, 64], { dtype: 'uint8' })` covers 0–255 evenly.
 *
 * @example
 * ```ts
 * import { noiseImage } from '@ndimage/core-array/testing';
 * const im = noiseImage([32, 48], { dtype: 'uint8', seed: 7 });
 * ```
 */
export function noiseImage(shape: readonly number[], options: NoiseOptions = {}): NdArray {
  const dims = checkShape(shape);
  const { seed = 0, dtype = 'float64', kind = 'uniform', low = 0 } = options;
  const isFloat = dtype === 'float32' || dtype === 'float64';
  const high = options.high ?? (isFloat ? 1 : dtype === 'bool' ? 2 : 256);
  const rng = new RandomState(seed);
  const base = kind === 'normal' ? rng.normal(dims, low, high) : rng.random(dims);
  if (kind === 'uniform') {
    const d = base.data;
    for (let i = 0; i < d.length; i++) {
      const v = low + (high - low) * (d[i] as number);
      d[i] = isFloat ? v : Math.floor(v);
    }
  }
  return dtype === 'float64' ? base : base.astype(dtype);
}
