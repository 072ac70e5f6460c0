import { describe, expect, it } from 'vitest';
import { NdImageError } from './errors.js';
import { arange, array, concatenate, ones, roll, stack, zeros } from './index.js';

describe('roll', () => {
  it('shifts with wrap-around, flattened or along axes', () => {
    expect(roll(arange(5), 2).toArray()).toEqual([3, 4, 0, 1, 2]);
    expect(
      roll(
        array([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        -1,
        1,
      ).toArray(),
    ).toEqual([
      [2, 3, 1],
      [5, 6, 4],
    ]);
    expect(
      roll(
        array([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        1,
      ).toArray(),
    ).toEqual([
      [6, 1, 2],
      [3, 4, 5],
    ]);
  });

  it('gives the book’s periodic forward difference: roll(U, -1, 1) − U', () => {
    const u = array([[0, 1, 4]]);
    expect(roll(u, -1, 1).toArray()).toEqual([[1, 4, 0]]);
  });

  it('refuses a list of shifts without axes', () => {
    expect(() => roll(arange(3), [1, 2])).toThrow(NdImageError);
  });
});

describe('concatenate and stack', () => {
  it('join along existing and new axes, promoting dtypes', () => {
    const c = concatenate([ones([1, 2], { dtype: 'uint8' }), zeros([1, 2], { dtype: 'int8' })]);
    expect(c.dtype).toBe('int16');
    expect(c.shape).toEqual([2, 2]);
    expect(stack([zeros([2, 2]), ones([2, 2]), zeros([2, 2])], -1).shape).toEqual([2, 2, 3]);
  });

  it('refuse mismatched shapes and empty lists', () => {
    expect(() => concatenate([zeros([2, 2]), zeros([2, 3])])).toThrow(/does not match/);
    expect(() => stack([zeros([2]), zeros([3])])).toThrow(/one shape/);
    expect(() => concatenate([])).toThrow(/non-empty/);
  });
});
