import { describe, expect, it } from 'vitest';
import { arange, empty, full, fullLike, ones, onesLike, zeros, zerosLike } from './creation.js';

describe('creation', () => {
  it('zeros, ones, full, empty with dtypes', () => {
    expect(zeros([2, 3]).toArray()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(zeros(3).shape).toEqual([3]);
    expect(ones([2], { dtype: 'int64' }).toArray()).toEqual([1n, 1n]);
    expect(full([2], 7, { dtype: 'int16' }).toArray()).toEqual([7, 7]);
    expect(empty([2, 2], { dtype: 'uint8' }).dtype).toBe('uint8');
    expect(() => zeros([2], { dtype: 'float16' as never })).toThrow(/`dtype`/);
  });

  it('*Like keep shape and dtype unless told', () => {
    const u = ones([2, 2], { dtype: 'uint8' });
    expect(zerosLike(u).dtype).toBe('uint8');
    expect(onesLike(u, { dtype: 'float32' }).dtype).toBe('float32');
    expect(fullLike(u, 9).toArray()).toEqual([
      [9, 9],
      [9, 9],
    ]);
  });

  it('arange follows NumPy lengths', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(arange(3, 1).size).toBe(0);
    expect(arange(5, { dtype: 'int32' }).dtype).toBe('int32');
    expect(arange(0, 3, 1, { dtype: 'uint8' }).toArray()).toEqual([0, 1, 2]);
    expect(() => arange(0, 1, 0)).toThrow(/`step`/);
    expect(() => arange(Number.NaN)).toThrow(/`stop`/);
  });
});
