/**
 * Vectorial (colour) total variation: TV(u) = Σ √(Σ_c |∇u_c|²), one gradient norm per pixel over
 * all channels, so edges are shared between channels and colours do not bleed apart the way they
 * can when each channel is smoothed on its own (Bresson & Chan 2008; Blomgren & Chan 1998). The
 * solver is FGP with the projection taken jointly over the channels' dual fields. Plain
 * whole-plane passes: colour images are an option, not the hot path.
 */

import type { Precision } from './options.js';
import type { Plane } from './planes.js';
import { newPlane } from './planes.js';
import { primalRow } from './tv-grid.js';

/** State of the coupled FGP: dual p, extrapolated r, per channel; scratch planes for u_r. */
export interface CoupledState {
  px: Plane[];
  py: Plane[];
  rx: Plane[];
  ry: Plane[];
  u: Plane[];
  t: number;
}

/** A fresh state for `channels` planes of h×w. */
export function coupledState(channels: number, n: number, precision: Precision): CoupledState {
  const planes = () => Array.from({ length: channels }, () => newPlane(n, precision));
  return { px: planes(), py: planes(), rx: planes(), ry: planes(), u: planes(), t: 1 };
}

/** u_c = f_c + λ·div q_c for every channel (whole planes). */
function primal(
  f: Plane[],
  qx: Plane[],
  qy: Plane[],
  h: number,
  w: number,
  weight: number,
  periodic: boolean,
  out: Plane[],
): void {
  for (let c = 0; c < f.length; c++) {
    const o = out[c] as Plane;
    for (let i = 0; i < h; i++)
      primalRow(f[c] as Plane, qx[c] as Plane, qy[c] as Plane, i, h, w, weight, periodic, o.subarray(i * w, i * w + w));
  }
}

/** One FGP iteration with the joint projection. */
export function coupledIteration(
  f: Plane[],
  s: CoupledState,
  h: number,
  w: number,
  weight: number,
  periodic: boolean,
): void {
  const C = f.length;
  primal(f, s.rx, s.ry, h, w, weight, periodic, s.u);
  const next = (1 + Math.sqrt(1 + 4 * s.t * s.t)) / 2;
  const beta = (s.t - 1) / next;
  s.t = next;
  const step = 1 / (8 * weight);
  const qx = new Float64Array(C);
  const qy = new Float64Array(C);
  for (let i = 0; i < h; i++) {
    const below = i + 1 < h ? (i + 1) * w : periodic ? 0 : -1;
    for (let j = 0; j < w; j++) {
      const k = i * w + j;
      const right = j + 1 < w ? k + 1 : periodic ? i * w : -1;
      let n2 = 0;
      for (let c = 0; c < C; c++) {
        const u = s.u[c] as Plane;
        const v = u[k] as number;
        const gx = right < 0 ? 0 : (u[right] as number) - v;
        const gy = below < 0 ? 0 : (u[below + j] as number) - v;
        const x = ((s.rx[c] as Plane)[k] as number) + step * gx;
        const y = ((s.ry[c] as Plane)[k] as number) + step * gy;
        qx[c] = x;
        qy[c] = y;
        n2 += x * x + y * y;
      }
      const inv = n2 > 1 ? 1 / Math.sqrt(n2) : 1;
      for (let c = 0; c < C; c++) {
        const nx = (qx[c] as number) * inv;
        const ny = (qy[c] as number) * inv;
        const px = s.px[c] as Plane;
        const py = s.py[c] as Plane;
        (s.rx[c] as Plane)[k] = nx + beta * (nx - (px[k] as number));
        (s.ry[c] as Plane)[k] = ny + beta * (ny - (py[k] as number));
        px[k] = nx;
        py[k] = ny;
      }
    }
  }
}

/**
 * Writes u_c = f_c + λ·div p_c into `s.u` and returns [E(u), D(p)] for the vectorial objective
 * E(u) = ½Σ‖u_c − f_c‖² + λ·Σ √(Σ_c |∇u_c|²), D(p) = ½(Σ‖f_c‖² − Σ‖u_c‖²).
 */
export function coupledObjectives(
  f: Plane[],
  s: CoupledState,
  h: number,
  w: number,
  weight: number,
  periodic: boolean,
): [number, number] {
  primal(f, s.px, s.py, h, w, weight, periodic, s.u);
  let fidelity = 0;
  let f2 = 0;
  let u2 = 0;
  let tv = 0;
  for (let i = 0; i < h; i++) {
    const below = i + 1 < h ? (i + 1) * w : periodic ? 0 : -1;
    for (let j = 0; j < w; j++) {
      const k = i * w + j;
      const right = j + 1 < w ? k + 1 : periodic ? i * w : -1;
      let g2 = 0;
      for (let c = 0; c < f.length; c++) {
        const u = s.u[c] as Plane;
        const v = u[k] as number;
        const fv = (f[c] as Plane)[k] as number;
        const gx = right < 0 ? 0 : (u[right] as number) - v;
        const gy = below < 0 ? 0 : (u[below + j] as number) - v;
        g2 += gx * gx + gy * gy;
        fidelity += (v - fv) * (v - fv);
        f2 += fv * fv;
        u2 += v * v;
      }
      tv += Math.sqrt(g2);
    }
  }
  return [0.5 * fidelity + weight * tv, 0.5 * (f2 - u2)];
}
