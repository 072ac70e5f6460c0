/**
 * savemat writes what scipy.io.savemat writes, byte for byte: every level-5 file of the corpus,
 * read and written back with the same options, equals SciPy's file after the 116-byte header text
 * (which holds the platform and date). Compressed files are compared after inflating each
 * variable (the deflate streams of two zlib builds may differ). So SciPy and MATLAB read our files
 * exactly as they read SciPy's.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadmat, type MatValue, type SavematOptions, savemat } from '../src/index.js';

const file = (f: string): Buffer => readFileSync(new URL(`./fixtures/files/${f}.mat`, import.meta.url));
const OPTIONS: Record<string, SavematOptions> = {
  doubles_col: { onedAs: 'column' },
  structs: { longFieldNames: true },
};

/** The inflated top-level elements of a compressed file. */
function inflated(bytes: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 128; at + 8 <= bytes.length; ) {
    const n = view.getUint32(at + 4, true);
    out.push(inflateSync(bytes.subarray(at + 8, at + 8 + n)));
    at += 8 + n;
  }
  return out;
}

describe('savemat = scipy.io.savemat', () => {
  for (const name of [
    'doubles',
    'doubles_col',
    'ints',
    'singles',
    'complex',
    'chars',
    'cells',
    'structs',
    'sparse',
    'names',
    'big',
  ]) {
    it(`${name}.mat`, async () => {
      const original = file(name);
      const vars = (await loadmat(new Uint8Array(original))) as Record<string, MatValue>;
      const ours = Buffer.from(await savemat(null, vars, OPTIONS[name]));
      expect(ours.subarray(116).equals(original.subarray(116))).toBe(true);
    });
    it(`${name}_z.mat (compressed)`, async () => {
      const original = file(`${name}_z`);
      const vars = (await loadmat(new Uint8Array(original))) as Record<string, MatValue>;
      const ours = await savemat(null, vars, { ...OPTIONS[name], doCompression: true });
      const a = inflated(ours);
      const b = inflated(original);
      expect(a.length).toBe(b.length);
      a.forEach((x, i) => {
        expect(x.equals(b[i] as Buffer)).toBe(true);
      });
    });
  }
});
