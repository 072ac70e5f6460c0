/**
 * Asserting on errors by code, the way callers branch on them.
 */
import { NdImageError, type NdImageErrorCode } from '../errors.js';

/**
 * Runs `fn` and returns the `NdImageError` it throws. Throws an `Error` (failing the test) when
 * `fn` returns normally, throws something else, or throws another code than `code`, or a message
 * that does not match `message`.
 *
 * @example
 * ```ts
 * import { expectNdImageError } from '@ndimage/core-array/testing';
 * expectNdImageError(() => zeros([2, -1]), 'ERR_INVALID_ARGUMENT', /`shape`/);
 * ```
 */
export function expectNdImageError(
  fn: () => unknown,
  code?: NdImageErrorCode,
  message?: RegExp | string,
): NdImageError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error(`expected an NdImageError${code ? ` ${code}` : ''}; nothing was thrown`);
  if (!NdImageError.isInstance(thrown)) throw new Error(`expected an NdImageError; got ${String(thrown)}`);
  if (code !== undefined && thrown.code !== code) {
    throw new Error(`expected NdImageError ${code}; got ${thrown.code}: ${thrown.message}`);
  }
  if (message !== undefined) {
    const ok = typeof message === 'string' ? thrown.message.includes(message) : message.test(thrown.message);
    if (!ok)
      throw new Error(`NdImageError message ${JSON.stringify(thrown.message)} does not match ${String(message)}`);
  }
  return thrown;
}
