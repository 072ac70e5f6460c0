/**
 * Shared pieces of the bench:scipy scripts: timing, child processes (each side in its own
 * process), the Python side, and opencv.js loading.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The value after `--name` on the command line, or `dflt`. */
export function argOption(name, dflt) {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
}

/** Whether `--name` is on the command line. */
export const hasFlag = (name) => process.argv.slice(2).includes(`--${name}`);

/** Median of `repeats` timed runs of an async `fn`, after one warm-up, in ms. */
export async function medianAsync(fn, repeats) {
  await fn();
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median of `repeats` timed runs of `fn`, after two warm-up runs (so V8 has optimised it), in ms. */
export function median(fn, repeats) {
  fn();
  fn();
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

/** Runs `script --worker kind …args` in a new Node process and parses its JSON. */
export function child(script, kind, args, env = {}) {
  const r = spawnSync(process.execPath, [script, '--worker', kind, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) return { error: (r.stderr || `${kind} failed`).trim().split('\n').slice(-3).join(' '), ms: {} };
  return JSON.parse(r.stdout);
}

/** Runs a Python script of this folder with /usr/bin/python3, `spec` as JSON on stdin. */
export function python(scriptName, spec) {
  const exe = '/usr/bin/python3';
  if (!existsSync(exe)) return { error: `${exe} not found`, ms: {} };
  const r = spawnSync(exe, [fileURLToPath(new URL(`./${scriptName}`, import.meta.url))], {
    input: JSON.stringify(spec),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) return { error: (r.stderr || 'python failed').trim().split('\n').pop(), ms: {} };
  return JSON.parse(r.stdout);
}

/**
 * opencv.js, initialised, wrapped as `{ cv }`: the module object is a thenable, and returning it
 * from an async function would make the promise adopt it (and never settle).
 */
export async function loadOpenCv() {
  let cv = (await import('@techstark/opencv-js')).default;
  if (cv instanceof Promise) cv = await cv;
  else if (!cv.Mat) await new Promise((resolve) => (cv.onRuntimeInitialized = resolve));
  return { cv };
}

/** The opencv.js version from its build information. */
export const openCvVersion = (cv) => cv.getBuildInformation().match(/Version control:\s*(\S+)/)?.[1] ?? '?';

/** Our processes run with glibc's huge pages for large allocations (see BENCHMARKS.md). */
export const THP = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' };
