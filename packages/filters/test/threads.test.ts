/**
 * Filters on the worker pool: every thread count gives the one-thread result bit for bit.
 * (Workers load the built files, so this needs `pnpm build` first; `pnpm test` builds.)
 */
import { asarray, mul, NdArray, random, zeros } from '@ndimage/core-array';
import { threadBackend } from '@ndimage/core-array/internal';
import { disableThreads, enableThreads, shared } from '@ndimage/core-array/parallel';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

/** A copy in shared memory: no staging needed, so threads always pay. */
function sharedCopy(a: NdArray): NdArray {
  return new NdArray(shared(a.toContiguous().data), [...a.shape], { dtype: a.dtype });
}

function same(a: NdArray, b: NdArray): void {
  expect(a.dtype).toBe(b.dtype);
  expect(a.shape).toEqual(b.shape);
  const bytes = (x: NdArray) => {
    const d = x.toContiguous().data;
    return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
  };
  expect(bytes(a).equals(bytes(b))).toBe(true);
}

/** Runs `fn` and returns how many times the pool ran bands. */
function bandRuns(fn: () => void): number {
  const backend = threadBackend();
  if (backend === undefined) throw new Error('no pool');
  const spy = vi.spyOn(backend, 'run');
  try {
    fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('threads', () => {
  const modes = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const;

  it.each(modes)('gaussianFilter, mode %s: bit-identical for 1, 2, 3 and auto threads', (mode) => {
    const a = sharedCopy(image([517, 523], 'float64'));
    const one = gaussianFilter(a, [3, 1.5], { mode, cval: 2 });
    for (const threads of [2, 3, 'auto'] as const) {
      const out = sharedCopy(zeros([517, 523]));
      expect(bandRuns(() => gaussianFilter(a, [3, 1.5], { mode, cval: 2, threads, output: out }))).toBe(1);
      same(out, one);
    }
  });

  it('stages ordinary memory when the kernel is long enough to pay for it', () => {
    const a = image([600, 501], 'float64');
    let r = a;
    expect(bandRuns(() => (r = gaussianFilter(a, 5, { threads: 2 })))).toBe(1);
    same(r, gaussianFilter(a, 5));
    expect(r.data.buffer).toBeInstanceOf(ArrayBuffer); // results never live in the scratch
    // A short float64 kernel does not pay for staging: one thread, same result.
    expect(bandRuns(() => (r = gaussianFilter(a, 1, { threads: 2 })))).toBe(0);
    same(r, gaussianFilter(a, 1));
  });

  it('gaussianFilter on uint8 (per pass and once), float32, derivatives, 3-D and a caller output', () => {
    const u8 = image([600, 501], 'uint8');
    same(gaussianFilter(u8, 4, { threads: 2 }), gaussianFilter(u8, 4));
    same(gaussianFilter(u8, 4, { threads: 3, rounding: 'once' }), gaussianFilter(u8, 4, { rounding: 'once' }));
    const f32 = image([512, 512], 'float32');
    same(gaussianFilter(f32, 5, { threads: 2, order: [1, 0] }), gaussianFilter(f32, 5, { order: [1, 0] }));
    const rgb = image([300, 301, 3], 'uint8');
    expect(bandRuns(() => same(gaussianFilter(rgb, [2, 2, 0], { threads: 3 }), gaussianFilter(rgb, [2, 2, 0])))).toBe(
      1,
    );
    const out = zeros([600, 501]);
    const r = gaussianFilter(u8, 4, { threads: 2, output: out });
    expect(r).toBe(out);
    same(out, gaussianFilter(u8, 4, { output: 'float64' }));
  });

  it('gaussianFilter on a strided view and in place', () => {
    const big = image([1100, 1000], 'float64');
    const view = big.slice([0, null, 2], [1, null, 1]);
    same(gaussianFilter(view, 5, { threads: 2 }), gaussianFilter(view, 5));
    const a = sharedCopy(image([600, 600], 'float64'));
    const expected = gaussianFilter(a, 2);
    let r = a;
    expect(bandRuns(() => (r = gaussianFilter(a, 2, { threads: 2, output: a })))).toBe(1);
    expect(r).toBe(a);
    same(a, expected);
  });

  it('sobel and prewitt: the fused float path and the two-pass integer path', () => {
    const f = sharedCopy(image([513, 600], 'float64'));
    for (const axis of [0, 1])
      for (const mode of modes) {
        const out = sharedCopy(zeros([513, 600]));
        expect(bandRuns(() => sobel(f, { axis, mode, cval: 1, threads: 2, output: out }))).toBe(1);
        same(out, sobel(f, { axis, mode, cval: 1 }));
        const out2 = sharedCopy(zeros([513, 600]));
        prewitt(f, { axis, mode, threads: 3, output: out2 });
        same(out2, prewitt(f, { axis, mode }));
      }
    // Staging would cost as much as the gradient: ordinary memory stays on one thread.
    expect(bandRuns(() => sobel(image([513, 600], 'float64'), { threads: 2 }))).toBe(0);
    const u8 = sharedCopy(image([700, 600], 'uint8'));
    const o8 = sharedCopy(zeros([700, 600], { dtype: 'uint8' }));
    expect(bandRuns(() => sobel(u8, { axis: 0, threads: 2, output: o8 }))).toBe(1);
    same(o8, sobel(u8, { axis: 0 }));
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
    expect(bandRuns(() => gaussianFilter(a, 1, { threads: 2 }))).toBe(0);
    expect(() => gaussianFilter(a, 1, { threads: 0 })).toThrow(/`threads`/);
    expect(() => sobel(a, { threads: 1.5 as number })).toThrow(/`threads`/);
  });
});
