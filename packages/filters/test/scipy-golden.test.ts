/**
 * Replays every case of test/fixtures/manifest.json, written by SciPy through
 * tools/fixtures/filters.py. Integer and bool outputs must be equal; float64 within 1e-12 of
 * the largest magnitude, float32 within 1e-6 of it (DESIGN §3).
 */
import { readFileSync } from 'node:fs';
import { type DType, type NdArray, NdImageError } from '@ndimage/core-array';
import { expectArrayClose, expectArrayEqual, loadNpyFixture } from '@ndimage/core-array/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as F from '../src/index.js';
import { setWasmKernels, wasmKernelsActive } from '../src/index.js';

interface Case {
  fn: string;
  input: string;
  params: Record<string, unknown>;
  output: string;
}

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { scipy: string; cases: Case[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));

/** Runs one case through this package. */
function run(c: Case, x: NdArray): NdArray {
  // biome-ignore lint/suspicious/noExplicitAny: the parameters come from JSON, checked by the functions themselves
  const p = c.params as Record<string, any>;
  const out = p.output as DType | undefined;
  const common = { mode: p.mode, cval: p.cval, output: out };
  switch (c.fn) {
    case 'gaussianFilter':
      return F.gaussianFilter(x, p.sigma, { ...common, order: p.order, truncate: p.truncate, radius: p.radius });
    case 'gaussianFilter1d':
      return F.gaussianFilter1d(x, p.sigma, { ...common, axis: p.axis, order: p.order });
    case 'correlate1d':
      return F.correlate1d(x, p.weights, { ...common, axis: p.axis, origin: p.origin });
    case 'convolve1d':
      return F.convolve1d(x, p.weights, { ...common, axis: p.axis, origin: p.origin });
    case 'correlate':
    case 'convolve': {
      const w = typeof p.weights === 'string' ? load(p.weights) : (p.weights as never);
      return (c.fn === 'correlate' ? F.correlate : F.convolve)(x, w, { ...common, origin: p.origin });
    }
    case 'sobel':
      return F.sobel(x, { ...common, axis: p.axis });
    case 'prewitt':
      return F.prewitt(x, { ...common, axis: p.axis });
    case 'laplace':
      return F.laplace(x, common);
    case 'gaussianLaplace':
      return F.gaussianLaplace(x, p.sigma, common);
    case 'gaussianGradientMagnitude':
      return F.gaussianGradientMagnitude(x, p.sigma, common);
    case 'genericGradientMagnitudeSobel':
      return F.genericGradientMagnitude(
        x,
        (a, axis, output, mode, cval) => F.sobel(a, { axis, output, mode, cval }),
        common,
      );
    case 'uniformFilter':
      return F.uniformFilter(x, p.size, { ...common, origin: p.origin });
    case 'uniformFilter1d':
      return F.uniformFilter1d(x, p.size, { ...common, axis: p.axis, origin: p.origin });
    case 'minimumFilter1d':
      return F.minimumFilter1d(x, p.size, { ...common, axis: p.axis, origin: p.origin });
    case 'maximumFilter1d':
      return F.maximumFilter1d(x, p.size, { ...common, axis: p.axis, origin: p.origin });
    case 'minimumFilter':
    case 'maximumFilter':
    case 'medianFilter': {
      const fn =
        c.fn === 'minimumFilter' ? F.minimumFilter : c.fn === 'maximumFilter' ? F.maximumFilter : F.medianFilter;
      const options = { ...common, origin: p.origin };
      return p.footprint ? fn(x, { ...options, footprint: load(p.footprint) }) : fn(x, p.size, options);
    }
    case 'rankFilter':
      return F.rankFilter(x, p.rank, p.size, { ...common, origin: p.origin });
    case 'percentileFilter':
      return F.percentileFilter(x, p.percentile, p.size, { ...common, origin: p.origin });
    default:
      throw new Error(`no runner for ${c.fn}`);
  }
}

/**
 * Every case runs twice: on the WebAssembly kernels (what Node and a browser that loaded
 * `kernels.wasm` run) and on the TypeScript kernels (a browser without it), so SciPy's data
 * checks both directly.
 */
describe.each([
  ['WebAssembly', true],
  ['TypeScript', false],
] as const)('%s kernels', (_name, wasm) => {
  beforeAll(() => setWasmKernels(wasm));
  afterAll(() => setWasmKernels(true));
  it(`are ${wasm ? 'active' : 'off'}`, () => {
    expect(wasmKernelsActive()).toBe(wasm);
  });

  describe(`SciPy ${manifest.scipy} golden data`, () => {
    it('has cases', () => {
      expect(manifest.cases.length).toBeGreaterThan(2000);
    });
    const byFn = new Map<string, Case[]>();
    for (const c of manifest.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);
    for (const [fn, list] of byFn) {
      describe(fn, () => {
        list.forEach((c, i) => {
          it(`#${i} ${c.input} ${JSON.stringify(c.params)}`, () => {
            const x = load(c.input);
            const expected = load(c.output);
            let got: NdArray;
            try {
              got = run(c, x);
            } catch (e) {
              if (NdImageError.isInstance(e)) throw new Error(`${e.code}: ${e.message}`);
              throw e;
            }
            const label = `${fn} ${JSON.stringify(c.params)} on ${c.input}`;
            if (expected.dtype === 'float64') {
              expect(got.dtype).toBe('float64');
              expectArrayClose(got, expected, { rtol: 1e-12, atol: 1e-300, relativeTo: 'max', label });
            } else if (expected.dtype === 'float32') {
              expect(got.dtype).toBe('float32');
              expectArrayClose(got, expected, { rtol: 1e-6, atol: 1e-30, relativeTo: 'max', label });
            } else expectArrayEqual(got, expected, { label });
          });
        });
      });
    }
  });
});
