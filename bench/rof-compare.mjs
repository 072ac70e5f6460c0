#!/usr/bin/env node
/**
 * The ROF part of `pnpm bench:scipy`: times the textbook's NumPy code, scikit-image's
 * denoise_tv_chambolle (through /usr/bin/python3) and @ndimage/rof on the same images in one go
 * and prints ratios (their time / ours: above 1× we are faster), with the iterations each of our
 * runs took and the memory-traffic bound of the book's iteration (56 bytes per pixel ÷ the copy
 * bandwidth measured here).
 *
 * Each side runs in its own process; rows are medians of their repeats after one warm-up. Our
 * process runs with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (see BENCHMARKS.md).
 *
 * Usage: node rof-compare.mjs [--markdown]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNpy } from '@ndimage/core-array';
import { enableThreads } from '@ndimage/core-array/parallel';
import { argOption, hasFlag, python, child as spawnChild, THP } from './harness.mjs';
import { iterationsToBookObjective, makeInputs, ops } from './rof-ops.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const markdown = hasFlag('markdown');
const self = fileURLToPath(import.meta.url);

/** Median of `repeats` timed runs after one warm-up, and what the last run returned. */
function timed(fn, repeats) {
  let last = fn();
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], last };
}

/** GB/s of a large Float64Array copy (read + write), the bandwidth the bound is computed with. */
function copyBandwidth() {
  const n = 1 << 24;
  const a = new Float64Array(n).fill(1);
  const b = new Float64Array(n);
  const { ms } = timed(() => b.set(a), 5);
  return (2 * 8 * n) / ms / 1e6;
}

const worker = argOption('worker');
if (worker !== undefined) {
  // The pool, for the rows that ask for threads (2 here: this machine's cores).
  enableThreads(2);
  const inputs = makeInputs();
  const toBook = Number(argOption('to-book'));
  const ms = {};
  const iterations = {};
  for (const op of ops(toBook)) {
    const { ms: t, last } = timed(() => op.js(inputs), op.repeats);
    ms[op.name] = t;
    iterations[op.name] = last.iterations;
  }
  process.stdout.write(JSON.stringify({ ms, iterations, bandwidth: copyBandwidth() }));
  process.exit(0);
}

const inputs = makeInputs();
const { iterations: toBook, target } = iterationsToBookObjective(inputs.s500);
const OPS = ops(toBook);
console.error(
  `timing ${OPS.length} ROF rows (FGP reaches the book's objective ${target.toExponential(6)} in ${toBook} iterations) …`,
);
const dir = mkdtempSync(join(tmpdir(), 'ndimage-bench-'));
let numpy;
try {
  for (const name of ['s500', 's2048', 'u500', 'u2048'])
    writeFileSync(join(dir, `${name}.npy`), writeNpy(inputs[name]));
  numpy = python('rof_compare.py', {
    dir,
    ops: OPS.filter((o) => o.py).map(({ name, py, repeats }) => ({ name, py, repeats })),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const ours = spawnChild(self, 'ours', ['--to-book', String(toBook)], THP);
if (ours.error) throw new Error(ours.error);

const header = ['operation', 'NumPy / skimage ms', 'ours ms', 'vs NumPy / skimage', 'our iterations'];
const rows = OPS.map(({ name }) => [
  name,
  fmt(numpy.ms?.[name]),
  fmt(ours.ms[name]),
  ratio(numpy.ms?.[name], ours.ms[name]),
  String(ours.iterations[name] ?? '—'),
]);
// The book's iteration moves f, U, Px, Py in and U, Px, Py out: 56 bytes per pixel in float64.
const bookRow = (n, name) => {
  const it = ours.iterations[name];
  const bound = (56 * n * n) / (ours.bandwidth * 1e6);
  return `${n}²: ${fmt(ours.ms[name] / it)} ms per iteration, bound ${fmt(bound)} ms (${(ours.ms[name] / it / bound).toFixed(2)}× the bound)`;
};
const pkg = JSON.parse(readFileSync(new URL('../packages/rof/package.json', import.meta.url), 'utf8'));
const meta = [
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}`,
  `NumPy ${numpy.numpy ?? `unavailable (${numpy.error})`}; scikit-image ${numpy.skimage ?? '—'}`,
  `@ndimage/rof ${pkg.version}; ${new Date().toISOString().slice(0, 10)}`,
].join('; ');
printTable(meta, header, rows, { markdown, legend: 'vs X = X time / our time: above 1× we are faster.' });
console.log('');
console.log(
  `Memory-traffic bound of the book's iteration at ${ours.bandwidth.toFixed(1)} GB/s (a large copy, measured here):`,
);
console.log(`- ${bookRow(500, OPS[0].name)}`);
console.log(`- ${bookRow(2048, OPS[1].name)}`);
