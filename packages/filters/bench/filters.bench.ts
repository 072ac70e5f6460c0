/**
 * Filter throughput by size and dtype, WebAssembly kernels on and off
 * (`pnpm --filter @ndimage/filters bench`). The SciPy/opencv.js comparison on 2048² is
 * `pnpm bench:scipy` at the root; this is for watching one change at a time.
 */
import { mul, random, zeros } from '@ndimage/core-array';
import { bench, describe } from 'vitest';
import { gaussianFilter, maximumFilter, medianFilter, setWasmKernels, sobel, uniformFilter } from '../src/index.js';

for (const n of [256, 1024]) {
  for (const dtype of ['float64', 'uint8'] as const) {
    const a = mul(random([n, n], { seed: 0 }), 255).astype(dtype);
    const out = zeros([n, n]);
    for (const wasm of [true, false]) {
      describe(`${n}×${n} ${dtype}, ${wasm ? 'WebAssembly' : 'TypeScript'} kernels`, () => {
        const opts = { setup: () => setWasmKernels(wasm), teardown: () => setWasmKernels(true) };
        bench('gaussianFilter σ=2', () => void gaussianFilter(a, 2), opts);
        bench('gaussianFilter σ=5', () => void gaussianFilter(a, 5), opts);
        bench('sobel axis 1 (float64 out=)', () => void sobel(a, { axis: 1, output: out }), opts);
        bench('uniformFilter 15 (float64 out=)', () => void uniformFilter(a, 15, { output: out }), opts);
        bench('maximumFilter 5', () => void maximumFilter(a, 5), opts);
        bench('medianFilter 5', () => void medianFilter(a, 5), opts);
      });
    }
  }
}
