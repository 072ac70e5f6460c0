/**
 * Usage errors (exit code 2) against runtime errors (exit code 1).
 */
import { NdImageError } from '@ndimage/core-array';

/** A usage error (exit code 2): a bad flag value, named in the message. */
export class UsageError extends Error {}

/**
 * The exit code for an error: 2 for a bad flag (ours, or an option value the library rejects
 * without a file involved), 1 for everything about files and data.
 */
export function exitCodeOf(e: unknown): 1 | 2 {
  if (e instanceof UsageError) return 2;
  return NdImageError.isInstance(e) && e.code === 'ERR_INVALID_ARGUMENT' && e.path === undefined ? 2 : 1;
}
