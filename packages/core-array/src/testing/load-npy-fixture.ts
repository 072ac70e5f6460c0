/**
 * Loading golden `.npy` files written by the generator scripts in `tools/fixtures/`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NdImageError } from '../errors.js';
import type { NdArray } from '../ndarray.js';
import { readNpy } from '../npy/read-npy.js';

/**
 * Reads a `.npy` fixture from a path or a `file:` URL (use `new URL('./fixtures/x.npy', import.meta.url)`
 * to resolve it next to the test file).
 *
 * @throws NdImageError `ERR_IO` naming the file when it cannot be read, and `readNpy`'s errors.
 * @example
 * ```ts
 * const expected = loadNpyFixture(new URL('../test/fixtures/roll_2d.npy', import.meta.url));
 * ```
 */
export function loadNpyFixture(location: string | URL): NdArray {
  const path = typeof location === 'string' ? location : fileURLToPath(location);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new NdImageError('ERR_IO', `cannot read fixture ${path}: ${(cause as Error).message}`, { path, cause });
  }
  try {
    return readNpy(bytes);
  } catch (e) {
    if (NdImageError.isInstance(e)) throw new NdImageError(e.code, `${path}: ${e.message}`, { path, cause: e });
    throw e;
  }
}
