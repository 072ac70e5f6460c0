/**
 * Replays every case of test/fixtures-generic/manifest.json, written by SciPy through
 * tools/fixtures/generic_filters.py: genericFilter, genericFilter1d, genericLaplace and
 * genericGradientMagnitude with JavaScript twins of the Python functions named in each case.
 * Integer and bool outputs must be equal; float64 within 1e-12 of the largest magnitude, float32
 * within 1e-6 of it.
 */
import { readFileSync } from 'node:fs';
import type { DType, NdArray } from '@ndimage/core-array';
import { expectArrayClose, expectArrayEqual, loadNpyFixture } from '@ndimage/core-array/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as F from '../src/index.js';

interface Case {
  fn: string;
  input: string;
  params: Record<string, unknown>;
  output: string;
}

const dir = new URL('./fixtures-generic/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { scipy: string; cases: Case[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));

/** The Python window functions of the generator, in JavaScript (same order of operations). */
const WINDOW: Record<string, F.WindowFunction> = {
  sum: (w) => {
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i] as number;
    return s;
  },
  max: (w) => Math.max(...w),
  firstMinusLast: (w) => (w[0] as number) - (w[w.length - 1] as number),
  // NumPy's median: the middle value, or the mean of the two middle values.
  median: (w) => {
    const s = Float64Array.from(w).sort();
    const h = s.length >> 1;
    return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
  },
  weighted: ((w: Float64Array, weights: number[], offset: number) => {
    let s = 0;
    for (let i = 0; i < w.length; i++) s += (w[i] as number) * (weights[i] as number);
    return s + offset;
  }) as F.WindowFunction,
};

const LINE: Record<string, F.LineFunction> = {
  sum: ((inp: Float64Array, out: Float64Array, size: number) => {
    for (let i = 0; i < out.length; i++) {
      let s = 0;
      for (let j = 0; j < size; j++) s += inp[i + j] as number;
      out[i] = s;
    }
  }) as F.LineFunction,
  diff: ((inp: Float64Array, out: Float64Array, size: number) => {
    for (let i = 0; i < out.length; i++) out[i] = (inp[i + size - 1] as number) - (inp[i] as number);
  }) as F.LineFunction,
  scaled: ((inp: Float64Array, out: Float64Array, _size: number, scale: number, shift: number) => {
    for (let i = 0; i < out.length; i++) out[i] = (inp[i] as number) * scale + shift;
  }) as F.LineFunction,
};

const SECOND_DIFFERENCE: F.Derivative2 = (x, axis, output, mode, cval) =>
  F.correlate1d(x, [1, -2, 1], { axis, output, mode, cval });
const GAUSS2 = ((x: NdArray, axis: number, output: DType | NdArray, mode: F.Mode, cval: number, a: number, b: number) =>
  F.gaussianFilter(x, [a, b / 2, ...new Array(x.ndim - 2).fill(1)], {
    order: x.shape.map((_, i) => (i === axis ? 2 : 0)),
    output,
    mode,
    cval,
  })) as F.Derivative2;
const SOBEL: F.Derivative = (x, axis, output, mode, cval) => F.sobel(x, { axis, output, mode, cval });
const GAUSS1 = ((x: NdArray, axis: number, output: DType | NdArray, mode: F.Mode, cval: number, a: number, b: number) =>
  F.gaussianFilter(x, [a, b / 2, ...new Array(x.ndim - 2).fill(1)], {
    order: x.shape.map((_, i) => (i === axis ? 1 : 0)),
    output,
    mode,
    cval,
  })) as F.Derivative;

function run(c: Case, x: NdArray): NdArray {
  // biome-ignore lint/suspicious/noExplicitAny: parameters come from JSON, checked by the functions themselves
  const p = c.params as Record<string, any>;
  const common = { mode: p.mode, cval: p.cval, output: p.output, extraArguments: p.extraArguments };
  switch (c.fn) {
    case 'genericFilter':
      return F.genericFilter(x, WINDOW[p.function] as F.WindowFunction, {
        ...common,
        size: p.size,
        footprint: typeof p.footprint === 'string' ? load(p.footprint) : undefined,
        origin: p.origin,
      });
    case 'genericFilter1d':
      return F.genericFilter1d(x, LINE[p.function] as F.LineFunction, p.filterSize, {
        ...common,
        axis: p.axis,
        origin: p.origin,
      });
    case 'genericLaplace':
      return F.genericLaplace(x, p.derivative === 'gaussian' ? GAUSS2 : SECOND_DIFFERENCE, common);
    case 'genericGradientMagnitude':
      return F.genericGradientMagnitude(x, p.derivative === 'gaussian' ? GAUSS1 : SOBEL, common);
    default:
      throw new Error(`no runner for ${c.fn}`);
  }
}

const byFn = new Map<string, Case[]>();
for (const c of manifest.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);

describe.each([
  ['WebAssembly', true],
  ['TypeScript', false],
] as const)('%s kernels', (_name, wasm) => {
  beforeAll(() => F.setWasmKernels(wasm));
  afterAll(() => F.setWasmKernels(true));
  it(`are ${wasm ? 'active' : 'off'}`, () => {
    expect(F.wasmKernelsActive()).toBe(wasm);
  });
  describe(`SciPy ${manifest.scipy} golden cases (functions of yours)`, () => {
    it('has cases for the four functions', () => {
      expect([...byFn.keys()].sort()).toEqual([
        'genericFilter',
        'genericFilter1d',
        'genericGradientMagnitude',
        'genericLaplace',
      ]);
    });
    for (const [fn, cases] of byFn) {
      it(`${fn} (${cases.length} cases)`, () => {
        for (const c of cases) {
          const x = load(c.input);
          const got = run(c, x);
          const want = load(c.output);
          const where = `${fn} ${c.input} ${JSON.stringify(c.params)}`;
          expect(got.dtype, where).toBe(want.dtype);
          if (want.dtype.startsWith('float')) {
            expectArrayClose(got, want, {
              rtol: want.dtype === 'float32' ? 1e-6 : 1e-12,
              relativeTo: 'max',
              label: where,
            });
          } else expectArrayEqual(got, want, { label: where });
        }
      });
    }
  });
});
