/**
 * Reductions by size and layout (`pnpm --filter @ndimage/core-array bench`).
 */
import { bench, describe } from 'vitest';
import { argmax, astype, max, mean, norm, std, sum } from './fixtures.js';

for (const n of [256, 1024]) {
  describe(`${n}×${n} float64`, () => {
    const { a } = astype(n, 'float64');
    const t = a.transpose();
    bench('sum', () => {
      sum(a);
    });
    bench('sum axis 0', () => {
      sum(a, { axis: 0 });
    });
    bench('sum axis 1', () => {
      sum(a, { axis: 1 });
    });
    bench('sum of a transposed view', () => {
      sum(t);
    });
    bench('mean', () => {
      mean(a);
    });
    bench('std', () => {
      std(a);
    });
    bench('max', () => {
      max(a);
    });
    bench('argmax', () => {
      argmax(a);
    });
    bench('norm', () => {
      norm(a);
    });
  });
}
