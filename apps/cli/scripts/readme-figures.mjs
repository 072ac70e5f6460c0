#!/usr/bin/env node
/**
 * Regenerates docs/demo/*.png, the figures the READMEs show: runs the built `ndimage demo` into a
 * temporary folder and keeps eight of its images at half size (Gaussian σ = 1 against aliasing,
 * then every second pixel), so the repository holds ~0.5 MB instead of the demo's 3.5 MB.
 *
 *   pnpm --filter @ndimage/cli build && node apps/cli/scripts/readme-figures.mjs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gaussianFilter } from '@ndimage/filters';
import { imread, imsave } from '@ndimage/io-image';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/demo/', import.meta.url));
const FIGURES = [
  'blur_colour_sigma5.png',
  'sobel_magnitude.png',
  'gauss_magnitude_sigma5.png',
  'coins_labels.png',
  'coins_opened_labels.png',
  'synth_noisy.png',
  'synth_rof.png',
  'photo_rof.png',
];

const dir = mkdtempSync(join(tmpdir(), 'ndimage-figures-'));
try {
  execFileSync(process.execPath, [bin, 'demo', dir, '--quiet'], { stdio: 'inherit' });
  for (const name of FIGURES) {
    const a = (await imread(join(dir, name))).astype('float64');
    const sigma = a.ndim === 3 ? [1, 1, 0] : 1;
    // Label images keep their exact colours: no blur, just every second pixel.
    const smooth = name.includes('labels') ? a : gaussianFilter(a, sigma);
    const half = smooth.slice([null, null, 2], [null, null, 2]);
    await imsave(join(docs, name), half.toContiguous(), { scale: 'clip' });
    console.log(`docs/demo/${name} ${half.shape.join('×')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
