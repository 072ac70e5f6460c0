/**
 * Copies, casts, roll and .npy encoding (`pnpm --filter @ndimage/core-array bench`).
 */
import { bench, describe } from 'vitest';
import { astype, readNpy, roll, writeNpy } from './fixtures.js';

for (const n of [256, 1024]) {
  describe(`${n}×${n}`, () => {
    const { a } = astype(n, 'float64');
    const u = a.astype('uint8');
    const bytes = writeNpy(a);
    bench('astype float64 → uint8', () => {
      a.astype('uint8');
    });
    bench('astype uint8 → float64', () => {
      u.astype('float64');
    });
    bench("astype float64 → uint8, casting 'clip'", () => {
      a.astype('uint8', { casting: 'clip' });
    });
    bench('transpose().copy()', () => {
      a.transpose().copy();
    });
    bench('roll -1 along axis 1', () => {
      roll(a, -1, 1);
    });
    bench('writeNpy', () => {
      writeNpy(a);
    });
    bench('readNpy (in place)', () => {
      readNpy(bytes);
    });
  });
}
