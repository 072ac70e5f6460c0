/**
 * sharp's errors as `NdImageError`s: libvips reports problems as message text, so the text decides
 * the code — a missing file is `ERR_IO`, a pixel-limit refusal `ERR_LIMIT`, anything the decoder
 * rejects (truncated, corrupt, not an image, unsupported) `ERR_FORMAT` — and the path (or "the
 * buffer") is always named.
 */
import { NdImageError } from '@ndimage/core-array';

/** What the error is about: a file path, or a description of in-memory input. */
export type Origin = { path: string } | { what: string };

const describe = (o: Origin): string => ('path' in o ? o.path : o.what);

/** Wraps any error thrown while decoding or encoding `origin`. */
export function codecError(e: unknown, origin: Origin, writing = false): NdImageError {
  // Already ours (from any installed copy of core-array: isInstance, not instanceof): as it is.
  if (NdImageError.isInstance(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  const path = 'path' in origin ? origin.path : undefined;
  const where = describe(origin);
  let code: 'ERR_IO' | 'ERR_LIMIT' | 'ERR_FORMAT' = 'ERR_FORMAT';
  if (/pixel limit|exceeds pixel|too large/i.test(message)) code = 'ERR_LIMIT';
  else if (/missing|no such file|ENOENT|EACCES|EISDIR|permission|unable to open/i.test(message)) code = 'ERR_IO';
  const verb = writing ? 'cannot write' : 'cannot read';
  return new NdImageError(code, `${verb} ${where}: ${message.split('\n')[0]}`, { path, cause: e });
}
