/**
 * bad-input.md #3: a v7.3 (HDF5) file when the optional peer dependency h5wasm is not installed is
 * ERR_UNSUPPORTED naming the package to install — never parsed as a level-5 file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readV73 } from '../src/v73.js';

vi.mock('h5wasm/node', () => {
  throw new Error("Cannot find package 'h5wasm' imported from io-mat");
});

describe('v7.3 without h5wasm', () => {
  it('is ERR_UNSUPPORTED with the install line', async () => {
    const bytes = readFileSync(new URL('./fixtures/v73/numeric.mat', import.meta.url));
    const e = await readV73(bytes, 'numeric.mat', () => undefined).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'ERR_UNSUPPORTED' });
    expect((e as Error).message).toBe(
      'numeric.mat is a MAT v7.3 (HDF5) file; reading it needs the optional package h5wasm (npm install h5wasm)',
    );
  });
});
