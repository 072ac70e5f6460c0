/**
 * Reading NumPy `.npy` bytes into an {@link NdArray}.
 */
import { type allocate, DATA_CONSTRUCTORS, DTYPE_INFO, type DType } from '../dtypes.js';
import { NdImageError } from '../errors.js';
import { NdArray } from '../ndarray.js';
import { cStrides, fStrides } from '../shape.js';
import { checkOptions, optionKeys } from '../validate/options.js';
import { checkInteger } from '../validate.js';
import { parseNpyHeader } from './header.js';

/** Options of {@link readNpy}. */
export interface ReadNpyOptions {
  /**
   * Always copy the data. Otherwise a little-endian, aligned payload is used in place: the array
   * shares memory with `bytes` (free, and safe while nobody rewrites those bytes).
   * @defaultValue false
   */
  copy?: boolean;
  /** Largest header accepted, in bytes (NumPy's `max_header_size`). @defaultValue 10000 */
  maxHeaderSize?: number;
}

const READ_NPY_KEYS = optionKeys<ReadNpyOptions>({ copy: true, maxHeaderSize: true });

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes a `.npy` file (format versions 1.0, 2.0 and 3.0; little- and big-endian; C and
 * Fortran order; bool, (u)int8–64, float32, float64). Fortran-order data becomes a view with
 * Fortran strides, without reordering.
 *
 * Every byte is treated as hostile: a bad magic string, header, dtype or a payload whose length
 * does not match the shape gives `ERR_FORMAT` before anything is allocated.
 *
 * @throws NdImageError `ERR_FORMAT` (malformed), `ERR_UNSUPPORTED` (valid but other dtype, e.g.
 *   float16 or complex), `ERR_LIMIT` (header larger than `maxHeaderSize`).
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const a = readNpy(readFileSync('image.npy')); // np.load('image.npy')
 * ```
 * @see numpy.load
 */
export function readNpy(bytes: Uint8Array, opts: ReadNpyOptions = {}): NdArray {
  const options = checkOptions(opts, READ_NPY_KEYS);
  if (!(bytes instanceof Uint8Array)) {
    throw new NdImageError('ERR_INVALID_ARGUMENT', 'invalid argument: `bytes` must be a Uint8Array (or Buffer)', {
      argument: 'bytes',
    });
  }
  const maxHeader = checkInteger(options.maxHeaderSize ?? 10000, 'maxHeaderSize', { min: 0 });
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new NdImageError('ERR_FORMAT', 'not a .npy file: the magic string \\x93NUMPY is missing', { byteOffset: 0 });
  }
  const major = bytes[6] as number;
  const minor = bytes[7] as number;
  if (major < 1 || major > 3 || minor !== 0) {
    throw new NdImageError('ERR_FORMAT', `unsupported .npy format version ${major}.${minor} (known: 1.0, 2.0, 3.0)`, {
      byteOffset: 6,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize)
    throw new NdImageError('ERR_FORMAT', 'truncated .npy file: no header length', { byteOffset: 8 });
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lenSize;
  if (headerLength > maxHeader) {
    throw new NdImageError(
      'ERR_LIMIT',
      `.npy header of ${headerLength} bytes exceeds maxHeaderSize ${maxHeader} (raise it only for files you trust)`,
      { byteOffset: 8 },
    );
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) {
    throw new NdImageError(
      'ERR_FORMAT',
      `truncated .npy file: header claims ${headerLength} bytes, ${bytes.length - headerStart} present`,
      {
        byteOffset: headerStart,
      },
    );
  }
  const headerBytes = bytes.subarray(headerStart, dataStart);
  const text = major === 3 ? new TextDecoder('utf-8', { fatal: false }).decode(headerBytes) : latin1(headerBytes);
  const header = parseNpyHeader(text);
  const { dtype, shape } = header;
  const itemsize = DTYPE_INFO[dtype].itemsize;
  let size = 1;
  for (const d of shape) size *= d;
  const expected = size * itemsize;
  const present = bytes.length - dataStart;
  if (!Number.isSafeInteger(expected) || expected !== present) {
    throw new NdImageError(
      'ERR_FORMAT',
      `.npy data length ${present} bytes does not match shape (${shape.join(', ')}) of ${dtype} (${Number.isSafeInteger(expected) ? expected : 'too many'} bytes)`,
      { byteOffset: dataStart },
    );
  }
  const data = decodeData(bytes, dataStart, size, dtype, header.littleEndian === HOST_LITTLE, options.copy === true);
  const strides = header.fortranOrder ? fStrides(shape) : cStrides(shape);
  return new NdArray(data, shape, { strides, dtype });
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
}

/** The payload as a typed array: in place when allowed and possible, else copied (and byte-swapped). */
function decodeData(bytes: Uint8Array, start: number, size: number, dtype: DType, native: boolean, copy: boolean) {
  const itemsize = DTYPE_INFO[dtype].itemsize;
  const Ctor = DATA_CONSTRUCTORS[dtype] as unknown as new (
    b: ArrayBufferLike,
    o: number,
    n: number,
  ) => ReturnType<typeof allocate>;
  const at = bytes.byteOffset + start;
  let data: ReturnType<typeof allocate>;
  if (native && !copy && at % itemsize === 0) {
    data = new Ctor(bytes.buffer, at, size);
  } else {
    // A fresh copy (Buffer#slice would be a view into a shared pool).
    const raw = new Uint8Array(size * itemsize);
    raw.set(bytes.subarray(start, start + size * itemsize));
    if (!native && itemsize > 1) {
      for (let i = 0; i < raw.length; i += itemsize) raw.subarray(i, i + itemsize).reverse();
    }
    data = new Ctor(raw.buffer, 0, size);
  }
  if (dtype === 'bool') {
    // NumPy reads any nonzero byte as True; keep the 0/1 invariant of bool arrays.
    const b = data as Uint8Array;
    let clean = true;
    for (let i = 0; i < b.length; i++) if ((b[i] as number) > 1) clean = false;
    if (!clean) {
      const fixed = clean ? b : new Uint8Array(b.length);
      for (let i = 0; i < b.length; i++) fixed[i] = b[i] ? 1 : 0;
      data = fixed;
    }
  }
  return data;
}
