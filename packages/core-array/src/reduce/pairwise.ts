/**
 * NumPy's pairwise summation: blocks of up to 128 elements summed with 8 interleaved
 * accumulators, larger runs split in halves (multiples of 8). Error grows as O(log n) rather
 * than O(n), and on a contiguous float64 run the result is NumPy's bit for bit. The eight
 * accumulators also let the CPU overlap the additions.
 */

const BLOCK = 128;

/** Σ a[off .. off+n) in NumPy's pairwise order. */
export function pairwiseSum(a: Float64Array, off: number, n: number): number {
  if (n < 8) {
    let r = 0;
    for (let i = 0; i < n; i++) r += a[off + i]!;
    return r;
  }
  if (n <= BLOCK) {
    let r0 = a[off]!;
    let r1 = a[off + 1]!;
    let r2 = a[off + 2]!;
    let r3 = a[off + 3]!;
    let r4 = a[off + 4]!;
    let r5 = a[off + 5]!;
    let r6 = a[off + 6]!;
    let r7 = a[off + 7]!;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = off + i;
      r0 += a[p]!;
      r1 += a[p + 1]!;
      r2 += a[p + 2]!;
      r3 += a[p + 3]!;
      r4 += a[p + 4]!;
      r5 += a[p + 5]!;
      r6 += a[p + 6]!;
      r7 += a[p + 7]!;
    }
    // NumPy combines the eight partial sums as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)).
    let r = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) r += a[off + i]!;
    return r;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
}

/**
 * Σ (a[i] − m)² over a[off .. off+n) in the same pairwise order, without a temporary array:
 * what NumPy's `var` sums (it materialises the squared deviations first).
 */
export function pairwiseSumSqDev(a: Float64Array, off: number, n: number, m: number): number {
  if (n < 8) {
    let r = 0;
    for (let i = 0; i < n; i++) {
      const d = a[off + i]! - m;
      r += d * d;
    }
    return r;
  }
  if (n <= BLOCK) {
    let d = a[off]! - m;
    let r0 = d * d;
    d = a[off + 1]! - m;
    let r1 = d * d;
    d = a[off + 2]! - m;
    let r2 = d * d;
    d = a[off + 3]! - m;
    let r3 = d * d;
    d = a[off + 4]! - m;
    let r4 = d * d;
    d = a[off + 5]! - m;
    let r5 = d * d;
    d = a[off + 6]! - m;
    let r6 = d * d;
    d = a[off + 7]! - m;
    let r7 = d * d;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = off + i;
      const d0 = a[p]! - m;
      const d1 = a[p + 1]! - m;
      const d2 = a[p + 2]! - m;
      const d3 = a[p + 3]! - m;
      const d4 = a[p + 4]! - m;
      const d5 = a[p + 5]! - m;
      const d6 = a[p + 6]! - m;
      const d7 = a[p + 7]! - m;
      r0 += d0 * d0;
      r1 += d1 * d1;
      r2 += d2 * d2;
      r3 += d3 * d3;
      r4 += d4 * d4;
      r5 += d5 * d5;
      r6 += d6 * d6;
      r7 += d7 * d7;
    }
    // NumPy combines the eight partial sums as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)).
    let r = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) {
      const e = a[off + i]! - m;
      r += e * e;
    }
    return r;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSumSqDev(a, off, n2, m) + pairwiseSumSqDev(a, off + n2, n - n2, m);
}
