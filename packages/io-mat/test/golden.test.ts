/**
 * Replays test/fixtures/manifest.json, written with scipy.io by tools/fixtures/io_mat.py: for every
 * file (savemat output, compressed or not, levels 4 and 5, and hand-made MATLAB-style files:
 * big-endian, doubles stored as uint8, UTF-16 chars, spaces in the subsystem field), loadmat must
 * return what scipy.io.loadmat(f, mat_dtype=True) returns — classes, shapes and values exactly.
 */
import { readFileSync } from 'node:fs';
import type { NdArray } from '@ndimage/core-array';
import { loadNpyFixture } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import { loadmat, type MatValue } from '../src/index.js';
import { check, type Expected } from './expected.js';

interface FileCase {
  file: string;
  format: string;
  variables: [string, Expected][];
}

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { files: FileCase[] };
const npy = (f: string): NdArray => loadNpyFixture(new URL(f, dir));

describe('SciPy corpus', () => {
  for (const c of manifest.files) {
    it(c.file, async () => {
      const vars = await loadmat(new URL(c.file, dir).pathname);
      expect(Object.keys(vars)).toEqual(c.variables.map(([n]) => n));
      for (const [name, expected] of c.variables)
        check(vars[name] as MatValue, expected, `${c.file}:${name}`, c.format, npy);
    });
  }
});
