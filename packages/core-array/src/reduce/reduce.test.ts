import { describe, expect, it } from 'vitest';
import { add, arange, array, ones, zeros } from '../index.js';
import { expectNdImageError } from '../testing/index.js';
import { argmax, argmin, max, min } from './extrema.js';
import { mean, norm, std, sum, variance } from './statistics.js';

describe('reductions', () => {
  const a = array([
    [1, 2],
    [3, 4],
  ]);

  it('return a number over all axes and an array along axes', () => {
    expect(sum(a)).toBe(10);
    expect(sum(a, { axis: 0 }).toArray()).toEqual([4, 6]);
    expect(sum(a, { axis: 1, keepdims: true }).shape).toEqual([2, 1]);
    expect(sum(a, { keepdims: true }).shape).toEqual([1, 1]);
    expect(sum(a, { axis: [0, 1] }).shape).toEqual([]);
  });

  it('mean, variance (ddof), std, norm', () => {
    expect(mean(array([1, 2, 3, 4]))).toBe(2.5);
    expect(variance(array([1, 2, 3, 4]))).toBe(1.25);
    expect(variance(array([1, 2, 3, 4]), { ddof: 1 })).toBeCloseTo(5 / 3, 15);
    expect(std(array([1, 2, 3, 4]))).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(norm(array([3, 4]))).toBe(5);
    expect(
      norm(
        array([
          [3, 4],
          [6, 8],
        ]),
        { axis: 1 },
      ).toArray(),
    ).toEqual([5, 10]);
    expectNdImageError(() => variance(a, { ddof: -1 }), 'ERR_INVALID_ARGUMENT');
  });

  it('integer sums are exact and float64; float32 stays float32', () => {
    const u = ones([300], { dtype: 'uint8' });
    expect(sum(u)).toBe(300);
    expect(sum(u.reshape([3, 100]), { axis: 1 }).dtype).toBe('float64');
    expect(sum(ones([4], { dtype: 'float32' }), { axis: 0 }).dtype).toBe('float32');
  });

  it('min/max keep the dtype and propagate NaN; argmax finds the first occurrence', () => {
    expect(max(array([3, 1, 2]))).toBe(3);
    expect(
      min(
        array([
          [3, 1],
          [0, 5],
        ]),
        { axis: 1 },
      ).toArray(),
    ).toEqual([1, 0]);
    expect(max(array([1, Number.NaN, 3]))).toBeNaN();
    expect(max(ones([2], { dtype: 'uint8' }), { axis: 0 }).dtype).toBe('uint8');
    expect(argmax(array([1, 3, 3]))).toBe(1);
    expect(argmin(array([4, 1, 1]))).toBe(1);
    expect(argmax(array([1, Number.NaN, 9]))).toBe(1);
    expect(
      argmax(
        array([
          [1, 9],
          [8, 2],
        ]),
        { axis: 1 },
      ).toArray(),
    ).toEqual([1, 0]);
    expect(
      argmax(
        array([
          [1, 9],
          [8, 2],
        ]),
        { axis: 0 },
      ).dtype,
    ).toBe('int32');
  });

  it('empty input: sums are 0, means NaN, min/max/argmax refuse (no identity)', () => {
    const e = zeros([0, 3]);
    expect(sum(e)).toBe(0);
    expect(mean(e)).toBeNaN();
    expect(sum(e, { axis: 0 }).toArray()).toEqual([0, 0, 0]);
    expectNdImageError(() => max(e), 'ERR_INVALID_ARGUMENT');
    expectNdImageError(() => argmax(e), 'ERR_INVALID_ARGUMENT');
    expect(max(e, { axis: 1 }).shape).toEqual([0]);
  });

  it('checks axes', () => {
    expectNdImageError(() => sum(arange(3), { axis: 1 }), 'ERR_INVALID_ARGUMENT');
    expectNdImageError(() => sum(zeros([2, 2]), { axis: [0, 0] }), 'ERR_INVALID_ARGUMENT');
  });
});

describe('options', () => {
  it('must be objects', () => {
    expect(() => sum(arange(3), 0 as never)).toThrow(/`options` must be a plain object of options; got 0/);
  });
  it('must have known keys only, with a did-you-mean', () => {
    expect(() => sum(arange(3), { axes: 0 } as never)).toThrow(
      /unknown key 'axes' \(did you mean 'axis'\?\); valid keys: 'axis', 'keepdims'/,
    );
    expect(() => std(arange(3), { dof: 1 } as never)).toThrow(/unknown key 'dof' \(did you mean 'ddof'\?\)/);
    expect(() => argmax(arange(3), { keepdim: true } as never)).toThrow(/did you mean 'keepdims'/);
    expect(() => add(arange(3), 1, { output: zeros([3]) } as never)).toThrow(/did you mean 'out'/);
  });
});
