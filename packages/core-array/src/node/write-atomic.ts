/**
 * Atomic file writes, as every writer of the project promises them: the bytes go to a temporary
 * file in the target's folder, which then replaces the target in one rename. A failure leaves the
 * target as it was (never truncated or half-written) and removes the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NdImageError } from '../errors.js';

/**
 * Writes `bytes` to `path` atomically (a hidden `.name.<random>.tmp` beside it, then a rename).
 *
 * @throws NdImageError `ERR_IO` naming `path` when the folder is missing or not writable, the disk
 *   is full, and so on; the target is then untouched.
 * @example
 * ```ts
 * import { writeFileAtomic } from '@ndimage/core-array/node';
 * await writeFileAtomic('out.npy', writeNpy(a)); // np.save('out.npy', a), without a half-written file on failure
 * ```
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new NdImageError('ERR_IO', `cannot write ${path}: ${reason(e, temp, path)}`, { path, cause: e });
  }
}

/**
 * Why the write failed, in terms of the path the caller gave: Node's message names the hidden
 * temporary file (`open 'out/.x.png.1f2e….tmp'`), which the caller never asked for.
 */
function reason(e: unknown, temp: string, path: string): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `the folder ${dirname(path)} does not exist`;
    case 'ENOTDIR':
      return `a part of ${dirname(path)} is not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied in ${dirname(path)}`;
    case 'EISDIR':
    case 'ENOTEMPTY':
      return `${path} is a folder`;
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
  }
  const message = e instanceof Error ? e.message : String(e);
  return message.split(temp).join(path);
}
