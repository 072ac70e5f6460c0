#!/usr/bin/env node
/**
 * The distance transforms, watershed and generic filters of `pnpm bench:scipy`: times SciPy
 * (through /usr/bin/python3), opencv.js (its distanceTransform, where it has the metric) and
 * @ndimage/morphology + @ndimage/filters on the same 2048×2048 images and prints ratios (their
 * time / ours: above 1 we are faster). The images are made here and saved as .npy for the Python
 * side, so every side works on identical data (a checksum proves it).
 *
 * Each side runs in its own process; rows are medians of `--repeats` runs after a warm-up. Our
 * process runs with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (see BENCHMARKS.md); the last column is
 * without. The Python-function row runs on a 256×256 crop (SciPy calls Python once per pixel).
 *
 * Usage: node distance-compare.mjs [--n 2048] [--repeats 7] [--markdown]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { max, sum, writeNpy } from '@ndimage/core-array';
import { makeInputs, OPS } from './distance-ops.mjs';
import {
  argOption,
  hasFlag,
  loadOpenCv,
  openCvVersion,
  python,
  child as spawnChild,
  THP,
  median as timed,
} from './harness.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const n = Number(argOption('n', 2048));
const repeats = Number(argOption('repeats', 7));
const markdown = hasFlag('markdown');
const self = fileURLToPath(import.meta.url);

const worker = argOption('worker');
if (worker !== undefined) {
  const inputs = makeInputs(n);
  const ms = {};
  let version;
  if (worker === 'cv') {
    const { cv } = await loadOpenCv();
    const mat = new cv.Mat(n, n, cv.CV_8U);
    mat.data.set(inputs.noisy.data);
    const m = { noisy: mat, dst: new cv.Mat() };
    for (const op of OPS) if (op.cv) ms[op.name] = timed(() => op.cv(cv, m), op.repeats ?? repeats);
    version = openCvVersion(cv);
  } else {
    for (const op of OPS) ms[op.name] = timed(() => op.js(inputs), op.repeats ?? repeats);
  }
  const checksum = Number(sum(inputs.noisy)) + Number(sum(inputs.clean)) + Number(max(inputs.wsMarkers));
  process.stdout.write(JSON.stringify({ version, checksum, ms }));
  process.exit(0);
}

const child = (kind, env) => spawnChild(self, kind, ['--n', String(n), '--repeats', String(repeats)], env);
console.error(`timing ${OPS.length} operations on ${n}×${n} (median of ${repeats}) …`);
const dir = mkdtempSync(join(tmpdir(), 'ndimage-bench-'));
let scipy;
try {
  const inputs = makeInputs(n);
  const files = {
    noisy: 'noisy',
    clean: 'clean',
    ws_image: 'wsImage',
    ws_markers: 'wsMarkers',
    grey: 'grey',
    small: 'small',
  };
  for (const [file, key] of Object.entries(files)) writeFileSync(join(dir, `${file}.npy`), writeNpy(inputs[key]));
  scipy = python('distance_compare.py', {
    dir,
    repeats,
    ops: OPS.map(({ name, py, repeats: r }) => ({ name, py, repeats: r })),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const cv = child('cv');
const ours = child('ours', THP);
const plain = child('ours');
if (ours.error) throw new Error(ours.error);
if (!scipy.error && scipy.checksum !== ours.checksum) {
  throw new Error(`SciPy and we timed different data (checksums ${scipy.checksum} and ${ours.checksum})`);
}

const header = [
  'operation',
  'SciPy ms',
  'opencv.js ms',
  'ours ms',
  'vs SciPy',
  'vs opencv.js',
  'ours ms, no huge pages',
];
const rows = OPS.map(({ name }) => [
  name,
  fmt(scipy.ms[name]),
  fmt(cv.ms[name]),
  fmt(ours.ms[name]),
  ratio(scipy.ms[name], ours.ms[name]),
  ratio(cv.ms[name], ours.ms[name]),
  fmt(plain.ms[name]),
]);
const pkg = JSON.parse(readFileSync(new URL('../packages/morphology/package.json', import.meta.url), 'utf8'));
const meta = [
  `${n}×${n}; ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}`,
  `SciPy ${scipy.scipy ?? `unavailable (${scipy.error})`}; opencv.js ${cv.version ?? `unavailable (${cv.error})`}`,
  `@ndimage/morphology ${pkg.version}; ${new Date().toISOString().slice(0, 10)}`,
].join('; ');
printTable(meta, header, rows, {
  markdown,
  legend:
    'vs X = X time / our time: above 1× we are faster. opencv.js: distanceTransform (DIST_L2 precise, DIST_C, DIST_L1), float32 distances, no SciPy tie rules.',
});
