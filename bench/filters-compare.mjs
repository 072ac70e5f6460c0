#!/usr/bin/env node
/**
 * The filters half of `pnpm bench:scipy`: times SciPy (through /usr/bin/python3), opencv.js
 * (OpenCV 4.12 compiled to WebAssembly, single-threaded) and @ndimage/filters on the same
 * 2048×2048 data in one go, and prints ratios (their time / ours: above 1× we are faster).
 *
 * Each side runs in its own process (no side warms or fragments another's heap). Rows are medians
 * of `--repeats` runs after a warm-up; results are new arrays unless the row says `out=` (OpenCV
 * always writes into a reused Mat). Our processes run with GLIBC_TUNABLES=glibc.malloc.hugetlb=1,
 * which backs large allocations with transparent huge pages as NumPy does for its own arrays;
 * the last column is the same single-thread run without it. The threads column uses the worker
 * pool (`enableThreads()`, `threads: 'auto'`: one thread per core), results bit-identical.
 *
 * Usage: node filters-compare.mjs [--n 2048] [--repeats 7] [--markdown]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sum } from '@ndimage/core-array';
import { makeCvInputs, makeInputs, OPS } from './filters-ops.mjs';
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

const median = (fn) => timed(fn, repeats);

async function timeOurs(threads) {
  if (threads !== 1) (await import('@ndimage/core-array/parallel')).enableThreads();
  const inputs = makeInputs(n);
  const ms = {};
  for (const op of OPS) {
    // Rows without a threads option are left out of the threads column.
    if (threads === 1 || op.js.length > 1) ms[op.name] = median(() => op.js(inputs, threads));
  }
  return { checksum: sum(inputs.a) + sum(inputs.u) + sum(inputs.rgb), ms };
}

async function timeOpenCv() {
  const { cv } = await loadOpenCv();
  const m = makeCvInputs(cv, makeInputs(n));
  const ms = {};
  for (const op of OPS) if (op.cv) ms[op.name] = median(() => op.cv(cv, m));
  return { version: openCvVersion(cv), ms };
}

const worker = argOption('worker');
if (worker !== undefined) {
  const result = worker === 'cv' ? await timeOpenCv() : await timeOurs(worker === 'threads' ? 'auto' : 1);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

const child = (kind, env) => spawnChild(self, kind, ['--n', String(n), '--repeats', String(repeats)], env);
const runScipy = () => python('filters_compare.py', { n, repeats, ops: OPS.map(({ name, py }) => ({ name, py })) });

console.error(`timing ${OPS.length} filters on ${n}×${n} (median of ${repeats}) …`);
const scipy = runScipy();
const cv = child('cv');
const ours = child('ours', THP);
const threaded = child('threads', THP);
const plain = child('ours');
if (ours.error) throw new Error(ours.error);
if (!scipy.error && Math.abs(scipy.checksum - ours.checksum) > 1e-9 * Math.abs(scipy.checksum)) {
  throw new Error(`inputs differ: SciPy checksum ${scipy.checksum}, ours ${ours.checksum}`);
}

const cores = availableParallelism();
const header = [
  'operation',
  'SciPy ms',
  'opencv.js ms',
  'ours ms',
  'vs SciPy',
  'vs opencv.js',
  `ours ${cores} threads ms`,
  'vs SciPy',
  'ours ms, no huge pages',
];
const rows = OPS.map(({ name }) => [
  name,
  fmt(scipy.ms[name]),
  fmt(cv.ms[name]),
  fmt(ours.ms[name]),
  ratio(scipy.ms[name], ours.ms[name]),
  ratio(cv.ms[name], ours.ms[name]),
  fmt(threaded.ms[name]),
  ratio(scipy.ms[name], threaded.ms[name]),
  fmt(plain.ms[name]),
]);
const pkg = JSON.parse(readFileSync(new URL('../packages/filters/package.json', import.meta.url), 'utf8'));
const meta = [
  `${n}×${n} (×3 for rgb); ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores; Node ${process.version}`,
  `SciPy ${scipy.scipy ?? `unavailable (${scipy.error})`}; opencv.js ${cv.version ?? `unavailable (${cv.error})`}`,
  `@ndimage/filters ${pkg.version}; ${new Date().toISOString().slice(0, 10)}`,
].join('; ');
printTable(meta, header, rows, { markdown, legend: 'vs X = X time / our time: above 1× we are faster.' });
if (threaded.error) console.error(`threads run failed: ${threaded.error}`);
