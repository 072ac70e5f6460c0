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
import { edgeDx, primalRow } from './tv-grid.js';

/** Scratch rows of one solver: the two-row ring, and the first row's u_r (periodic wrap). */
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
  dots: Float64Array,
): void {
  primalRow(f, rx, ry, 0, h, w, weight, periodic, rows.first);
  dualRows(
    f,
    px,
    py,
    rx,
    ry,
    h,
    w,
    weight,
    step,
    beta,
    periodic,
    0,
    h,
    rows.first,
    periodic ? rows.first : undefined,
    rows,
    dots,
  );
}

/**
 * The iteration on rows [start, end) only, given u_r of row `start` (`first`) and of the row
 * after the band (`after`: row `end`, or row 0 past the last row when periodic; undefined when
 * there is none), both computed from r before any row changed. Bands of rows can so run on
 * several threads: each needs only those two rows from outside (see threads.ts).
 */
export function dualRows(
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
  start: number,
  end: number,
  first: Plane,
  after: Plane | undefined,
  rows: Rows,
  dots: Float64Array,
): void {
  let cur = rows.a;
  let next = rows.b;
  cur.set(first.subarray(0, w));
  // float64 rows store exactly what was computed; float32 rows round, and `below` must match.
  const exact = next instanceof Float64Array;
  for (let i = start; i < end; i++) {
    const row = i * w;
    let dot = 0;
    if (i + 1 < end) {
      // u_r of row i + 1 (from r of rows i + 1 and i, still the old ones) is computed column by
      // column just before row i's pixel in that column is updated.
      const k1 = row + w;
      // Under Neumann the last row's ry is outside the grid (no difference across the edge).
      const keep = periodic || i + 2 < h ? 1 : 0;
      const ux0 = edgeDx(rx, k1, 0, w, periodic);
      // `below` is read back from the row buffer, so float32 runs round it as a stored row would be
      // (a band boundary reads its row below from a stored halo row).
      next[0] = (f[k1] as number) + weight * (ux0 + ((ry[k1] as number) * keep - (ry[row] as number)));
      let below = next[0] as number;
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
        dot += project(px, py, rx, ry, k, (cur[j + 1] as number) - u, below - u, step, beta);
        below = exact ? nb : (next[j + 1] as number);
      }
      const u = cur[w - 1] as number;
      dot += project(px, py, rx, ry, row + w - 1, periodic ? (cur[0] as number) - u : 0, below - u, step, beta);
    } else {
      // The band's last row: below it `after`, or nothing (Neumann's last row: no y difference).
      const below = after ?? cur;
      for (let j = 0; j < w - 1; j++) {
        const u = cur[j] as number;
        dot += project(px, py, rx, ry, row + j, (cur[j + 1] as number) - u, (below[j] as number) - u, step, beta);
      }
      const u = cur[w - 1] as number;
      dot += project(
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
    dots[i] = dot;
    const t = cur;
    cur = next;
    next = t;
  }
}

/**
 * The projected step and the momentum at pixel k (inlined by V8: a small leaf function). Returns
 * ⟨r_old − p_new, p_new − p_old⟩ at this pixel, the term of FGP's restart test.
 */
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
): number {
  const rxOld = rx[k] as number;
  const ryOld = ry[k] as number;
  const qx = rxOld + step * gx;
  const qy = ryOld + step * gy;
  // One division for both components; |q| ≤ 1 (most pixels) needs no square root at all.
  const n2 = qx * qx + qy * qy;
  const inv = n2 > 1 ? 1 / Math.sqrt(n2) : 1;
  const nx = qx * inv;
  const ny = qy * inv;
  const ox = px[k] as number;
  const oy = py[k] as number;
  // With β = 0, r and p are one array and this writes nx twice.
  rx[k] = nx + beta * (nx - ox);
  ry[k] = ny + beta * (ny - oy);
  px[k] = nx;
  py[k] = ny;
  return (rxOld - nx) * (nx - ox) + (ryOld - ny) * (ny - oy);
}
