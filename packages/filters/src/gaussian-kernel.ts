/**
 * SciPy's Gaussian kernel: `exp(−x²/2σ²)` on x = −r..r normalised to sum 1, and for order n > 0
 * the polynomial q_n(x) times that normalised kernel, not renormalised (q₀ = 1,
 * q_{n+1} = q_n′ − (x/σ²)·q_n).
 */
import { NdImageError } from '@ndimage/core-array';

/**
 * The radius SciPy uses: `int(truncate·σ + 0.5)` (round half up), or `radius` when given.
 *
 * @example
 * ```ts
 * gaussianRadius(1, 4);     // 4
 * gaussianRadius(0.125, 4); // 1  (4σ = 0.5 rounds up)
 * ```
 * @see scipy.ndimage.gaussian_filter1d (radius = int(truncate * sd + 0.5))
 */
export function gaussianRadius(sigma: number, truncate: number, radius?: number): number {
  const r = radius ?? Math.floor(truncate * sigma + 0.5);
  if (r > MAX_RADIUS) {
    // SciPy would try to allocate the kernel (sigma = 1e8: 6 GiB) and fail with MemoryError.
    throw new NdImageError(
      'ERR_LIMIT',
      `a Gaussian of sigma ${sigma} (truncate ${truncate}) needs a kernel radius of ${r}; the limit is ${MAX_RADIUS}`,
      { argument: radius === undefined ? 'sigma' : 'radius' },
    );
  }
  return r;
}

/** Largest kernel radius accepted (a 16 MB kernel; far beyond any image's useful sigma). */
export const MAX_RADIUS = 1_000_000;

/**
 * NumPy's pairwise-free sum for short arrays is sequential below 8 elements and 8-way interleaved
 * up to 128; SciPy normalises the kernel with it, so do the same to stay within an ulp.
 */
function numpySum(a: Float64Array): number {
  const n = a.length;
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]!;
    return s;
  }
  if (n <= 128) {
    const r = a.slice(0, 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += a[i + j]!;
    let s = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) s += a[i]!;
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return numpySum(a.subarray(0, n2)) + numpySum(a.subarray(n2));
}

/**
 * The Gaussian kernel of `order` (0: smoothing, n: n-th derivative) on x = −radius..radius, as
 * SciPy's `_gaussian_kernel1d` (the correlation weights are this array reversed).
 *
 * @example
 * ```ts
 * gaussianKernel1d(1, 0, 1); // [0.274068619061197, 0.45186276187760605, 0.274068619061197]
 * ```
 * @see scipy.ndimage._filters._gaussian_kernel1d
 */
export function gaussianKernel1d(sigma: number, order: number, radius: number): Float64Array {
  const size = 2 * radius + 1;
  const sigma2 = sigma * sigma;
  const phi = new Float64Array(size);
  const scale = -0.5 / sigma2;
  for (let i = 0; i < size; i++) {
    const x = i - radius;
    phi[i] = Math.exp(scale * (x * x));
  }
  const total = numpySum(phi);
  for (let i = 0; i < size; i++) phi[i]! /= total;
  if (order === 0) return phi;
  // q(x) = Σ_e q[e]·x^e; apply (d/dx − x/σ²) `order` times to q = 1.
  let q = new Float64Array(order + 1);
  q[0] = 1;
  for (let step = 0; step < order; step++) {
    const next = new Float64Array(order + 1);
    for (let e = 0; e <= order; e++) {
      if (e + 1 <= order) next[e]! += (e + 1) * q[e + 1]!; // derivative
      if (e >= 1) next[e]! += q[e - 1]! / -sigma2; // −x/σ² · q
    }
    q = next;
  }
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = i - radius;
    let poly = 0;
    let xp = 1;
    for (let e = 0; e <= order; e++) {
      poly += xp * q[e]!;
      xp *= x;
    }
    out[i] = poly * phi[i]!;
  }
  return out;
}
