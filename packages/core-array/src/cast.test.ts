import { describe, expect, it } from 'vitest';
import { array } from './array.js';
import { rint } from './cast.js';
import type { DType } from './dtypes.js';
import { NdArray } from './ndarray.js';

// scipy-ndimage-behaviour.md §1.3: float → int storage truncates toward zero, then wraps.
// These rows are the reference's table, verbatim (v, uint8, int8, uint16, int16).
const TABLE: [number, number, number, number, number][] = [
  [-0.5, 0, 0, 0, 0],
  [-0.99, 0, 0, 0, 0],
  [-1.0, 255, -1, 65535, -1],
  [-1.5, 255, -1, 65535, -1],
  [-2.7, 254, -2, 65534, -2],
  [0.5, 0, 0, 0, 0],
  [0.99, 0, 0, 0, 0],
  [1.5, 1, 1, 1, 1],
  [2.5, 2, 2, 2, 2],
  [254.6, 254, -2, 254, 254],
  [255.9, 255, -1, 255, 255],
  [256.0, 0, 0, 256, 256],
  [300.7, 44, 44, 300, 300],
  [-300.7, 212, -44, 65236, -300],
  [70000.3, 112, 112, 4464, 4464],
];

describe('astype: the reference table of float → integer casts', () => {
  const values = TABLE.map((r) => r[0]);
  const cols: DType[] = ['uint8', 'int8', 'uint16', 'int16'];
  cols.forEach((dtype, c) => {
    it(`float64 → ${dtype}`, () => {
      expect(array(values).astype(dtype).toArray()).toEqual(TABLE.map((r) => r[c + 1]));
    });
  });

  it('float → bool is "nonzero" for astype (NumPy), NaN included', () => {
    expect(array([0, -0, 0.5, Number.NaN, -3]).astype('bool').toArray()).toEqual([0, 0, 1, 1, 1]);
  });

  it('edge values follow NumPy on x86-64: NaN and out-of-int32-range give 0 for 8/16-bit, INT_MIN for int32', () => {
    const edge = array([Number.NaN, Infinity, -Infinity, 3e9, -3e9]);
    expect(edge.astype('uint8').toArray()).toEqual([0, 0, 0, 0, 0]);
    expect(edge.astype('int32').toArray()).toEqual(new Array(5).fill(-2147483648));
  });
});

describe("casting: 'round' and 'clip'", () => {
  it('round half to even', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999].map(rint)).toEqual([0, 2, 2, -0, -2, -2, 2]);
  });

  it("'clip' rounds then saturates (the image-writing cast)", () => {
    const a = array([-5, 0.5, 1.5, 254.5, 255.5, 1e10, Number.NaN]);
    expect(a.astype('uint8', { casting: 'clip' }).toArray()).toEqual([0, 0, 2, 254, 255, 255, 0]);
    expect(array([40000, -40000]).astype('int16', { casting: 'clip' }).toArray()).toEqual([32767, -32768]);
  });

  it("'round' rounds then wraps", () => {
    expect(array([255.5, 256.5]).astype('uint8', { casting: 'round' }).toArray()).toEqual([0, 0]);
  });

  it('integer → smaller integer wraps, and clip saturates', () => {
    const a = array([300, -1, 70000], { dtype: 'int32' });
    expect(a.astype('uint8').toArray()).toEqual([44, 255, 112]);
    expect(a.astype('uint8', { casting: 'clip' }).toArray()).toEqual([255, 0, 255]);
  });

  it('int64 ⇄ float64 and the 64-bit edges', () => {
    const big = array([2n ** 62n, -1n], { dtype: 'int64' });
    expect(big.astype('float64').toArray()).toEqual([2 ** 62, -1]);
    expect(big.astype('uint8').toArray()).toEqual([0, 255]);
    expect(
      array([2 ** 63, Number.NaN, -1.5])
        .astype('int64')
        .toArray(),
    ).toEqual([-(2n ** 63n), -(2n ** 63n), -1n]);
    expect(array([-1]).astype('uint64').toArray()).toEqual([2n ** 64n - 1n]);
  });

  it('copy: false returns the same array when the dtype is unchanged', () => {
    const a = array([1, 2]);
    expect(a.astype('float64', { copy: false })).toBe(a);
    expect(a.astype('float64')).not.toBe(a);
  });
});

describe('same-dtype copies keep every bit', () => {
  it('a signalling float32 NaN survives copy, views and astype (found by the view round-trip property)', () => {
    for (const shape of [[], [1], [3]]) {
      const n = shape.reduce((p, d) => p * d, 1);
      const data = new Float32Array(n);
      new Uint32Array(data.buffer).fill(0x7fa00001);
      const a = new NdArray(data, shape, { dtype: 'float32' });
      const views = [a.copy(), a.slice(...shape.map(() => [null, null, -1] as const)).copy(), a.astype('float32')];
      for (const v of views)
        expect(Array.from(new Uint32Array(v.data.buffer, v.data.byteOffset, n))).toEqual(new Array(n).fill(0x7fa00001));
    }
  });
});
