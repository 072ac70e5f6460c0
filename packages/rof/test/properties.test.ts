/**
 * Properties of the solvers on random images: the objective goes down, the duality gap bounds the
 * error, constant images are fixed points, a vanishing weight returns the input, scaling the
 * image and the weight together scales the result, and the options behave.
 */
import { array, mul, NdArray, random, stack } from '@ndimage/core-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denoise, denoiseTv, denoiseTvChambolle, type TvMethod } from '../src/index.js';

const METHODS: TvMethod[] = ['fgp', 'chambolle-pock', 'chambolle2005'];

/** A random image h×w with values in [0, 255), from a seed. */
const image = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 10_000 }))
  .map(([h, w, seed]) => mul(random([h, w], { seed }), 255));

/** λ·TV(f) + 0: the objective of the input itself (u = f). */
function objectiveOf(u: NdArray, f: NdArray, weight: number): number {
  const [h, w] = u.shape as [number, number];
  const a = u.data as Float64Array;
  const b = f.data as Float64Array;
  let fid = 0;
  let tv = 0;
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) {
      const k = i * w + j;
      const gx = j + 1 < w ? (a[k + 1] as number) - (a[k] as number) : 0;
      const gy = i + 1 < h ? (a[k + w] as number) - (a[k] as number) : 0;
      tv += Math.hypot(gx, gy);
      fid += ((a[k] as number) - (b[k] as number)) ** 2;
    }
  return 0.5 * fid + weight * tv;
}

describe('denoiseTv properties', () => {
  it('lowers the objective below the input’s, and the gap bounds the distance to the minimum', () => {
    fc.assert(
      fc.property(
        image,
        fc.constantFrom(...METHODS),
        fc.double({ min: 1, max: 80, noNaN: true }),
        (f, method, weight) => {
          const loose = denoiseTv(f, { weight, method, gapTolerance: 1e-2, checkEvery: 1 });
          const best = denoiseTv(f, { weight, gapTolerance: 1e-13, maxIterations: 200_000 });
          expect(loose.objective).toBeLessThanOrEqual(objectiveOf(f, f, weight) * (1 + 1e-12));
          expect(loose.objective).toBeCloseTo(objectiveOf(loose.u, f, weight), 6);
          expect(loose.gap).toBeGreaterThanOrEqual(-1e-12);
          expect(loose.gap).toBeLessThanOrEqual(1e-2);
          // E(u) − E(u*) ≤ gap·E(u), with E(u*) ≥ best.objective·(1 − its own gap).
          const floor = best.objective * (1 - Math.max(best.gap, 0));
          expect(loose.objective - floor).toBeLessThanOrEqual(
            loose.gap * loose.objective + 1e-9 * loose.objective + 1e-9,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves a constant image as it is (no iterations needed), with every method and boundary', () => {
    for (const method of METHODS)
      for (const boundary of ['neumann', 'periodic'] as const) {
        const f = new NdArray(new Float64Array(12).fill(7.5), [3, 4], { dtype: 'float64' });
        const r = denoiseTv(f, { weight: 3, method, boundary });
        expect(r.u.toArray()).toEqual(f.toArray());
        expect(r.iterations).toBe(0);
        expect(r.gap).toBe(0);
      }
    const f = array([
      [4, 4, 4],
      [4, 4, 4],
    ]);
    expect(denoise(f).u.toArray()).toEqual(f.toArray());
    expect(denoiseTvChambolle(f).toArray()).toEqual(f.toArray());
  });

  it('returns the input as the weight vanishes', () => {
    fc.assert(
      fc.property(image, (f) => {
        const u = denoiseTv(f, { weight: 1e-9 }).u.data as Float64Array;
        const d = f.data as Float64Array;
        for (let k = 0; k < u.length; k++) expect(Math.abs((u[k] as number) - (d[k] as number))).toBeLessThan(1e-6);
      }),
      { numRuns: 30 },
    );
  });

  it('scales with the data: s·f with weight s·λ gives s·u in the same iterations', () => {
    fc.assert(
      fc.property(image, fc.constantFrom(...METHODS), fc.constantFrom(1 / 255, 4, 1000), (f, method, s) => {
        const a = denoiseTv(f, { weight: 20, method, gapTolerance: 1e-4 });
        const b = denoiseTv(mul(f, s), { weight: 20 * s, method, gapTolerance: 1e-4 });
        expect(b.iterations).toBe(a.iterations);
        const ua = a.u.data as Float64Array;
        const ub = b.u.data as Float64Array;
        for (let k = 0; k < ua.length; k++)
          expect(Math.abs((ub[k] as number) - s * (ua[k] as number))).toBeLessThan(1e-9 * 255 * s);
      }),
      { numRuns: 30 },
    );
  });

  it('periodic: reaches a lower periodic objective than the textbook’s early stop', () => {
    const f = mul(random([30, 40], { seed: 3 }), 255);
    const book = denoise(f, { tvWeight: 40 });
    const tv = denoiseTv(f, { weight: 40, boundary: 'periodic', gapTolerance: 1e-6 });
    const periodicObjective = (u: NdArray): number => {
      const a = u.data as Float64Array;
      const b = f.data as Float64Array;
      let fid = 0;
      let t = 0;
      for (let i = 0; i < 30; i++)
        for (let j = 0; j < 40; j++) {
          const k = i * 40 + j;
          t += Math.hypot(
            (a[i * 40 + ((j + 1) % 40)] as number) - (a[k] as number),
            (a[((i + 1) % 30) * 40 + j] as number) - (a[k] as number),
          );
          fid += ((a[k] as number) - (b[k] as number)) ** 2;
        }
      return 0.5 * fid + 40 * t;
    };
    expect(tv.objective).toBeCloseTo(periodicObjective(tv.u), 4);
    expect(tv.objective).toBeLessThan(periodicObjective(book.u));
  });

  it('colour: separate channels equal grey runs; coupled TV shares edges and converges', () => {
    const r = mul(random([12, 14], { seed: 1 }), 255);
    const g = mul(random([12, 14], { seed: 2 }), 255);
    const rgb = stack([r, g, r], -1);
    const sep = denoiseTv(rgb, { weight: 30, gapTolerance: 1e-6 });
    const red = denoiseTv(r, { weight: 30, gapTolerance: 1e-6 }).u.data as Float64Array;
    const sepData = sep.u.data as Float64Array;
    for (let k = 0; k < red.length; k++) expect(sepData[3 * k]).toBe(red[k]);
    const coupled = denoiseTv(rgb, { weight: 30, channels: 'coupled', gapTolerance: 1e-6 });
    expect(coupled.converged).toBe(true);
    expect(coupled.u.shape).toEqual([12, 14, 3]);
    // One channel coupled = that channel alone.
    const one = denoiseTv(stack([r], -1), { weight: 30, channels: 'coupled', gapTolerance: 1e-6 }).u
      .data as Float64Array;
    for (let k = 0; k < red.length; k++) expect(one[k]).toBeCloseTo(red[k] as number, 2);
    // Coupled differs from separate (the channels' edges are joined).
    let diff = 0;
    const cData = coupled.u.data as Float64Array;
    for (let k = 0; k < cData.length; k++)
      diff = Math.max(diff, Math.abs((cData[k] as number) - (sepData[k] as number)));
    expect(diff).toBeGreaterThan(0.1);
  });

  it('float32 precision stays within half a grey level of float64', () => {
    const f = mul(random([40, 50], { seed: 9 }), 255);
    for (const method of METHODS) {
      const a = denoiseTv(f, { weight: 25, method, gapTolerance: 1e-5, maxIterations: 20_000 }).u.data as Float64Array;
      const r = denoiseTv(f, { weight: 25, method, gapTolerance: 1e-5, maxIterations: 20_000, precision: 'float32' });
      expect(r.u.dtype).toBe('float32');
      const b = r.u.data as Float32Array;
      for (let k = 0; k < a.length; k++) expect(Math.abs((a[k] as number) - (b[k] as number))).toBeLessThan(0.5);
    }
  });
});

describe('limits, progress, abort', () => {
  const f = mul(random([20, 20], { seed: 4 }), 255);

  it('maxIterations stops with converged: false and the gap reached', () => {
    const r = denoiseTv(f, { weight: 50, maxIterations: 3, gapTolerance: 1e-9 });
    expect(r.iterations).toBe(3);
    expect(r.converged).toBe(false);
    expect(r.gap).toBeGreaterThan(1e-9);
    const b = denoise(f, { maxIterations: 2, tolerance: 1e-9 });
    expect(b.iterations).toBe(2);
    expect(b.converged).toBe(false);
  });

  it('timeLimitMs stops a run that would take longer', () => {
    const big = mul(random([200, 200], { seed: 5 }), 255);
    const r = denoiseTv(big, { weight: 50, gapTolerance: 1e-12, maxIterations: 1e6, timeLimitMs: 50 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBeGreaterThan(0);
    // Stopped by the clock, not by the iteration cap (a million iterations would take minutes).
    expect(r.iterations).toBeLessThan(1e6);
  });

  it('reports progress and stops on an abort signal', () => {
    const seen: [number, number][] = [];
    denoise(f, { onProgress: (i, e) => seen.push([i, e]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.map((s) => s[0])).toEqual(seen.map((_, i) => i + 1));
    const gaps: number[] = [];
    const r = denoiseTv(f, { weight: 50, checkEvery: 5, onProgress: (_, g) => gaps.push(g) });
    expect(gaps.at(-1)).toBe(r.gap);
    const controller = new AbortController();
    let calls = 0;
    expect(() =>
      denoiseTv(f, {
        weight: 50,
        gapTolerance: 1e-12,
        checkEvery: 1,
        signal: controller.signal,
        onProgress: () => {
          if (++calls === 3) controller.abort();
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_ABORTED' }));
  });

  it('1×1 images are unchanged and empty images give empty results', () => {
    expect(denoise(array([[42]])).u.toArray()).toEqual([[42]]);
    expect(denoiseTv(array([[42]])).u.toArray()).toEqual([[42]]);
    expect(denoiseTvChambolle(array([[0.5]])).toArray()).toEqual([[0.5]]);
    const empty = new NdArray(new Float64Array(0), [0, 5], { dtype: 'float64' });
    expect(denoise(empty).u.shape).toEqual([0, 5]);
    expect(denoiseTv(empty).u.shape).toEqual([0, 5]);
    expect(denoiseTvChambolle(empty).shape).toEqual([0, 5]);
  });
});
