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
  // y part first, into dst: py[i] − py[i − 1], with py of the last row and of the row above
  // the first taken as 0 under Neumann.
  if (periodic || (i > 0 && i < h - 1)) {
    const up = i > 0 ? row - w : (h - 1) * w;
    for (let j = 0; j < w; j++) dst[j] = (py[row + j] as number) - (py[up + j] as number);
  } else if (h === 1) dst.fill(0, 0, w);
  else if (i === 0) for (let j = 0; j < w; j++) dst[j] = py[j] as number;
  else {
    const up = row - w;
    for (let j = 0; j < w; j++) dst[j] = -(py[up + j] as number);
  }
  // x part: px[j] − px[j − 1], the ends by the boundary rule.
  const last = row + w - 1;
  let first: number;
  let end: number;
  if (periodic) {
    first = (px[row] as number) - (px[last] as number);
    end = w > 1 ? (px[last] as number) - (px[last - 1] as number) : first;
  } else {
    first = w > 1 ? (px[row] as number) : 0;
    end = w > 1 ? -(px[last - 1] as number) : 0;
  }
  dst[0] = (f[row] as number) + weight * (first + (dst[0] as number));
  for (let j = 1; j < w - 1; j++) {
    const k = row + j;
    dst[j] = (f[k] as number) + weight * ((px[k] as number) - (px[k - 1] as number) + (dst[j] as number));
  }
  if (w > 1) dst[w - 1] = (f[last] as number) + weight * (end + (dst[w - 1] as number));
}
