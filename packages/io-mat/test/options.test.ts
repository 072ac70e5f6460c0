/**
 * whosmat against the SciPy corpus, and loadmat's SciPy options: squeezeMe, simplifyCells,
 * matDtype, charsAs, variableNames; savemat's atomic write to a path.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { array, type NdArray } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { loadmat, savemat, whosmat } from '../src/index.js';

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as {
  files: { file: string; format: string; variables: [string, { kind: string; class?: string; shape: number[] }][] }[];
};
const path = (f: string): string => new URL(f, dir).pathname;

describe('whosmat', () => {
  for (const c of manifest.files.filter((f) => f.format === '5')) {
    it(c.file, async () => {
      const info = await whosmat(path(c.file));
      expect(info.map((v) => v.name)).toEqual(c.variables.map(([n]) => n));
      c.variables.forEach(([, e], i) => {
        expect(info[i]?.shape).toEqual(e.shape);
        const cls = e.kind === 'array' ? e.class : e.kind === 'sparse' ? 'sparse' : e.kind;
        expect(info[i]?.class).toBe(cls);
      });
    });
  }
});

describe('loadmat options', () => {
  it('squeezeMe: scalars become numbers, unit dims go (scipy squeeze_me=True)', async () => {
    const v = await loadmat(path('files/doubles.mat'), { squeezeMe: true });
    expect(v.x).toBe(3.5);
    expect((v.row as NdArray).shape).toEqual([5]);
    const b = await loadmat(await savemat(null, { t: true, n: 7 }), { squeezeMe: true });
    expect(b.t).toBe(true);
    expect(b.n).toBe(7);
  });

  it('simplifyCells: cells as arrays, structs as objects (scipy simplify_cells=True)', async () => {
    const v = await loadmat(path('files/structs.mat'), { simplifyCells: true });
    const s = v.s as Record<string, unknown>;
    expect(s.a).toBe(1);
    expect(s.b).toBe('text');
    expect(((s.nested as Record<string, unknown>).x as NdArray).toArray()).toEqual([0, 1, 2]);
    expect(Array.isArray(v.arr)).toBe(true);
    const c = await loadmat(path('files/cells.mat'), { simplifyCells: true });
    expect((c.c as unknown[])[1]).toBe('two');
  });

  it('matDtype: false gives the storage type, as SciPy by default', async () => {
    const asClass = await loadmat(path('files/double_as_uint8.mat'));
    expect((asClass.x as NdArray).dtype).toBe('float64');
    const stored = await loadmat(path('files/double_as_uint8.mat'), { matDtype: false });
    expect((stored.x as NdArray).dtype).toBe('uint8');
    const bools = await loadmat(path('files/ints.mat'), { matDtype: false });
    expect((bools.bools as NdArray).dtype).toBe('uint8');
  });

  it("charsAs: 'codes' gives code points with MATLAB's dims", async () => {
    const v = await loadmat(path('files/chars.mat'), { charsAs: 'codes' });
    expect((v.s as NdArray).toArray()).toEqual([[104, 101, 108, 108, 111]]);
    expect((v.rows as NdArray).shape).toEqual([2, 3]);
  });

  it('variableNames reads only the named variables', async () => {
    const bytes = await savemat(null, { a: array([[1]]), b: array([[2]]), c: 'x' }, { doCompression: true });
    const v = await loadmat(bytes, { variableNames: ['b'] });
    expect(Object.keys(v)).toEqual(['b']);
  });
});

describe('savemat to a path', () => {
  it('replaces a file atomically: no temporary file is left, a failed write leaves nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'io-mat-save-'));
    try {
      const target = join(folder, 'x.mat');
      await savemat(target, { a: array([1, 2]) });
      await savemat(target, { b: array([3]) });
      expect(Object.keys(await loadmat(target))).toEqual(['b']);
      expect(readdirSync(folder)).toEqual(['x.mat']);
      const missing = join(folder, 'nope', 'y.mat');
      // The message names the path asked for, not the hidden temporary file written first.
      await expect(savemat(missing, { a: array([1]) })).rejects.toMatchObject({
        code: 'ERR_IO',
        path: missing,
        message: `cannot write ${missing}: the folder ${join(folder, 'nope')} does not exist`,
      });
      expect(readdirSync(folder)).toEqual(['x.mat']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('savemat: arrays of another copy of core-array', () => {
  it('writes an NdArray-like value as an array, not as a struct of its fields', async () => {
    // What a second installed copy of @ndimage/core-array (or a scijs ndarray) hands over.
    const foreign = { data: Float64Array.of(1, 2, 3, 4), shape: [2, 2], strides: [2, 1], offset: 0, dtype: 'float64' };
    const v = await loadmat(await savemat(null, { x: foreign as never }));
    expect((v.x as NdArray).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
