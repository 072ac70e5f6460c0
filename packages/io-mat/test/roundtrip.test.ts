/**
 * savemat then loadmat gives back what was written, for every kind of value, compressed or not.
 */
import { array, imag, NdArray, real, zeros } from '@ndimage/core-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadmat, type MatCell, type MatSparse, type MatStructArray, savemat } from '../src/index.js';

const plain = (a: NdArray): unknown => ({ dtype: a.dtype, shape: a.shape, values: a.toArray() });

describe('round trips', () => {
  for (const doCompression of [false, true]) {
    it(`every kind of value (compressed: ${doCompression})`, async () => {
      const m = array([
        [1, -2.5, Number.NaN],
        [Number.POSITIVE_INFINITY, -0, 3],
      ]);
      const nd = new NdArray(
        Float64Array.from({ length: 24 }, (_, i) => i),
        [2, 3, 4],
        { dtype: 'float64' },
      );
      const ints = new NdArray(BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n), [1, 2], { dtype: 'int64' });
      const logical = array([[true, false, true]]);
      const u8 = array([[0, 255]], { dtype: 'uint8' });
      const sparse: MatSparse = {
        kind: 'sparse',
        shape: [3, 2],
        ir: Int32Array.of(0, 2, 1),
        jc: Int32Array.of(0, 2, 3),
        data: Float64Array.of(1, 2, 3),
        logical: false,
        toDense: () => {
          throw new Error('unused');
        },
      };
      const cell: MatCell = {
        kind: 'cell',
        shape: [1, 3],
        values: [array([[1]]), 'two', { kind: 'cell', shape: [0, 0], values: [] }],
      };
      const structs: MatStructArray = {
        kind: 'struct',
        shape: [1, 2],
        fieldNames: ['p', 'q'],
        elements: [
          [array([[1]]), 'a'],
          [array([[2]]), 'b'],
        ],
      };
      const bytes = await savemat(
        null,
        {
          m,
          nd,
          ints,
          logical,
          u8,
          x: 3.5,
          s: 'héllo €',
          empty: '',
          rows: ['ab', 'cde'],
          c: { kind: 'complex', re: array([[1, 2]]), im: array([[3, -4]]) },
          sparse,
          cell,
          structs,
          obj: { a: 1, nested: { b: 'x' } },
        },
        { doCompression },
      );
      const v = await loadmat(bytes);
      expect(Object.keys(v)).toEqual([
        'm',
        'nd',
        'ints',
        'logical',
        'u8',
        'x',
        's',
        'empty',
        'rows',
        'c',
        'sparse',
        'cell',
        'structs',
        'obj',
      ]);
      expect(plain(v.m as NdArray)).toEqual(plain(m));
      expect(Object.is((v.m as NdArray).get(1, 1), -0)).toBe(true);
      expect(plain(v.nd as NdArray)).toEqual(plain(nd));
      expect((v.ints as NdArray).toArray()).toEqual(ints.toArray());
      expect(plain(v.logical as NdArray)).toEqual(plain(logical));
      expect(plain(v.u8 as NdArray)).toEqual(plain(u8));
      expect((v.x as NdArray).toArray()).toEqual([[3.5]]);
      expect(v.s).toBe('héllo €');
      expect(v.empty).toBe('');
      expect(v.rows).toEqual(['ab ', 'cde']);
      // complex parts saved as { kind: 'complex', re, im } load as one complex128 array
      expect((v.c as NdArray).dtype).toBe('complex128');
      expect((v.c as NdArray).toArray()).toEqual([
        [
          { re: 1, im: 3 },
          { re: 2, im: -4 },
        ],
      ]);
      const sp = v.sparse as MatSparse;
      expect([...sp.ir]).toEqual([0, 2, 1]);
      expect([...sp.jc]).toEqual([0, 2, 3]);
      expect(sp.toDense().toArray()).toEqual([
        [1, 0],
        [0, 3],
        [2, 0],
      ]);
      const c = v.cell as MatCell;
      expect(c.shape).toEqual([1, 3]);
      expect(c.values[1]).toBe('two');
      const st = v.structs as MatStructArray;
      expect(st.fieldNames).toEqual(['p', 'q']);
      expect(st.elements[1]?.[1]).toBe('b');
      const obj = v.obj as Record<string, unknown>;
      expect((obj.a as NdArray).toArray()).toEqual([[1]]);
      expect((obj.nested as Record<string, unknown>).b).toBe('x');
    });
  }

  it('random numeric arrays of every class survive (property)', async () => {
    const dtypes = ['float64', 'float32', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...dtypes),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        async (dtype, shape, seed, doCompression) => {
          const n = shape.reduce((a, b) => a * b, 1);
          const values = Array.from({ length: n }, (_, i) => ((i * 7919 + seed) % 200) - 100);
          const a = array(values).reshape(shape).astype(dtype, { casting: 'unsafe' });
          const v = await loadmat(await savemat(null, { a }, { doCompression }));
          expect(plain(v.a as NdArray)).toEqual(plain(a));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("MATLAB's logical-sparse quirk", () => {
  it('reads a logical sparse matrix whose one-byte values are tagged miDOUBLE', async () => {
    // 5 non-zeros: 5 bytes of data, a long-format element (MATLAB's quirk file has 5 too).
    const sp: MatSparse = {
      kind: 'sparse',
      shape: [3, 4],
      ir: Int32Array.of(0, 2, 1, 0, 2),
      jc: Int32Array.of(0, 2, 3, 3, 5),
      data: Float64Array.of(1, 1, 1, 1, 1),
      logical: true,
      toDense: () => {
        throw new Error('unused');
      },
    };
    const bytes = await savemat(null, { s: sp });
    // savemat tags the data as miUINT8 (2) with 5 bytes; MATLAB tags them miDOUBLE (9), byte count
    // unchanged. Tags sit on 8-byte boundaries.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let patched = 0;
    for (let at = 128; at + 8 <= bytes.length; at += 8) {
      if (view.getUint32(at, true) === 2 && view.getUint32(at + 4, true) === 5) {
        view.setUint32(at, 9, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    const back = (await loadmat(bytes)).s as MatSparse;
    expect(back.logical).toBe(true);
    expect([...back.data]).toEqual([1, 1, 1, 1, 1]);
    expect(back.toDense().toArray()).toEqual([
      [1, 0, 0, 1],
      [0, 1, 0, 0],
      [1, 0, 0, 1],
    ]);
  });

  it('complex arrays: saved from complex64/complex128 arrays (any layout), loaded as such', async () => {
    const z = array([
      [
        { re: 1, im: 2 },
        { re: -3, im: 0.5 },
        { re: 0, im: -0 },
      ],
      [
        { re: 4, im: -5 },
        { re: 6, im: 7 },
        { re: 8.25, im: 9 },
      ],
    ]);
    const v = await loadmat(await savemat(null, { z, t: z.transpose(), s: z.astype('complex64') }));
    expect((v.z as NdArray).dtype).toBe('complex128');
    expect((v.z as NdArray).toArray()).toEqual(z.toArray());
    expect((v.t as NdArray).toArray()).toEqual(z.transpose().toArray());
    expect((v.s as NdArray).dtype).toBe('complex64');
    expect((v.s as NdArray).toArray()).toEqual(z.toArray());
    // and written back byte for byte as the parts form would be
    const parts = await savemat(null, { z: { kind: 'complex', re: real(z), im: imag(z) } });
    expect(Buffer.from(await savemat(null, { z })).equals(Buffer.from(parts))).toBe(true);
  });

  it('a complex sparse matrix keeps its imaginary parts in toDense()', async () => {
    const sparse: MatSparse = {
      kind: 'sparse',
      shape: [2, 3],
      ir: Int32Array.of(1, 0),
      jc: Int32Array.of(0, 1, 1, 2),
      data: Float64Array.of(2, 5),
      imag: Float64Array.of(-1, 3),
      logical: false,
      toDense: () => zeros([2, 3]),
    };
    const v = await loadmat(await savemat(null, { sparse }));
    const dense = (v.sparse as MatSparse).toDense();
    expect(dense.dtype).toBe('complex128');
    expect(dense.toArray()).toEqual([
      [
        { re: 0, im: 0 },
        { re: 0, im: 0 },
        { re: 5, im: 3 },
      ],
      [
        { re: 2, im: -1 },
        { re: 0, im: 0 },
        { re: 0, im: 0 },
      ],
    ]);
  });
});
