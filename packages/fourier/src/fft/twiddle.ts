/**
 * Accurate roots of unity: cos and sin of 2π·m/n for integer m, n. The angle is reduced with
 * integer arithmetic to the first octant (at most π/4) before `Math.cos`/`Math.sin`, so every
 * table entry is within an ulp or so of the true value whatever m (the direct `2π·m/n` loses
 * up to |angle|·ε). Transform error grows with these tables' error, so they are worth it.
 */

/** cos(2π·m/n) and sin(2π·m/n) into `out[at]`, `out[at + 1]`. */
export function rootOfUnity(m: number, n: number, out: Float64Array, at: number): void {
  let r = m % n;
  if (r < 0) r += n;
  // θ = 2π r/n = q·π/2 + π·rem/(2n), with q = floor(4r/n) and 0 ≤ rem < n.
  const q = Math.floor((4 * r) / n);
  const rem = 4 * r - q * n;
  let c: number;
  let s: number;
  if (2 * rem <= n) {
    const phi = (Math.PI * rem) / (2 * n);
    c = Math.cos(phi);
    s = Math.sin(phi);
  } else {
    // π/2 − ψ with ψ = π·(n − rem)/(2n) ≤ π/4
    const psi = (Math.PI * (n - rem)) / (2 * n);
    c = Math.sin(psi);
    s = Math.cos(psi);
  }
  switch (q & 3) {
    case 0:
      out[at] = c;
      out[at + 1] = s;
      break;
    case 1:
      out[at] = -s;
      out[at + 1] = c;
      break;
    case 2:
      out[at] = -c;
      out[at + 1] = -s;
      break;
    default:
      out[at] = s;
      out[at + 1] = -c;
  }
}
