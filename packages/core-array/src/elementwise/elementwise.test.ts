import { describe, expect, it } from 'vitest';
import { arange, array, ones, zeros } from '../index.js';
import { expectNdImageError } from '../testing/index.js';
import { add, div, mul, neg, pow, sub } from './arithmetic.js';
import { less } from './compare.js';
import { hypot, sqrt } from './math.js';
import { clip, where } from './select.js';

describe('broadcasting', () => {
  it('aligns shapes on the right and stretches length-1 axes', () => {
    expect(add(array([[1], [2]]), array([10, 20])).toArray()).toEqual([
      [11, 21],
      [12, 22],
    ]);
  });

  it('refuses shapes that do not broadcast, saying which axis', () => {
    expect(() => add(zeros([2, 3]), zeros([2]))).toThrow(/axis 1 has sizes 3 and 2/);
    expectNdImageError(() => add(zeros([2, 3]), zeros([2])), 'ERR_SHAPE');
  });

  it('works on strided views (transposed, reversed) as on copies', () => {
    const a = arange(12).reshape([3, 4]);
    const t = a.transpose();
    expect(add(t, t.slice([null, null, -1])).toArray()).toEqual(
      add(t.copy(), t.copy().slice([null, null, -1]).copy()).toArray(),
    );
  });

  it('handles empty and 0-d operands', () => {
    expect(add(zeros([0, 3]), 1).shape).toEqual([0, 3]);
    expect(add(array(2), array(3)).toArray()).toBe(5);
  });
});

describe('the out option', () => {
  it('writes into out and returns it', () => {
    const out = zeros([3]);
    expect(add(array([1, 2, 3]), 1, { out })).toBe(out);
    expect(out.toArray()).toEqual([2, 3, 4]);
  });

  it('in place on an operand works (same layout)', () => {
    const a = array([1, 2, 3]);
    mul(a, 2, { out: a });
    expect(a.toArray()).toEqual([2, 4, 6]);
  });

  it('an out that overlaps an input in another layout is safe (the input is copied first)', () => {
    const a = arange(4);
    add(a.slice([null, null, -1]), 0, { out: a });
    expect(a.toArray()).toEqual([3, 2, 1, 0]);
  });

  it('refuses a wrong shape or a narrower kind', () => {
    expectNdImageError(() => add(zeros([3]), 1, { out: zeros([4]) }), 'ERR_SHAPE');
    expectNdImageError(() => div(zeros([3]), 2, { out: zeros([3], { dtype: 'uint8' }) }), 'ERR_DTYPE');
  });

  it('a float32 result stored in a float64 out is rounded to float32 first, as NumPy computes it', () => {
    const a = array([0.1], { dtype: 'float32' });
    const out = zeros([1]);
    add(a, a, { out });
    expect(out.get(0)).toBe(Math.fround(Math.fround(0.1) * 2));
  });
});

describe('dtype rules (NumPy 1.24)', () => {
  it('integer arithmetic wraps', () => {
    expect(add(array([250], { dtype: 'uint8' }), 10).toArray()).toEqual([4]);
    expect(neg(array([1], { dtype: 'uint8' })).toArray()).toEqual([255]);
    expect(mul(array([65536], { dtype: 'int32' }), array([65536], { dtype: 'int32' })).toArray()).toEqual([0]);
    expect(pow(array([3], { dtype: 'int32' }), 40).toArray()).toEqual([Number(BigInt.asIntN(32, 3n ** 40n))]);
  });

  it('scalars are typed by value', () => {
    expect(add(ones([1], { dtype: 'uint8' }), 300).dtype).toBe('uint16');
    expect(add(ones([1], { dtype: 'int8' }), 300).dtype).toBe('int16');
    expect(add(ones([1], { dtype: 'uint8' }), 1.5).dtype).toBe('float64');
    expect(add(ones([1], { dtype: 'float32' }), 1.5).dtype).toBe('float32');
  });

  it('division and math functions give floats', () => {
    expect(div(array([1, 2], { dtype: 'uint8' }), 4).toArray()).toEqual([0.25, 0.5]);
    expect(div(array([1, 2], { dtype: 'uint8' }), 4).dtype).toBe('float64');
    expect(sqrt(array([4], { dtype: 'uint8' })).dtype).toBe('float32');
    expect(hypot(array([3], { dtype: 'int32' }), 4).toArray()).toEqual([5]);
  });

  it('refuses storage-only dtypes and bool subtraction with the way out', () => {
    expect(() => add(zeros([1], { dtype: 'int64' }), 1)).toThrow(/storage only; convert it first/);
    expectNdImageError(() => sub(ones([1], { dtype: 'bool' }), ones([1], { dtype: 'bool' })), 'ERR_DTYPE');
    expectNdImageError(() => neg(ones([1], { dtype: 'bool' })), 'ERR_DTYPE');
  });

  it('refuses negative integer powers of integers, as NumPy', () => {
    expectNdImageError(() => pow(array([2], { dtype: 'int16' }), -1), 'ERR_INVALID_ARGUMENT');
  });

  it('refuses non-array operands clearly', () => {
    expect(() => add('x' as never, 1)).toThrow(/`a` must be an array or a number/);
  });
});

describe('selection', () => {
  it('the textbook threshold: less(im, 128) is a bool image', () => {
    const im = array([[0, 127, 128, 255]], { dtype: 'uint8' });
    const mask = less(im, 128);
    expect(mask.dtype).toBe('bool');
    expect(mask.toArray()).toEqual([[1, 1, 0, 0]]);
  });

  it('where and clip', () => {
    expect(where(array([1, 0, 1]), array([1, 2, 3]), 0).toArray()).toEqual([1, 0, 3]);
    expect(clip(array([-5, 0.5, 300]), 0, 255).toArray()).toEqual([0, 0.5, 255]);
    expect(clip(array([-5, 300], { dtype: 'int16' }), null, 100).toArray()).toEqual([-5, 100]);
    expect(clip(array([Number.NaN]), 0, 1).toArray()).toEqual([Number.NaN]);
  });
});
