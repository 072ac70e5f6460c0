/**
 * The README's examples, run: documentation that drifts from the code fails here.
 */
import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  arange,
  array,
  less,
  mean,
  mul,
  NdArray,
  NdImageError,
  randomNormal,
  real,
  roll,
  std,
  sub,
  sum,
  zeros,
} from '../src/index.js';

describe('README examples', () => {
  it('the package example', () => {
    const im = arange(12, { dtype: 'uint8' }).reshape([3, 4]);
    expect(im.index(null, [1, 3]).toArray()).toEqual([
      [1, 2],
      [5, 6],
      [9, 10],
    ]);
    expect(sum(less(im, 6))).toBe(6);
    const noisy = add(im, randomNormal(im.shape, { std: 30, seed: 0 }));
    expect(noisy.dtype).toBe('float64');
    const gradX = sub(roll(noisy, -1, 1), noisy);
    expect(mean(gradX, { axis: 0 }).shape).toEqual([4]);
    expect(noisy.astype('uint8', { casting: 'clip' }).dtype).toBe('uint8');
  });

  it('the root README example', () => {
    const im = array(
      [
        [10, 200],
        [90, 160],
      ],
      { dtype: 'uint8' },
    );
    expect(sum(less(im, 128))).toBe(2);
    const noisy = add(im, randomNormal(im.shape, { std: 30, seed: 0 }));
    expect(std(noisy)).toBeGreaterThan(0);
  });

  it('the error example', () => {
    try {
      zeros([2, -1]);
      expect.unreachable();
    } catch (e) {
      expect(NdImageError.isInstance(e)).toBe(true);
      expect((e as NdImageError).code).toBe('ERR_INVALID_ARGUMENT');
      expect((e as Error).message).toBe('invalid argument: `shape` must be an array of integers ≥ 0; got [2, -1]');
    }
  });

  it('the complex example', () => {
    const z = array([
      { re: 1, im: 2 },
      { re: 3, im: -4 },
    ]);
    expect(z.dtype).toBe('complex128');
    expect(z.get(1)).toEqual({ re: 3, im: -4 });
    expect(abs(z).toArray()).toEqual([2.23606797749979, 5]);
    expect(mul(z, { re: 0, im: 1 }).dtype).toBe('complex128');
    expect(sum(z)).toEqual({ re: 4, im: -2 });
    expect(real(z).data).toBe(z.data);
    expect(new NdArray(new Float32Array([1, 2, 3, 4]), [2], { dtype: 'complex64' }).get(1)).toEqual({ re: 3, im: 4 });
  });
});
