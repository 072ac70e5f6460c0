/**
 * The work one thread does for a threaded `denoiseTv` (FGP and Chambolle 2005): a band of rows
 * [start, end) of one phase. Loaded by the pool's workers (as the built `threads.js`) and called
 * directly for the calling thread's own band, so every band runs the same code and the result is
 * the one-thread result bit for bit.
 *
 * An iteration is two phases: `halo` — each band computes u_r = f + λ·div r of its first row
 * from the old r (the rows next to a band boundary belong to two bands, and must be read before
 * either band changes them); then `sweep` — each band updates its rows, reading its neighbour's
 * halo row below its last row. A gap measurement is two more: `dual` (u = f + λ·div p and Σu² per
 * row) and `primal` (Σ(u − f)² and Σ|∇u| per row, which reads u one row into the next band).
 */
import { dualRows } from './fgp-kernel.js';
import { dualRowsInto, primalRows, type RowSums } from './objective.js';
import type { Plane } from './planes.js';
import { primalRow } from './tv-grid.js';

/** What a band gets (typed arrays over SharedArrayBuffers travel shared, not copied). */
export interface BandArgs {
  phase: 'halo' | 'sweep' | 'dual' | 'primal';
  f: Plane;
  px: Plane;
  py: Plane;
  rx: Plane;
  ry: Plane;
  u: Plane;
  /** u_r of each band's first row, band after band (w each). */
  halo: Plane;
  sums: RowSums;
  /** Per row: the restart test's ⟨r_old − p, p − p_old⟩ of the last sweep. */
  dots: Float64Array;
  h: number;
  w: number;
  weight: number;
  step: number;
  beta: number;
  periodic: boolean;
  start: number;
  end: number;
  band: number;
  bands: number;
}

/** Runs one phase on one band. */
export function tvBand(a: BandArgs): void {
  const { h, w, periodic } = a;
  const haloOf = (b: number): Plane => a.halo.subarray(b * w, b * w + w);
  switch (a.phase) {
    case 'halo':
      primalRow(a.f, a.rx, a.ry, a.start, h, w, a.weight, periodic, haloOf(a.band));
      return;
    case 'sweep': {
      const Row = a.f.constructor as new (n: number) => Plane;
      const rows = { a: new Row(w), b: new Row(w), first: new Row(0) };
      const after = a.band + 1 < a.bands ? haloOf(a.band + 1) : periodic ? haloOf(0) : undefined;
      dualRows(
        a.f,
        a.px,
        a.py,
        a.rx,
        a.ry,
        h,
        w,
        a.weight,
        a.step,
        a.beta,
        periodic,
        a.start,
        a.end,
        haloOf(a.band),
        after,
        rows,
        a.dots,
      );
      return;
    }
    case 'dual':
      dualRowsInto(a.f, a.px, a.py, h, w, a.weight, periodic, a.start, a.end, a.u, a.sums);
      return;
    case 'primal':
      primalRows(a.f, a.u, h, w, periodic, a.start, a.end, a.sums);
      return;
  }
}
