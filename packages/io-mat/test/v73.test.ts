/**
 * MAT v7.3 (HDF5) through h5wasm: files written with h5py in MATLAB's layout
 * (tools/fixtures/io_mat_v73.py, which studied a MATLAB-written v7.3 file first; see
 * test/fixtures/v73/LAYOUT.md) read to the values recorded in their manifest.
 */
import { readFileSync } from 'node:fs';
import type { NdArray, NdImageError } from '@ndimage/core-array';
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

describe('damaged v7.3 files', () => {
  const good = readFileSync(new URL('containers.mat', dir));
  /** `good` with 20 bytes past the user block inverted, a pattern chosen by `k`. */
  const damaged = (k: number): Uint8Array => {
    const b = new Uint8Array(good);
    for (let j = 0; j < 20; j++) {
      const at = 600 + ((k * 997 + j * 131) % (b.length - 600));
      b[at] = (b[at] as number) ^ 0x55;
    }
    return b;
  };

  it('truncated HDF5 data is ERR_FORMAT', async () => {
    const e = await loadmat(new Uint8Array(good.subarray(0, 2000))).catch((x: unknown) => x);
    expect((e as NdImageError).code).toBe('ERR_FORMAT');
  });

  it('a file that sends the HDF5 library into an endless loop stops at timeLimitMs (ERR_LIMIT)', async () => {
    const e = await loadmat(damaged(4), { timeLimitMs: 2000 }).catch((x: unknown) => x);
    expect((e as NdImageError).code).toBe('ERR_LIMIT');
    // The next read works: the stuck worker was terminated, not reused.
    expect(Object.keys(await loadmat(new URL('containers.mat', dir).pathname))).toEqual(['c', 's', 'sa', 'sp']);
  });
});
