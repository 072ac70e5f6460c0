#!/usr/bin/env node
/**
 * The morphology half of `pnpm bench:scipy`: times SciPy (through /usr/bin/python3), opencv.js and
 * @ndimage/morphology on the same 2048×2048 images in one go and prints ratios (their time / ours:
 * above 1× we are faster). The images are made here and saved as .npy for the Python side, so all
 * three work on identical data.
 *
 * Each side runs in its own process; rows are medians of `--repeats` runs after a warm-up; results
 * are new arrays unless the row says `out=` (opencv.js always writes into reused Mats). Our process
 * runs with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (see BENCHMARKS.md); the last column is without.
 *
 * Usage: node morphology-compare.mjs [--n 2048] [--repeats 7] [--markdown]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNpy } from '@ndimage/core-array';
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
import { makeCvInputs, makeInputs, OPS } from './morphology-ops.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const n = Number(argOption('n', 2048));
const repeats = Number(argOption('repeats', 7));
const markdown = hasFlag('markdown');
const self = fileURLToPath(import.meta.url);
const median = (fn) => timed(fn, repeats);

const worker = argOption('worker');
if (worker !== undefined) {
  const inputs = makeInputs(n);
  const ms = {};
  let version;
  if (worker === 'cv') {
    const { cv } = await loadOpenCv();
    const m = makeCvInputs(cv, inputs);
    for (const op of OPS) if (op.cv) ms[op.name] = median(() => op.cv(cv, m));
    version = openCvVersion(cv);
  } else {
    for (const op of OPS) ms[op.name] = median(() => op.js(inputs));
  }
  process.stdout.write(JSON.stringify({ version, ms }));
  process.exit(0);
}

const child = (kind, env) => spawnChild(self, kind, ['--n', String(n), '--repeats', String(repeats)], env);
console.error(`timing ${OPS.length} morphology operations on ${n}×${n} (median of ${repeats}) …`);
const dir = mkdtempSync(join(tmpdir(), 'ndimage-bench-'));
let scipy;
try {
  const inputs = makeInputs(n);
  for (const name of ['noisy', 'clean', 'grey', 'labels'])
    writeFileSync(join(dir, `${name}.npy`), writeNpy(inputs[name]));
  scipy = python('morphology_compare.py', { dir, repeats, ops: OPS.map(({ name, py }) => ({ name, py })) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const cv = child('cv');
const ours = child('ours', THP);
const plain = child('ours');
if (ours.error) throw new Error(ours.error);

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
printTable(meta, header, rows, { markdown, legend: 'vs X = X time / our time: above 1× we are faster.' });
