/**
 * Shared test helpers: seeded images and a bit-for-bit array comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { array, type DType, type NdArray, RandomState } from '@ndimage/core-array';
import { expect } from 'vitest';

/** A seeded image of `shape` in `dtype`: smooth blobs plus noise (so every operation has work). */
export function image(shape: number[], dtype: DType = 'uint8', seed = 1): NdArray {
  const rs = new RandomState(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const u = rs.random([n]).toArray() as number[];
  const values = u.map((v, i) => {
    const x = (i * 7919) % 97;
    const base = 120 + 80 * Math.sin(i / 5.3) * Math.cos(x / 4.1);
    return dtype === 'bool'
      ? v > 0.55
        ? 1
        : 0
      : dtype.startsWith('float')
        ? base + 30 * v
        : Math.floor(base + 50 * v) % 256;
  });
  return array(values, { dtype }).reshape(shape);
}

/** Asserts two arrays are equal bit for bit (same dtype, shape and every element; NaN equals NaN). */
export function expectSameBits(actual: NdArray, expected: NdArray, what = ''): void {
  expect(actual.dtype, `${what} dtype`).toBe(expected.dtype);
  expect([...actual.shape], `${what} shape`).toEqual([...expected.shape]);
  const a = actual.toContiguous();
  const e = expected.toContiguous();
  const ad = a.data.subarray(a.offset, a.offset + a.size);
  const ed = e.data.subarray(e.offset, e.offset + e.size);
  let bad = -1;
  for (let i = 0; i < ad.length; i++) {
    if (!Object.is(ad[i], ed[i])) {
      bad = i;
      break;
    }
  }
  expect(bad, `${what}: first difference at flat index ${bad}: ${ad[bad]} vs ${ed[bad]}`).toBe(-1);
}

/** A temporary folder removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ndimage-chunked-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
