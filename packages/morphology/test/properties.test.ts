/**
 * Property tests (fast-check): opening is anti-extensive and idempotent, the padded closing
 * extensive and idempotent, erosion and dilation are dual, labelling gives the same partition
 * whatever the order objects are met in, and `count` is the number of distinct labels.
 */
import { array, full as filled, logicalNot, type NdArray } from '@ndimage/core-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryClosing,
  binaryDilation,
  binaryErosion,
  binaryFillHoles,
  binaryOpening,
  binaryPropagation,
  box,
  label,
} from '../src/index.js';

/** A random 2-D binary image, 1–14 × 1–14. */
const image = fc
  .tuple(
    fc.integer({ min: 1, max: 14 }),
    fc.integer({ min: 1, max: 14 }),
    fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  )
  .chain(([h, w, p]) =>
    fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: h * w, maxLength: h * w })
      .map((v) => array(v.map((x) => x < p)).reshape([h, w])),
  );

/** A random 2-D structure (at least one element set), up to 4 × 4. */
const structure = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([h, w]) =>
  fc.array(fc.boolean(), { minLength: h * w, maxLength: h * w }).map((v) => {
    v[0] = true;
    return array(v).reshape([h, w]);
  }),
);

const bits = (a: NdArray): number[] => Array.from(a.toContiguous().data as Uint8Array, (v) => (v ? 1 : 0));
const subset = (a: NdArray, b: NdArray): boolean => bits(a).every((v, i) => v <= (bits(b)[i] as number));
const same = (a: NdArray, b: NdArray): boolean => bits(a).join() === bits(b).join();

describe('properties', () => {
  it('opening is anti-extensive and idempotent', () => {
    fc.assert(
      fc.property(image, structure, (x, s) => {
        const o = binaryOpening(x, { structure: s });
        expect(subset(o, x)).toBe(true);
        expect(same(binaryOpening(o, { structure: s }), o)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the padded closing is extensive and idempotent (SciPy’s own closing is not, at the border)', () => {
    fc.assert(
      fc.property(image, structure, (x, s) => {
        const c = binaryClosing(x, { structure: s, pad: true });
        expect(subset(x, c)).toBe(true);
        expect(same(binaryClosing(c, { structure: s, pad: true }), c)).toBe(true);
      }),
      { numRuns: 200 },
    );
    // The trap itself: closing an all-true image clears its outer ring in SciPy's convention.
    const ones = array([
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
    expect(bits(binaryClosing(ones))).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(bits(binaryClosing(ones, { pad: true }))).toEqual(new Array(12).fill(1));
  });

  it('erosion is the complement of the dilation of the complement (reflected structure, inverted border)', () => {
    fc.assert(
      fc.property(image, fc.constantFrom(0, 1), fc.integer({ min: 1, max: 3 }), (x, border, iterations) => {
        const s = box([3, 2]);
        const e = binaryErosion(x, { structure: s, borderValue: border, iterations });
        // Dilation reflects the structure itself; for an even size it also moves the window by one.
        const d = binaryDilation(logicalNot(x), { structure: s, borderValue: 1 - border, iterations, origin: [0, -1] });
        expect(same(e, logicalNot(d))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('labels give the same partition whatever the order objects are met in, and count them', () => {
    fc.assert(
      fc.property(image, fc.boolean(), (x, full) => {
        const structure = full ? box([3, 3]) : undefined;
        const { labels, count } = label(x, { structure });
        // The same image flipped both ways is scanned in the reverse order.
        const flipped = label(x.slice([null, null, -1], [null, null, -1]).copy(), { structure });
        const back = flipped.labels.slice([null, null, -1], [null, null, -1]).copy();
        expect(flipped.count).toBe(count);
        const a = Array.from(labels.data as Int32Array);
        const b = Array.from(back.data as Int32Array);
        const pairs = new Map<number, number>();
        for (let i = 0; i < a.length; i++) {
          expect((a[i] === 0) === (b[i] === 0)).toBe(true);
          if (a[i] === 0) continue;
          const seen = pairs.get(a[i] as number);
          if (seen === undefined) pairs.set(a[i] as number, b[i] as number);
          else expect(seen).toBe(b[i]);
        }
        expect(new Set(a.filter((v) => v > 0)).size).toBe(count);
        expect(new Set(pairs.values()).size).toBe(count);
      }),
      { numRuns: 300 },
    );
  });

  it('label into a dirty output array gives the labels of a fresh one', () => {
    fc.assert(
      fc.property(image, fc.boolean(), (x, full) => {
        const structure = full ? box([3, 3]) : undefined;
        const fresh = label(x, { structure }).labels;
        const dirty = filled([...x.shape], 7, { dtype: 'int32' });
        label(x, { structure, output: dirty });
        expect(Array.from(dirty.data as Int32Array)).toEqual(Array.from(fresh.data as Int32Array));
        // A 3-D view of the same image takes the element-wise labeller.
        const dirty3 = filled([1, ...x.shape], -1, { dtype: 'int32' });
        label(x.reshape([1, ...x.shape]), { structure: full ? box([3, 3, 3]) : undefined, output: dirty3 });
        expect(Array.from(dirty3.data as Int32Array)).toEqual(Array.from(fresh.data as Int32Array));
      }),
      { numRuns: 200 },
    );
  });

  it('the run labeller (2-D, by words) and the element-wise one (3-D) agree on wide images of any density', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(64, 100, 128, 131),
        fc.double({ min: 0.02, max: 0.98, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (h, w, p, seed, full) => {
          // A cheap deterministic generator: fast-check arrays of 5,000 elements would be slow.
          let state = seed;
          const v: boolean[] = [];
          for (let i = 0; i < h * w; i++) {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            v.push(state / 2 ** 32 < p);
          }
          const x = array(v).reshape([h, w]);
          const flat = label(x, { structure: full ? box([3, 3]) : undefined });
          const deep = label(x.reshape([1, h, w]), { structure: full ? box([3, 3, 3]) : undefined });
          expect(deep.count).toBe(flat.count);
          expect(Array.from(deep.labels.data as Int32Array)).toEqual(Array.from(flat.labels.data as Int32Array));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('no binary function writes to its input (a bool input is read in place)', () => {
    fc.assert(
      fc.property(image, structure, fc.integer({ min: 1, max: 2 }), (x, s, iterations) => {
        const before = bits(x).join();
        const options = { structure: s, iterations };
        binaryErosion(x, options);
        binaryDilation(x, options);
        binaryOpening(x, options);
        binaryClosing(x, options);
        binaryFillHoles(x);
        binaryPropagation(x, { mask: x });
        label(x);
        expect(bits(x).join()).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});
