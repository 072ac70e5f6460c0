/**
 * MAT v7.3 (HDF5) through h5wasm: files written with h5py in MATLAB's layout
 * (tools/fixtures/io_mat_v73.py, which studied a MATLAB-written v7.3 file first; see
 * test/fixtures/v73/LAYOUT.md) read to the values recorded in their manifest.
 */
import { readFileSync } from 'node:fs';
import type { NdArray } from '@ndimage/core-array';
import { loadNpyFixture } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import { loadmat, type MatValue, whosmat } from '../src/index.js';
import { check, type Expected } from './expected.js';

const dir = new URL('./fixtures/v73/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as {
  files: { file: string; variables: [string, Expected][] }[];
};
const npy = (f: string): NdArray => loadNpyFixture(new URL(f, dir));

describe('MAT v7.3 (HDF5)', () => {
  for (const c of manifest.files) {
    it(c.file, async () => {
      const path = new URL(c.file, dir).pathname;
      const vars = await loadmat(path);
      expect(Object.keys(vars).sort()).toEqual(c.variables.map(([n]) => n).sort());
      for (const [name, expected] of c.variables)
        check(vars[name] as MatValue, expected, `${c.file}:${name}`, '5', npy);
      const info = await whosmat(path);
      expect(info.map((v) => v.name).sort()).toEqual(c.variables.map(([n]) => n).sort());
    });
  }
});
