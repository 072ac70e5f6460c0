/**
 * The README's example, run: documentation that drifts from the code fails here.
 */
import { RandomState, real, roll } from '@ndimage/core-array';
import { expectArrayClose } from '@ndimage/core-array/testing';
import { expect, it } from 'vitest';
import { fftfreq, fftn, fourierGaussian, fourierShift, ifftn, irfftn, rfftn } from '../src/index.js';

it('the README example', () => {
  const im = new RandomState(0).random([1000, 1500]);
  const spectrum = fftn(im);
  expect(spectrum.dtype).toBe('complex128');
  const blurred = real(ifftn(fourierGaussian(spectrum, 4)));
  expect(blurred.shape).toEqual([1000, 1500]);
  const moved = irfftn(fourierShift(rfftn(im), [2.5, -10], { n: 1500, axis: 1 }), { s: [1000, 1500] });
  expect(moved.shape).toEqual([1000, 1500]);
  // a whole-pixel shift along axis 1 is a roll
  const byTen = irfftn(fourierShift(rfftn(im), [0, -10], { n: 1500, axis: 1 }), { s: [1000, 1500] });
  expectArrayClose(byTen, roll(im, -10, 1), { rtol: 1e-12, relativeTo: 'max' });
  expect(fftfreq(8).toArray()).toEqual([0, 0.125, 0.25, 0.375, -0.5, -0.375, -0.25, -0.125]);
});
