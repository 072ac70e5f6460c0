/**
 * The test vectors of ../shared/reference/scipy-ndimage-behaviour.md (measured on SciPy 1.10.1),
 * verbatim, section by section.
 */
import { arange, array, full, zeros } from '@ndimage/core-array';
import { expectArrayClose, expectArrayEqual } from '@ndimage/core-array/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convolve,
  convolve1d,
  correlate,
  correlate1d,
  gaussianFilter,
  gaussianFilter1d,
  gaussianKernel1d,
  gaussianRadius,
  laplace,
  maximumFilter,
  medianFilter,
  minimumFilter,
  prewitt,
  setWasmKernels,
  sobel,
  uniformFilter1d,
  wasmKernelsActive,
} from '../src/index.js';
import { mapIndex } from '../src/internal.js';

const close = (actual: unknown, expected: number[] | number[][], rtol = 1e-12) =>
  expectArrayClose(actual as never, array(expected), { rtol, atol: 1e-15 });

/** Every vector runs on the WebAssembly kernels and on the TypeScript kernels. */
describe.each([
  ['WebAssembly', true],
  ['TypeScript', false],
] as const)('%s kernels', (_name, wasm) => {
  beforeAll(() => setWasmKernels(wasm));
  afterAll(() => setWasmKernels(true));
  it(`are ${wasm ? 'active' : 'off'}`, () => {
    expect(wasmKernelsActive()).toBe(wasm);
  });

  describe('§1.3 float → integer storage (an identity filter into each dtype)', () => {
    const v = [-0.5, -0.99, -1.0, -1.5, -2.7, 0.5, 0.99, 1.5, 2.5, 254.6, 255.9, 256.0, 300.7, -300.7, 70000.3];
    const table: Record<string, number[]> = {
      uint8: [0, 0, 255, 255, 254, 0, 0, 1, 2, 254, 255, 0, 44, 212, 112],
      int8: [0, 0, -1, -1, -2, 0, 0, 1, 2, -2, -1, 0, 44, -44, 112],
      uint16: [0, 0, 65535, 65535, 65534, 0, 0, 1, 2, 254, 255, 256, 300, 65236, 4464],
      int16: [0, 0, -1, -1, -2, 0, 0, 1, 2, 254, 255, 256, 300, -300, 4464],
      bool: [0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1],
    };
    for (const [dtype, expected] of Object.entries(table)) {
      it(dtype, () => {
        expect(correlate1d(array(v), [1], { output: dtype as never }).toArray()).toEqual(expected);
      });
    }
    it('a lone true pixel blurred into a bool output vanishes (trunc(v) mod 256 is 0)', () => {
      expect(gaussianFilter(array([false, false, true, false, false]), 1).toArray()).toEqual([0, 0, 0, 0, 0]);
    });
  });

  describe('§1.4 boundary modes', () => {
    const pad = (n: number, k: number, mode: Parameters<typeof mapIndex>[2]) =>
      Array.from({ length: n + 2 * k }, (_, i) => 'abcd'[mapIndex(i - k, n, mode)] ?? 'k').join('');
    it('[a b c d] extended by 3', () => {
      expect(pad(4, 3, 'reflect')).toBe('cbaabcddcb');
      expect(pad(4, 3, 'mirror')).toBe('dcbabcdcba');
      expect(pad(4, 3, 'nearest')).toBe('aaaabcdddd');
      expect(pad(4, 3, 'wrap')).toBe('bcdabcdabc');
      expect(pad(4, 3, 'constant')).toBe('kkkabcdkkk');
    });
    it('kernels longer than the input: the extension is periodic', () => {
      expect(pad(4, 9, 'reflect')).toBe('aabcddcbaabcddcbaabcdd');
      expect(pad(4, 9, 'mirror')).toBe('dcbabcdcbabcdcbabcdcba');
      expect(pad(4, 9, 'wrap')).toBe('dabcdabcdabcdabcdabcda');
      expect(pad(4, 9, 'nearest')).toBe('aaaaaaaaaabcdddddddddd');
      expect(pad(2, 10, 'reflect')).toBe('baabbaabbaabbaabbaabba');
      expect(pad(2, 10, 'mirror')).toBe('ababababababababababab');
      expect(pad(1, 3, 'reflect')).toBe('aaaaaaa');
      expect(pad(1, 3, 'mirror')).toBe('aaaaaaa');
    });
    it('gaussian_filter1d([1, 0], sigma=2.5), cval 0.5, in every mode', () => {
      const x = array([1, 0]);
      const g = (mode: never) => gaussianFilter1d(x, 2.5, { mode, cval: 0.5 });
      close(g('reflect' as never), [0.500222465171478, 0.499777534828522]);
      close(g('grid-mirror' as never), [0.500222465171478, 0.499777534828522]);
      for (const m of ['mirror', 'wrap', 'grid-wrap']) close(g(m as never), [0.500008584623018, 0.499991415376982]);
      close(g('nearest' as never), [0.579790339663607, 0.420209660336392]);
      close(g('constant' as never), [0.506134572836389, 0.49386542716361]);
      close(g('grid-constant' as never), [0.506134572836389, 0.49386542716361]);
    });
    it('the n-D path uses the correct periodic map where SciPy misreads (reflect, kernel ≥ 4n)', () => {
      const phi = gaussianKernel1d(2.5, 0, 10).reverse();
      // SciPy's correlate gives [0.49927, 0.49953] here (its bug); the line path's answer is right.
      close(correlate(array([1, 0]), Array.from(phi), { mode: 'reflect' }), [0.500222465171478, 0.499777534828522]);
    });
  });

  describe('§1.5 origin', () => {
    it('uniform_filter1d(arange(6.), 3, origin=1)', () => {
      close(uniformFilter1d(arange(6), 3, { origin: 1 }), [1 / 3, 1 / 3, 1, 2, 3, 4]);
    });
    it('median_filter(arange(6.), 3, origin=-1)', () => {
      expect(medianFilter(arange(6), 3, { origin: -1 }).toArray()).toEqual([1, 2, 3, 4, 5, 5]);
    });
    it('origins outside −(L//2)..(L−1)//2 are refused', () => {
      expect(() => correlate1d(arange(6), [1, 1], { origin: 1 })).toThrow(
        /`origin` must be an integer in \[-1, 0\]; got 1/,
      );
      expect(() => uniformFilter1d(arange(6), 4, { origin: -3 })).toThrow(/`origin`/);
    });
  });

  describe('§2 correlate1d, convolve1d, correlate, convolve', () => {
    const x = array([2, 8, 0, 4, 1, 9, 9, 0], { dtype: 'int32' });
    it('the documentation examples (integer input, integer output)', () => {
      expectArrayEqual(correlate1d(x, [1, 3]), array([8, 26, 8, 12, 7, 28, 36, 9], { dtype: 'int32' }));
      expectArrayEqual(convolve1d(x, [1, 3]), array([14, 24, 4, 13, 12, 36, 27, 0], { dtype: 'int32' }));
    });
    it('integer input with fractional weights is truncated', () => {
      expect(correlate1d(array([2, 8, 0, 4], { dtype: 'int32' }), [0.5, 0.5]).toArray()).toEqual([2, 5, 4, 2]);
    });
    it('2-D, constant mode', () => {
      const a = arange(12, { dtype: 'int32' }).reshape([3, 4]);
      const k = [
        [1, 2],
        [3, 4],
      ];
      expect(correlate(a, k, { mode: 'constant' }).toArray()).toEqual([
        [0, 4, 11, 18],
        [16, 34, 44, 54],
        [40, 74, 84, 94],
      ]);
      expect(convolve(a, k, { mode: 'constant' }).toArray()).toEqual([
        [16, 26, 36, 26],
        [56, 66, 76, 50],
        [59, 66, 73, 44],
      ]);
    });
    it('NaN: correlate1d uses every weight, correlate drops zero weights', () => {
      const n = array([1, Number.NaN, 3]);
      expect(correlate1d(n, [1, 0, 1]).toArray()).toEqual([Number.NaN, Number.NaN, Number.NaN]);
      expect(correlate(n, [1, 0, 1]).toArray()).toEqual([Number.NaN, 4, Number.NaN]);
    });
  });

  describe('§3 Gaussian filters', () => {
    it('radius = int(truncate·σ + 0.5)', () => {
      const r = (s: number) => gaussianRadius(s, 4);
      expect([1, 0.1, 0.124, 0.125, 0.375, 0.625, 1.125, 2 / 3, 2.5].map(r)).toEqual([4, 0, 0, 1, 2, 3, 5, 3, 10]);
      expect(gaussianRadius(1, 0)).toBe(0);
    });
    it('the σ = 1 kernels', () => {
      close(
        gaussianKernel1d(1, 0, 4).subarray(0, 5) as never,
        [
          1.3383062461474175e-4, 4.4318616200312664e-3, 5.3991127420704395e-2, 2.4197144565660073e-1,
          3.9894346935609776e-1,
        ],
      );
      // As a convolution kernel K(−4..4); gaussianKernel1d is that kernel (correlation weights reversed).
      close(
        gaussianKernel1d(1, 1, 4) as never,
        [
          5.3532249845897e-4, 0.0132955848600938, 0.10798225484140879, 0.24197144565660073, 0, -0.24197144565660073,
          -0.10798225484140879, -0.0132955848600938, -5.3532249845897e-4,
        ],
      );
    });
    it('the ramp derivative is +0.9999279998270711', () => {
      expect(gaussianFilter1d(arange(12), 1, { order: 1 }).get(6)).toBeCloseTo(0.9999279998270711, 14);
      const sq = array(Array.from({ length: 12 }, (_, i) => i * i));
      expect(gaussianFilter1d(sq, 1, { order: 2 }).get(5)).toBeCloseTo(1.9964138268732619, 13);
    });
    it('radius 0: order 1 gives zeros, order 2 gives −x/σ²', () => {
      expect(gaussianFilter1d(array([1, 2, 3]), 0.1, { order: 1, radius: 0 }).toArray()).toEqual([0, 0, 0]);
      close(gaussianFilter1d(array([1, 2, 3]), 0.1, { order: 2, radius: 0 }), [-100, -200, -300], 1e-12);
    });
    it('σ ≤ 1e-15 skips an axis with its order; all skipped gives a copy', () => {
      const x = array([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      expect(gaussianFilter(x, 0).toArray()).toEqual(x.toArray());
      expect(gaussianFilter(x, 0, { order: 1 }).toArray()).toEqual(x.toArray());
      expect(gaussianFilter(x, 1e-16).toArray()).toEqual(x.toArray());
      const only1 = gaussianFilter(x, [0, 1], { order: [1, 0] });
      expectArrayClose(only1, gaussianFilter1d(x, 1, { axis: 1 }));
    });
    it('the x = [1, 2, 4, 8, 16] table', () => {
      const x = array([1, 2, 4, 8, 16]);
      const g = (mode: string, order = 0) => gaussianFilter1d(x, 1, { mode: mode as never, order });
      close(
        g('reflect'),
        [1.5051988452812552, 2.576114435434396, 5.010017453929052, 9.043372869256832, 12.865296396098467],
      );
      close(
        g('mirror'),
        [1.8739506372563077, 2.6384339635967042, 4.978726761339604, 8.593582572786456, 10.704562767298166],
      );
      close(
        g('nearest'),
        [1.436975318628154, 2.571281081940521, 5.010954268301355, 9.080433729712457, 13.352281383649084],
      );
      close(g('wrap'), [5.457914310906805, 3.410565057095929, 5.010017453929052, 8.208922247595298, 8.912580930472918]);
      close(
        g('constant'),
        [1.1364470533062028, 2.5105829722813344, 4.933337500142373, 8.143390784442236, 8.543829138497864],
      );
      close(
        g('reflect', 1),
        [0.5154008747674652, 1.6743521788824847, 3.274208204452897, 4.510083977174966, 2.3948270768370876],
      );
      close(
        g('reflect', 2),
        [1.04653456460089, 1.338210762315748, 1.7805813950479967, 0.05310445935761221, -4.220663186683042],
      );
      close(
        g('reflect', 3),
        [0.10678919485159988, 0.504386547957735, -0.04556573296983579, -3.7162709864148553, -3.2731079003388843],
      );
    });
    it('uint8: every pass is truncated', () => {
      expect(gaussianFilter1d(array([0, 0, 0, 100, 0, 0, 0], { dtype: 'uint8' }), 1).toArray()).toEqual([
        0, 5, 24, 39, 24, 5, 0,
      ]);
      const u8 = array(
        [
          [0, 0, 0, 0],
          [0, 255, 255, 0],
          [0, 255, 0, 0],
          [0, 0, 0, 10],
        ],
        { dtype: 'uint8' },
      );
      expect(gaussianFilter(u8, 0.8).toArray()).toEqual([
        [18, 48, 47, 17],
        [49, 121, 105, 35],
        [47, 105, 71, 20],
        [17, 35, 20, 7],
      ]);
      // rounding: 'once' rounds the float result instead: 49 and 72 where SciPy has 48 and 71.
      const once = gaussianFilter(u8, 0.8, { rounding: 'once' });
      expect(once.get(0, 1)).toBe(49);
      expect(once.get(2, 2)).toBe(72);
      // output float64 on uint8 input equals filtering the float input
      expectArrayClose(gaussianFilter(u8, 0.8, { output: 'float64' }), gaussianFilter(u8.astype('float64'), 0.8));
    });
  });

  describe('§4 other filters', () => {
    it('sobel and prewitt gains on a[i, j] = 5i + j', () => {
      const a = zeros([5, 5]);
      for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) a.set(i, j, 5 * i + j);
      expect(sobel(a, { axis: 0 }).get(2, 2)).toBe(40);
      expect(sobel(a, { axis: 1 }).get(2, 2)).toBe(8);
      expect(prewitt(a, { axis: 0 }).get(2, 2)).toBe(30);
      expect(sobel(a, { axis: 0 }).index(null, 2).toArray()).toEqual([20, 40, 40, 40, 20]);
    });
    it('sobel on uint8 wraps mod 256, on int8 two’s complement', () => {
      const u = array(
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [200, 200, 200, 200],
          [255, 255, 255, 255],
        ],
        { dtype: 'uint8' },
      );
      expect(sobel(u, { axis: 0 }).index(null, 0).toArray()).toEqual([0, 32, 252, 220]);
      const i8 = array(
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [100, 100, 100, 100],
          [127, 127, 127, 127],
        ],
        { dtype: 'int8' },
      );
      expect(sobel(i8, { axis: 0 }).index(null, 0).toArray()).toEqual([0, -112, -4, 108]);
    });
    it('laplace: the 5- and 7-point stencils; uint8 wraps', () => {
      const im = zeros([3, 3]);
      im.set(1, 1, 1);
      expect(laplace(im).toArray()).toEqual([
        [0, 1, 0],
        [1, -4, 1],
        [0, 1, 0],
      ]);
      const vol = zeros([3, 3, 3]);
      vol.set(1, 1, 1, 1);
      expect(laplace(vol).get(1, 1, 1)).toBe(-6);
      expect(laplace(array([7, 0, 7], { dtype: 'uint8' }), { mode: 'nearest' }).get(1)).toBe(14);
      expect(laplace(array([0, 7, 0], { dtype: 'uint8' }), { mode: 'nearest' }).toArray()).toEqual([7, 242, 7]);
    });
    it('uniform filter: windows, NaN spreading, per-pass truncation', () => {
      expect(uniformFilter1d(array([0, 0, 9, 0, 0]), 3).toArray()).toEqual([0, 3, 3, 3, 0]);
      expect(uniformFilter1d(array([0, 0, 9, 0, 0]), 2).toArray()).toEqual([0, 0, 4.5, 4.5, 0]);
      const n = uniformFilter1d(array([1, 2, Number.NaN, 4, 5, 6]), 3).toArray() as number[];
      expect(n[0]).toBeCloseTo(4 / 3, 14);
      expect(n.slice(1).every(Number.isNaN)).toBe(true);
      expect(uniformFilter1d(array([0, 0, 10, 0, 0], { dtype: 'uint8' }), 3).toArray()).toEqual([0, 3, 3, 3, 0]);
      expect(uniformFilter1d(array([0, 0, 10, 0, 0], { dtype: 'uint8' }), 4).toArray()).toEqual([0, 2, 2, 2, 2]);
    });
    it('median: even windows take the upper median (size 2 is the maximum)', () => {
      expect(medianFilter(array([5, 1, 4, 2, 3, 9, 0]), 2).toArray()).toEqual([5, 5, 4, 4, 3, 9, 9]);
      expect(medianFilter(arange(1, 11), 4).toArray()).toEqual([2, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
    it('NaN in min/max/median behaves as SciPy (undefined there, but the same here)', () => {
      const x = array([1, Number.NaN, 3, 2, 5]);
      expect(medianFilter(x, 3).toArray()).toEqual([Number.NaN, 1, 3, 3, 5]);
      expect(maximumFilter(x, 3).toArray()).toEqual([1, 3, 3, 5, 5]);
      expect(minimumFilter(x, 3).toArray()).toEqual([1, 1, Number.NaN, 2, 2]);
    });
    it('maximum over {x[i−1], x[i]} for size 2', () => {
      expect(maximumFilter(array([1, 5, 2, 7, 3]), 2).toArray()).toEqual([1, 5, 5, 7, 7]);
    });
  });

  describe('bad input gets NdImageError naming the argument', () => {
    const x = full([4, 4], 1);
    it.each([
      ['negative sigma', () => gaussianFilter(x, -1), /`sigma` must be a finite number ≥ 0; got -1/],
      ['NaN sigma', () => gaussianFilter(x, Number.NaN), /`sigma`/],
      ['infinite sigma', () => gaussianFilter1d(x, Infinity), /`sigma`/],
      ['sigma list too short', () => gaussianFilter(x, [1]), /`sigma` must be one value or a list of 2/],
      ['negative order', () => gaussianFilter(x, 1, { order: -1 }), /`order`/],
      ['fractional order', () => gaussianFilter1d(x, 1, { order: 1.5 }), /`order`/],
      ['negative truncate', () => gaussianFilter(x, 1, { truncate: -1 }), /`truncate`/],
      ['fractional radius', () => gaussianFilter(x, 1, { radius: 2.5 }), /`radius`/],
      ['huge sigma', () => gaussianFilter(x, 1e8), /kernel radius of 400000000/],
      ['axis out of range', () => sobel(x, { axis: 2 }), /`axis` must be an integer in \[-2, 2\); got 2/],
      ['unknown mode', () => gaussianFilter(x, 1, { mode: 'edge' as never }), /`mode` must be one of 'reflect'/],
      [
        'mode list for correlate',
        () => correlate(x, [[1]], { mode: ['wrap', 'wrap'] as never }),
        /`mode` must be a single mode/,
      ],
      ['weights of the wrong rank', () => correlate(x, [1, 2]), /`weights` must have the input's rank 2/],
      ['empty weights', () => correlate1d(x, []), /`weights` must be at least one weight/],
      ['no size nor footprint', () => medianFilter(x, undefined as never), /`size`/],
      ['size 0', () => medianFilter(x, 0), /`size` must be an integer ≥ 1; got 0/],
      ['rank outside the window', () => medianFilter(x, { size: 3, footprint: [[0, 0]] }), /`footprint`/],
      ['int64 input', () => gaussianFilter(zeros([2], { dtype: 'int64' }), 1), /int64, which filters do not handle/],
      ['output of another shape', () => sobel(x, { output: zeros([3, 3]) }), /`output` has shape \[3, 3\]/],
    ])('%s', (_, fn, message) => {
      expect(fn).toThrow(message);
    });
  });
});
