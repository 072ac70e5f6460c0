/**
 * One iteration of the dual projected-gradient solvers of ROF as one pass over memory:
 * FGP (Beck & Teboulle 2009, with momentum) and Chambolle's 2005 projection (the same step
 * without momentum). With u_r = f + λ·div r:
 *
 *   p ← proj(r + s·∇u_r),   r ← p + β·(p − p_old),   proj(q) = q / max(1, |q|)
 *
 * where s = 1/(8λ) for FGP (1/L, L = 8λ² bounding ‖λ div‖²) and τ/λ for Chambolle, and β = 0
 * without momentum (then r and p are the same arrays). The pass computes u_r one row ahead, in
 * the same loop that updates the row above, so each pixel of f, p and r is read once and p, r
 * written once (72 bytes per pixel in float64; 40 without momentum).
 */
import type { Plane } from './planes.js';
import { primalRow } from './tv-grid.js';

/** Scratch rows of one solver: two for the ring, one for the wrapped first row (periodic). */
export interface Rows {
  a: Plane;
  b: Plane;
  first: Plane;
}

/**
 * Advances (p, r) in place. `rx`/`ry` may be `px`/`py` (no momentum, β = 0).
 */
export function dualIteration(
  f: Plane,
  px: Plane,
  py: Plane,
  rx: Plane,
  ry: Plane,
  h: number,
  w: number,
  weight: number,
  step: number,
  beta: number,
  periodic: boolean,
  rows: Rows,
): void {
  let cur = rows.a;
  let next = rows.b;
  primalRow(f, rx, ry, 0, h, w, weight, periodic, cur);
  if (periodic) rows.first.set(cur);
  for (let i = 0; i < h; i++) {
    const row = i * w;
    if (i + 1 < h) {
      // u_r of row i + 1 (from r of rows i + 1 and i, still the old ones) is computed column by
      // column just before row i's pixel in that column is updated.
      const k1 = row + w;
      // Under Neumann the last row's ry is outside the grid (no difference across the edge).
      const keep = periodic || i + 2 < h ? 1 : 0;
      const ux0 = edgeDx(rx, k1, 0, w, periodic);
      let below = (f[k1] as number) + weight * (ux0 + ((ry[k1] as number) * keep - (ry[row] as number)));
      next[0] = below;
      for (let j = 0; j < w - 1; j++) {
        const k = row + j;
        const kb = k1 + j + 1;
        // Column j + 1 of the row below, then pixel j of this row.
        const nb =
          j + 2 < w
            ? (f[kb] as number) +
              weight *
                ((rx[kb] as number) - (rx[kb - 1] as number) + ((ry[kb] as number) * keep - (ry[k + 1] as number)))
            : (f[kb] as number) +
              weight * (edgeDx(rx, k1, w - 1, w, periodic) + ((ry[kb] as number) * keep - (ry[k + 1] as number)));
        next[j + 1] = nb;
        const u = cur[j] as number;
        project(px, py, rx, ry, k, (cur[j + 1] as number) - u, below - u, step, beta);
        below = nb;
      }
      const u = cur[w - 1] as number;
      project(px, py, rx, ry, row + w - 1, periodic ? (cur[0] as number) - u : 0, below - u, step, beta);
    } else {
      // The last row: below it the first row (periodic), or nothing (Neumann: no y difference).
      const below = periodic ? rows.first : cur;
      for (let j = 0; j < w - 1; j++) {
        const u = cur[j] as number;
        project(px, py, rx, ry, row + j, (cur[j + 1] as number) - u, (below[j] as number) - u, step, beta);
      }
      const u = cur[w - 1] as number;
      project(
        px,
        py,
        rx,
        ry,
        row + w - 1,
        periodic ? (cur[0] as number) - u : 0,
        (below[w - 1] as number) - u,
        step,
        beta,
      );
    }
    const t = cur;
    cur = next;
    next = t;
  }
}

/** The x part of div r at the first or last column j of the row starting at `row`. */
function edgeDx(rx: Plane, row: number, j: number, w: number, periodic: boolean): number {
  if (periodic) return (rx[row + j] as number) - (rx[row + (j === 0 ? w - 1 : j - 1)] as number);
  if (w === 1) return 0;
  return j === 0 ? (rx[row] as number) : -(rx[row + j - 1] as number);
}

/** The projected step and the momentum at pixel k (inlined by V8: a small leaf function). */
function project(
  px: Plane,
  py: Plane,
  rx: Plane,
  ry: Plane,
  k: number,
  gx: number,
  gy: number,
  step: number,
  beta: number,
): void {
  const qx = (rx[k] as number) + step * gx;
  const qy = (ry[k] as number) + step * gy;
  // One division for both components; |q| ≤ 1 (most pixels) needs no square root at all.
  const n2 = qx * qx + qy * qy;
  const inv = n2 > 1 ? 1 / Math.sqrt(n2) : 1;
  const nx = qx * inv;
  const ny = qy * inv;
  // With β = 0, r and p are one array and this writes nx twice.
  rx[k] = nx + beta * (nx - (px[k] as number));
  ry[k] = ny + beta * (ny - (py[k] as number));
  px[k] = nx;
  py[k] = ny;
}
