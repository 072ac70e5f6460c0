/**
 * The discrete operators of total variation on an h×w grid, row by row: forward differences for
 * the gradient and their negative adjoint, backward differences, for the divergence.
 *
 * Boundaries: `neumann` — no difference across the last row or column (the image does not continue
 * past its edge; the usual choice, and scikit-image's); `periodic` — the image wraps around (the
 * textbook's, through `roll`). In both, div = −∇ᵀ exactly, so ⟨∇u, p⟩ = −⟨u, div p⟩.
 *
 * The hot loops have no branches per pixel: edges are handled before and after the interior.
 */
import type { Plane } from './planes.js';

/** Boundary rule of the differences. */
export type Boundary = 'neumann' | 'periodic';

/**
 * dst[j] = f[i, j] + weight·div(px, py)[i, j] for the w pixels of row i (dst of length w).
 *
 * Each value is computed as f + weight·(dx + (py·keep − py_up·keepUp)) in registers, the same
 * expression, rounding for rounding, as the FGP sweep's fused copy of it (fgp-kernel.ts), so that
 * a row computed here and the same row computed there are equal even in float32.
 */
export function primalRow(
  f: Plane,
  px: Plane,
  py: Plane,
  i: number,
  h: number,
  w: number,
  weight: number,
  periodic: boolean,
  dst: Plane,
): void {
  const row = i * w;
  // py of this row counts unless it is the last row under Neumann; the row above exists unless
  // this is the first row under Neumann (then any valid index, multiplied by 0).
  const keep = periodic || i + 1 < h ? 1 : 0;
  const keepUp = periodic || i > 0 ? 1 : 0;
  const up = i > 0 ? row - w : periodic ? (h - 1) * w : row;
  const last = row + w - 1;
  dst[0] =
    (f[row] as number) +
    weight * (edgeDx(px, row, 0, w, periodic) + ((py[row] as number) * keep - (py[up] as number) * keepUp));
  for (let j = 1; j < w - 1; j++) {
    const k = row + j;
    dst[j] =
      (f[k] as number) +
      weight *
        ((px[k] as number) - (px[k - 1] as number) + ((py[k] as number) * keep - (py[up + j] as number) * keepUp));
  }
  if (w > 1)
    dst[w - 1] =
      (f[last] as number) +
      weight *
        (edgeDx(px, row, w - 1, w, periodic) + ((py[last] as number) * keep - (py[up + w - 1] as number) * keepUp));
}

/** The x part of div p at the first or last column j of the row starting at `row`. */
export function edgeDx(px: Plane, row: number, j: number, w: number, periodic: boolean): number {
  if (periodic) return (px[row + j] as number) - (px[row + (j === 0 ? w - 1 : j - 1)] as number);
  if (w === 1) return 0;
  return j === 0 ? (px[row] as number) : -(px[row + j - 1] as number);
}
