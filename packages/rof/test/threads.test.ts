/**
 * denoiseTv on the worker pool: every thread count gives the one-thread result bit for bit —
 * u, iterations, objective and gap — for FGP and Chambolle 2005, both boundaries, both
 * precisions. (Workers load the built `threads.js`, so this needs `pnpm build` first; `pnpm test`
 * builds.)
 */
import { mul, type NdArray, random } from '@ndimage/core-array';
import { threadBackend } from '@ndimage/core-array/internal';
import { disableThreads, enableThreads } from '@ndimage/core-array/parallel';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { denoiseTv } from '../src/index.js';

beforeAll(() => {
  enableThreads(3);
});
afterAll(() => disableThreads());

/** Big enough to be split (2^18 pixels), odd sizes so bands are uneven. */
const f = mul(random([521, 507], { seed: 11 }), 255);

function bytes(a: NdArray): Buffer {
  const d = a.toContiguous().data;
  return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
}

describe('denoiseTv with threads', () => {
  for (const method of ['fgp', 'chambolle2005'] as const)
    for (const boundary of ['neumann', 'periodic'] as const)
      for (const precision of ['float64', 'float32'] as const) {
        it(`${method}, ${boundary}, ${precision}: 2 and 3 threads = 1 thread`, () => {
          const options = {
            weight: 40,
            method,
            boundary,
            precision,
            maxIterations: 25,
            gapTolerance: 1e-9,
            checkEvery: 7,
          };
          const one = denoiseTv(f, options);
          const backend = threadBackend();
          if (backend === undefined) throw new Error('no pool');
          for (const threads of [2, 3]) {
            const spy = vi.spyOn(backend, 'run');
            const many = denoiseTv(f, { ...options, threads });
            // Two runs per iteration, two per measurement (at 0, 7, 14, 21 and the end, 25).
            expect(spy.mock.calls.length).toBe(2 * 25 + 2 * 5);
            spy.mockRestore();
            expect(many.iterations).toBe(one.iterations);
            expect(many.objective).toBe(one.objective);
            expect(many.gap).toBe(one.gap);
            expect(bytes(many.u).equals(bytes(one.u))).toBe(true);
          }
        });
      }

  it("'auto' uses the pool for large images and one thread for small ones; Chambolle–Pock stays on one", () => {
    const backend = threadBackend();
    if (backend === undefined) throw new Error('no pool');
    const spy = vi.spyOn(backend, 'run');
    denoiseTv(f, { weight: 40, maxIterations: 2, threads: 'auto' });
    expect(spy).toHaveBeenCalled();
    spy.mockClear();
    denoiseTv(mul(random([40, 40], { seed: 1 }), 255), { weight: 40, maxIterations: 2, threads: 'auto' });
    denoiseTv(f, { weight: 40, maxIterations: 2, threads: 2, method: 'chambolle-pock' });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
