#!/usr/bin/env node
/**
 * The Fourier part of `pnpm bench:scipy`: times numpy.fft and scipy.ndimage's Fourier filters
 * (through /usr/bin/python3) and @ndimage/fourier on the same data and prints ratios (their time
 * / ours: above 1× we are faster). Each side runs in its own process; rows are medians after one
 * warm-up. Ours runs twice: as configured, and with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (huge
 * pages, as NumPy gets through madvise for its large arrays: a fresh 64 MB complex result
 * otherwise costs thousands of page faults, see BENCHMARKS.md).
 *
 * Usage: node fourier-compare.mjs [--markdown]
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sum } from '@ndimage/core-array';
import { makeInputs, OPS, PY_SETUP } from './fourier-ops.mjs';
import { argOption, hasFlag, python, child as spawnChild, THP } from './harness.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const markdown = hasFlag('markdown');
const self = fileURLToPath(import.meta.url);

if (argOption('worker') !== undefined) {
  const inputs = makeInputs();
  const ms = {};
  for (const op of OPS) {
    op.js(inputs);
    const times = [];
    for (let r = 0; r < op.repeats; r++) {
      const t0 = performance.now();
      op.js(inputs);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    ms[op.name] = times[Math.floor(times.length / 2)];
  }
  process.stdout.write(JSON.stringify({ ms, checksum: sum(inputs.a) + sum(inputs.b) }));
  process.exit(0);
}

console.error(`timing ${OPS.length} Fourier rows …`);
const numpy = python('fourier_compare.py', {
  setup: PY_SETUP,
  ops: OPS.map(({ name, py, repeats }) => ({ name, py, repeats })),
});
const ours = spawnChild(self, 'ours', []);
const thp = spawnChild(self, 'ours', [], THP);
if (ours.error) throw new Error(ours.error);
if (!numpy.error && Math.abs(numpy.checksum - ours.checksum) > 1e-6 * Math.abs(numpy.checksum)) {
  throw new Error(`inputs differ: NumPy checksum ${numpy.checksum}, ours ${ours.checksum}`);
}
const header = ['operation', 'NumPy/SciPy ms', 'ours ms', 'vs NumPy', 'ours, huge pages ms', 'vs NumPy'];
const rows = OPS.map(({ name }) => [
  name,
  fmt(numpy.ms?.[name]),
  fmt(ours.ms[name]),
  ratio(numpy.ms?.[name], ours.ms[name]),
  fmt(thp.ms?.[name]),
  ratio(numpy.ms?.[name], thp.ms?.[name]),
]);
const pkg = JSON.parse(readFileSync(new URL('../packages/fourier/package.json', import.meta.url), 'utf8'));
const meta = [
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}`,
  `NumPy ${numpy.numpy ?? `unavailable (${numpy.error})`} (pocketfft, one thread); SciPy ${numpy.scipy ?? '—'}`,
  `@ndimage/fourier ${pkg.version}; ${new Date().toISOString().slice(0, 10)}`,
].join('; ');
printTable(meta, header, rows, { markdown, legend: 'vs NumPy = NumPy time / our time: above 1× we are faster.' });
