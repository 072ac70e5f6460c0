/**
 * Property tests (fast-check) against the definitions, independently of SciPy: the Euclidean
 * transform is the distance to the nearest zero (any rank, any spacing) and its indices point at a
 * zero at that distance; the chamfer transforms with the box and the cross are the L∞ and L1
 * distances; the watershed labels every element reachable from a marker with a marker's label and
 * leaves the markers as they were.
 */
import { array, type NdArray } from '@ndimage/core-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceTransformCdt, distanceTransformEdt, watershedIft } from '../src/index.js';

/** A random binary image of rank 1–3 (axes 1–7) with its shape and flat 0/1 values. */
const image = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }).chain((shape) => {
  const size = shape.reduce((p, n) => p * n, 1);
  return fc
    .array(fc.integer({ min: 0, max: 3 }), { minLength: size, maxLength: size })
    .map((v) => ({ shape, values: v.map((x) => (x === 0 ? 0 : 1)) }));
});

/** C-order coordinates of element p. */
function coords(p: number, shape: number[]): number[] {
  const c = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    c[k] = p % (shape[k] as number);
    p = Math.floor(p / (shape[k] as number));
  }
  return c;
}

/** The smallest distance from element p to a zero, by a metric over coordinate differences. */
function nearest(values: number[], shape: number[], p: number, metric: (d: number[]) => number): number {
  const cp = coords(p, shape);
  let best = Number.POSITIVE_INFINITY;
  for (let q = 0; q < values.length; q++) {
    if (values[q] !== 0) continue;
    const cq = coords(q, shape);
    best = Math.min(best, metric(cp.map((v, k) => v - (cq[k] as number))));
  }
  return best;
}

describe('distance transforms against their definitions', () => {
  it('EDT: the distance to the nearest zero, with any spacing; indices point at such a zero', () => {
    fc.assert(
      fc.property(
        image,
        fc.array(fc.double({ min: 0.25, max: 4, noNaN: true }), { minLength: 3, maxLength: 3 }),
        ({ shape, values }, s) => {
          if (!values.includes(0)) return;
          const sampling = s.slice(0, shape.length);
          const x = array(values).reshape(shape);
          const r = distanceTransformEdt(x, { sampling, returnIndices: true });
          const d = (r.distances as NdArray).data as Float64Array;
          const ix = r.indices.data as Int32Array;
          const size = values.length;
          const euclid = (dd: number[]) =>
            Math.sqrt(dd.reduce((acc, v, k) => acc + (v * (sampling[k] as number)) ** 2, 0));
          for (let p = 0; p < size; p++) {
            const want = nearest(values, shape, p, euclid);
            expect(Math.abs((d[p] as number) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
            const target = shape.map((_, k) => ix[k * size + p] as number);
            const q = target.reduce((acc, c, k) => acc * (shape[k] as number) + c, 0);
            expect(values[q]).toBe(0);
            const cp = coords(p, shape);
            expect(Math.abs(euclid(cp.map((v, k) => v - (target[k] as number))) - want)).toBeLessThanOrEqual(
              1e-12 * Math.max(1, want),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('CDT: chessboard is the L∞ distance, taxicab the L1 distance', () => {
    fc.assert(
      fc.property(image, ({ shape, values }) => {
        if (!values.includes(0)) return;
        const x = array(values).reshape(shape);
        const chess = distanceTransformCdt(x).data as Int32Array;
        const taxi = distanceTransformCdt(x, { metric: 'taxicab' }).data as Int32Array;
        for (let p = 0; p < values.length; p++) {
          expect(chess[p]).toBe(nearest(values, shape, p, (dd) => Math.max(...dd.map(Math.abs))));
          expect(taxi[p]).toBe(nearest(values, shape, p, (dd) => dd.reduce((acc, v) => acc + Math.abs(v), 0)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('watershed against its definition', () => {
  it('every element gets a marker label; markers keep theirs', () => {
    const problem = fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
      .chain(([h, w]) =>
        fc.tuple(
          fc.constant([h, w]),
          fc.array(fc.integer({ min: 0, max: 255 }), { minLength: h * w, maxLength: h * w }),
          fc.array(fc.integer({ min: -2, max: 4 }), { minLength: h * w, maxLength: h * w }),
        ),
      );
    fc.assert(
      fc.property(problem, ([shape, values, marks]) => {
        const seeds = marks.map((m) => (m > 2 || m < -1 ? 0 : m));
        if (seeds.every((m) => m === 0)) return;
        const out = watershedIft(
          array(values, { dtype: 'uint8' }).reshape(shape),
          array(seeds, { dtype: 'int16' }).reshape(shape),
        );
        const labels = out.data as Int16Array;
        const used = new Set(seeds.filter((m) => m !== 0));
        for (let p = 0; p < seeds.length; p++) {
          if (seeds[p] !== 0) expect(labels[p]).toBe(seeds[p]);
          else expect(used.has(labels[p] as number)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
