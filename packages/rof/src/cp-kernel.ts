/**
 * One iteration of Chambolle & Pock's primal–dual algorithm for ROF (2011, Algorithm 2, the
 * accelerated form for a strongly convex fidelity) as one pass over memory. With the dual
 * scaled as p = y/λ (|p| ≤ 1):
 *
 *   p ← proj(p + (σ/λ)·∇ū)
 *   u ← (u + τ·λ·div p + τ·f) / (1 + τ)
 *   ū ← u + θ·(u − u_old)
 *
 * Row i's dual needs ū of rows i and i + 1 before they change, and its primal needs p of rows i
 * and i − 1 after they change, so rows go top to bottom, each row's primal right after its dual;
 * row 0's primal waits until the end (with periodic boundaries row h − 1's dual reads its old ū,
 * and its divergence reads p of row h − 1).
 * f, u, ū, p are read once and u, ū, p written once: 72 bytes per pixel in float64.
 */
import type { Plane } from './planes.js';
import { primalRow } from './tv-grid.js';

/** Step sizes of one iteration. */
export interface CpSteps {
  tau: number;
  sigma: number;
  theta: number;
}

/**
 * Advances (u, ū, p) in place; `div` is a scratch row of length w.
 */
export function cpIteration(
  f: Plane,
  u: Plane,
  ubar: Plane,
  px: Plane,
  py: Plane,
  h: number,
  w: number,
  weight: number,
  steps: CpSteps,
  periodic: boolean,
  div: Plane,
): void {
  const s = steps.sigma / weight;
  for (let i = 0; i < h; i++) {
    const row = i * w;
    const below = i + 1 < h ? row + w : periodic ? 0 : -1;
    for (let j = 0; j < w; j++) {
      const k = row + j;
      const v = ubar[k] as number;
      const gx = j + 1 < w ? (ubar[k + 1] as number) - v : periodic ? (ubar[row] as number) - v : 0;
      const gy = below < 0 ? 0 : (ubar[below + j] as number) - v;
      const qx = (px[k] as number) + s * gx;
      const qy = (py[k] as number) + s * gy;
      const norm = Math.max(1, Math.sqrt(qx * qx + qy * qy));
      px[k] = qx / norm;
      py[k] = qy / norm;
    }
    if (i > 0) primalUpdate(f, u, ubar, px, py, i, h, w, weight, steps, periodic, div);
  }
  // Row 0 last: the dual of row h − 1 reads its old ū (periodic), its divergence p of row h − 1.
  primalUpdate(f, u, ubar, px, py, 0, h, w, weight, steps, periodic, div);
}

/** The primal step of row i: div p from the new p, then u and ū. */
function primalUpdate(
  f: Plane,
  u: Plane,
  ubar: Plane,
  px: Plane,
  py: Plane,
  i: number,
  h: number,
  w: number,
  weight: number,
  steps: CpSteps,
  periodic: boolean,
  div: Plane,
): void {
  // u + τλ·div p (primalRow's "f + weight·div p" with u in the place of f).
  primalRow(u, px, py, i, h, w, steps.tau * weight, periodic, div);
  const row = i * w;
  const inv = 1 / (1 + steps.tau);
  for (let j = 0; j < w; j++) {
    const k = row + j;
    const old = u[k] as number;
    const next = ((div[j] as number) + steps.tau * (f[k] as number)) * inv;
    u[k] = next;
    ubar[k] = next + steps.theta * (next - old);
  }
}
