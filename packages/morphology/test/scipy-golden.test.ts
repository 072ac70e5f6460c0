/**
 * Replays every case of test/fixtures/manifest.json, written by SciPy through
 * tools/fixtures/morphology.py: label images, bool outputs and integer values exactly, float
 * values within 1e-12 of the largest magnitude (float32 data: 1e-6), dtypes included.
 */
import { readFileSync } from 'node:fs';
import type { NdArray } from '@ndimage/core-array';
import { expectArrayClose, expectArrayEqual, loadNpyFixture } from '@ndimage/core-array/testing';
import { setWasmKernels, wasmKernelsActive } from '@ndimage/filters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as M from '../src/index.js';

interface Case {
  fn: string;
  input: string | null;
  params: Record<string, unknown>;
  output?: string;
  value?: unknown;
  count?: number;
  dtype?: string;
}

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { scipy: string; cases: Case[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));
// biome-ignore lint/suspicious/noExplicitAny: parameters come from JSON, checked by the functions themselves
const arr = (p: any, k: string) => (typeof p[k] === 'string' ? load(p[k]) : p[k]);

const GREY = {
  greyErosion: M.greyErosion,
  greyDilation: M.greyDilation,
  greyOpening: M.greyOpening,
  greyClosing: M.greyClosing,
  morphologicalGradient: M.morphologicalGradient,
  whiteTophat: M.whiteTophat,
  blackTophat: M.blackTophat,
};
const MEASURE = {
  sum: M.sum,
  mean: M.mean,
  variance: M.variance,
  standardDeviation: M.standardDeviation,
  minimum: M.minimum,
  maximum: M.maximum,
  median: M.median,
  minimumPosition: M.minimumPosition,
  maximumPosition: M.maximumPosition,
  centerOfMass: M.centerOfMass,
};

// biome-ignore lint/suspicious/noExplicitAny: as above
function run(c: Case, x: NdArray | undefined): any {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const p = c.params as Record<string, any>;
  const binary = {
    structure: arr(p, 'structure'),
    iterations: p.iterations,
    borderValue: p.borderValue,
    mask: arr(p, 'mask'),
    origin: p.origin,
  };
  switch (c.fn) {
    case 'label':
      return M.label(x as NdArray, { structure: arr(p, 'structure'), output: p.output });
    case 'generateBinaryStructure':
      return M.generateBinaryStructure(p.rank, p.connectivity);
    case 'iterateStructure':
      return M.iterateStructure(load(p.structure), p.iterations);
    case 'binaryErosion':
      return M.binaryErosion(x as NdArray, binary);
    case 'binaryDilation':
      return M.binaryDilation(x as NdArray, binary);
    case 'binaryOpening':
      return M.binaryOpening(x as NdArray, binary);
    case 'binaryClosing':
      return M.binaryClosing(x as NdArray, binary);
    case 'binaryFillHoles':
      return M.binaryFillHoles(x as NdArray, { structure: arr(p, 'structure') });
    case 'binaryPropagation':
      return M.binaryPropagation(x as NdArray, {
        structure: binary.structure,
        mask: binary.mask,
        borderValue: binary.borderValue,
        origin: binary.origin,
      });
    case 'binaryHitOrMiss':
      return M.binaryHitOrMiss(x as NdArray, {
        structure1: arr(p, 'structure1'),
        structure2: arr(p, 'structure2'),
        origin1: p.origin1,
        origin2: p.origin2,
      });
    case 'greyErosion':
    case 'greyDilation':
    case 'greyOpening':
    case 'greyClosing':
    case 'morphologicalGradient':
    case 'whiteTophat':
    case 'blackTophat':
      return GREY[c.fn](x as NdArray, {
        size: p.size,
        footprint: arr(p, 'footprint'),
        structure: arr(p, 'structure'),
        mode: p.mode,
        cval: p.cval,
        origin: p.origin,
      });
    case 'sum':
    case 'mean':
    case 'variance':
    case 'standardDeviation':
    case 'minimum':
    case 'maximum':
    case 'median':
    case 'minimumPosition':
    case 'maximumPosition':
    case 'centerOfMass':
      return MEASURE[c.fn](x as NdArray, arr(p, 'labels'), p.index);
    case 'extrema': {
      const e = M.extrema(x as NdArray, arr(p, 'labels'), p.index);
      return [e.min, e.max, e.minPosition, e.maxPosition];
    }
    case 'histogram':
      return M.histogram(x as NdArray, p.min, p.max, p.bins, arr(p, 'labels'), p.index);
    case 'findObjects':
      return M.findObjects(x as NdArray, p.maxLabel);
    case 'labeledComprehensionSum':
      return M.labeledComprehension(
        x as NdArray,
        arr(p, 'labels'),
        p.index,
        (v) => v.reduce((a, b) => a + b, 0),
        p.default,
      );
    default:
      return undefined;
  }
}

/** JSON values from SciPy ('NaN' and 'Infinity' as strings) against ours, numbers within rtol of the largest. */
function expectClose(got: unknown, want: unknown, rtol: number, where: string): void {
  const num = (v: unknown): number | undefined =>
    typeof v === 'number'
      ? v
      : v === 'NaN'
        ? Number.NaN
        : v === 'Infinity'
          ? Infinity
          : v === '-Infinity'
            ? -Infinity
            : undefined;
  const scale = (v: unknown): number => (Array.isArray(v) ? Math.max(0, ...v.map(scale)) : Math.abs(num(v) ?? 0) || 0);
  const tol = rtol * scale(want);
  const walk = (g: unknown, w: unknown, path: string): void => {
    if (Array.isArray(w)) {
      expect(Array.isArray(g), `${where} ${path}: expected a list, got ${JSON.stringify(g)}`).toBe(true);
      expect((g as unknown[]).length, `${where} ${path}`).toBe(w.length);
      for (let i = 0; i < w.length; i++) walk((g as unknown[])[i], w[i], `${path}[${i}]`);
      return;
    }
    if (w === null) {
      expect(g, `${where} ${path}`).toBeNull();
      return;
    }
    const e = num(w) as number;
    const a = g as number;
    if (Number.isNaN(e)) expect(Number.isNaN(a), `${where} ${path}: expected NaN, got ${a}`).toBe(true);
    else expect(Math.abs(a - e) <= tol || a === e, `${where} ${path}: expected ${e}, got ${a}`).toBe(true);
  };
  walk(got, want, '');
}

const byFn = new Map<string, Case[]>();
for (const c of manifest.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);

/**
 * Every case runs twice: on filters' WebAssembly kernels (what Node and a browser that loaded
 * `kernels.wasm` run) and on the TypeScript kernels, so SciPy's data checks both directly.
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

  describe(`SciPy ${manifest.scipy} golden cases`, () => {
    for (const [fn, cases] of byFn) {
      it(`${fn} (${cases.length} cases)`, () => {
        let ran = 0;
        for (const c of cases) {
          const x = c.input === null ? undefined : load(c.input);
          const got = run(c, x);
          if (got === undefined) throw new Error(`no runner for ${fn}`);
          ran++;
          const where = `${fn} ${c.input} ${JSON.stringify(c.params)}`;
          if (c.value !== undefined) {
            expectClose(got, c.value, x?.dtype === 'float32' ? 1e-6 : 1e-12, where);
          } else if (c.output !== undefined) {
            const expected = load(c.output);
            const actual: NdArray = fn === 'label' ? got.labels : got;
            if (fn === 'label') expect(got.count, where).toBe(c.count);
            expect(actual.dtype, where).toBe(c.dtype ?? expected.dtype);
            if (actual.dtype.startsWith('float')) {
              expectArrayClose(actual, expected, {
                rtol: actual.dtype === 'float32' ? 1e-6 : 1e-12,
                relativeTo: 'max',
                label: where,
              });
            } else expectArrayEqual(actual, c.dtype ? expected.astype(c.dtype as never) : expected, { label: where });
          }
        }
        expect(ran).toBe(cases.length);
      });
    }
  });
});
