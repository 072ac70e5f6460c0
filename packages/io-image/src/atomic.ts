/**
 * Atomic file writes: the bytes go to a temporary file in the target's folder, which then
 * replaces the target in one rename. A failure leaves the target as it was (never truncated or
 * half-written) and removes the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NdImageError } from '@ndimage/core-array';

/** Writes `bytes` to `path` atomically. */
export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new NdImageError('ERR_IO', `cannot write ${path}: ${(e as Error).message}`, { path, cause: e });
  }
}
