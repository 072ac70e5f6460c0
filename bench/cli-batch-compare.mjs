#!/usr/bin/env node
/**
 * The CLI part of `pnpm bench:scipy`: whole-command wall time (process start to exit) of
 * `ndimage` batches against the Python loop a textbook reader writes for the same job
 * (PIL open → float → scipy.ndimage → round/clip → PIL save, one file after another), on the
 * same PNGs, and `ndimage` on one thread (`--jobs 1`) against all cores, to show what the worker
 * threads buy. Needs the built CLI (apps/cli/dist) and Debian's python3-scipy/python3-pil.
 *
 * Usage: node cli-batch-compare.mjs [--repeats 3] [--markdown]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { array } from '@ndimage/core-array';
import { gaussianFilter } from '@ndimage/filters';
import { imread, imsave } from '@ndimage/io-image';
import { argOption, hasFlag } from './harness.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const repeats = Number(argOption('repeats', 3));
const markdown = hasFlag('markdown');
const BIN = fileURLToPath(new URL('../apps/cli/dist/bin.js', import.meta.url));
const CAMERA = fileURLToPath(new URL('../apps/cli/assets/camera.png', import.meta.url));
const cores = availableParallelism();

const PY = `
import sys, glob, os
import numpy as np
from PIL import Image
from scipy import ndimage
src, dst, sigma = sys.argv[1], sys.argv[2], float(sys.argv[3])
for f in sorted(glob.glob(os.path.join(src, '*.png'))):
    a = np.array(Image.open(f)).astype(float)
    r = ndimage.gaussian_filter(a, sigma)
    Image.fromarray(np.clip(np.round(r), 0, 255).astype(np.uint8)).save(os.path.join(dst, os.path.basename(f)))
`;

/** Median wall time in ms of running `cmd args` `repeats` times (after one warm-up). */
function wall(cmd, argv) {
  const times = [];
  for (let r = 0; r <= repeats; r++) {
    const t0 = performance.now();
    const p = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const t = performance.now() - t0;
    if (p.status !== 0) throw new Error(`${cmd} ${argv.join(' ')}: ${p.stderr}`);
    if (r > 0) times.push(t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'ndimage-cli-bench-'));
try {
  const camera = (await imread(CAMERA)).astype('float64');
  // 16 photos of 512² and 8 of 2048² (the camera enlarged: 2×2 blocks, then a light blur).
  // 2048²: the camera enlarged (every pixel repeated 4×4), then blurred a little.
  const big = new Float64Array(2048 * 2048);
  const pixels = camera.toContiguous().data;
  for (let y = 0; y < 2048; y++) for (let x = 0; x < 2048; x++) big[y * 2048 + x] = pixels[(y >> 2) * 512 + (x >> 2)];
  const sets = [
    { name: '16 × 512² PNG', n: 16, image: camera },
    { name: '8 × 2048² PNG', n: 8, image: gaussianFilter(array(big).reshape([2048, 2048]), 1.5) },
  ];
  const rows = [];
  for (const set of sets) {
    const src = join(dir, set.name.replace(/\W+/g, '_'));
    mkdirSync(src);
    for (let i = 0; i < set.n; i++) await imsave(join(src, `im${String(i).padStart(2, '0')}.png`), set.image);
    const out = (k) => {
      const d = join(dir, `${k}-${Math.random().toString(36).slice(2)}`);
      mkdirSync(d);
      return d;
    };
    const py = wall('/usr/bin/python3', ['-c', PY, src, out('py'), '5']);
    const gaussian = (name, jobs) =>
      wall(process.execPath, [BIN, 'gaussian', src, '-o', out(name), '--sigma', '5', '-q', '--force', ...jobs]);
    const one = gaussian('one', ['--jobs', '1']);
    const all = gaussian('all', []);
    rows.push([`gaussian σ 5, ${set.name}`, fmt(py), fmt(one), fmt(all), ratio(py, all), ratio(one, all)]);
  }
  {
    // denoise: SciPy has no ROF solver, so only the worker threads' gain is measured.
    const src = join(dir, '16_512_PNG');
    const denoise = (name, jobs) => {
      mkdirSync(join(dir, name));
      const flags = ['--method', 'fgp', '--tv-weight', '20', '-q', '--force', ...jobs];
      return wall(process.execPath, [BIN, 'denoise', src, '-o', join(dir, name), ...flags]);
    };
    const one = denoise('d1', ['--jobs', '1']);
    const all = denoise('d2', []);
    rows.push(['denoise --method fgp, 16 × 512² PNG', '—', fmt(one), fmt(all), '—', ratio(one, all)]);
  }
  printTable(
    `ndimage batches, whole-command wall time in ms (median of ${repeats}), ${cores} cores, Node ${process.versions.node}`,
    ['job', 'Python loop (PIL + SciPy)', 'ndimage --jobs 1', `ndimage (${cores} threads)`, 'vs Python', 'threads gain'],
    rows,
    { markdown, legend: 'ratios: the other time / ndimage on all cores (above 1× ndimage is faster)' },
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
