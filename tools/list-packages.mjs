#!/usr/bin/env node
/**
 * The Quick start's demo until the CLI's `ndimage demo` exists (issue #8): lists the workspace's
 * packages with what each exports once built, and runs core-array, filters, morphology and rof on
 * the textbook's examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs = ['packages', 'apps'].flatMap((d) => readdirSync(join(root, d)).map((name) => join(root, d, name)));

console.log('ndimage for TypeScript — workspace packages\n');
for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entry = pkg.exports?.['.']?.default;
  let exports = 'no entry';
  if (entry) {
    const mod = await import(pathToFileURL(join(dir, entry)).href);
    const names = Object.keys(mod);
    exports = names.length === 0 ? 'shell (no exports yet)' : `${names.length} exports`;
  }
  console.log(`  ${pkg.name.padEnd(22)} ${pkg.version.padEnd(7)} ${exports.padEnd(24)} ${pkg.description}`);
}

const nd = await import('@ndimage/core-array');
// The textbook's noisy image (Solem §1.5): im + 30 * standard_normal(im.shape), NumPy's seed-0 stream.
const im = nd.full([500, 500], 128);
const noisy = nd.add(im, nd.randomNormal([500, 500], { std: 30, seed: 0 }));
console.log('\n@ndimage/core-array at work: a flat 500×500 grey image plus the textbook noise (σ = 30, seed 0)');
console.log(
  `  mean ${nd.mean(noisy).toFixed(4)}, std ${nd.std(noisy).toFixed(4)}, min ${nd.min(noisy).toFixed(2)}, max ${nd.max(noisy).toFixed(2)}`,
);
const u8 = noisy.astype('uint8', { casting: 'clip' });
console.log(`  as uint8 (round and clip, for saving): ${nd.sum(nd.less(u8, 128))} of ${u8.size} pixels below 128`);
const f = await import('@ndimage/filters');
// The textbook's first filters (Solem §1.4): Gaussian blur, then Sobel derivatives of the blur.
const t0 = performance.now();
const blurred = f.gaussianFilter(noisy, 2);
const imx = f.sobel(blurred, { axis: 1 });
const imy = f.sobel(blurred, { axis: 0 });
const magnitude = nd.sqrt(nd.add(nd.square(imx), nd.square(imy)));
const ms = performance.now() - t0;
console.log('\n@ndimage/filters at work: the same image blurred (σ = 2), then its Sobel gradient magnitude');
console.log(`  std after the blur ${nd.std(blurred).toFixed(4)} (was ${nd.std(noisy).toFixed(4)})`);
console.log(`  gradient magnitude: mean ${nd.mean(magnitude).toFixed(4)}, max ${nd.max(magnitude).toFixed(2)}`);
console.log(
  `  ${ms.toFixed(1)} ms in all; WebAssembly kernels ${f.wasmKernelsActive() ? 'in use' : 'unavailable (TypeScript kernels)'}`,
);
const m = await import('@ndimage/morphology');
// The textbook's object count (Solem §1.4): threshold, label, open to cut thin links, label again.
const t1 = performance.now();
const dark = nd.less(blurred, 128);
const before = m.label(dark);
const opened = m.binaryOpening(dark, { structure: m.box([3, 3]), iterations: 2 });
const after = m.label(opened);
const largest = m.objectStats(after.labels).reduce((a, b) => (b.area > a.area ? b : a), { area: 0 });
const ms1 = performance.now() - t1;
console.log(
  '\n@ndimage/morphology at work: the blurred image below 128, labelled, opened (3×3, twice), labelled again',
);
console.log(
  `  ${before.count} objects, ${after.count} after the opening; the largest has ${largest.area} pixels (${ms1.toFixed(1)} ms in all)`,
);
const rof = await import('@ndimage/rof');
// The textbook's ROF example (Solem §1.5): its synthetic image, denoised by its own algorithm,
// then by a solver that reaches the minimum.
const synth = nd.zeros([500, 500]);
synth.slice([100, 400], [100, 400]).fill(128);
synth.slice([200, 300], [200, 300]).fill(255);
const synthNoisy = nd.add(synth, nd.mul(new nd.RandomState(0).standardNormal([500, 500]), 30));
const t2 = performance.now();
const book = rof.denoise(synthNoisy);
const t3 = performance.now();
const best = rof.denoiseTv(synthNoisy, { weight: 100 });
const t4 = performance.now();
const rms = (a) => Math.sqrt(nd.mean(nd.square(nd.sub(a, synth))));
console.log('\n@ndimage/rof at work: the textbook’s synthetic ROF example (two squares + noise σ = 30)');
console.log(
  `  the book's algorithm: ${book.iterations} iterations, ${(t3 - t2).toFixed(0)} ms, RMS error ${rms(book.u).toFixed(2)} (noise ${rms(synthNoisy).toFixed(2)})`,
);
console.log(
  `  denoiseTv (FGP) to a duality gap of ${best.gap.toExponential(1)}: ${best.iterations} iterations, ${(t4 - t3).toFixed(0)} ms, RMS error ${rms(best.u).toFixed(2)}`,
);
console.log('\nNext: `pnpm test` runs every package’s tests; `pnpm bench:scipy` compares speed with NumPy.');
