/**
 * The sliding minimum/maximum fast paths (data without NaN and −0: whole rows on strided axes,
 * windowed vector extrema and van Herk along lines, in WebAssembly and in TypeScript) against a
 * brute-force reference, for every mode, window sizes on both sides of the row-path limit, both
 * axes and odd shapes.
 */
import { array, mul, type NdArray, random } from '@ndimage/core-array';
import { afterEach, describe, expect, it } from 'vitest';
import { maximumFilter, maximumFilter1d, minimumFilter1d, setWasmKernels } from '../src/index.js';
import { mapIndex } from '../src/internal.js';

afterEach(() => setWasmKernels(true));

const MODES = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const;

/** out[i] along `axis` = extremum of the window [i − left, i − left + size) with the mode's padding. */
function reference(
  a: NdArray,
  size: number,
  axis: number,
  mode: (typeof MODES)[number],
  cval: number,
  origin: number,
  max: boolean,
): number[][] {
  const [h, w] = a.shape as [number, number];
  const left = (size >> 1) + origin;
  const out: number[][] = [];
  for (let i = 0; i < h; i++) {
    const row: number[] = [];
    for (let j = 0; j < w; j++) {
      let best = max ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      for (let t = 0; t < size; t++) {
        const k = (axis === 0 ? i : j) - left + t;
        const m = mapIndex(k, axis === 0 ? h : w, mode);
        const v = m < 0 ? cval : (a.get(axis === 0 ? m : i, axis === 0 ? j : m) as number);
        best = max ? Math.max(best, v) : Math.min(best, v);
      }
      row.push(best);
    }
    out.push(row);
  }
  return out;
}

describe('sliding extremum fast paths', () => {
  it.each([true, false])('match brute force (WebAssembly kernels: %s)', (wasm) => {
    setWasmKernels(wasm);
    const data = mul(random([21, 37], { seed: 9 }), 200);
    for (const [h, w] of [
      [21, 37],
      [3, 18],
      [17, 2],
    ] as const) {
      const a = data.slice([0, h], [0, w]).copy();
      for (const size of [2, 3, 5, 16, 17, 25])
        for (const mode of MODES)
          for (const axis of [0, 1]) {
            const origin = size > 2 ? -1 : 0;
            const opts = { axis, mode, cval: 250.5, origin };
            expect(maximumFilter1d(a, size, opts).toArray()).toEqual(
              reference(a, size, axis, mode, 250.5, origin, true),
            );
            expect(minimumFilter1d(a, size, opts).toArray()).toEqual(
              reference(a, size, axis, mode, 250.5, origin, false),
            );
          }
    }
  });

  it('integers, 2-D boxes and the TypeScript twin agree', () => {
    const u8 = mul(random([40, 33], { seed: 2 }), 255).astype('uint8');
    const fast = maximumFilter(u8, [5, 3]);
    setWasmKernels(false);
    expect(maximumFilter(u8, [5, 3]).toArray()).toEqual(fast.toArray());
  });

  it('data with NaN or −0 keep SciPy’s comparison order (SciPy 1.10 values)', () => {
    const a = array([1, Number.NaN, 3, -0, 2, 0, 5, -0, 0]);
    const NaN_ = Number.NaN;
    // ndi.maximum_filter1d(a, s) / ndi.minimum_filter1d(a, s), printed by SciPy 1.10.1.
    const expected: Record<number, [number[], number[]]> = {
      2: [
        [1, 1, NaN_, 3, 2, 2, 5, 5, 0],
        [1, 1, NaN_, -0, -0, 0, 0, -0, 0],
      ],
      3: [
        [1, 3, 3, 3, 2, 5, 5, 5, 0],
        [1, 1, NaN_, -0, 0, 0, -0, 0, 0],
      ],
      4: [
        [NaN_, 3, 3, 3, 3, 5, 5, 5, 5],
        [NaN_, 1, -0, -0, 0, 0, -0, 0, 0],
      ],
    };
    for (const [size, [mx, mn]] of Object.entries(expected)) {
      const gotMax = maximumFilter1d(a, Number(size)).toArray() as number[];
      const gotMin = minimumFilter1d(a, Number(size)).toArray() as number[];
      // Object.is tells NaN from NaN and −0 from 0, as SciPy's printout does.
      expect(gotMax.map((v, k) => Object.is(v, mx[k]))).toEqual(mx.map(() => true));
      expect(gotMin.map((v, k) => Object.is(v, mn[k]))).toEqual(mn.map(() => true));
    }
  });
});
