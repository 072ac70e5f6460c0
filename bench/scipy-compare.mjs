#!/usr/bin/env node
/**
 * `pnpm bench:scipy`: times NumPy (through /usr/bin/python3) and @ndimage/core-array on the same
 * data in one go and prints a table of ratios (NumPy time / our time: above 1 means we are faster).
 *
 * Both sides build their inputs from NumPy's seed-0 legacy random stream (core-array reproduces
 * it bit for bit), and a checksum proves the data are the same. Each row is the median of
 * `--repeats` runs after two warm-up runs; results are new arrays unless the row says `out=`.
 *
 * Node runs twice: as configured, and with GLIBC_TUNABLES=glibc.malloc.hugetlb=1, which lets
 * glibc back large allocations with transparent huge pages as NumPy does for itself (NumPy calls
 * madvise(MADV_HUGEPAGE) on big arrays); page faults on fresh 128 MB results otherwise dominate.
 *
 * Usage: node scipy-compare.mjs [--n 4096] [--repeats 11] [--markdown]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sum } from '@ndimage/core-array';
import { argOption, hasFlag } from './harness.mjs';
import { makeInputs, OPS } from './ops.mjs';
import { fmt, printTable, ratio } from './table.mjs';

const n = Number(argOption('n', 4096));
const repeats = Number(argOption('repeats', 11));
const markdown = hasFlag('markdown');
const self = fileURLToPath(import.meta.url);

function timeOurs() {
  const inputs = makeInputs(n);
  const ms = {};
  for (const op of OPS) {
    op.js(inputs);
    op.js(inputs);
    const times = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      op.js(inputs);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    ms[op.name] = times[Math.floor(times.length / 2)];
  }
  return { checksum: sum(inputs.a) + sum(inputs.u), ms };
}

if (hasFlag('worker')) {
  process.stdout.write(JSON.stringify(timeOurs()));
  process.exit(0);
}

function runNode(extraEnv) {
  const r = spawnSync(process.execPath, [self, '--worker', '--n', String(n), '--repeats', String(repeats)], {
    env: { ...process.env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`node worker failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function runNumpy() {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return { error: `${python} not found` };
  const r = spawnSync(python, [fileURLToPath(new URL('./scipy_compare.py', import.meta.url))], {
    input: JSON.stringify({ n, repeats, ops: OPS.map(({ name, py }) => ({ name, py })) }),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) return { error: (r.stderr || 'python failed').trim().split('\n').pop() };
  return JSON.parse(r.stdout);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.error(`timing ${OPS.length} operations on ${n}×${n} (median of ${repeats}) …`);
const numpy = runNumpy();
const ours = runNode({});
const thp = runNode({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
if (!numpy.error && Math.abs(numpy.checksum - ours.checksum) > 1e-6 * Math.abs(numpy.checksum)) {
  throw new Error(`inputs differ: NumPy checksum ${numpy.checksum}, ours ${ours.checksum}`);
}

const header = ['operation', 'NumPy ms', 'ours ms', 'ratio', 'ours ms (huge pages)', 'ratio (huge pages)'];
const rows = OPS.map(({ name }) => [
  name,
  fmt(numpy.ms?.[name]),
  fmt(ours.ms[name]),
  ratio(numpy.ms?.[name], ours.ms[name]),
  fmt(thp.ms[name]),
  ratio(numpy.ms?.[name], thp.ms[name]),
]);
const pkg = JSON.parse(readFileSync(new URL('../packages/core-array/package.json', import.meta.url), 'utf8'));
const meta = `${n}×${n} float64 (uint8/float32 where named); ${cpu}, ${cpus().length} cores; Node ${process.version}; NumPy ${numpy.numpy ?? `unavailable (${numpy.error})`}; @ndimage/core-array ${pkg.version}; ${new Date().toISOString().slice(0, 10)}`;
printTable(meta, header, rows, { markdown, legend: 'ratio = NumPy time / our time: above 1× we are faster.' });
