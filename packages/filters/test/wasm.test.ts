/**
 * The WebAssembly SIMD kernels against the TypeScript ones: same values (to the bit, every NaN
 * counting as equal) for every kernel shape
 * (symmetric, antisymmetric, general; short and long), line lengths that exercise every tail,
 * both paths (along a line and across rows), NaN and infinities. (The kernels are the built
 * `dist/kernels.wasm`, so this needs `pnpm build` first; `pnpm test` builds.)
 */
import { add, array, mul, type NdArray, random, zeros } from '@ndimage/core-array';
import { afterEach, describe, expect, it } from 'vitest';
import {
  correlate1d,
  gaussianFilter,
  loadWasmKernels,
  maximumFilter,
  maximumFilter1d,
  medianFilter,
  minimumFilter,
  prewitt,
  rankFilter,
  setWasmKernels,
  sobel,
  uniformFilter,
  wasmKernelsActive,
} from '../src/index.js';
import { checkNetwork, selectionNetwork } from '../wasm/median-network.mjs';

afterEach(() => setWasmKernels(true));

describe('loadWasmKernels', () => {
  it('resolves to true in Node without a source (the file beside the module, read from disk)', async () => {
    expect(await loadWasmKernels()).toBe(true);
    expect(wasmKernelsActive()).toBe(true);
  });
});

/**
 * Element by element with Object.is: −0 differs from 0, and every NaN equals every NaN (the
 * processor may give a NaN either sign bit depending on the instruction; SciPy's NaN are no more
 * specific than that).
 */
function sameValues(a: NdArray, b: NdArray): boolean {
  if (a.dtype !== b.dtype || a.shape.join() !== b.shape.join()) return false;
  const x = a.toContiguous().data;
  const y = b.toContiguous().data;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  return true;
}

function bothWays(run: () => NdArray): void {
  setWasmKernels(true);
  const fast = run();
  setWasmKernels(false);
  const slow = run();
  setWasmKernels(true);
  expect(sameValues(fast, slow)).toBe(true);
}

const KERNELS: Record<string, number[]> = {
  symmetric3: [1, 2, 1],
  symmetric17: Array.from({ length: 17 }, (_, i) => Math.exp(-((i - 8) ** 2) / 8)),
  antisymmetric: [-1, -0.5, 0, 0.5, 1],
  general4: [0.1, -2, 3.5, 0.25],
  general7: [1, 2, 3, 4, 5, 6, 7.5],
  single: [2.5],
};

describe('WebAssembly kernels', () => {
  it('are in use under Node', () => {
    expect(wasmKernelsActive()).toBe(true);
    setWasmKernels(false);
    expect(wasmKernelsActive()).toBe(false);
  });

  it.each(Object.keys(KERNELS))('%s: the same values as TypeScript along lines and across rows', (name) => {
    const w = KERNELS[name] as number[];
    const data = mul(random([37, 45], { seed: 3 }), 100);
    data.set(3, 4, Number.NaN);
    data.set(20, 44, Number.POSITIVE_INFINITY);
    data.set(30, 0, Number.NEGATIVE_INFINITY);
    for (const n of [1, 2, 3, 5, 8, 9, 15, 16, 17, 37]) {
      const a = data.slice([0, n], null).copy();
      for (const axis of [0, 1]) {
        for (const mode of ['reflect', 'constant', 'wrap'] as const) {
          bothWays(() => correlate1d(a, w, { axis, mode, cval: 1.5 }));
          bothWays(() => correlate1d(a, w, { axis, mode, output: 'float32' }));
        }
      }
    }
  });

  it('gives the same Gaussians and gradients on images, channels and volumes', () => {
    const img = mul(random([70, 301], { seed: 1 }), 255);
    const u8 = img.astype('uint8');
    const rgb = mul(random([40, 33, 3], { seed: 2 }), 255).astype('uint8');
    const vol = random([9, 10, 17], { seed: 4 });
    bothWays(() => gaussianFilter(img, 2));
    bothWays(() => gaussianFilter(u8, [5, 1], { order: [1, 2] }));
    bothWays(() => gaussianFilter(rgb, [2, 2, 0]));
    bothWays(() => gaussianFilter(vol, 1.5, { mode: 'nearest' }));
    bothWays(() => sobel(u8, { axis: 0 }));
    bothWays(() => gaussianFilter(array([1, 2, 3]), 0.5));
  });

  it('the one-pass 2-D Sobel/Prewitt: the same values for float64 and float32, every mode, NaN and infinities', () => {
    const img = mul(random([19, 23], { seed: 8 }), 50);
    img.set(5, 5, Number.NaN);
    img.set(0, 7, Number.POSITIVE_INFINITY);
    img.set(18, 22, Number.NEGATIVE_INFINITY);
    for (const axis of [0, 1])
      for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const)
        for (const output of ['float64', 'float32'] as const) {
          bothWays(() => sobel(img, { axis, mode, cval: 2.5, output }));
          bothWays(() => prewitt(img.slice([0, 1], null), { axis, mode, output }));
        }
    // A strided output and a strided input.
    bothWays(() => {
      const out = zeros([23, 19]).transpose();
      sobel(img.slice(null, [null, null, -1]), { output: out });
      return out;
    });
  });

  it('the one-pass 2-D uniform filter: the same values as two passes, every mode, origin and size', () => {
    const img = mul(random([23, 41], { seed: 6 }), 100);
    img.set(3, 3, Number.NaN);
    const u8 = mul(random([17, 20], { seed: 7 }), 255).astype('uint8');
    for (const [h, w] of [
      [23, 41],
      [1, 5],
      [6, 1],
      [2, 2],
      [7, 16],
    ] as const) {
      const a = img.slice([0, h], [0, w]);
      for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const)
        for (const size of [2, 3, [4, 7], 15] as const) {
          bothWays(() => uniformFilter(a, size, { mode, cval: 1.5 }));
          bothWays(() => uniformFilter(a, size, { mode, output: 'float32', origin: [0, -1] }));
        }
    }
    bothWays(() => uniformFilter(u8, 5, { output: 'float64' }));
    bothWays(() => uniformFilter(img.transpose(), [3, 5], { mode: ['wrap', 'nearest'] }));
    bothWays(() => {
      const out = zeros([41, 23]).transpose();
      uniformFilter(img, 3, { output: out });
      return out;
    });
  });

  it('minimum/maximum of 8- and 16-bit integers on integer lanes: the same as TypeScript', () => {
    for (const dtype of ['uint8', 'int8', 'uint16', 'int16'] as const) {
      const scale = dtype.endsWith('8') ? 255 : 65535;
      const shift = dtype.startsWith('int') ? -scale / 2 : 0;
      const a = add(mul(random([19, 37], { seed: 9 }), scale), shift).astype(dtype);
      for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const)
        for (const size of [2, 3, 5, [4, 17], 40] as const) {
          bothWays(() => maximumFilter(a, size, { mode, cval: 7 }));
          bothWays(() => minimumFilter(a, size, { mode, cval: 7, origin: -1 }));
        }
      // cval outside the dtype, or not an integer: the float path both ways.
      bothWays(() => minimumFilter(a, 3, { mode: 'constant', cval: -3.5 }));
      bothWays(() => maximumFilter1d(a.transpose(), 4, { axis: 0 }));
      bothWays(() => minimumFilter(a, 5, { output: a.copy() }));
      // Any footprint: runs along the last axis, every mode, origins, 1-D to 3-D.
      const cross = [
        [0, 1, 0],
        [1, 1, 1],
        [0, 1, 0],
      ];
      const odd = [
        [1, 0, 1, 1],
        [0, 0, 1, 0],
      ];
      for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const) {
        bothWays(() => minimumFilter(a, { footprint: cross, mode, cval: 3 }));
        bothWays(() => maximumFilter(a, { footprint: odd, mode, origin: [0, -1] }));
      }
      bothWays(() => maximumFilter(a.index(3), { footprint: [1, 0, 0, 1, 1] }));
      bothWays(() =>
        minimumFilter(a.reshape([19, 37, 1]).transpose([1, 0, 2]), {
          footprint: [
            [[1], [0]],
            [[0], [1]],
          ],
        }),
      );
    }
  });

  it('selection networks pick the median of every 0/1 input (hence of every input)', () => {
    for (const k of [3, 5, 9, 25]) expect(() => checkNetwork(k, k >> 1, selectionNetwork(k, k >> 1))).not.toThrow();
    const broken = selectionNetwork(9, 4);
    broken.ops.splice(3, 1);
    expect(() => checkNetwork(9, 4, broken)).toThrow(/fails/);
  });

  it('3×3 and 5×5 medians of uint8/uint16 images: the same as the TypeScript path', () => {
    for (const dtype of ['uint8', 'uint16'] as const) {
      const big = mul(random([23, 45], { seed: 5 }), dtype === 'uint8' ? 255 : 65535).astype(dtype);
      for (const [h, w] of [
        [1, 1],
        [2, 3],
        [7, 16],
        [5, 17],
        [23, 45],
      ] as const) {
        const a = big.slice([0, h], [0, w]);
        for (const size of [3, 5])
          for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const) {
            bothWays(() => medianFilter(a, size, { mode, cval: 7 }));
            bothWays(() => medianFilter(a, size, { mode: 'constant', cval: 300.7 }));
          }
      }
      const view = big.slice([0, null, 2], [44, null, -3]); // strided and reversed
      bothWays(() => medianFilter(view, 5));
      bothWays(() => medianFilter(big, 3, { output: 'float64' }));
      bothWays(() => medianFilter(big, 5, { output: 'bool' }));
      bothWays(() => rankFilter(big, 12, 5));
      bothWays(() => rankFilter(big, 11, 5)); // another rank: the TypeScript path both ways
      bothWays(() => medianFilter(big, [3, 5]));
      bothWays(() => medianFilter(big, 5, { origin: [1, 0] }));
    }
  });
});
