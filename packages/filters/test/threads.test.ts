/**
 * Filters on the worker pool: every thread count gives the one-thread result bit for bit.
 * (Workers load the built files, so this needs `pnpm build` first; `pnpm test` builds.)
 */
import { asarray, mul, NdArray, random, zeros } from '@ndimage/core-array';
import { disableThreads, enableThreads, shared } from '@ndimage/core-array/parallel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gaussianFilter, prewitt, sobel } from '../src/index.js';

beforeAll(() => {
  enableThreads(3);
});
afterAll(() => disableThreads());

/** Big enough to be split (MIN_PARALLEL_ELEMENTS is 2^18), odd sizes so bands are uneven. */
function image(shape: number[], dtype: 'float64' | 'float32' | 'uint8'): NdArray {
  const f = mul(random(shape, { seed: 7 }), 255);
  return dtype === 'uint8' ? f.astype('uint8') : f.astype(dtype);
}

function sharedCopy(a: NdArray): NdArray {
  return new NdArray(shared(a.data), [...a.shape], { dtype: a.dtype });
}

function same(a: NdArray, b: NdArray): void {
  expect(a.dtype).toBe(b.dtype);
  expect(a.shape).toEqual(b.shape);
  expect(Buffer.from(a.toContiguous().data.buffer).equals(Buffer.from(b.toContiguous().data.buffer))).toBe(true);
}

describe('threads', () => {
  const modes = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const;

  it.each(modes)('gaussianFilter, mode %s: bit-identical for 1, 2 and 3 threads', (mode) => {
    const a = image([517, 523], 'float64');
    const one = gaussianFilter(a, [3, 1.5], { mode, cval: 2 });
    // The threaded path was taken: its output lives in shared memory.
    expect(gaussianFilter(a, [3, 1.5], { mode, cval: 2, threads: 2 }).data.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const threads of [2, 3, 'auto'] as const) same(gaussianFilter(a, [3, 1.5], { mode, cval: 2, threads }), one);
  });

  it('gaussianFilter on uint8 (per pass and once), float32, derivatives, 3-D and a caller output', () => {
    const u8 = image([600, 501], 'uint8');
    same(gaussianFilter(u8, 4, { threads: 2 }), gaussianFilter(u8, 4));
    same(gaussianFilter(u8, 4, { threads: 3, rounding: 'once' }), gaussianFilter(u8, 4, { rounding: 'once' }));
    const f32 = image([512, 512], 'float32');
    same(gaussianFilter(f32, 2, { threads: 2, order: [1, 0] }), gaussianFilter(f32, 2, { order: [1, 0] }));
    const rgb = image([300, 301, 3], 'uint8');
    same(gaussianFilter(rgb, [2, 2, 0], { threads: 3 }), gaussianFilter(rgb, [2, 2, 0]));
    const out = zeros([600, 501]);
    const r = gaussianFilter(u8, 4, { threads: 2, output: out });
    expect(r).toBe(out);
    same(out, gaussianFilter(u8, 4, { output: 'float64' }));
  });

  it('gaussianFilter on a strided view and in place', () => {
    const big = image([1100, 1000], 'float64');
    const view = big.slice([0, null, 2], [1, null, 1]);
    same(gaussianFilter(view, 2, { threads: 2 }), gaussianFilter(view, 2));
    const a = image([600, 600], 'float64');
    const expected = gaussianFilter(a, 2);
    const r = gaussianFilter(a, 2, { threads: 2, output: a });
    expect(r).toBe(a);
    same(a, expected);
  });

  it('sobel and prewitt: the fused float path and the two-pass integer path', () => {
    // Gradients use threads only on inputs already in shared memory (a copy costs as much).
    const f = sharedCopy(image([513, 600], 'float64'));
    expect(sobel(f, { threads: 2 }).data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(sobel(image([513, 600], 'float64'), { threads: 2 }).data.buffer).toBeInstanceOf(ArrayBuffer);
    for (const axis of [0, 1])
      for (const mode of modes) {
        same(sobel(f, { axis, mode, cval: 1, threads: 2 }), sobel(f, { axis, mode, cval: 1 }));
        same(prewitt(f, { axis, mode, threads: 3 }), prewitt(f, { axis, mode }));
      }
    const u8 = sharedCopy(image([700, 600], 'uint8'));
    same(sobel(u8, { axis: 0, threads: 2 }), sobel(u8, { axis: 0 }));
    same(sobel(u8, { axis: 1, threads: 2 }), sobel(u8, { axis: 1 }));
    same(sobel(u8, { output: 'float32', threads: 3 }), sobel(u8, { output: 'float32' }));
    // In place: the input's own memory as output (not fusable, so the two-pass path).
    const g = sharedCopy(image([600, 600], 'float64'));
    const expected = sobel(g, { axis: 0 });
    same(sobel(g, { axis: 0, output: g, threads: 2 }), expected);
  });

  it('small inputs stay on one thread; a bad count is refused', () => {
    const a = asarray([
      [1, 2],
      [3, 4],
    ]);
    expect(gaussianFilter(a, 1, { threads: 2 }).toArray()).toEqual(gaussianFilter(a, 1).toArray());
    expect(() => gaussianFilter(a, 1, { threads: 0 })).toThrow(/`threads`/);
    expect(() => sobel(a, { threads: 1.5 as number })).toThrow(/`threads`/);
  });
});
