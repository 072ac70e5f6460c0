/**
 * Element-wise throughput by size and dtype (`pnpm --filter @ndimage/core-array bench`).
 * The NumPy comparison on 4096² is `pnpm bench:scipy` at the root.
 */
import { bench, describe } from 'vitest';
import { add, astype, type DType, less, mul, sqrt, zeros } from './fixtures.js';

for (const n of [256, 1024]) {
  for (const dtype of ['float64', 'float32', 'uint8'] as DType[]) {
    describe(`${n}×${n} ${dtype}`, () => {
      const { a, b } = astype(n, dtype);
      const out = zeros([n, n], { dtype });
      bench('add (new result)', () => {
        add(a, b);
      });
      bench('add (out=)', () => {
        add(a, b, { out });
      });
      bench('mul by scalar', () => {
        mul(a, 3);
      });
      bench('less than scalar', () => {
        less(a, 100);
      });
      bench('sqrt', () => {
        sqrt(a);
      });
    });
  }
}
