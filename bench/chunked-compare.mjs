/**
 * Images larger than memory: @ndimage/chunked over a 20,000 × 20,000 uint8 image stored as Zarr
 * and as a tiled TIFF (Gaussian σ=4, Sobel magnitude, label, binary opening 9×5 × 2), each run in
 * its own process for an honest peak RSS (from the OS: `process.resourceUsage().maxRSS`), beside
 * the whole-image in-memory call; and dask's `map_overlap` with SciPy's Gaussian over a
 * 7,000 × 6,500 Zarr against the same work here.
 *
 *   node bench/chunked-compare.mjs [--dir /tmp/ndimage-chunked-bench] [--threads 2] [--markdown] [--only dask]
 *
 * The inputs are generated on first use (bench/chunked_data.py, zarr-python) and not committed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argOption, hasFlag } from './harness.mjs';
import { printTable } from './table.mjs';

const here = fileURLToPath(import.meta.url);
const dir = argOption('dir', '/tmp/ndimage-chunked-bench');
const threads = Number(argOption('threads', '2'));
const PY = '/usr/bin/python3';

const CASES = {
  gaussian: { name: 'gaussianFilter', sigma: 4 },
  sobel: { name: 'sobelMagnitude' },
  opening: { name: 'binaryOpening', structure: Array.from({ length: 9 }, () => [1, 1, 1, 1, 1]), iterations: 2 },
};

async function worker(kind, args) {
  const chunked = await import('@ndimage/chunked');
  const t0 = performance.now();
  let extra = {};
  if (kind === 'chunked') {
    const [op, input, output] = args;
    rmSync(output, { recursive: true, force: true });
    if (op === 'label') extra = { count: (await chunked.labelChunked(input, output, { threads })).count };
    else if (op === 'dask' || op === 'dask1')
      await chunked.runChunked({ name: 'gaussianFilter', sigma: 4, output: 'float64' }, input, output, {
        threads: op === 'dask1' ? 1 : threads,
      });
    else await chunked.runChunked(CASES[op], input, output, { threads });
  } else if (kind === 'whole') {
    const [op, input] = args;
    const { enableThreads, disableThreads } = await import('@ndimage/core-array/parallel');
    const filters = await import('@ndimage/filters');
    const morphology = await import('@ndimage/morphology');
    enableThreads(threads);
    const src = await chunked.openSource(chunked.specOf(input));
    const a = await src.read({ start: [0, 0], stop: [...src.shape] });
    const t1 = performance.now();
    if (op === 'gaussian') filters.gaussianFilter(a, 4, { threads: 'auto' });
    else if (op === 'sobel') chunked.OPERATIONS.sobelMagnitude.run(a, { name: 'sobelMagnitude', threads: 'auto' });
    else if (op === 'opening') morphology.binaryOpening(a, { structure: CASES.opening.structure, iterations: 2 });
    else if (op === 'label') extra = { count: morphology.label(a).count };
    extra.computeMs = performance.now() - t1;
    await disableThreads();
  } else if (kind === 'tiff') {
    const [input, output] = args;
    await chunked.runChunked({ name: 'gaussianFilter', sigma: 0 }, input, { kind: 'tiff', path: output }, { threads });
  }
  const ms = performance.now() - t0;
  const ru = process.resourceUsage();
  console.log(
    JSON.stringify({ ms, cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000, maxRssMB: ru.maxRSS / 1024, ...extra }),
  );
}

function child(kind, args) {
  const r = spawnSync(process.execPath, [here, '--worker', kind, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return { error: (r.stderr || 'failed').trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function main() {
  if (!existsSync(join(dir, 'big.zarr', '.zarray'))) {
    const r = spawnSync(PY, [new URL('./chunked_data.py', import.meta.url).pathname, dir], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('chunked_data.py failed (needs Debian python3-zarr)');
  }
  const big = join(dir, 'big.zarr');
  const tif = join(dir, 'big.tif');
  if (!existsSync(tif)) child('tiff', [big, tif]);
  const rows = [];
  const mb = (v) => (v === undefined ? '—' : `${Math.round(v)} MB`);
  const s = (v) => (v === undefined ? '—' : `${(v / 1000).toFixed(1)} s`);
  const only = argOption('only', '');
  const load0 = loadavg()[0].toFixed(1);
  if (only === '' || only === 'dask') {
    const dz = join(dir, 'dask.zarr');
    const d = JSON.parse(
      spawnSync(
        PY,
        [new URL('./chunked_dask.py', import.meta.url).pathname, dz, join(dir, 'dask-out.zarr'), String(threads)],
        { encoding: 'utf8' },
      ).stdout || '{}',
    );
    rmSync(join(dir, 'dask-out.zarr'), { recursive: true, force: true });
    const us = child('chunked', ['dask', dz, join(dir, 'ours-dask.zarr')]);
    rows.push([
      'dask map_overlap + SciPy Gaussian σ=4 float64, 7000×6500, 900² chunks (Python)',
      s(d.ms),
      s(d.cpuMs),
      mb(d.maxRssMB),
      '—',
      '',
    ]);
    rows.push([
      '@ndimage/chunked, the same work (Zarr in, float64 Zarr out, Blosc kept)',
      s(us.ms),
      s(us.cpuMs),
      mb(us.maxRssMB),
      '—',
      us.error ?? '',
    ]);
    rmSync(join(dir, 'ours-dask.zarr'), { recursive: true, force: true });
    const one = child('chunked', ['dask1', dz, join(dir, 'ours-dask.zarr')]);
    rows.push([
      '@ndimage/chunked, the same work in the calling thread (threads: 1)',
      s(one.ms),
      s(one.cpuMs),
      mb(one.maxRssMB),
      '—',
      one.error ?? '',
    ]);
    rmSync(join(dir, 'ours-dask.zarr'), { recursive: true, force: true });
  }
  for (const op of ['gaussian', 'sobel', 'label', 'opening']) {
    if (only !== '' && only !== op) continue;
    const w = child('whole', [op, big]);
    const z = child('chunked', [op, big, join(dir, `out-${op}.zarr`)]);
    const t = child('chunked', [op, tif, join(dir, `out-${op}.tif`)]);
    const note = (r) => r.error ?? (r.count !== undefined ? `${r.count} objects` : '');
    rows.push([
      `${op}: whole image in memory (compute only; reading took ${s(w.ms - w.computeMs)})`,
      s(w.computeMs),
      '—',
      mb(w.maxRssMB),
      '1×',
      note(w),
    ]);
    rows.push([
      `${op}: chunked, Zarr → Zarr`,
      s(z.ms),
      s(z.cpuMs),
      mb(z.maxRssMB),
      w.computeMs ? `${(z.ms / w.computeMs).toFixed(2)}×` : '—',
      note(z),
    ]);
    rows.push([
      `${op}: chunked, tiled TIFF → tiled TIFF`,
      s(t.ms),
      s(t.cpuMs),
      mb(t.maxRssMB),
      w.computeMs ? `${(t.ms / w.computeMs).toFixed(2)}×` : '—',
      note(t),
    ]);
    for (const f of [`out-${op}.zarr`, `out-${op}.tif`]) rmSync(join(dir, f), { recursive: true, force: true });
  }
  printTable(
    `chunked: ${threads} threads, load average ${load0} → ${loadavg()[0].toFixed(1)} (Node ${process.version})`,
    ['run', 'wall time', 'CPU time', 'peak RSS', 'time / in-memory', 'note'],
    rows,
    { markdown: hasFlag('markdown'), legend: 'peak RSS from the OS (maxRSS of the process, worker threads included)' },
  );
}

if (process.argv[2] === '--worker') await worker(process.argv[3], process.argv.slice(4));
else await main();
