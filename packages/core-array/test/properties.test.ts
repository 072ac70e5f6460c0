/**
 * Property tests (fast-check): .npy round trips for random shapes and dtypes, views index the
 * same elements as their contiguous copies, and broadcasting arithmetic is commutative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  array,
  type DType,
  div,
  full,
  greater,
  greaterEqual,
  type IndexSpec,
  less,
  lessEqual,
  mul,
  NdArray,
  readNpy,
  sub,
  sum,
  writeNpy,
  zeros,
} from '../src/index.js';
import { expectArrayEqual } from '../src/testing/index.js';

const DTYPES: DType[] = [
  'bool',
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'float64',
  'int64',
  'uint64',
  'complex64',
  'complex128',
];

const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 });

/** A random array of a random dtype with arbitrary bit patterns (NaNs, infinities included). */
const arrayArb = fc.tuple(shapeArb, fc.constantFrom(...DTYPES), fc.integer()).map(([shape, dtype, seed]) => {
  const a = zeros(shape, { dtype });
  const bytes = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  let s = seed >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    bytes[i] = s >>> 24;
  }
  if (dtype === 'bool') for (let i = 0; i < bytes.length; i++) bytes[i] = (bytes[i] as number) & 1;
  return a;
});

/** Bit-level equality, so NaN payloads and -0 count. */
function sameBits(a: NdArray, b: NdArray): boolean {
  const x = a.toContiguous();
  const y = b.toContiguous();
  const bx = new Uint8Array(x.data.buffer, x.data.byteOffset + x.offset * x.itemsize, x.size * x.itemsize);
  const by = new Uint8Array(y.data.buffer, y.data.byteOffset + y.offset * y.itemsize, y.size * y.itemsize);
  return bx.length === by.length && bx.every((v, i) => v === by[i]);
}

describe('properties', () => {
  it('readNpy(writeNpy(a)) equals a bit for bit, for any shape and dtype', () => {
    fc.assert(
      fc.property(arrayArb, (a) => {
        const b = readNpy(writeNpy(a));
        expect(b.dtype).toBe(a.dtype);
        expect(b.shape).toEqual(a.shape);
        expect(sameBits(a, b)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('round trips through views (transposed, sliced) too', () => {
    fc.assert(
      fc.property(arrayArb, fc.boolean(), (a, flip) => {
        const v = flip ? a.transpose() : a.slice(...a.shape.map(() => [null, null, -1] as const));
        expect(sameBits(readNpy(writeNpy(v)), v.copy())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  /** One axis of a random basic index: an integer, a range with any step, or null. */
  const specArb = (n: number): fc.Arbitrary<IndexSpec> =>
    fc.oneof(
      fc.constant(null),
      n > 0 ? fc.integer({ min: -n, max: n - 1 }) : fc.constant(null),
      fc
        .tuple(
          fc.option(fc.integer({ min: -6, max: 6 })),
          fc.option(fc.integer({ min: -6, max: 6 })),
          fc.integer({ min: -3, max: 3 }).filter((k) => k !== 0),
        )
        .map((r): IndexSpec => r),
    );

  /** A random shape with a random basic index for it. */
  const viewArb: fc.Arbitrary<[number[], IndexSpec[]]> = shapeArb
    .filter((s) => s.length > 0)
    .chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        fc.tuple(...shape.map(specArb)).map((t): IndexSpec[] => t),
      ),
    );

  it('a view indexes the same elements as its contiguous copy, and as index arithmetic predicts', () => {
    fc.assert(
      fc.property(viewArb, ([shape, specs]) => {
        const size = shape.reduce((p, d) => p * d, 1);
        const base = new NdArray(
          Float64Array.from({ length: size }, (_, i) => i),
          shape,
        );
        const view = base.index(...specs);
        const copy = view.copy();
        expect(copy.toArray()).toEqual(view.toArray());
        // Each element of the view is the base element at offset + Σ i·stride.
        const nested = copy.toArray();
        const values: unknown[] = Array.isArray(nested) ? (nested as unknown[]).flat(Infinity as 1) : [nested];
        let k = 0;
        const walk = (axis: number, at: number): void => {
          if (axis === view.ndim) {
            expect(values[k++]).toBe(base.data[at]);
            return;
          }
          for (let i = 0; i < (view.shape[axis] as number); i++)
            walk(axis + 1, at + i * (view.strides[axis] as number));
        };
        if (view.size > 0) walk(0, view.offset);
      }),
      { numRuns: 500 },
    );
  });

  it('add and mul commute under broadcasting, and sum is additive', () => {
    const small = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(small, small, (x, y) => {
        const a = array(x).reshape([2, 3]);
        const b = array(y.slice(0, 3));
        expectArrayEqual(add(a, b), add(b, a));
        expectArrayEqual(mul(a, b), mul(b, a));
        expect(sum(add(a, b))).toBe(sum(a) + 2 * sum(b));
      }),
    );
  });
});

describe('8/16-bit add and sub by words (SWAR) equal element-by-element wrap-around', () => {
  const dtypes = ['uint8', 'int8', 'uint16', 'int16'] as const;
  const caseArb = fc.record({
    dtype: fc.constantFrom(...dtypes),
    n: fc.integer({ min: 0, max: 70 }),
    offA: fc.integer({ min: 0, max: 3 }),
    offB: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer(),
    scalar: fc.option(fc.integer({ min: -40000, max: 40000 })),
    op: fc.constantFrom('add', 'sub'),
  });
  it('for any length, alignment and scalar', () => {
    fc.assert(
      fc.property(caseArb, ({ dtype, n, offA, offB, seed, scalar, op }) => {
        const make = (off: number, salt: number): NdArray => {
          const base = zeros([n + off], { dtype });
          let s = (seed ^ salt) >>> 0;
          for (let i = 0; i < base.size; i++) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            base.set(i, s >>> 16);
          }
          return base.slice([off]);
        };
        const a = make(offA, 1);
        const b = make(offB, 2);
        const fn = op === 'add' ? add : sub;
        // A scalar only keeps the dtype when it fits it (NumPy's value-based typing).
        const info = { uint8: [0, 255], int8: [-128, 127], uint16: [0, 65535], int16: [-32768, 32767] }[dtype];
        const useScalar = scalar !== null && scalar >= info[0]! && scalar <= info[1]!;
        const result = useScalar ? fn(a, scalar as number) : fn(a, b);
        const expected = zeros([n], { dtype });
        for (let i = 0; i < n; i++) {
          const y = useScalar ? (scalar as number) : (b.get(i) as number);
          expected.set(i, op === 'add' ? (a.get(i) as number) + y : (a.get(i) as number) - y);
        }
        expectArrayEqual(result, expected);
        // In place, with out = a.
        const inPlace = a.copy();
        fn(inPlace, useScalar ? (scalar as number) : b, { out: inPlace });
        expectArrayEqual(inPlace, expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('an array and a number: the scalar kernels equal broadcasting a full array', () => {
  const ops = { add, sub, mul, div, less, lessEqual, greater, greaterEqual };
  it('on both sides, for every operation with a scalar kernel', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: false }), { minLength: 1, maxLength: 40 }),
        fc.double(),
        fc.constantFrom(...(Object.keys(ops) as (keyof typeof ops)[])),
        (values, s, name) => {
          const a = array(values);
          const filled = full(a.shape, s);
          const fn = ops[name];
          expectArrayEqual(fn(a, s), fn(a, filled));
          expectArrayEqual(fn(s, a), fn(filled, a));
        },
      ),
      { numRuns: 400 },
    );
  });
});
