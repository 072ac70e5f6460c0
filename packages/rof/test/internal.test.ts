/**
 * `bookFixedIterations` (rof/internal, for the chunked engine) is the book's `denoise` stopped
 * after as many iterations, bit for bit, on float and uint8 images (the first iteration's integer
 * wraparound included), grey and colour.
 */
import { array, RandomState } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { denoise } from '../src/index.js';
import { bookFixedIterations } from '../src/internal.js';

const noisy = (shape: number[], dtype: 'float64' | 'uint8') => {
  const v = (new RandomState(3).random(shape).toArray() as number[] | number[][]).flat(2) as number[];
  return array(
    v.map((x) => (dtype === 'uint8' ? Math.floor(x * 255) : x * 200)),
    { dtype },
  ).reshape(shape);
};

describe('bookFixedIterations', () => {
  for (const [shape, dtype] of [
    [[17, 13], 'float64'],
    [[12, 15], 'uint8'],
    [[9, 8, 3], 'float64'],
  ] as const) {
    it(`equals denoise after 7 iterations on ${dtype} [${shape}]`, () => {
      const im = noisy([...shape], dtype);
      const book = denoise(im, { maxIterations: 7, tolerance: 1e-300, tvWeight: 40 });
      expect(book.iterations).toBe(7);
      const ours = bookFixedIterations(im, 7, { tvWeight: 40 });
      expect(Array.from(ours.data as Float64Array)).toEqual(Array.from(book.u.data as Float64Array));
    });
  }
});
