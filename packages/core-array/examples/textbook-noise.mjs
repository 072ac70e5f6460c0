/**
 * The textbook's synthetic test for ROF denoising (Solem §1.5), as far as core-array goes:
 * a step image plus Gaussian noise, its periodic gradient, and the result saved for NumPy.
 *
 *   pnpm build && node packages/core-array/examples/textbook-noise.mjs [OUTDIR]
 *
 * Then in Python, `np.load('OUTDIR/noisy.npy')` gives exactly the array that
 *   im = zeros((500, 500)); im[100:400, 100:400] = 128; im[200:300, 200:300] = 255
 *   random.seed(0); im = im + 30 * random.standard_normal((500, 500))
 * gives in NumPy.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { add, full, hypot, max, mean, randomNormal, roll, std, sub, writeNpy } from '@ndimage/core-array';

/** Builds the noisy test image, prints statistics, writes `noisy.npy` into `outDir`. Returns the image. */
export function textbookNoise(outDir = '.') {
  const im = full([500, 500], 0);
  im.index([100, 400], [100, 400]).fill(128);
  im.index([200, 300], [200, 300]).fill(255);
  const noisy = add(im, randomNormal(im.shape, { std: 30, seed: 0 }));

  // The forward differences of the ROF iteration, periodic: roll(U, -1, axis) - U
  const gx = sub(roll(noisy, -1, 1), noisy);
  const gy = sub(roll(noisy, -1, 0), noisy);
  const magnitude = hypot(gx, gy);

  console.log(`noisy: mean ${mean(noisy).toFixed(3)}, std ${std(noisy).toFixed(3)}`);
  console.log(`gradient magnitude: mean ${mean(magnitude).toFixed(3)}, max ${max(magnitude).toFixed(3)}`);
  writeFileSync(join(outDir, 'noisy.npy'), writeNpy(noisy));
  return noisy;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) textbookNoise(process.argv[2]);
