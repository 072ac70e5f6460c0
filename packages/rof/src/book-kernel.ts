/**
 * One iteration of the textbook's ROF loop (Solem §1.5; Chambolle 2005's projected dual step with
 * periodic differences) as one pass over memory. NumPy's version makes about fifteen whole-image
 * temporaries per iteration (two `roll` copies among them); here each pixel is read and written
 * once: f, U, Px, Py in; U, Px, Py out (56 bytes per pixel in float64).
 *
 * The arithmetic is the book's, operation for operation and in its order, so U is NumPy's to the
 * last bit; only the stopping test's sum of squares is accumulated in another order.
 */
import type { Plane } from './planes.js';

/**
 * Advances (U, Px, Py) by one iteration in place and returns Σ (U_new − U_old)².
 *
 * Rows are processed top to bottom: the dual update of row i needs U_old of rows i and i + 1, so
 * U of row i is rewritten right after its dual; row 0's U is rewritten last, because the dual of
 * row h − 1 reads it (periodic) and row 0's divergence reads Py of row h − 1.
 */
export function bookIteration(
  f: Plane,
  U: Plane,
  Px: Plane,
  Py: Plane,
  h: number,
  w: number,
  step: number,
  weight: number,
): number {
  let change = 0;
  for (let i = 0; i < h; i++) {
    const row = i * w;
    const down = i + 1 < h ? row + w : 0;
    // Dual step: P ← (P + step·∇U) / max(1, |P + step·∇U|), forward differences, periodic.
    for (let j = 0; j < w - 1; j++) {
      const k = row + j;
      const u = U[k] as number;
      dualPixel(
        Px,
        Py,
        k,
        (Px[k] as number) + step * ((U[k + 1] as number) - u),
        (Py[k] as number) + step * ((U[down + j] as number) - u),
      );
    }
    const k = row + w - 1;
    const u = U[k] as number;
    dualPixel(
      Px,
      Py,
      k,
      (Px[k] as number) + step * ((U[row] as number) - u),
      (Py[k] as number) + step * ((U[down + w - 1] as number) - u),
    );
    if (i > 0) change += primalRow(f, U, Px, Py, row, row - w, w, weight);
  }
  // Row 0 last: its divergence wraps to row h − 1.
  return change + primalRow(f, U, Px, Py, 0, (h - 1) * w, w, weight);
}

/**
 * Px, Py = (pxn, pyn) / max(1, √(pxn² + pyn²)). Where the norm is at most 1 the division is by 1
 * and changes nothing, so it is skipped: the same bits, without a square root and two divisions
 * for most pixels.
 */
function dualPixel(Px: Plane, Py: Plane, k: number, pxn: number, pyn: number): void {
  const n2 = pxn * pxn + pyn * pyn;
  if (n2 > 1) {
    const norm = Math.sqrt(n2);
    Px[k] = pxn / norm;
    Py[k] = pyn / norm;
  } else {
    Px[k] = pxn;
    Py[k] = pyn;
  }
}

/** U = f + weight·div P on one row (backward differences, periodic); returns Σ (U_new − U_old)². */
function primalRow(
  f: Plane,
  U: Plane,
  Px: Plane,
  Py: Plane,
  row: number,
  up: number,
  w: number,
  weight: number,
): number {
  let change = 0;
  // Column 0's left neighbour is the row's last column (periodic).
  let left = Px[row + w - 1] as number;
  for (let j = 0; j < w; j++) {
    const k = row + j;
    const px = Px[k] as number;
    const div = px - left + ((Py[k] as number) - (Py[up + j] as number));
    left = px;
    const u = (f[k] as number) + weight * div;
    const d = u - (U[k] as number);
    change += d * d;
    U[k] = u;
  }
  return change;
}

/**
 * The first iteration when U starts as an integer image, as NumPy runs the book's code on one:
 * `roll(U, -1) − U` of two uint8 (int16, …) arrays wraps around in the integer type (−1 is 255
 * for uint8). From the second iteration U is float and {@link bookIteration} takes over. Plain
 * whole-array loops: it runs once.
 */
export function bookFirstIterationWrapped(
  f: Plane,
  U: Plane,
  Px: Plane,
  Py: Plane,
  h: number,
  w: number,
  step: number,
  weight: number,
  wrap: (d: number) => number,
): number {
  for (let i = 0; i < h; i++) {
    const row = i * w;
    const down = i + 1 < h ? row + w : 0;
    for (let j = 0; j < w; j++) {
      const k = row + j;
      const u = U[k] as number;
      const right = U[j + 1 < w ? k + 1 : row] as number;
      const gx = wrap(right - u);
      const gy = wrap((U[down + j] as number) - u);
      dualPixel(Px, Py, k, (Px[k] as number) + step * gx, (Py[k] as number) + step * gy);
    }
  }
  // The dual is complete, so the primal can go in any row order (it reads only P and f).
  let change = 0;
  for (let i = 0; i < h; i++) change += primalRow(f, U, Px, Py, i * w, ((i + h - 1) % h) * w, w, weight);
  return change;
}
