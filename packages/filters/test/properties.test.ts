/**
 * Property tests (fast-check): the filters are linear, commute with shifts in wrap mode, a
 * normalised Gaussian keeps the sum in wrap mode, and Gaussian derivatives of a ramp are its slope.
 */
import { add, array, mul, roll, sum } from '@ndimage/core-array';
import { expectArrayClose } from '@ndimage/core-array/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correlate,
  correlate1d,
  gaussianFilter,
  gaussianKernel1d,
  gaussianRadius,
  laplace,
  prewitt,
  rankFilter,
  sobel,
  uniformFilter,
} from '../src/index.js';
import { mapIndex } from '../src/internal.js';

/** A random 2-D float64 image, 1–12 × 1–12. */
const image = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
  .chain(([h, w]) =>
    fc
      .array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: h * w, maxLength: h * w })
      .map((v) => array(v).reshape([h, w])),
  );
const sigma = fc.double({ min: 0.2, max: 4, noNaN: true });
const modes = fc.constantFrom('reflect', 'constant', 'nearest', 'mirror', 'wrap') as fc.Arbitrary<never>;

const filters: [string, (x: never, mode: never) => ReturnType<typeof sobel>][] = [
  ['gaussianFilter σ=1.3', (x, mode) => gaussianFilter(x, 1.3, { mode })],
  ['gaussianFilter order (1, 0)', (x, mode) => gaussianFilter(x, 1, { order: [1, 0], mode })],
  ['sobel', (x, mode) => sobel(x, { mode })],
  ['laplace', (x, mode) => laplace(x, { mode })],
  ['uniformFilter 3', (x, mode) => uniformFilter(x, 3, { mode })],
  [
    'correlate',
    (x, mode) =>
      correlate(
        x,
        [
          [1, -2],
          [0.5, 3],
        ],
        { mode },
      ),
  ],
];

describe('linearity: f(a·x + b·y) = a·f(x) + b·f(y) (constant mode with cval 0 is linear too)', () => {
  for (const [name, f] of filters) {
    it(name, () => {
      fc.assert(
        fc.property(
          image,
          fc.double({ min: -3, max: 3, noNaN: true }),
          fc.double({ min: -3, max: 3, noNaN: true }),
          modes,
          (x, a, b, mode) => {
            const y = mul(x, 0.5);
            const left = f(add(mul(x, a), mul(y, b)) as never, mode);
            const right = add(mul(f(x as never, mode), a), mul(f(y as never, mode), b));
            expectArrayClose(left, right, { rtol: 1e-9, atol: 1e-6, relativeTo: 'max' });
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});

describe('shift-equivariance in wrap mode: f(roll(x, s)) = roll(f(x), s)', () => {
  for (const [name, f] of filters) {
    it(name, () => {
      fc.assert(
        fc.property(image, fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), (x, s0, s1) => {
          const shifted = roll(x, [s0, s1], [0, 1]);
          expectArrayClose(
            f(shifted as never, 'wrap' as never),
            roll(f(x as never, 'wrap' as never), [s0, s1], [0, 1]),
            {
              rtol: 1e-12,
              atol: 1e-9,
              relativeTo: 'max',
            },
          );
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('a normalised Gaussian keeps the sum in wrap mode', () => {
  it('Σ gaussianFilter(x, σ, wrap) = Σ x', () => {
    fc.assert(
      fc.property(image, sigma, (x, s) => {
        const total = sum(x);
        expect(sum(gaussianFilter(x, s, { mode: 'wrap' }))).toBeCloseTo(total, 6);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Gaussian derivatives of a ramp give its slope', () => {
  it('order 1 of a·x + b·y is (a, b) times the discrete kernel’s first moment −Σ x·K(x) (≈ 1)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        sigma,
        (a, b, s) => {
          const n = 48;
          const ramp = array(Array.from({ length: n * n }, (_, k) => a * (k % n) + b * Math.floor(k / n))).reshape([
            n,
            n,
          ]);
          const dx = gaussianFilter(ramp, s, { order: [0, 1], mode: 'nearest' });
          const dy = gaussianFilter(ramp, s, { order: [1, 0], mode: 'nearest' });
          // The slope SciPy's kernel measures: the kernel's first moment (−Σ x·K, e.g. 0.99993 for σ = 1).
          const r = gaussianRadius(s, 4);
          const K = gaussianKernel1d(s, 1, r);
          let moment = 0;
          for (let i = 0; i < K.length; i++) moment -= (i - r) * K[i]!;
          // Far from the edges (radius ≤ 16 < 24) the extension does not matter.
          expect(dx.get(24, 24)).toBeCloseTo(a * moment, 9);
          expect(dy.get(24, 24)).toBeCloseTo(b * moment, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rank filters equal sorting each window (sliding histogram, sorted window)', () => {
  const dtypes = ['float64', 'uint8', 'int16', 'float32'] as const;
  it('any footprint, rank, mode and dtype', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dtypes),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom('reflect', 'nearest', 'wrap', 'mirror', 'constant'),
        fc.integer(),
        (dtype, h, w, bits, rankSeed, mode, seed) => {
          const fp = bits.some(Boolean) ? bits : [true, ...bits.slice(1)];
          const footprint = array(fp.map(Number)).reshape([2, 3]);
          const count = fp.filter(Boolean).length;
          const rank = rankSeed % count;
          let s = seed >>> 0;
          const values = Array.from({ length: h * w }, () => {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            return (s >>> 20) % 200;
          });
          const x = array(values).reshape([h, w]).astype(dtype);
          const got = rankFilter(x, rank, { footprint, mode: mode as never, cval: 7 });
          // Reference: gather each window by the boundary map, sort, take the rank.
          const at = (i: number, j: number): number => {
            const ii = mapIndex(i, h, mode as never);
            const jj = mapIndex(j, w, mode as never);
            return ii < 0 || jj < 0 ? 7 : (x.get(ii, jj) as number);
          };
          for (let i = 0; i < h; i++) {
            for (let j = 0; j < w; j++) {
              const win: number[] = [];
              for (let a = 0; a < 2; a++)
                for (let b = 0; b < 3; b++) if (fp[a * 3 + b]) win.push(at(i + a - 1, j + b - 1));
              win.sort((p, q) => p - q);
              expect(got.get(i, j)).toBe(win[rank]);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the one-pass 2-D Sobel/Prewitt is SciPy’s two passes, bit for bit', () => {
  it('any image, axis, per-axis modes, float32 or float64', () => {
    const mode = fc.constantFrom('reflect', 'constant', 'nearest', 'mirror', 'wrap');
    fc.assert(
      fc.property(
        image,
        fc.constantFrom(0, 1),
        mode,
        mode,
        fc.constantFrom('float64', 'float32'),
        fc.boolean(),
        (x, axis, m0, m1, dtype, isSobel) => {
          const input = x.astype(dtype);
          const modes = [m0, m1] as never;
          const fused = (isSobel ? sobel : prewitt)(input, { axis, mode: modes, cval: 2.5 });
          // The two passes, as SciPy runs them.
          const twoPass = correlate1d(input, [-1, 0, 1], { axis, mode: modes[axis], cval: 2.5 });
          const smoothed = correlate1d(twoPass, isSobel ? [1, 2, 1] : [1, 1, 1], {
            axis: 1 - axis,
            mode: modes[1 - axis],
            cval: 2.5,
          });
          expectArrayClose(fused, smoothed, { rtol: 0, atol: 0 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
