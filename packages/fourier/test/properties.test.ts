/**
 * Properties of the transforms (fast-check, fixed seed under CI): inverse ∘ forward is the
 * identity for any length and layout, Parseval's identity, linearity, the real transforms agree
 * with the complex one, and a Fourier shift by integers is a roll.
 */
import { add, array, imag, mul, NdArray, real, roll, sum, zeros } from '@ndimage/core-array';
import { expectArrayClose } from '@ndimage/core-array/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fft, fftn, fourierShift, ifft, ifftn, irfft, irfftn, rfft, rfftn } from '../src/index.js';

/** Seeded values in [−5, 5). */
function values(count: number, seed: number): Float64Array {
  const out = new Float64Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * 10 - 5;
  }
  return out;
}

const complexArb = (maxLen: number) =>
  fc
    .record({ n: fc.integer({ min: 1, max: maxLen }), seed: fc.integer() })
    .map(({ n, seed }) => new NdArray(values(2 * n, seed), [n], { dtype: 'complex128' }));

const realArb = (maxLen: number) =>
  fc
    .record({ n: fc.integer({ min: 1, max: maxLen }), seed: fc.integer() })
    .map(({ n, seed }) => array(values(n, seed)));

/** max |x| over both parts, the scale of the 1e-12 tolerance */
const tol = { rtol: 1e-12, atol: 1e-12, relativeTo: 'max' as const };

describe('transform properties', () => {
  it('ifft(fft(x)) = x for any length (prime lengths go through Bluestein)', () => {
    fc.assert(
      fc.property(complexArb(700), (x) => {
        expectArrayClose(ifft(fft(x)), x, tol);
      }),
      { numRuns: 150 },
    );
  });

  it('Parseval: Σ|x|² = Σ|X|²/n', () => {
    fc.assert(
      fc.property(complexArb(600), (x) => {
        const X = fft(x);
        const n = x.size;
        const ex = sum(add(mul(real(x), real(x)), mul(imag(x), imag(x)))) as number;
        const eX = (sum(add(mul(real(X), real(X)), mul(imag(X), imag(X)))) as number) / n;
        expect(Math.abs(ex - eX)).toBeLessThanOrEqual(1e-11 * ex);
      }),
      { numRuns: 100 },
    );
  });

  it('linearity: fft(a·x + y) = a·fft(x) + fft(y)', () => {
    fc.assert(
      fc.property(complexArb(300), fc.integer(), fc.double({ min: -3, max: 3, noNaN: true }), (x, seed, a) => {
        const y = new NdArray(values(2 * x.size, seed), [x.size], { dtype: 'complex128' });
        expectArrayClose(fft(add(mul(x, a), y)), add(mul(fft(x), a), fft(y)), tol);
      }),
      { numRuns: 60 },
    );
  });

  it('rfft is the first half of fft, and irfft inverts it (even and odd n)', () => {
    fc.assert(
      fc.property(realArb(500), (x) => {
        const n = x.size;
        const half = Math.floor(n / 2) + 1;
        expectArrayClose(rfft(x), fft(x).slice([0, half]), tol);
        expectArrayClose(irfft(rfft(x), { n }), x, tol);
      }),
      { numRuns: 150 },
    );
  });

  it('n-d: ifftn(fftn(x)) = x and irfftn(rfftn(x)) = x on strided views of any shape', () => {
    const arb = fc.record({
      shape: fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 3 }),
      seed: fc.integer(),
      flip: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ shape, seed, flip }) => {
        const size = shape.reduce((p, d) => p * d, 1);
        let x = new NdArray(values(size, seed), shape);
        if (flip) x = x.transpose();
        expectArrayClose(ifftn(fftn(x)), x, tol);
        expectArrayClose(irfftn(rfftn(x), { s: [...x.shape] }), x, tol);
      }),
      { numRuns: 100 },
    );
  });

  it('fourierShift by whole pixels equals roll (complex and real-FFT input)', () => {
    const arb = fc.record({
      rows: fc.integer({ min: 1, max: 12 }),
      cols: fc.integer({ min: 2, max: 12 }),
      dy: fc.integer({ min: -15, max: 15 }),
      dx: fc.integer({ min: -15, max: 15 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(arb, ({ rows, cols, dy, dx, seed }) => {
        const x = new NdArray(values(rows * cols, seed), [rows, cols]);
        const expected = roll(x, [dy, dx], [0, 1]);
        const viaComplex = real(ifftn(fourierShift(fftn(x), [dy, dx])));
        expectArrayClose(viaComplex, expected, tol);
        const viaReal = irfftn(fourierShift(rfftn(x), [dy, dx], { n: cols, axis: 1 }), { s: [rows, cols] });
        expectArrayClose(viaReal, expected, tol);
      }),
      { numRuns: 100 },
    );
  });

  it('the transform of a delta is flat and of a constant is a delta', () => {
    const delta = zeros([6, 10]);
    delta.set(0, 0, 1);
    const D = fftn(delta);
    expectArrayClose(real(D), zeros([6, 10]).fill(1), tol);
    expectArrayClose(imag(D), zeros([6, 10]), tol);
    const C = rfftn(zeros([6, 10]).fill(2));
    expect(C.get(0, 0)).toEqual({ re: 120, im: 0 });
    expect(sum(mul(real(C), real(C)))).toBeCloseTo(120 * 120, 9);
  });
});
