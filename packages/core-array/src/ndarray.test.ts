import { describe, expect, it } from 'vitest';
import { arange, array, asarray, ones, zeros } from './index.js';
import { NdArray } from './ndarray.js';
import { expectNdImageError } from './testing/index.js';

describe('NdArray constructor', () => {
  it('wraps a typed array with C strides and infers the dtype', () => {
    const data = new Float32Array(6);
    const a = new NdArray(data, [2, 3]);
    expect(a.dtype).toBe('float32');
    expect(a.strides).toEqual([3, 1]);
    expect(a.size).toBe(6);
    expect(a.ndim).toBe(2);
    expect(a.data).toBe(data);
  });

  it('refuses a typed array of another dtype', () => {
    expectNdImageError(() => new NdArray(new Float32Array(4) as never, [4], { dtype: 'float64' }), 'ERR_DTYPE');
  });

  it('refuses negative and fractional shapes, naming the argument', () => {
    expect(() => new NdArray(new Float64Array(4), [2, -2])).toThrow(
      /`shape` must be an array of integers ≥ 0; got \[2, -2\]/,
    );
    expectNdImageError(() => new NdArray(new Float64Array(4), [1.5]), 'ERR_INVALID_ARGUMENT');
  });

  it('refuses a layout that reaches outside the data, before any read', () => {
    expectNdImageError(() => new NdArray(new Float64Array(5), [2, 3]), 'ERR_SHAPE');
    expectNdImageError(() => new NdArray(new Float64Array(6), [2, 3], { offset: 1 }), 'ERR_SHAPE');
    expectNdImageError(() => new NdArray(new Float64Array(6), [3], { strides: [-1], offset: 1 }), 'ERR_SHAPE');
    expect(new NdArray(new Float64Array(6), [3], { strides: [-2], offset: 5 }).toArray()).toEqual([0, 0, 0]);
  });

  it('accepts empty arrays over empty data', () => {
    expect(new NdArray(new Float64Array(0), [0, 5]).size).toBe(0);
  });
});

describe('indexing', () => {
  const a = arange(12).reshape([3, 4]);

  it('gets and sets with negative indices', () => {
    expect(a.get(-1, -1)).toBe(11);
    const b = a.copy();
    b.set(0, -1, 99);
    expect(b.get(0, 3)).toBe(99);
    expect(a.get(0, 3)).toBe(3);
  });

  it('refuses out-of-range and wrong-count indices', () => {
    expect(() => a.get(3, 0)).toThrow(/index 3 is out of bounds for axis 0 with size 3/);
    expectNdImageError(() => a.get(0), 'ERR_INVALID_ARGUMENT');
  });

  it('index() drops integer axes and slices ranges, as NumPy basic indexing', () => {
    expect(a.index(1).toArray()).toEqual([4, 5, 6, 7]);
    expect(a.index(null, 2).toArray()).toEqual([2, 6, 10]);
    expect(a.index([0, 2], [1, null, 2]).toArray()).toEqual([
      [1, 3],
      [5, 7],
    ]);
    expect(a.index([null, null, -1], -1).toArray()).toEqual([11, 7, 3]);
  });

  it('slice() follows Python slice semantics, clipping out-of-range bounds', () => {
    const v = arange(10);
    expect(v.slice([2, 8, 3]).toArray()).toEqual([2, 5]);
    expect(v.slice([-3]).toArray()).toEqual([7, 8, 9]);
    expect(v.slice([100]).toArray()).toEqual([]);
    expect(v.slice([null, null, -3]).toArray()).toEqual([9, 6, 3, 0]);
    expect(v.slice([8, 2, -2]).toArray()).toEqual([8, 6, 4]);
    expect(v.slice([-100, 100]).size).toBe(10);
    expectNdImageError(() => v.slice([0, 5, 0]), 'ERR_INVALID_ARGUMENT');
  });

  it('views share data with their base', () => {
    const b = zeros([2, 3]);
    b.index(1).fill(7);
    expect(b.toArray()).toEqual([
      [0, 0, 0],
      [7, 7, 7],
    ]);
  });
});

describe('views', () => {
  it('transpose permutes axes without copying', () => {
    const a = arange(6).reshape([2, 3]);
    const t = a.transpose();
    expect(t.data).toBe(a.data);
    expect(t.toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(zeros([2, 3, 4]).transpose([2, 0, 1]).shape).toEqual([4, 2, 3]);
    expectNdImageError(() => a.transpose([0, 0]), 'ERR_INVALID_ARGUMENT');
  });

  it('reshape is a view of contiguous arrays and a copy otherwise', () => {
    const a = arange(6);
    expect(a.reshape([2, -1]).data).toBe(a.data);
    const t = a.reshape([2, 3]).transpose();
    const r = t.reshape([6]);
    expect(r.data).not.toBe(a.data);
    expect(r.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(() => a.reshape([4, 2])).toThrow(/cannot reshape an array of size 6 into shape \[4, 2\]/);
    expectNdImageError(() => a.reshape([-1, -1]), 'ERR_INVALID_ARGUMENT');
  });

  it('squeeze, expandDims and channel', () => {
    const a = zeros([1, 3, 1]);
    expect(a.squeeze().shape).toEqual([3]);
    expect(a.squeeze(0).shape).toEqual([3, 1]);
    expectNdImageError(() => a.squeeze(1), 'ERR_SHAPE');
    expect(zeros([3, 4]).expandDims(-1).shape).toEqual([3, 4, 1]);
    expect(zeros([3, 4]).expandDims(0).shape).toEqual([1, 3, 4]);
    const rgb = arange(2 * 2 * 3).reshape([2, 2, 3]);
    expect(rgb.channel(1).toArray()).toEqual([
      [1, 4],
      [7, 10],
    ]);
    expectNdImageError(() => zeros([2, 2]).channel(0), 'ERR_SHAPE');
    expectNdImageError(() => rgb.channel(3), 'ERR_INVALID_ARGUMENT');
  });

  it('copy and toContiguous give C-contiguous arrays', () => {
    const t = arange(6).reshape([2, 3]).transpose();
    expect(t.isContiguous()).toBe(false);
    expect(t.copy().isContiguous()).toBe(true);
    expect(t.toContiguous().toArray()).toEqual(t.toArray());
    const c = arange(4);
    expect(c.toContiguous()).toBe(c);
  });
});

describe('values', () => {
  it('set stores as the dtype does: wrap for integers, 0/1 for bool, bigints for int64', () => {
    const u = zeros([1], { dtype: 'uint8' });
    u.set(0, 300);
    expect(u.get(0)).toBe(44);
    const b = zeros([1], { dtype: 'bool' });
    b.set(0, 5);
    expect(b.get(0)).toBe(1);
    const big = zeros([1], { dtype: 'int64' });
    big.set(0, 7);
    expect(big.get(0)).toBe(7n);
    expectNdImageError(() => big.set(0, 1.5), 'ERR_INVALID_ARGUMENT');
  });

  it('item and toString', () => {
    expect(array([[5]]).item()).toBe(5);
    expectNdImageError(() => arange(2).item(), 'ERR_SHAPE');
    expect(String(arange(3))).toBe('NdArray<float64>[3] [0, 1, 2]');
    expect(String(ones([20, 20]))).toBe('NdArray<float64>[20, 20]');
  });
});

describe('asarray and array', () => {
  it('wraps a scijs ndarray (stride, not strides) without copying', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const scijs = { data, shape: [3, 2], stride: [1, 3], offset: 0, dtype: 'float64' };
    const a = asarray(scijs);
    expect(a.data).toBe(data);
    expect(a.toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('reads a Uint8ClampedArray (canvas ImageData) as uint8 without copying', () => {
    const px = new Uint8ClampedArray([1, 2, 3, 4]);
    const a = asarray(px, { shape: [2, 2] });
    expect(a.dtype).toBe('uint8');
    expect(a.data.buffer).toBe(px.buffer);
  });

  it('array copies, infers dtypes from nesting, and refuses ragged input', () => {
    const src = new Float64Array([1, 2]);
    expect(array(src).data).not.toBe(src);
    expect(array([true, false]).dtype).toBe('bool');
    expect(array([1n, 2n]).dtype).toBe('int64');
    expect(array([[1, 2]], { dtype: 'int16' }).dtype).toBe('int16');
    expect(array(7).shape).toEqual([]);
    expect(() => array([[1, 2], [3]])).toThrow(/inhomogeneous/);
    expectNdImageError(() => array([1, 2, 3], { shape: [2, 2] }), 'ERR_SHAPE');
  });

  it('bool from foreign bytes is normalised to 0/1', () => {
    const a = asarray(new Uint8Array([0, 2, 255]), { dtype: 'bool' });
    expect(a.toArray()).toEqual([0, 1, 1]);
  });
});

describe('argument checks on methods', () => {
  it('name the argument', () => {
    const a = arange(6);
    expect(() => a.reshape('x' as never)).toThrow(/`shape`/);
    expect(a.reshape(6).shape).toEqual([6]);
    expect(() => a.transpose('x' as never)).toThrow(/`axes`/);
    expect(() => a.astype('uint8', { casting: 'saturate' as never })).toThrow(
      /`casting` must be one of 'unsafe', 'round', 'clip'/,
    );
  });
});

describe('limits', () => {
  it('refuses absurd ranks and nesting instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10000; i++) deep = [deep];
    expect(() => array(deep as never)).toThrow(/deeper than 64/);
    expect(() => zeros(new Array(65).fill(1))).toThrow(/at most 64/);
  });
});
