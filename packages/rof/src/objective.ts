/**
 * The ROF objective and its dual, for stopping on the duality gap:
 *
 *   E(u) = ½‖u − f‖² + λ·TV(u),   TV(u) = Σ |∇u| (isotropic, forward differences)
 *   D(p) = ½(‖f‖² − ‖f + λ·div p‖²),   |p| ≤ 1,
 *
 * with E(u) ≥ E(u*) = D(p*) ≥ D(p) for every u and feasible p, so E(u) − D(p) bounds how far u is
 * from the minimum. The solvers stop on the relative gap (E − D)/E.
 */
import type { Plane } from './planes.js';
import { primalRow } from './tv-grid.js';

/** E(u) for one plane. */
export function primalObjective(f: Plane, u: Plane, h: number, w: number, weight: number, periodic: boolean): number {
  let fidelity = 0;
  let tv = 0;
  for (let i = 0; i < h; i++) {
    const row = i * w;
    const below = i + 1 < h ? row + w : periodic ? 0 : -1;
    for (let j = 0; j < w; j++) {
      const k = row + j;
      const v = u[k] as number;
      const gx = j + 1 < w ? (u[k + 1] as number) - v : periodic ? (u[row] as number) - v : 0;
      const gy = below < 0 ? 0 : (u[below + j] as number) - v;
      tv += Math.sqrt(gx * gx + gy * gy);
      const d = v - (f[k] as number);
      fidelity += d * d;
    }
  }
  return 0.5 * fidelity + weight * tv;
}

/**
 * Writes u_p = f + λ·div p into `out` (a whole plane) and returns D(p); `f2` is ‖f‖².
 */
export function dualObjective(
  f: Plane,
  px: Plane,
  py: Plane,
  h: number,
  w: number,
  weight: number,
  periodic: boolean,
  f2: number,
  out: Plane,
): number {
  let u2 = 0;
  for (let i = 0; i < h; i++) {
    const row = out.subarray(i * w, i * w + w);
    primalRow(f, px, py, i, h, w, weight, periodic, row);
    for (let j = 0; j < w; j++) u2 += (row[j] as number) * (row[j] as number);
  }
  return 0.5 * (f2 - u2);
}

/** ‖f‖². */
export function squaredNorm(f: Plane): number {
  let s = 0;
  for (let k = 0; k < f.length; k++) s += (f[k] as number) * (f[k] as number);
  return s;
}

/**
 * (E − D)/E, 0 when E is 0 (a constant image is its own minimiser). Not clamped: rounding can
 * make a converged gap a hair negative, and a clearly negative one would be a bug worth seeing.
 */
export function relativeGap(primal: number, dual: number): number {
  return primal > 0 ? (primal - dual) / primal : 0;
}
