/**
 * The README's examples, run: documentation that drifts from the code fails here.
 */
import { array, NdImageError } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { gaussianFilter, genericFilter, medianFilter, sobel, uniformFilter } from '../src/index.js';

describe('README examples', () => {
  const im = array(
    [
      [0, 0, 0, 0],
      [0, 255, 255, 0],
      [0, 255, 0, 0],
      [0, 0, 0, 10],
    ],
    { dtype: 'uint8' },
  );

  it('the package example', () => {
    expect(gaussianFilter(im, 0.8).toArray()).toEqual([
      [18, 48, 47, 17],
      [49, 121, 105, 35],
      [47, 105, 71, 20],
      [17, 35, 20, 7],
    ]);
    const imx = gaussianFilter(im, [2, 2], { order: [0, 1], output: 'float64' });
    expect(imx.dtype).toBe('float64');
    expect(sobel(im, { axis: 0, output: 'float64' }).index(null, 0).toArray()).toEqual([255, 255, -255, -255]);
    expect(medianFilter(im, 3).toArray()).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('the error message', () => {
    expect(() => gaussianFilter(im, -1)).toThrow(NdImageError);
    expect(() => gaussianFilter(im, -1)).toThrow('invalid argument: `sigma` must be a finite number ≥ 0; got -1');
  });

  it('filters with your own function', () => {
    const x = array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(genericFilter(x, (w) => (w[0] as number) - (w[1] as number), [1, 2]).toArray()).toEqual([
      [0, -1, -1],
      [0, -1, -1],
    ]);
  });

  it('a window size of 0 is an error, 1 leaves an axis alone', () => {
    const x = array([
      [0, 3, 0],
      [0, 3, 0],
    ]);
    expect(() => uniformFilter(x, [0, 3])).toThrow(NdImageError);
    expect(uniformFilter(x, [1, 3]).toArray()).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
});
