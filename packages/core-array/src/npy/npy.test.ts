import { describe, expect, it } from 'vitest';
import { NdImageError } from '../errors.js';
import { arange, array, zeros } from '../index.js';
import { readNpy } from './read-npy.js';
import { writeNpy } from './write-npy.js';

/** A .npy file with an arbitrary header text and payload. */
function npy(header: string, payload: Uint8Array = new Uint8Array(0), version = 1): Uint8Array {
  const pre = version === 1 ? 10 : 12;
  const text = `${header}\n`;
  const out = new Uint8Array(pre + text.length + payload.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const dv = new DataView(out.buffer);
  if (version === 1) dv.setUint16(8, text.length, true);
  else dv.setUint32(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[pre + i] = text.charCodeAt(i);
  out.set(payload, pre + text.length);
  return out;
}

const errorOf = (bytes: Uint8Array): NdImageError => {
  try {
    readNpy(bytes);
  } catch (e) {
    if (NdImageError.isInstance(e)) return e;
    throw new Error(`not an NdImageError: ${String(e)}`);
  }
  throw new Error('no error');
};

describe('writeNpy / readNpy', () => {
  it('round-trips values, dtype and shape', () => {
    const a = arange(12, { dtype: 'int16' }).reshape([3, 4]);
    const b = readNpy(writeNpy(a));
    expect(b.dtype).toBe('int16');
    expect(b.toArray()).toEqual(a.toArray());
  });

  it('aligns the data to 64 bytes and writes NumPy’s header text', () => {
    const bytes = writeNpy(zeros([3, 4]));
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    const text = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(text.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }")).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes a transposed (Fortran-contiguous) array without reordering, as NumPy', () => {
    const t = arange(6).reshape([2, 3]).transpose();
    const back = readNpy(writeNpy(t));
    expect(back.toArray()).toEqual(t.toArray());
    expect(back.strides).toEqual([1, 3]);
  });

  it('reads in place when aligned, copies when asked', () => {
    const bytes = writeNpy(arange(4));
    expect(readNpy(bytes).data.buffer).toBe(bytes.buffer);
    expect(readNpy(bytes, { copy: true }).data.buffer).not.toBe(bytes.buffer);
  });

  it('reads a file whose payload is misaligned in memory (copying)', () => {
    const bytes = writeNpy(array([1.5, 2.5]));
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(readNpy(shifted.subarray(1)).toArray()).toEqual([1.5, 2.5]);
  });
});

describe('readNpy treats every byte as hostile', () => {
  it('empty, short, and wrong magic', () => {
    expect(errorOf(new Uint8Array(0)).code).toBe('ERR_FORMAT');
    expect(errorOf(new Uint8Array([0x93, 0x4e, 0x55])).code).toBe('ERR_FORMAT');
    expect(errorOf(new TextEncoder().encode('PK\x03\x04 this is a zip')).message).toMatch(/magic/);
  });

  it('unknown format version', () => {
    const bytes = writeNpy(zeros([1]));
    bytes[6] = 9;
    expect(errorOf(bytes).message).toMatch(/version 9\.0/);
  });

  it('header length beyond the file', () => {
    const bytes = writeNpy(zeros([1])).slice(0, 20);
    expect(errorOf(bytes).code).toBe('ERR_FORMAT');
  });

  it('a huge header is refused by the size limit, not parsed', () => {
    const big = npy(
      `{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }${' '.repeat(20000)}`,
      new Uint8Array(8),
      2,
    );
    expect(errorOf(big).code).toBe('ERR_LIMIT');
    expect(readNpy(big, { maxHeaderSize: 30000 }).toArray()).toEqual([0]);
  });

  it('malformed dicts', () => {
    for (const h of [
      "{'descr': '<f8', 'fortran_order': False}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}",
      "{'descr': '<f8', 'fortran_order': 'no', 'shape': (2,)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (-2,)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,",
      "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}",
      "__import__('os').system('true')",
      `{'descr': '<f8', 'fortran_order': False, 'shape': ${'('.repeat(50)}${')'.repeat(50)}}`,
    ]) {
      expect(errorOf(npy(h)).code, h).toBe('ERR_FORMAT');
    }
  });

  it('valid but unsupported dtypes say so', () => {
    for (const d of ['<f2', '<c32', '<U8', '|O', '|V16']) {
      const e = errorOf(npy(`{'descr': '${d}', 'fortran_order': False, 'shape': (1,), }`));
      expect(e.code, d).toBe('ERR_UNSUPPORTED');
      expect(e.message).toContain(d);
    }
    const structured = errorOf(npy("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }"));
    expect(structured.code).toBe('ERR_UNSUPPORTED');
  });

  it('a dimension bomb (huge shape, no data) fails fast without allocating', () => {
    const e = errorOf(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }"));
    expect(e.code).toBe('ERR_FORMAT');
    expect(e.message).toMatch(/does not match/);
    const overflow = errorOf(
      npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }"),
    );
    expect(overflow.code).toBe('ERR_FORMAT');
  });

  it('data shorter or longer than the shape needs', () => {
    const h = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
    expect(errorOf(npy(h, new Uint8Array(15))).code).toBe('ERR_FORMAT');
    expect(errorOf(npy(h, new Uint8Array(17))).code).toBe('ERR_FORMAT');
    expect(readNpy(npy(h, new Uint8Array(16))).toArray()).toEqual([0, 0]);
  });

  it('refuses a non-byte input', () => {
    expect(() => readNpy('file.npy' as never)).toThrow(/`bytes` must be a Uint8Array/);
  });

  it('bool payloads with bytes other than 0/1 read as true (normalised)', () => {
    const e = readNpy(npy("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", new Uint8Array([0, 1, 7])));
    expect(e.toArray()).toEqual([0, 1, 1]);
  });
});
