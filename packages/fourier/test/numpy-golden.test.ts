/**
 * Replays test/fixtures/manifest.json, written by numpy.fft and scipy.ndimage through
 * tools/fixtures/fourier.py: transforms of many lengths (powers of two, smooth, small and large
 * primes), n/axis/norm, the n-d transforms with s/axes, non-contiguous and non-float inputs,
 * frequencies, shifts and the four Fourier filters.
 *
 * Tolerances: float64/complex128 results within 1e-12 of the largest magnitude (the project's
 * standard; the transforms land near 1e-15); float32/complex64 filter outputs within 1e-6 (they
 * store the same float64 products rounded to float32); frequencies and shifts exact.
 */
import { readFileSync } from 'node:fs';
import type { DType, NdArray } from '@ndimage/core-array';
import { expectArrayClose, expectArrayEqual, loadNpyFixture } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import * as F from '../src/index.js';

interface Case {
  kind: string;
  id: string;
  op: string;
  inputs?: string[];
  output: string;
  params: Record<string, unknown>;
  view?: string;
}

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as {
  numpy: string;
  scipy: string;
  cases: Case[];
};
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));
const byKind = (kind: string): Case[] => manifest.cases.filter((c) => c.kind === kind);
const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

function close(got: NdArray, expected: NdArray, id: string): void {
  expect(got.dtype, `${id}: dtype`).toBe(expected.dtype);
  expect([...got.shape], `${id}: shape`).toEqual([...expected.shape]);
  const single = expected.dtype === 'float32' || expected.dtype === 'complex64';
  expectArrayClose(got, expected, { rtol: single ? 1e-6 : 1e-12, atol: 1e-300, relativeTo: 'max', label: id });
}

type Transform = (a: NdArray, o?: Record<string, unknown>) => NdArray;
const transforms = F as unknown as Record<string, Transform>;

describe(`numpy ${manifest.numpy} / scipy ${manifest.scipy} golden data`, () => {
  it('has cases', () => {
    expect(manifest.cases.length).toBeGreaterThan(1000);
  });

  describe('one-dimensional transforms', () => {
    for (const c of byKind('fft')) {
      it(c.id, () => {
        const got = transforms[c.op]!(load(c.inputs![0]!), defined(c.params));
        close(got, load(c.output), c.id);
      });
    }
  });

  describe('n-dimensional transforms', () => {
    for (const c of byKind('fftn')) {
      it(c.id, () => {
        let a = load(c.inputs![0]!);
        if (c.view === 'transpose') a = a.transpose();
        else if (c.view === 'step') a = a.slice([null, null, 2], [1, null, 3]);
        else if (c.view === 'reverse') a = a.slice([null, null, -1]);
        const got = transforms[c.op]!(a, defined(c.params));
        close(got, load(c.output), c.id);
      });
    }
  });

  describe('frequencies and shifts', () => {
    for (const c of byKind('freq')) {
      it(c.id, () => {
        const p = c.params as { n: number; d: number };
        const got = c.op === 'fftfreq' ? F.fftfreq(p.n, p.d) : F.rfftfreq(p.n, p.d);
        expectArrayEqual(got, load(c.output), { label: c.id });
      });
    }
    for (const c of byKind('shift')) {
      it(c.id, () => {
        const axes = (c.params.axes ?? undefined) as number | number[] | undefined;
        const fn = c.op === 'fftshift' ? F.fftshift : F.ifftshift;
        expectArrayEqual(fn(load(c.inputs![0]!), axes), load(c.output), { label: c.id });
      });
    }
  });

  describe('Fourier filters', () => {
    const filters = {
      fourierGaussian: F.fourierGaussian,
      fourierUniform: F.fourierUniform,
      fourierEllipsoid: F.fourierEllipsoid,
      fourierShift: F.fourierShift,
    } as const;
    for (const c of byKind('filter')) {
      it(c.id, () => {
        const p = c.params as { value: number | number[]; n: number; axis: number; output?: DType };
        const fn = filters[c.op as keyof typeof filters];
        const got = fn(load(c.inputs![0]!), p.value, { n: p.n, axis: p.axis, output: p.output });
        close(got, load(c.output), c.id);
      });
    }
  });
});
