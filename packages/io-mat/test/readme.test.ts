/**
 * The README's example, in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { array, type NdArray } from '@ndimage/core-array';
import { afterAll, expect, it } from 'vitest';
import { loadmat, savemat } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'io-mat-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the README example', async () => {
  const path = join(dir, 'test.mat');
  await savemat(path, {
    x: array([
      [1, 2],
      [3, 4],
    ]),
    name: 'hello',
  });
  const vars = await loadmat(path);
  expect((vars.x as NdArray).toArray()).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect((vars.x as NdArray).get(0, 1)).toBe(2);
  expect(vars.name).toBe('hello');
});
