#!/usr/bin/env node
/**
 * The MAT-file part of `pnpm bench:scipy`: scipy.io.loadmat/savemat (through /usr/bin/python3)
 * against @ndimage/io-mat on the same files — a 2000×2000 double (plain and compressed) and a
 * 2000×2000 uint8 — and prints ratios (SciPy's time / ours: above 1× we are faster). Loads read
 * from a file; saves write one. The files are written once by SciPy, so both sides read SciPy's bytes.
 *
 * Usage: node io-mat-compare.mjs [--repeats 7] [--markdown]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mul, RandomState } from '@ndimage/core-array';
import { loadmat, savemat } from '@ndimage/io-mat';
import { argOption, hasFlag, medianAsync, python, child as spawnChild, THP } from './harness.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const repeats = Number(argOption('repeats', 7));
const markdown = hasFlag('markdown');
const self = fileURLToPath(import.meta.url);

const OPS = [
  { name: 'load 2000×2000 double', py: "sio.loadmat(d + '/double.mat')", js: (d) => loadmat(join(d, 'double.mat')) },
  {
    name: 'load 2000×2000 double, compressed',
    py: "sio.loadmat(d + '/double_z.mat')",
    js: (d) => loadmat(join(d, 'double_z.mat')),
  },
  { name: 'load 2000×2000 uint8', py: "sio.loadmat(d + '/uint8.mat')", js: (d) => loadmat(join(d, 'uint8.mat')) },
  {
    name: 'save 2000×2000 double',
    py: "sio.savemat(d + '/o.mat', {'x': x})",
    js: (d, v) => savemat(join(d, 'o.mat'), { x: v.x }),
  },
  {
    name: 'save 2000×2000 double, compressed',
    py: "sio.savemat(d + '/oz.mat', {'x': x}, do_compression=True)",
    js: (d, v) => savemat(join(d, 'oz.mat'), { x: v.x }, { doCompression: true }),
  },
  {
    name: 'save 2000×2000 uint8',
    py: "sio.savemat(d + '/o8.mat', {'u': u})",
    js: (d, v) => savemat(join(d, 'o8.mat'), { u: v.u }),
  },
];

const worker = argOption('worker');
if (worker !== undefined) {
  const d = argOption('dir');
  const v = { x: (await loadmat(join(d, 'double.mat'))).x, u: (await loadmat(join(d, 'uint8.mat'))).u };
  const ms = {};
  for (const op of OPS) ms[op.name] = await medianAsync(() => op.js(d, v), repeats);
  process.stdout.write(JSON.stringify({ ms }));
  process.exit(0);
}

const d = mkdtempSync(join(tmpdir(), 'ndimage-bench-mat-'));
let scipy;
let ours;
try {
  // The data: NumPy's seed-0 normals, and the same scaled to uint8; written by our savemat only to
  // hand them to Python, which rewrites the files with SciPy (so both sides load SciPy's bytes).
  const x = new RandomState(0).standardNormal([2000, 2000]);
  const u = mul(new RandomState(1).random([2000, 2000]), 256).astype('uint8');
  await savemat(join(d, 'seed.mat'), { x, u });
  console.error(`timing ${OPS.length} MAT-file rows on 2000×2000 arrays (median of ${repeats}) …`);
  scipy = python('io_mat_compare.py', { dir: d, repeats, ops: OPS.map(({ name, py }) => ({ name, py })) });
  ours = spawnChild(self, 'ours', ['--dir', d, '--repeats', String(repeats)], THP);
} finally {
  rmSync(d, { recursive: true, force: true });
}
if (ours.error) throw new Error(ours.error);
const header = ['operation', 'SciPy ms', 'ours ms', 'vs SciPy'];
const rows = OPS.map(({ name }) => [
  name,
  fmt(scipy.ms?.[name]),
  fmt(ours.ms[name]),
  ratio(scipy.ms?.[name], ours.ms[name]),
]);
const pkg = JSON.parse(readFileSync(new URL('../packages/io-mat/package.json', import.meta.url), 'utf8'));
const meta = [
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}`,
  `SciPy ${scipy.scipy ?? `unavailable (${scipy.error})`}; @ndimage/io-mat ${pkg.version}; ${new Date().toISOString().slice(0, 10)}`,
].join('; ');
printTable(meta, header, rows, { markdown, legend: 'vs SciPy = SciPy time / our time: above 1× we are faster.' });
