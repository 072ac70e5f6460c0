/**
 * Replays test/fixtures/manifest.json, written by tools/fixtures/rof.py with NumPy and
 * scikit-image: the textbook's code (U to 1e-9 relative and the same iteration count),
 * scikit-image's denoise_tv_chambolle (its output to 1e-9, float32 to 1e-6), and converged
 * references u* of the ROF minimiser, which denoiseTv must approach: relative gap ≤ 1e-3 and
 * RMS ‖u − u*‖ below one grey level.
 */
import { readFileSync } from 'node:fs';
import { type NdArray, sub } from '@ndimage/core-array';
import { expectArrayClose, loadNpyFixture } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import { denoise, denoiseTv, denoiseTvChambolle } from '../src/index.js';

interface BookCase {
  name: string;
  kind: 'book';
  input: string;
  uInit: string;
  tolerance: number;
  tau: number;
  tvWeight: number;
  dualInit: 'image' | 'zero';
  iterations: number;
  error: number;
  U: string;
}
interface ReferenceCase {
  name: string;
  kind: 'tv-reference';
  input: string;
  weight: number;
  boundary: 'neumann';
  gap: number;
  objective: number;
  ustar: string;
}
interface SkimageCase {
  name: string;
  kind: 'skimage';
  input: string;
  weight: number;
  eps: number;
  maxNumIter: number;
  channelAxis: number | null;
  output: string;
}
type Case = BookCase | ReferenceCase | SkimageCase;

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { cases: Case[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));
const cases = <K extends Case['kind']>(kind: K) =>
  manifest.cases.filter((c): c is Extract<Case, { kind: K }> => c.kind === kind);

describe('the textbook’s denoise (NumPy golden data)', () => {
  for (const c of cases('book')) {
    it(`${c.name}: ${c.iterations} iterations`, () => {
      const im = load(c.input);
      const r = denoise(im, {
        uInit: c.uInit === 'input' ? im : load(c.uInit),
        tolerance: c.tolerance,
        tau: c.tau,
        tvWeight: c.tvWeight,
        dualInit: c.dualInit,
      });
      expect(r.iterations).toBe(c.iterations);
      expect(r.error).toBeCloseTo(c.error, 10);
      expect(r.converged).toBe(true);
      const U = load(c.U);
      expectArrayClose(r.u, U, { rtol: 1e-9, relativeTo: 'max' });
      // T = im − U, the book's second result.
      expectArrayClose(r.texture, sub(im, U), { rtol: 1e-9, atol: 1e-9, relativeTo: 'max' });
    });
  }
});

describe('scikit-image’s denoise_tv_chambolle (golden data)', () => {
  for (const c of cases('skimage')) {
    it(c.name, () => {
      const expected = load(c.output);
      const out = denoiseTvChambolle(load(c.input), {
        weight: c.weight,
        eps: c.eps,
        maxNumIter: c.maxNumIter,
        channelAxis: c.channelAxis,
      });
      expect(out.dtype).toBe(expected.dtype);
      expectArrayClose(out, expected, { rtol: expected.dtype === 'float32' ? 1e-6 : 1e-9, relativeTo: 'max' });
    });
  }
});

describe('denoiseTv reaches the converged references', () => {
  for (const c of cases('tv-reference')) {
    // Chambolle 2005 needs ~10× the iterations (30 s on the 500² synth): checked on camera only.
    const methods =
      c.name === 'camera'
        ? (['fgp', 'chambolle-pock', 'chambolle2005'] as const)
        : (['fgp', 'chambolle-pock'] as const);
    for (const method of methods) {
      it(`${c.name} (λ = ${c.weight}) with ${method}`, () => {
        const r = denoiseTv(load(c.input), {
          weight: c.weight,
          method,
          maxIterations: method === 'chambolle2005' ? 20_000 : 5000,
        });
        expect(r.converged).toBe(true);
        expect(r.gap).toBeLessThanOrEqual(1e-3);
        expect(r.gap).toBeGreaterThanOrEqual(-1e-12);
        // The gap bounds the excess objective: E(u) − E(u*) ≤ gap·E(u).
        expect(r.objective - c.objective).toBeLessThanOrEqual(r.gap * r.objective * (1 + 1e-9));
        expect(r.objective).toBeGreaterThanOrEqual(c.objective * (1 - 1e-9));
        const ustar = load(c.ustar).data as Float64Array;
        const u = r.u.data as Float64Array;
        let s = 0;
        for (let k = 0; k < u.length; k++) s += ((u[k] as number) - (ustar[k] as number)) ** 2;
        expect(Math.sqrt(s / u.length)).toBeLessThan(1);
      });
    }
  }
});
