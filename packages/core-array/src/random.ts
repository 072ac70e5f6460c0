/**
 * Seeded random numbers that reproduce NumPy's legacy generator: `np.random.seed(s)` then
 * `np.random.random(shape)` / `np.random.standard_normal(shape)` give the same values here
 * (MT19937, 53-bit doubles, polar Box–Muller with the cached second value), so a test or a demo
 * can use exactly the noise a NumPy script used.
 */
import { NdArray } from './ndarray.js';
import { checkOptions, optionKeys } from './validate/options.js';
import { checkFiniteNumber, checkInteger, checkShape } from './validate.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

function randomSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint32Array): Uint32Array } }).crypto;
  if (c) return c.getRandomValues(new Uint32Array(1))[0] as number;
  return Math.floor(Math.random() * 4294967296);
}

/**
 * A seeded generator with NumPy's `RandomState` stream (Mersenne Twister MT19937).
 * Draws continue one stream, as successive NumPy calls after one `seed()` do.
 *
 * @example
 * ```ts
 * const rng = new RandomState(0);   // np.random.seed(0)
 * rng.random([2]).toArray();        // [0.5488135039273248, 0.7151893663724195]
 * rng.standardNormal([1]).toArray(); // like np.random.standard_normal(1) after those two draws
 * ```
 * @see numpy.random.RandomState
 */
export class RandomState {
  private readonly mt = new Uint32Array(N);
  private index = N;
  private gauss = 0;
  private hasGauss = false;

  /** @param seed an integer in [0, 2³²); omitted → seeded from the platform's crypto source. */
  constructor(seed?: number) {
    this.seed(seed ?? randomSeed());
  }

  /**
   * Restarts the stream, as `np.random.seed(seed)`.
   *
   * @throws NdImageError `ERR_INVALID_ARGUMENT` unless `seed` is an integer in [0, 2³²).
   */
  seed(seed: number): void {
    let s = checkInteger(seed, 'seed', { min: 0, max: 4294967295 }) >>> 0;
    for (let i = 0; i < N; i++) {
      this.mt[i] = s;
      s = (Math.imul(1812433253, s ^ (s >>> 30)) + i + 1) >>> 0;
    }
    this.index = N;
    this.hasGauss = false;
    this.gauss = 0;
  }

  private twist(): void {
    const mt = this.mt;
    // The standard three-part loop (no modulo per element): k + M wraps only after N − M.
    let k = 0;
    for (; k < N - M; k++) {
      const y = (mt[k]! & UPPER) | (mt[k + 1]! & LOWER);
      mt[k] = mt[k + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < N - 1; k++) {
      const y = (mt[k]! & UPPER) | (mt[k + 1]! & LOWER);
      mt[k] = mt[k + M - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (mt[N - 1]! & UPPER) | (mt[0]! & LOWER);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.index = 0;
  }

  /** The next 32-bit output of MT19937, as an unsigned integer. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) from 53 random bits, as NumPy's `random_sample`. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A standard normal draw by NumPy's legacy polar method (pairs, the second one cached). */
  nextGaussian(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * Uniform doubles in [0, 1), as `np.random.random(shape)`.
   *
   * @example
   * ```ts
   * new RandomState(42).random([2, 2]).shape; // [2, 2]
   * ```
   */
  random(shape: readonly number[] | number): NdArray<'float64'> {
    const dims = checkShape(shape);
    const out = new NdArray<'float64'>(new Float64Array(dims.reduce((p, d) => p * d, 1)), dims);
    const data = out.data;
    const mt = this.mt;
    // nextDouble() inlined: two tempered outputs per double, 53 random bits.
    for (let i = 0; i < data.length; i++) {
      if (this.index >= N - 1) {
        data[i] = this.nextDouble();
        continue;
      }
      let a = mt[this.index++]!;
      a ^= a >>> 11;
      a ^= (a << 7) & 0x9d2c5680;
      a ^= (a << 15) & 0xefc60000;
      a ^= a >>> 18;
      let b = mt[this.index++]!;
      b ^= b >>> 11;
      b ^= (b << 7) & 0x9d2c5680;
      b ^= (b << 15) & 0xefc60000;
      b ^= b >>> 18;
      data[i] = ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
    }
    return out;
  }

  /**
   * Standard normal draws, as `np.random.standard_normal(shape)`.
   */
  standardNormal(shape: readonly number[] | number): NdArray<'float64'> {
    return this.normal(shape, 0, 1);
  }

  /**
   * Normal draws `mean + std · z`, as `np.random.normal(mean, std, shape)`.
   *
   * @throws NdImageError `ERR_INVALID_ARGUMENT` for a non-finite mean or a negative/non-finite std.
   */
  normal(shape: readonly number[] | number, mean = 0, std = 1): NdArray<'float64'> {
    checkFiniteNumber(mean, 'mean');
    checkFiniteNumber(std, 'std', { min: 0 });
    const dims = checkShape(shape);
    const out = new NdArray<'float64'>(new Float64Array(dims.reduce((p, d) => p * d, 1)), dims);
    const data = out.data;
    for (let i = 0; i < data.length; i++) data[i] = mean + std * this.nextGaussian();
    return out;
  }
}

/** Options of {@link random}. */
export interface RandomOptions {
  /** Integer seed in [0, 2³²); the same seed gives NumPy's `np.random.seed(seed)` stream. @defaultValue a fresh random seed */
  seed?: number;
}

/** Options of {@link randomNormal}. */
export interface RandomNormalOptions extends RandomOptions {
  /** @defaultValue 0 */
  mean?: number;
  /** Standard deviation, ≥ 0. @defaultValue 1 */
  std?: number;
}

const RANDOM_KEYS = optionKeys<RandomOptions>({ seed: true });
const NORMAL_KEYS = optionKeys<RandomNormalOptions>({ seed: true, mean: true, std: true });

/**
 * Uniform doubles in [0, 1). With a seed, the values equal NumPy's
 * `np.random.seed(seed); np.random.random(shape)`.
 *
 * @example
 * ```ts
 * random([2], { seed: 0 }).toArray(); // [0.5488135039273248, 0.7151893663724195]
 * ```
 * @see numpy.random.random
 */
export function random(shape: readonly number[] | number, options: RandomOptions = {}): NdArray<'float64'> {
  return new RandomState(checkOptions(options, RANDOM_KEYS).seed).random(shape);
}

/**
 * Normal draws. With a seed, the values equal NumPy's
 * `np.random.seed(seed); np.random.normal(mean, std, shape)`; the textbook's noisy image is
 * `add(im, randomNormal(im.shape, { std: 30, seed: 0 }))`.
 *
 * @example
 * ```ts
 * const noise = randomNormal([500, 500], { std: 30, seed: 0 });
 * ```
 * @see numpy.random.normal
 */
export function randomNormal(shape: readonly number[] | number, options: RandomNormalOptions = {}): NdArray<'float64'> {
  const o = checkOptions(options, NORMAL_KEYS);
  return new RandomState(o.seed).normal(shape, o.mean ?? 0, o.std ?? 1);
}
