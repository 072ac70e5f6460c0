/**
 * Outputs appear whole or not at all: each is written under a temporary name beside its final
 * name and renamed into place when complete; a failure removes the temporary.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NdImageError } from '@ndimage/core-array';

/** A temporary name beside `target` (same folder, so the final rename is atomic). */
export function temporaryBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`);
}

/** Refuses an existing output unless `overwrite`. */
export function checkTarget(target: string, overwrite: boolean): void {
  if (!overwrite && existsSync(target)) {
    throw new NdImageError('ERR_IO', `${target} exists already (pass \`overwrite: true\` to replace it)`, {
      path: target,
    });
  }
}

/** Moves the finished temporary into place (replacing an old output when allowed). */
export async function commit(temporary: string, target: string): Promise<void> {
  if (existsSync(target)) await rm(target, { recursive: true, force: true });
  await rename(temporary, target);
}

/** Removes a temporary after a failure. */
export async function discard(temporary: string): Promise<void> {
  await rm(temporary, { recursive: true, force: true });
}
