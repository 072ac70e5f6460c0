/**
 * zlib and gzip through Node's native zlib, for reading and writing: zarrita's own versions only
 * decode (with the browser's DecompressionStream), and Node's are faster than WebAssembly ports.
 */
import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import * as zarr from 'zarrita';

function codec(compress: (b: Uint8Array, level: number) => Uint8Array, decompress: (b: Uint8Array) => Uint8Array) {
  return class {
    readonly kind = 'bytes_to_bytes';
    constructor(private readonly level: number) {}
    static fromConfig(config: { level?: number }) {
      return new this(typeof config?.level === 'number' ? config.level : 1);
    }
    encode(bytes: Uint8Array): Uint8Array {
      return compress(bytes, this.level);
    }
    decode(bytes: Uint8Array): Uint8Array {
      return decompress(bytes);
    }
  };
}

const Zlib = codec(
  (b, level) => deflateSync(b, { level }),
  (b) => inflateSync(b),
);
const Gzip = codec(
  (b, level) => gzipSync(b, { level }),
  (b) => gunzipSync(b),
);

let done = false;

/** Registers the Node codecs with zarrita (once). */
export function useNodeCodecs(): void {
  if (done) return;
  done = true;
  const r = zarr.registry as Map<string, () => unknown>;
  r.set('zlib', () => Zlib);
  r.set('numcodecs.zlib', () => Zlib);
  r.set('gzip', () => Gzip);
  r.set('numcodecs.gzip', () => Gzip);
}
