/**
 * Comparing a loaded value with the canonical JSON form of the fixture manifests (written by
 * tools/fixtures/io_mat.py and io_mat_v73.py): kinds array/char/cell/struct/sparse, MATLAB dims,
 * values from .npy files.
 */
import { imag, type NdArray, real } from '@ndimage/core-array';
import { expect } from 'vitest';
import type { MatCell, MatSparse, MatStructArray, MatValue } from '../src/index.js';

export type Expected =
  | { kind: 'array'; class: string; shape: number[]; data: string; imag?: string }
  | { kind: 'char'; shape: number[]; rows: string[] }
  | { kind: 'cell'; shape: number[]; items: Expected[] }
  | { kind: 'struct'; shape: number[]; fields: string[]; items: Expected[][] }
  | { kind: 'sparse'; class: string; shape: number[]; ir: number[]; jc: number[]; data: number[]; imag?: number[] };

const DTYPE: Record<string, string> = {
  double: 'float64',
  single: 'float32',
  logical: 'bool',
  int8: 'int8',
  uint8: 'uint8',
  int16: 'int16',
  uint16: 'uint16',
  int32: 'int32',
  uint32: 'uint32',
  int64: 'int64',
  uint64: 'uint64',
};

/** Values with NaN and −0 kept distinct (Object.is), bigints as strings. */
const values = (a: NdArray): unknown[] => {
  const flat: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else flat.push(typeof v === 'bigint' ? v.toString() : Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v);
  };
  walk(a.toArray());
  return flat;
};

export function check(
  actual: MatValue,
  expected: Expected,
  where: string,
  format: string,
  npy: (f: string) => NdArray,
): void {
  switch (expected.kind) {
    case 'array': {
      // A complex variable is one complex array (complex64 for single, complex128 otherwise).
      const a = actual as NdArray;
      const re = expected.imag === undefined ? a : real(a);
      if (expected.imag !== undefined)
        expect(a.dtype, where).toBe(format !== '4' && expected.class === 'single' ? 'complex64' : 'complex128');
      // Level 4 has no class byte: every level-4 matrix is read as double.
      else if (format === '5') expect(re.dtype, where).toBe(DTYPE[expected.class]);
      expect(re.shape, where).toEqual(expected.shape);
      expect(values(re), where).toEqual(values(npy(expected.data).astype(re.dtype)));
      if (expected.imag !== undefined)
        expect(values(imag(a)), where).toEqual(values(npy(expected.imag).astype(re.dtype)));
      return;
    }
    case 'char': {
      const [r] = expected.shape;
      if ((r as number) <= 1) expect(actual, where).toBe(expected.rows[0] ?? '');
      else expect(actual, where).toEqual(expected.rows);
      return;
    }
    case 'cell': {
      const c = actual as MatCell;
      expect(c.kind, where).toBe('cell');
      expect(c.shape, where).toEqual(expected.shape);
      expected.items.forEach((e, k) => {
        check(c.values[k] as MatValue, e, `${where}{${k}}`, format, npy);
      });
      return;
    }
    case 'struct': {
      const count = expected.shape.reduce((a, b) => a * b, 1);
      if (count === 1 && new Set(expected.fields).size === expected.fields.length && !('kind' in (actual as object))) {
        const o = actual as Record<string, MatValue>;
        expect(Object.keys(o), where).toEqual(expected.fields);
        for (const [i, f] of expected.fields.entries())
          check(o[f] as MatValue, (expected.items[0] as Expected[])[i] as Expected, `${where}.${f}`, format, npy);
        return;
      }
      const s = actual as MatStructArray;
      expect(s.kind, where).toBe('struct');
      expect(s.shape, where).toEqual(expected.shape);
      expect(s.fieldNames, where).toEqual(expected.fields);
      for (const [e, row] of expected.items.entries())
        for (const [f, v] of row.entries())
          check((s.elements[e] as MatValue[])[f] as MatValue, v, `${where}(${e}).${expected.fields[f]}`, format, npy);
      return;
    }
    case 'sparse': {
      const s = actual as MatSparse;
      expect(s.kind, where).toBe('sparse');
      expect(s.shape, where).toEqual(expected.shape);
      expect([...s.ir], where).toEqual(expected.ir);
      expect([...s.jc], where).toEqual(expected.jc);
      expect(s.logical, where).toBe(expected.class === 'logical');
      expect(
        [...s.data].map((v) => (Object.is(v, -0) ? '-0' : v)),
        where,
      ).toEqual(expected.data.map((v) => (Object.is(v, -0) ? '-0' : v)));
      if (expected.imag !== undefined) expect([...(s.imag ?? [])], where).toEqual(expected.imag);
      return;
    }
  }
}
