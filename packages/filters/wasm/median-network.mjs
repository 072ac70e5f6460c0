/**
 * Selection networks for the SIMD median kernels: which compare-exchanges find the element of
 * rank r of K values. Built from Batcher's odd–even merge sort on N = 2^p ≥ K inputs, the N − K
 * missing inputs being +∞ (folded away at generation: min(x, +∞) = x), then pruned backwards to
 * the operations the wanted output depends on (half of a compare-exchange when only its minimum
 * or only its maximum is used later). Every comparison is of integers, so the selected value is
 * exactly the one any sort would give.
 */

/** Batcher's odd–even merge sort network on n = 2^p wires: [i, j] pairs, i < j (min to i). */
function batcher(n) {
  const pairs = [];
  for (let p = 1; p < n; p <<= 1)
    for (let k = p; k >= 1; k >>= 1)
      for (let j = k % p; j + k < n; j += 2 * k)
        for (let i = 0; i < Math.min(k, n - j - k); i++)
          if (Math.floor((i + j) / (2 * p)) === Math.floor((i + j + k) / (2 * p))) pairs.push([i + j, i + j + k]);
  return pairs;
}

/**
 * The operations selecting rank `r` (0-based) of `k` registers 0 … k−1: a list of
 * `{ lo, hi, min, max }` (register `lo` takes the minimum of the two when `min`, register `hi`
 * the maximum when `max`) and the register holding the result.
 */
export function selectionNetwork(k, r) {
  let n = 1;
  while (n < k) n <<= 1;
  const INF = -1;
  const wire = Array.from({ length: n }, (_, i) => (i < k ? i : INF));
  const ops = [];
  for (const [i, j] of batcher(n)) {
    const a = wire[i];
    const b = wire[j];
    if (b === INF) continue; // min(x, +∞) = x stays on i
    if (a === INF) {
      wire[i] = b; // the finite value moves down, +∞ up: no operation
      wire[j] = INF;
      continue;
    }
    ops.push({ lo: a, hi: b }); // register a ← min, register b ← max
  }
  const out = wire[r];
  // Backwards liveness: keep the halves whose results are used later.
  const live = new Set([out]);
  const kept = [];
  for (let t = ops.length - 1; t >= 0; t--) {
    const { lo, hi } = ops[t];
    const min = live.has(lo);
    const max = live.has(hi);
    if (!min && !max) continue;
    kept.push({ lo, hi, min, max });
    live.add(lo);
    live.add(hi);
  }
  kept.reverse();
  return { ops: kept, out };
}

/**
 * Checks a network against sorting on every 0/1 input (by the 0–1 principle, a min/max network
 * right on all 0/1 inputs is right on all inputs), 32 inputs at a time: on bits, min is AND and
 * max is OR. 2^25 inputs take about a second.
 */
export function checkNetwork(k, r, { ops, out }) {
  const lanes = Math.min(5, k);
  const laneBits = [];
  for (let i = 0; i < lanes; i++) {
    let m = 0;
    for (let b = 0; b < 32; b++) if ((b >> i) & 1) m |= 1 << b;
    laneBits.push(m | 0);
  }
  const laneCount = Array.from({ length: 32 }, (_, b) => (b < 1 << lanes ? popcount(b) : -1));
  const v = new Int32Array(k);
  for (let high = 0; high < 2 ** (k - lanes); high++) {
    for (let i = 0; i < k; i++) v[i] = i < lanes ? laneBits[i] : (high >> (i - lanes)) & 1 ? -1 : 0;
    for (const { lo, hi, min, max } of ops) {
      const a = v[lo];
      const b = v[hi];
      if (min) v[lo] = a & b;
      if (max) v[hi] = a | b;
    }
    // Rank r of the sorted inputs is 1 exactly when at least k − r of them are 1.
    const base = popcount(high);
    let want = 0;
    for (let b = 0; b < 1 << lanes; b++) if (base + laneCount[b] >= k - r) want |= 1 << b;
    const mask = lanes === 5 ? -1 : (1 << (1 << lanes)) - 1;
    if ((v[out] & mask) !== (want | 0)) throw new Error(`network for rank ${r} of ${k} fails (high bits ${high})`);
  }
}

function popcount(x) {
  let c = 0;
  for (let y = x; y; y &= y - 1) c++;
  return c;
}
