/**
 * FFT plans: how a length is factored and the twiddle factors of each pass, computed once per
 * length and cached. A length whose factors are small (2, 3, 4, 5 and other primes up to a cost
 * limit) runs as a mixed-radix Cooley–Tukey transform (Stockham, self-sorting: no bit reversal);
 * a length with a large prime factor runs as Bluestein's chirp-z convolution over a longer,
 * smooth length, so every length is O(n log n). The choice between the two follows pocketfft's
 * cost estimate (the FFT inside NumPy).
 */
import { rootOfUnity } from './twiddle.js';

/** One radix pass: its factor and where its twiddles start in {@link CooleyTukeyPlan.twiddles}. */
interface Pass {
  /** The radix (2, 3, 4, 5, or an odd prime for the generic pass). */
  readonly radix: number;
  /** Transforms this pass combines: the product of the radices before it. */
  readonly l1: number;
  /** Length of each sub-transform after this pass: n / (l1 · radix). */
  readonly ido: number;
  /** Index (in floats) of twiddle (m, i) = exp(−2πi·m·l1·i/n) at `offset + 2·((m−1)(ido−1) + i−1)`. */
  readonly offset: number;
  /** For the generic pass: cos and sin of 2π·m/radix, m = 0 … radix−1, interleaved. */
  readonly roots?: Float64Array;
}

/** A mixed-radix plan. */
export interface CooleyTukeyPlan {
  readonly kind: 'cooley-tukey';
  readonly n: number;
  readonly passes: readonly Pass[];
  /** The forward twiddles of every pass, interleaved (re, im). */
  readonly twiddles: Float64Array;
  /** Largest generic radix (for its scratch), 0 when none. */
  readonly maxGeneric: number;
}

/** Bluestein's algorithm: a length-n DFT as a convolution of length `m` (smooth, ≥ 2n − 1). */
export interface BluesteinPlan {
  readonly kind: 'bluestein';
  readonly n: number;
  readonly m: number;
  /** The plan of length m. */
  readonly inner: CooleyTukeyPlan;
  /** exp(−πi·k²/n), k = 0 … n−1, interleaved. */
  readonly chirp: Float64Array;
  /** The forward FFT of the conjugate chirp wrapped to length m, divided by m (so the inverse needs no scaling). */
  readonly kernel: Float64Array;
}

/** A plan for a complex FFT of one length. */
export type ComplexPlan = CooleyTukeyPlan | BluesteinPlan;

/**
 * The factors of n in pass order: 8s, then 4s and a 2 (an 8 and a 2 become two 4s: the same
 * number of passes, cheaper ones), then odd primes ascending. Radix 8 takes three levels of a
 * power of two in one pass over the data: 2048 runs in four passes (8, 8, 8, 4), not six.
 */
export function factorize(n: number): number[] {
  const factors: number[] = [];
  let r = n;
  while (r % 8 === 0) {
    factors.push(8);
    r /= 8;
  }
  while (r % 4 === 0) {
    factors.push(4);
    r /= 4;
  }
  if (r % 2 === 0) {
    r /= 2;
    if (factors.length > 0 && factors[0] === 8) {
      factors.shift();
      factors.push(4, 4);
    } else factors.push(2);
  }
  for (let p = 3; p * p <= r; p += 2) {
    while (r % p === 0) {
      factors.push(p);
      r /= p;
    }
  }
  if (r > 1) factors.push(r);
  return factors;
}

/** pocketfft's `cost_guess`: Σ of the factors (larger primes penalised 10 %), times n. */
function costGuess(n: number): number {
  let cost = 0;
  let r = n;
  while (r % 2 === 0) {
    cost += 2;
    r /= 2;
  }
  for (let p = 3; p * p <= r; p += 2) {
    while (r % p === 0) {
      cost += p <= 5 ? p : 1.1 * p;
      r /= p;
    }
  }
  if (r > 1) cost += r <= 5 ? r : 1.1 * r;
  return cost * n;
}

/** The smallest 2^a·3^b·5^c ≥ n (lengths the fast passes handle best). */
export function goodSize(n: number): number {
  if (n <= 6) return n;
  let best = 2 ** Math.ceil(Math.log2(n));
  for (let f5 = 1; f5 < best; f5 *= 5) {
    for (let f35 = f5; f35 < best; f35 *= 3) {
      let x = f35;
      while (x < n) x *= 2;
      if (x < best) best = x;
      if (x === n) return n;
    }
  }
  return best;
}

function cooleyTukey(n: number): CooleyTukeyPlan {
  const radices = factorize(n);
  const roots = new Float64Array(2 * n);
  for (let m = 0; m < n; m++) rootOfUnity(-m, n, roots, 2 * m);
  let size = 0;
  let l1 = 1;
  for (const p of radices) {
    size += 2 * (p - 1) * (n / (l1 * p) - 1);
    l1 *= p;
  }
  const twiddles = new Float64Array(size);
  const passes: Pass[] = [];
  let offset = 0;
  let maxGeneric = 0;
  l1 = 1;
  for (const p of radices) {
    const ido = n / (l1 * p);
    for (let m = 1; m < p; m++) {
      for (let i = 1; i < ido; i++) {
        const at = offset + 2 * ((m - 1) * (ido - 1) + i - 1);
        const e = (m * l1 * i) % n;
        twiddles[at] = roots[2 * e] as number;
        twiddles[at + 1] = roots[2 * e + 1] as number;
      }
    }
    let pr: Float64Array | undefined;
    if (p !== 2 && p !== 3 && p !== 4 && p !== 5 && p !== 8) {
      pr = new Float64Array(2 * p);
      for (let m = 0; m < p; m++) rootOfUnity(-m, p, pr, 2 * m);
      maxGeneric = Math.max(maxGeneric, p);
    }
    passes.push({ radix: p, l1, ido, offset, roots: pr });
    offset += 2 * (p - 1) * (ido - 1);
    l1 *= p;
  }
  return { kind: 'cooley-tukey', n, passes, twiddles, maxGeneric };
}

const cache = new Map<number, ComplexPlan>();
const CACHE_LIMIT = 64;

/**
 * The plan for a complex FFT of length n (cached: the few lengths an image has are planned once).
 * `executeInner` runs a Cooley–Tukey plan; it is passed in to keep this module free of kernels.
 */
export function complexPlan(
  n: number,
  executeForward: (plan: CooleyTukeyPlan, data: Float64Array) => void,
): ComplexPlan {
  let plan = cache.get(n);
  if (plan !== undefined) return plan;
  const direct = costGuess(n);
  const m = goodSize(2 * n - 1);
  // pocketfft's rule, with its 1.5 fudge factor for the extra work around the convolution.
  const factors = factorize(n);
  const largest = factors[factors.length - 1] ?? 1;
  if (n >= 50 && largest * largest > n && 1.5 * 2 * costGuess(m) < direct) {
    const inner = cooleyTukey(m);
    const chirp = new Float64Array(2 * n);
    // k² mod 2n, kept exact by adding 2k − 1 at each step.
    let sq = 0;
    for (let k = 0; k < n; k++) {
      rootOfUnity(-sq, 2 * n, chirp, 2 * k);
      sq = (sq + 2 * k + 1) % (2 * n);
    }
    const kernel = new Float64Array(2 * m);
    kernel[0] = 1 / m;
    for (let k = 1; k < n; k++) {
      const re = (chirp[2 * k] as number) / m;
      const im = -(chirp[2 * k + 1] as number) / m;
      kernel[2 * k] = re;
      kernel[2 * k + 1] = im;
      kernel[2 * (m - k)] = re;
      kernel[2 * (m - k) + 1] = im;
    }
    executeForward(inner, kernel);
    plan = { kind: 'bluestein', n, m, inner, chirp, kernel };
  } else plan = cooleyTukey(n);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
  cache.set(n, plan);
  return plan;
}
