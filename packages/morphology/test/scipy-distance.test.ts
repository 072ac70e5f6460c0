/**
 * Replays every case of test/fixtures-distance/manifest.json, written by SciPy through
 * tools/fixtures/distance.py: distance transforms (distances within 1e-12 of the largest, integer
 * distances and every index exactly, dtypes included), watershed labels, value indices,
 * morphological Laplacians and grey morphology of bool images with a non-flat structure.
 */
import { readFileSync } from 'node:fs';
import type { NdArray } from '@ndimage/core-array';
import { expectArrayClose, expectArrayEqual, loadNpyFixture } from '@ndimage/core-array/testing';
import { setWasmKernels, wasmKernelsActive } from '@ndimage/filters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as M from '../src/index.js';

interface Case {
  fn: string;
  input: string;
  params: Record<string, unknown>;
  [output: string]: unknown;
}

const dir = new URL('./fixtures-distance/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { scipy: string; cases: Case[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));
// biome-ignore lint/suspicious/noExplicitAny: parameters come from JSON, checked by the functions themselves
const arr = (p: any, k: string) => (typeof p[k] === 'string' && p[k].endsWith('.npy') ? load(p[k]) : p[k]);

const GREY = {
  greyErosion: M.greyErosion,
  greyDilation: M.greyDilation,
  greyOpening: M.greyOpening,
  greyClosing: M.greyClosing,
  morphologicalGradient: M.morphologicalGradient,
  whiteTophat: M.whiteTophat,
  blackTophat: M.blackTophat,
  morphologicalLaplace: M.morphologicalLaplace,
};

/** The expected array of output `key`, in the dtype SciPy returned (narrow fixtures widened). */
function expected(c: Case, key: string): NdArray {
  const a = load(c[key] as string);
  const dtype = c[`${key}Dtype`] as string | undefined;
  return dtype ? a.astype(dtype as never) : a;
}

function compare(actual: NdArray | undefined, want: NdArray, where: string): void {
  expect(actual, where).toBeDefined();
  const got = actual as NdArray;
  expect(got.dtype, where).toBe(want.dtype);
  expect([...got.shape], where).toEqual([...want.shape]);
  if (want.dtype.startsWith('float')) {
    expectArrayClose(got, want, { rtol: want.dtype === 'float32' ? 1e-6 : 1e-12, relativeTo: 'max', label: where });
  } else expectArrayEqual(got, want, { label: where });
}

function check(c: Case, x: NdArray): number {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const p = c.params as Record<string, any>;
  const where = `${c.fn} ${c.input} ${JSON.stringify(p)}`;
  switch (c.fn) {
    case 'distanceTransformEdt':
    case 'distanceTransformCdt':
    case 'distanceTransformBf': {
      const f = {
        distanceTransformEdt: M.distanceTransformEdt,
        distanceTransformCdt: M.distanceTransformCdt,
        distanceTransformBf: M.distanceTransformBf,
      }[c.fn];
      // biome-ignore lint/suspicious/noExplicitAny: one call for the three signatures
      const r = (f as any)(x, { ...p, metric: arr(p, 'metric') });
      if (p.returnIndices) {
        if (c.distances) compare(r.distances, expected(c, 'distances'), `${where} distances`);
        else expect(r.distances, where).toBeUndefined();
        compare(r.indices, expected(c, 'indices'), `${where} indices`);
      } else compare(r, expected(c, 'distances'), where);
      return 1;
    }
    case 'watershedIft': {
      const r = M.watershedIft(x, load(p.markers), { structure: arr(p, 'structure'), output: p.output });
      compare(r, expected(c, 'labels'), where);
      return 1;
    }
    case 'valueIndices': {
      const r = M.valueIndices(x, { ignoreValue: p.ignoreValue });
      const big = x.dtype === 'int64' || x.dtype === 'uint64';
      expect([...r.keys()].map(Number), where).toEqual(c.keys);
      expect(
        [...r.values()].map((ix) => ix.map((a) => a.toArray())),
        where,
      ).toEqual(c.indices);
      for (const key of r.keys()) expect(typeof key, where).toBe(big ? 'bigint' : 'number');
      return 1;
    }
    default: {
      const op = GREY[c.fn as keyof typeof GREY];
      if (!op) throw new Error(`no runner for ${c.fn}`);
      const r = op(x, {
        size: p.size,
        footprint: arr(p, 'footprint'),
        structure: arr(p, 'structure'),
        mode: p.mode,
        cval: p.cval,
        output: p.output,
      });
      compare(r, expected(c, 'result'), where);
      return 1;
    }
  }
}

const byFn = new Map<string, Case[]>();
for (const c of manifest.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);

/** Every case runs on filters' WebAssembly kernels and on the TypeScript ones (grey morphology uses them). */
describe.each([
  ['WebAssembly', true],
  ['TypeScript', false],
] as const)('%s kernels', (_name, wasm) => {
  beforeAll(() => setWasmKernels(wasm));
  afterAll(() => setWasmKernels(true));
  it(`are ${wasm ? 'active' : 'off'}`, () => {
    expect(wasmKernelsActive()).toBe(wasm);
  });
  describe(`SciPy ${manifest.scipy} golden cases (distance, watershed, value indices, grey)`, () => {
    it('has cases for every function', () => {
      expect([...byFn.keys()].sort()).toEqual(
        [
          'distanceTransformEdt',
          'distanceTransformCdt',
          'distanceTransformBf',
          'watershedIft',
          'valueIndices',
          'morphologicalLaplace',
          ...Object.keys(GREY).filter((k) => k !== 'morphologicalLaplace' && k !== 'morphologicalGradient'),
        ].sort(),
      );
    });
    for (const [fn, cases] of byFn) {
      it(`${fn} (${cases.length} cases)`, () => {
        let ran = 0;
        for (const c of cases) ran += check(c, load(c.input));
        expect(ran).toBe(cases.length);
      });
    }
  });
});
