/**
 * The ROF objective and its dual, for stopping on the duality gap:
 *
 *   E(u) = ½‖u − f‖² + λ·TV(u),   TV(u) = Σ |∇u| (isotropic, forward differences)
 *   D(p) = ½(‖f‖² − ‖f + λ·div p‖²),   |p| ≤ 1,
 *
 * with E(u) ≥ E(u*) = D(p*) ≥ D(p) for every u and feasible p, so E(u) − D(p) bounds how far u is
 * from the minimum. The solvers stop on the relative gap (E − D)/E.
 *
 * Sums are taken per row and the row sums added in row order, so bands of rows on several
 * threads give the one-thread totals bit for bit.
 */
import type { Plane } from './planes.js';
import { primalRow } from './tv-grid.js';

/** Per-row sums of one measurement (length h each). */
export interface RowSums {
  fidelity: Float64Array;
  tv: Float64Array;
  u2: Float64Array;
}

/** Row sums for an h-row image. */
export function rowSums(h: number): RowSums {
  return { fidelity: new Float64Array(h), tv: new Float64Array(h), u2: new Float64Array(h) };
}

/** For rows [start, end): Σ (u − f)² and Σ |∇u| of each row. */
export function primalRows(
  f: Plane,
  u: Plane,
  h: number,
  w: number,
  periodic: boolean,
  start: number,
  end: number,
  sums: RowSums,
): void {
  for (let i = start; i < end; i++) {
    const row = i * w;
    const below = i + 1 < h ? row + w : periodic ? 0 : -1;
    let fidelity = 0;
    let tv = 0;
    for (let j = 0; j < w; j++) {
      const k = row + j;
      const v = u[k] as number;
      const gx = j + 1 < w ? (u[k + 1] as number) - v : periodic ? (u[row] as number) - v : 0;
      const gy = below < 0 ? 0 : (u[below + j] as number) - v;
      tv += Math.sqrt(gx * gx + gy * gy);
      const d = v - (f[k] as number);
      fidelity += d * d;
    }
    sums.fidelity[i] = fidelity;
    sums.tv[i] = tv;
  }
}

/** For rows [start, end): u_p = f + λ·div p into `out`, and Σ u_p² of each row. */
export function dualRowsInto(
  f: Plane,
  px: Plane,
  py: Plane,
  h: number,
  w: number,
  weight: number,
  periodic: boolean,
  start: number,
  end: number,
  out: Plane,
  sums: RowSums,
): void {
  for (let i = start; i < end; i++) {
    const row = out.subarray(i * w, i * w + w);
    primalRow(f, px, py, i, h, w, weight, periodic, row);
    let u2 = 0;
    for (let j = 0; j < w; j++) u2 += (row[j] as number) * (row[j] as number);
    sums.u2[i] = u2;
  }
}

/** [E(u), D(p)] from the row sums; `f2` is ‖f‖². */
export function objectives(sums: RowSums, weight: number, f2: number): [number, number] {
  let fidelity = 0;
  let tv = 0;
  let u2 = 0;
  for (let i = 0; i < sums.u2.length; i++) {
    fidelity += sums.fidelity[i] as number;
    tv += sums.tv[i] as number;
    u2 += sums.u2[i] as number;
  }
  return [0.5 * fidelity + weight * tv, 0.5 * (f2 - u2)];
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
