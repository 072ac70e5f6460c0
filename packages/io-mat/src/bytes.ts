/**
 * Bounds-checked reads of a .mat file's bytes in its byte order. Every read checks that the bytes
 * are there, so a lying length or a truncated file is an `ERR_FORMAT` naming the byte offset — never
 * a `RangeError` from a DataView or a read past the end.
 */
import { NdImageError } from '@ndimage/core-array';

/** A view of the bytes with the file's byte order. */
export class Bytes {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly little: boolean,
    /** What to name in errors: the file, or "the buffer". */
    readonly origin: string,
    /** Offset of `bytes` within the file, for error messages (inflated streams report their element). */
    readonly base = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Throws unless [at, at + n) is inside the bytes. */
  need(at: number, n: number, what: string): void {
    if (!(at >= 0 && n >= 0 && at + n <= this.bytes.length))
      this.fail(at, `${what} needs ${n} bytes, but the data ends at byte ${this.base + this.bytes.length}`);
  }

  u32(at: number): number {
    this.need(at, 4, 'a 32-bit value');
    return this.view.getUint32(at, this.little);
  }

  i32(at: number): number {
    this.need(at, 4, 'a 32-bit value');
    return this.view.getInt32(at, this.little);
  }

  u16(at: number): number {
    this.need(at, 2, 'a 16-bit value');
    return this.view.getUint16(at, this.little);
  }

  fail(at: number, message: string): never {
    throw new NdImageError('ERR_FORMAT', `${this.origin}: ${message} (at byte ${this.base + at})`, {
      byteOffset: this.base + at,
    });
  }

  limit(at: number, message: string): never {
    throw new NdImageError('ERR_LIMIT', `${this.origin}: ${message} (at byte ${this.base + at})`, {
      byteOffset: this.base + at,
    });
  }
}
