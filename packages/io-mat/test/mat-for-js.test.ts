/**
 * An independent second reader: mat-for-js (GPL-3.0, a development dependency of these tests only,
 * never shipped) must read the 2-D files we write to the same values. Its representation differs:
 * nested arrays `A[i][j]`, 1×N and N×1 flattened, 1×1 as `[x]`, char rows as strings, complex as
 * `{ r, i }`; it does not read N-D arrays correctly, so only 2-D data are compared.
 */
import { array, type NdArray } from '@ndimage/core-array';
import fc from 'fast-check';
import { read } from 'mat-for-js';
import { describe, expect, it } from 'vitest';
import { savemat } from '../src/index.js';

/** Our array as mat-for-js shapes it. */
function expected(a: NdArray): unknown {
  const rows = a.toArray() as unknown[][];
  const [m, n] = a.shape as [number, number];
  const plain = rows.map((r) => r.map((v) => (typeof v === 'bigint' ? v : Number(v))));
  if (m === 1) return plain[0];
  if (n === 1) return plain.map((r) => r[0]);
  return plain;
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('mat-for-js reads what savemat writes', () => {
  it('2-D arrays of every class, compressed or not (property)', async () => {
    const dtypes = ['float64', 'float32', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...dtypes),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        async (dtype, m, n, seed, doCompression) => {
          const values = Array.from({ length: m * n }, (_, i) => ((i * 7919 + seed) % 200) - 100);
          const a = array(values).reshape([m, n]).astype(dtype, { casting: 'unsafe' });
          const bytes = await savemat(null, { a }, { doCompression });
          const got = read(toArrayBuffer(bytes)).data.a;
          expect(got).toEqual(expected(a));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('strings, structs and cells', async () => {
    const bytes = await savemat(null, {
      s: 'hello',
      st: { a: 1, b: 'x' },
      c: { kind: 'cell', shape: [1, 2], values: [array([[1, 2]]), 'y'] },
    });
    const { data } = read(toArrayBuffer(bytes));
    expect(data.s).toBe('hello');
    expect(data.st).toEqual({ a: [1], b: 'x' });
    expect(data.c).toEqual([[1, 2], 'y']);
  });
});
