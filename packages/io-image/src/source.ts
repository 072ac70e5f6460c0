/**
 * Where image bytes come from: a path (string or file: URL), bytes in memory, or a readable
 * stream (collected, with a byte budget, before decoding).
 */
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { NdImageError } from '@ndimage/core-array';
import { invalidArgument } from '@ndimage/core-array/internal';
import type { Origin } from './errors.js';

/** Accepted sources: a path, a `file:` URL, bytes, or a readable stream. */
export type ImageSource = string | URL | Uint8Array | ArrayBuffer | Readable;

/** A source made ready for sharp. */
export interface Resolved {
  input: string | Buffer;
  origin: Origin;
}

/** Resolves `source`, checking that a path is a readable file (so a missing one is `ERR_IO`). */
export async function resolveSource(source: ImageSource, maxBytes: number): Promise<Resolved> {
  if (typeof source === 'string' || source instanceof URL) {
    // Only file: URLs name a file; fetching is the caller's business (then pass the bytes).
    if (typeof source !== 'string' && source.protocol !== 'file:')
      throw new NdImageError(
        'ERR_UNSUPPORTED',
        `\`source\` is a ${source.protocol} URL; imread reads files (a path or a file: URL), bytes or streams — fetch it and pass the bytes`,
        { argument: 'source' },
      );
    let path: string;
    try {
      path = typeof source === 'string' ? source : fileURLToPath(source);
    } catch (e) {
      // A file: URL Node cannot turn into a path here (a remote host, an encoded slash).
      throw new NdImageError(
        'ERR_UNSUPPORTED',
        `\`source\` ${String(source)} is not a local file: ${(e as Error).message}`,
        {
          argument: 'source',
          cause: e,
        },
      );
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (e) {
      throw new NdImageError('ERR_IO', `cannot read ${path}: ${(e as Error).message}`, { path, cause: e });
    }
    if (!info.isFile()) throw new NdImageError('ERR_IO', `cannot read ${path}: not a file`, { path });
    if (info.size === 0) throw new NdImageError('ERR_FORMAT', `cannot read ${path}: the file is empty`, { path });
    return { input: path, origin: { path } };
  }
  if (source instanceof Uint8Array) {
    if (source.length === 0)
      throw new NdImageError('ERR_FORMAT', 'cannot read the buffer: it is empty', { argument: 'source' });
    return { input: Buffer.from(source.buffer, source.byteOffset, source.byteLength), origin: { what: 'the buffer' } };
  }
  if (source instanceof ArrayBuffer) return resolveSource(new Uint8Array(source), maxBytes);
  if (source !== null && typeof source === 'object' && typeof (source as Readable).on === 'function') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of source as Readable) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
      total += b.length;
      if (total > maxBytes)
        throw new NdImageError('ERR_LIMIT', `the stream is larger than maxBytes (${maxBytes})`, { argument: 'source' });
      chunks.push(b);
    }
    return resolveSource(Buffer.concat(chunks), maxBytes).then((r) => ({ ...r, origin: { what: 'the stream' } }));
  }
  throw invalidArgument('source', 'a path, a file: URL, bytes or a readable stream', source);
}
