/**
 * `ndimage demo [OUTDIR]`: the textbook's chapter (Solem, Programming Computer Vision with Python,
 * chapter 1), figure by figure, on the bundled sample images — blur (grey and colour), Sobel
 * derivatives, Gaussian derivatives, thresholding + labelling + opening with the object counts,
 * touching coins split by the distance transform and the watershed, and ROF denoising of the
 * synthetic example and a photo — written as PNGs plus an index.html.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { add, greater, mul, type NdArray, RandomState, sqrt, square, where, zeros } from '@ndimage/core-array';
import { gaussianFilter, sobel } from '@ndimage/filters';
import { colorizeLabels, imread, imsave } from '@ndimage/io-image';
import {
  binaryFillHoles,
  binaryOpening,
  box,
  distanceTransformEdt,
  greyDilation,
  label,
  watershedIft,
} from '@ndimage/morphology';
import { denoise } from '@ndimage/rof';
import { distancePeaks, gradientRelief, regionCount } from './commands/watershed.js';

const asset = (name: string): string => new URL(`../assets/${name}`, import.meta.url).pathname;

interface Figure {
  title: string;
  caption: string;
  images: { file: string; label: string }[];
}

/** Writes the demo into `dir`; returns the figures (for the page and the summary). */
export async function runDemo(dir: string, log: (line: string) => void): Promise<Figure[]> {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const save = async (
    file: string,
    a: NdArray,
    scale: 'clip' | 'stretch' = 'clip',
  ): Promise<{ file: string; label: string }> => {
    await imsave(join(dir, file), a, { scale });
    return { file, label: file.replace(/\.png$/, '') };
  };
  const figures: Figure[] = [];
  const camera = (await imread(asset('camera.png'))).astype('float64');
  const astronaut = (await imread(asset('astronaut.png'))).astype('float64');

  log('Figure 1-9: Gaussian blur');
  const blurs = [await save('camera.png', camera)];
  for (const s of [2, 5, 10]) blurs.push(await save(`blur_grey_sigma${s}.png`, gaussianFilter(camera, s)));
  for (const s of [2, 5, 10]) blurs.push(await save(`blur_colour_sigma${s}.png`, gaussianFilter(astronaut, [s, s, 0])));
  figures.push({
    title: 'Figure 1-9: Gaussian blur',
    caption: 'gaussianFilter with σ = 2, 5 and 10; colour images blurred per channel (σ 0 on the channel axis).',
    images: blurs,
  });

  log('Figure 1-10: Sobel derivatives');
  const dx = sobel(camera, { axis: 1, output: 'float64' });
  const dy = sobel(camera, { axis: 0, output: 'float64' });
  figures.push({
    title: 'Figure 1-10: Sobel derivatives',
    caption: 'x and y derivatives (signed, stretched to 0–255) and the gradient magnitude.',
    images: [
      await save('sobel_x.png', dx, 'stretch'),
      await save('sobel_y.png', dy, 'stretch'),
      await save('sobel_magnitude.png', sqrt(add(square(dx), square(dy))), 'stretch'),
    ],
  });

  log('Figure 1-11: Gaussian derivatives');
  const derivs = [];
  for (const s of [2, 5, 10]) {
    const gx = gaussianFilter(camera, s, { order: [0, 1] });
    const gy = gaussianFilter(camera, s, { order: [1, 0] });
    derivs.push(
      await save(`gauss_dx_sigma${s}.png`, gx, 'stretch'),
      await save(`gauss_magnitude_sigma${s}.png`, sqrt(add(square(gx), square(gy))), 'stretch'),
    );
  }
  figures.push({
    title: 'Figure 1-11: Gaussian derivatives',
    caption: 'x derivative and gradient magnitude of the Gaussian-blurred image, σ = 2, 5, 10.',
    images: derivs,
  });

  log('Figure 1-12: counting objects');
  const coins = await imread(asset('coins.png'));
  const objects = greater(coins, 100);
  const before = label(objects);
  const opened = binaryOpening(objects, { structure: box([9, 5]), iterations: 2 });
  const after = label(opened);
  figures.push({
    title: 'Figure 1-12: thresholding, labelling, opening',
    caption: `coins.png above 100: ${before.count} objects; after a binary opening with a 9×5 box, twice: ${after.count} objects.`,
    images: [
      await save('coins_threshold.png', objects),
      await save('coins_labels.png', colorizeLabels(before.labels)),
      await save('coins_opened.png', opened),
      await save('coins_opened_labels.png', colorizeLabels(after.labels)),
    ],
  });

  log('Touching coins: distance transform and watershed');
  // The recipe of `ndimage watershed coins.png OUT --threshold 100 --fill-holes --open 9x5
  // --iterations 2 --min-distance 8`: coins whose discs touch stay one object after any opening;
  // the distance transform has a peak in each, and the watershed gives each peak its coin.
  const solid = binaryOpening(binaryFillHoles(objects), { structure: box([9, 5]), iterations: 2 });
  const merged = label(solid);
  const { markers, peaks } = distancePeaks(solid, 8, 15);
  const regions = watershedIft(gradientRelief(coins.astype('float64'), solid, 2), markers);
  const positive = where(greater(regions, 0), regions, 0).astype('int32');
  figures.push({
    title: 'Touching coins: the distance transform and the watershed',
    caption: `coins.png above 100, holes filled, opened with a 9×5 box twice: ${merged.count} objects, touching coins still merged (the top row runs into the bright top edge of the photo); the distance transform has ${peaks} peaks (distance ≥ 8), and the watershed of the image's gradient from them gives ${regionCount(positive, 100)} regions of 100 pixels or more — the third coin of the top row now on its own, the first two still with the bright edge (no edge in the image between them).`,
    images: [
      await save('coins_solid_labels.png', colorizeLabels(merged.labels)),
      await save('coins_distance.png', distanceTransformEdt(solid), 'stretch'),
      await save(
        'coins_peaks.png',
        colorizeLabels(greyDilation(where(greater(markers, 0), markers, 0).astype('int32'), 7)),
      ),
      await save('coins_watershed.png', colorizeLabels(positive)),
    ],
  });

  log('Figure 1-13: ROF on the synthetic image');
  const synth = zeros([500, 500]);
  synth.slice([100, 400], [100, 400]).fill(128);
  synth.slice([200, 300], [200, 300]).fill(255);
  const noisy = add(synth, mul(new RandomState(0).standardNormal([500, 500]), 30));
  const book = denoise(noisy);
  figures.push({
    title: 'Figure 1-13: ROF denoising of the synthetic image',
    caption: `the book's algorithm: ${book.iterations} iterations (noise σ = 30), against a Gaussian blur σ = 10.`,
    images: [
      await save('synth_noisy.png', noisy),
      await save('synth_gaussian.png', gaussianFilter(noisy, 10)),
      await save('synth_rof.png', book.u),
    ],
  });

  log('Figure 1-14: ROF on a photo');
  const photoNoisy = add(camera, mul(new RandomState(1).standardNormal(camera.shape), 20));
  const photo = denoise(photoNoisy);
  figures.push({
    title: 'Figure 1-14: ROF denoising of a photo',
    caption: `camera.png with noise σ = 20, denoised by the book's algorithm in ${photo.iterations} iterations; the removed texture alongside.`,
    images: [
      await save('photo_noisy.png', photoNoisy),
      await save('photo_rof.png', photo.u),
      await save('photo_texture.png', photo.texture, 'stretch'),
    ],
  });

  writeFileSync(join(dir, 'index.html'), page(figures));
  return figures;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function page(figures: Figure[]): string {
  const body = figures
    .map(
      (f) =>
        `<section><h2>${escapeHtml(f.title)}</h2><p>${escapeHtml(f.caption)}</p><div class="row">${f.images
          .map(
            (i) =>
              `<figure><img src="${i.file}" alt="${escapeHtml(i.label)}"><figcaption>${escapeHtml(i.label)}</figcaption></figure>`,
          )
          .join('')}</div></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ndimage demo</title>
<style>body{font-family:sans-serif;margin:2em;max-width:1200px}.row{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}img{max-width:256px;display:block}figcaption{font-size:.8em;color:#555}</style>
</head><body><h1>ndimage demo: the image-processing chapter of <em>Programming Computer Vision with Python</em></h1>
${body}
</body></html>
`;
}
