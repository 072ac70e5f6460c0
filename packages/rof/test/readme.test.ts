/**
 * The README's example, run: documentation that drifts from the code fails here.
 */
import { add, mul, RandomState, zeros } from '@ndimage/core-array';
import { expect, it } from 'vitest';
import { denoise, denoiseTv } from '../src/index.js';

it('the README example', () => {
  const im = zeros([500, 500]);
  im.slice([100, 400], [100, 400]).fill(128);
  im.slice([200, 300], [200, 300]).fill(255);
  const noisy = add(im, mul(new RandomState(0).standardNormal([500, 500]), 30));
  const { u, texture, iterations } = denoise(noisy);
  expect(iterations).toBe(43);
  expect(u.shape).toEqual([500, 500]);
  expect(texture.shape).toEqual([500, 500]);
  const best = denoiseTv(noisy, { weight: 100 });
  expect(best.converged).toBe(true);
  expect(best.objective < 0.85 * 159_958_007).toBe(true);
});
