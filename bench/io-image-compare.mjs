#!/usr/bin/env node
/**
 * The image I/O part of `pnpm bench:scipy`: Pillow + NumPy (through /usr/bin/python3) against
 * @ndimage/io-image on the same 4000×3000 files — the textbook's `np.array(Image.open(f).convert('L'))`
 * for a JPEG and a PNG, and saving an RGB array as PNG and JPEG — and prints ratios (Pillow's
 * time / ours: above 1× we are faster). The files are made here, once, from the sample image
 * astronaut.png scaled up (so they hold real image content, not noise).
 *
 * Each side runs in its own process; rows are medians of `--repeats` runs after a warm-up.
 *
 * Usage: node io-image-compare.mjs [--repeats 5] [--markdown]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imread, imsave } from '@ndimage/io-image';
import sharp from 'sharp';
import { argOption, hasFlag, medianAsync, python, child as spawnChild, THP } from './harness.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const repeats = Number(argOption('repeats', 5));
const markdown = hasFlag('markdown');
const self = fileURLToPath(import.meta.url);

const OPS = [
  {
    name: 'read 4000×3000 JPEG as grey uint8',
    py: "np.array(Image.open(jpg).convert('L'))",
    js: (d) => imread(d.jpg, { mode: 'L' }),
  },
  {
    name: 'read 4000×3000 PNG as grey uint8',
    py: "np.array(Image.open(png).convert('L'))",
    js: (d) => imread(d.png, { mode: 'L' }),
  },
  { name: 'read 4000×3000 JPEG as RGB uint8', py: 'np.array(Image.open(jpg))', js: (d) => imread(d.jpg) },
  {
    name: 'write 4000×3000 RGB as PNG',
    py: "Image.fromarray(rgb).save(out + '.png')",
    js: (d) => imsave(join(d.dir, 'o.png'), d.rgb),
  },
  {
    name: 'write 4000×3000 RGB as JPEG (quality 75)',
    py: "Image.fromarray(rgb).save(out + '.jpg', quality=75)",
    js: (d) => imsave(join(d.dir, 'o.jpg'), d.rgb),
  },
];

const worker = argOption('worker');
if (worker !== undefined) {
  const dir = argOption('dir');
  const d = { dir, jpg: join(dir, 'big.jpg'), png: join(dir, 'big.png') };
  d.rgb = await imread(d.png);
  const ms = {};
  for (const op of OPS) ms[op.name] = await medianAsync(() => op.js(d), repeats);
  process.stdout.write(JSON.stringify({ ms }));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'ndimage-bench-io-'));
let pillow;
let ours;
try {
  const source = new URL('../packages/io-image/test/data/astronaut.png', import.meta.url).pathname;
  const big = sharp(source).resize(4000, 3000, { fit: 'fill', kernel: 'cubic' });
  await big.clone().png({ compressionLevel: 6 }).toFile(join(dir, 'big.png'));
  await big.clone().jpeg({ quality: 90 }).toFile(join(dir, 'big.jpg'));
  console.error(`timing ${OPS.length} image I/O rows on 4000×3000 files (median of ${repeats}) …`);
  pillow = python('io_image_compare.py', { dir, repeats, ops: OPS.map(({ name, py }) => ({ name, py })) });
  ours = spawnChild(self, 'ours', ['--dir', dir, '--repeats', String(repeats)], THP);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (ours.error) throw new Error(ours.error);
const header = ['operation', 'Pillow + NumPy ms', 'ours ms', 'vs Pillow'];
const rows = OPS.map(({ name }) => [
  name,
  fmt(pillow.ms?.[name]),
  fmt(ours.ms[name]),
  ratio(pillow.ms?.[name], ours.ms[name]),
]);
const pkg = JSON.parse(readFileSync(new URL('../packages/io-image/package.json', import.meta.url), 'utf8'));
const meta = [
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}`,
  `Pillow ${pillow.pillow ?? `unavailable (${pillow.error})`}; sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips})`,
  `@ndimage/io-image ${pkg.version}; ${new Date().toISOString().slice(0, 10)}`,
].join('; ');
printTable(meta, header, rows, { markdown, legend: 'vs Pillow = Pillow time / our time: above 1× we are faster.' });
