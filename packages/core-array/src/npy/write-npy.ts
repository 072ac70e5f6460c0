/**
 * Writing an array as NumPy `.npy` bytes, byte for byte what `numpy.save` writes.
 */
import { asarray, type NdArrayLike } from '../array.js';
import { DTYPE_INFO } from '../dtypes.js';
import type { NdArray } from '../ndarray.js';
import { formatNpyHeader } from './header.js';

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** True when the array's elements lie in Fortran (column-major) order without gaps. */
function isFortranContiguous(a: NdArray): boolean {
  let expected = 1;
  for (let i = 0; i < a.ndim; i++) {
    const n = a.shape[i] as number;
    if (n === 0) return true;
    if (n !== 1 && a.strides[i] !== expected) return false;
    expected *= n;
  }
  return true;
}

/**
 * Encodes an array as a `.npy` file (format 1.0, or 2.0 when the header needs it) with NumPy's
 * exact header text and 64-byte alignment. A C-contiguous array is written as is, a
 * Fortran-contiguous one with `fortran_order: True` (as NumPy does), anything else as a C-order copy.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('out.npy', writeNpy(array([[1, 2], [3, 4]]))); // np.save('out.npy', a)
 * ```
 * @see numpy.save
 */
export function writeNpy(input: NdArrayLike): Uint8Array {
  let a = asarray(input);
  const fortran = !a.isContiguous() && isFortranContiguous(a);
  if (!fortran) a = a.toContiguous();
  const itemsize = DTYPE_INFO[a.dtype].itemsize;
  const text = formatNpyHeader(a.dtype, HOST_LITTLE, fortran, a.shape);
  // NumPy pads with spaces and a final '\n' so the data starts on a 64-byte boundary; the pad is
  // 1..64 spaces (64, not 0, when already aligned). Version 1.0 holds headers up to 65535 bytes.
  let preamble = 10;
  let pad = 64 - ((preamble + text.length + 1) % 64);
  let major = 1;
  if (text.length + 1 + pad > 65535) {
    major = 2;
    preamble = 12;
    pad = 64 - ((preamble + text.length + 1) % 64);
  }
  const header = `${text}${' '.repeat(pad)}\n`;
  const dataBytes = a.size * itemsize;
  const out = new Uint8Array(preamble + header.length + dataBytes);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[preamble + i] = header.charCodeAt(i);
  // Fortran-contiguous arrays: their memory from the lowest address, which is their offset.
  const first = a.offset;
  const src = new Uint8Array(a.data.buffer, a.data.byteOffset + first * itemsize, dataBytes);
  out.set(src, preamble + header.length);
  return out;
}
