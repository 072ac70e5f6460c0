/**
 * genericFilter and genericFilter1d: agreement with the built-in filters they can emulate
 * (fast-check), SciPy's buffer semantics (one reused window, lines reused from line to line), and
 * bad arguments refused with an NdImageError naming them.
 */
import { array, type NdArray, ones, zeros } from '@ndimage/core-array';
import { expectArrayClose, expectArrayEqual, expectNdImageError } from '@ndimage/core-array/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as F from '../src/index.js';

const MODES: F.Mode[] = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'];

/** A random float image of rank 1–3, a footprint of its rank, a mode and a cval. */
const problem = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }).chain((shape) => {
  const size = shape.reduce((p, n) => p * n, 1);
  const fpSize = 3 ** shape.length;
  return fc.record({
    x: fc
      .array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: size, maxLength: size })
      .map((v) => array(v).reshape(shape)),
    fp: fc
      .array(fc.boolean(), { minLength: fpSize, maxLength: fpSize })
      .map((v) => array(v.map((b, i) => b || i === 0)).reshape(shape.map(() => 3))),
    mode: fc.constantFrom(...MODES),
    cval: fc.double({ min: -5, max: 5, noNaN: true }),
  });
});

describe('genericFilter emulates the built-in filters', () => {
  it('max over the window = maximumFilter with the same footprint (exactly)', () => {
    fc.assert(
      fc.property(problem, ({ x, fp, mode, cval }) => {
        const got = F.genericFilter(x, (w) => Math.max(...w), { footprint: fp, mode, cval });
        expectArrayEqual(got, F.maximumFilter(x, { footprint: fp, mode, cval }));
      }),
      { numRuns: 150 },
    );
  });
  it('a weighted sum = correlate with those weights', () => {
    fc.assert(
      fc.property(problem, ({ x, fp, mode, cval }) => {
        const mask = fp.data as Uint8Array;
        const weights = Array.from(mask, (m, i) => (m ? (i % 5) - 2 : 0));
        const taps = weights.filter((_, i) => mask[i]);
        const sum = (w: Float64Array) => w.reduce((s, v, i) => s + v * (taps[i] as number), 0);
        const got = F.genericFilter(x, sum, { footprint: fp, mode, cval });
        const want = F.correlate(x, array(weights).reshape([...fp.shape]), { mode, cval });
        expectArrayClose(got, want, { rtol: 1e-12, atol: 1e-9, relativeTo: 'max' });
      }),
      { numRuns: 150 },
    );
  });
  it('genericFilter1d with a running sum = correlate1d with ones', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 1, max: 5 }), ({ x, mode, cval }, size) => {
        const axis = x.ndim - 1;
        const sum = ((inp: Float64Array, out: Float64Array) => {
          for (let i = 0; i < out.length; i++) {
            let s = 0;
            for (let j = 0; j < size; j++) s += inp[i + j] as number;
            out[i] = s;
          }
        }) as F.LineFunction;
        const got = F.genericFilter1d(x, sum, size, { axis, mode, cval });
        expectArrayClose(got, F.correlate1d(x, new Array(size).fill(1), { axis, mode, cval }), {
          rtol: 1e-12,
          atol: 1e-9,
          relativeTo: 'max',
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe("SciPy's buffers", () => {
  it('the window is one Float64Array, reused, of the footprint’s true elements in C order', () => {
    const seen = new Set<Float64Array>();
    const firsts: number[][] = [];
    F.genericFilter(
      array([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      (w) => {
        seen.add(w);
        if (firsts.length < 2) firsts.push([...w]);
        return 0;
      },
      { footprint: [[1, 0, 1]], mode: 'constant', cval: -1 },
    );
    expect(seen.size).toBe(1);
    expect(firsts).toEqual([
      [-1, 2],
      [1, 3],
    ]);
  });
  it('genericFilter1d lines are the input extended by the mode, and the output line is reused', () => {
    const inputs: number[][] = [];
    const outputs = new Set<Float64Array>();
    const result = F.genericFilter1d(
      array([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      (inp, out) => {
        inputs.push([...inp]);
        outputs.add(out);
        if (inputs.length === 1) out.fill(9); // the second line writes nothing: it keeps these
      },
      2,
      { mode: 'nearest', output: 'float64' },
    );
    expect(inputs).toEqual([
      [1, 1, 2, 3],
      [4, 4, 5, 6],
    ]);
    expect(outputs.size).toBe(1);
    expect(result.toArray()).toEqual([
      [9, 9, 9],
      [9, 9, 9],
    ]);
  });
  it('results are stored with SciPy’s cast (truncate, then wrap) and booleans count 0/1', () => {
    const u8 = zeros([3], { dtype: 'uint8' });
    expect(F.genericFilter(u8, () => 300.7, 1).toArray()).toEqual([44, 44, 44]);
    expect(F.genericFilter(u8, () => -1.5, 1).toArray()).toEqual([255, 255, 255]);
    expect(F.genericFilter(u8, () => true, 1).toArray()).toEqual([1, 1, 1]);
    expect(F.genericFilter(zeros([2], { dtype: 'bool' }), () => 0.5, 1).toArray()).toEqual([0, 0]);
  });
});

describe('bad arguments', () => {
  const x = ones([4, 4]);
  it('refuses a function that is not one, or that returns something else than a number', () => {
    expectNdImageError(() => F.genericFilter(x, 3 as never, 3), 'ERR_INVALID_ARGUMENT', /function/);
    expectNdImageError(() => F.genericFilter1d(x, null as never, 3), 'ERR_INVALID_ARGUMENT', /function/);
    expectNdImageError(
      () => F.genericFilter(x, (() => 'a') as never, 3),
      'ERR_INVALID_ARGUMENT',
      /must return a number/,
    );
  });
  it('refuses windows, origins, modes and extra arguments SciPy refuses', () => {
    const id = (w: Float64Array) => w[0] as number;
    expectNdImageError(() => F.genericFilter(x, id, 0), 'ERR_INVALID_ARGUMENT', /size/);
    expectNdImageError(() => F.genericFilter(x, id, [3, 3, 3]), 'ERR_INVALID_ARGUMENT', /size/);
    expectNdImageError(() => F.genericFilter(x, id, { footprint: zeros([3, 3]) }), 'ERR_INVALID_ARGUMENT', /footprint/);
    expectNdImageError(() => F.genericFilter(x, id, { footprint: ones([3]) }), 'ERR_SHAPE', /footprint/);
    expectNdImageError(() => F.genericFilter(x, id, 3, { origin: 2 }), 'ERR_INVALID_ARGUMENT', /origin/);
    expectNdImageError(() => F.genericFilter(x, id, 3, { mode: ['reflect', 'wrap'] }), 'ERR_INVALID_ARGUMENT', /mode/);
    expectNdImageError(
      () => F.genericFilter(x, id, 3, { extraArguments: 2 as never }),
      'ERR_INVALID_ARGUMENT',
      /extraArguments/,
    );
    expectNdImageError(() => F.genericFilter1d(x, () => {}, 0), 'ERR_INVALID_ARGUMENT', /filterSize/);
    expectNdImageError(() => F.genericFilter1d(x, () => {}, 2.5), 'ERR_INVALID_ARGUMENT', /filterSize/);
    expectNdImageError(() => F.genericFilter1d(x, () => {}, 3, { axis: 2 }), 'ERR_INVALID_ARGUMENT', /axis/);
    expectNdImageError(() => F.genericFilter1d(array(1), () => {}, 3), 'ERR_SHAPE', /input/);
  });
  it('refuses windows beyond the budget before allocating', () => {
    expectNdImageError(() => F.genericFilter1d(x, () => {}, 1e9), 'ERR_LIMIT', /filterSize/);
    expectNdImageError(() => F.genericFilter(x, (w) => w[0] as number, [5000, 5000]), 'ERR_LIMIT');
  });
  it('an exception thrown by the function reaches the caller unchanged', () => {
    const boom = new Error('boom');
    expect(() =>
      F.genericFilter(
        x,
        () => {
          throw boom;
        },
        3,
      ),
    ).toThrow(boom);
  });
  it('an empty input gives an empty output without calling the function', () => {
    let calls = 0;
    const out: NdArray = F.genericFilter(zeros([0, 3]), () => calls++, 3);
    expect(out.shape).toEqual([0, 3]);
    expect(calls).toBe(0);
  });
});
