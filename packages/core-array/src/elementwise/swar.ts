/**
 * A fast path for `add` and `sub` on 8- and 16-bit integers of one dtype: "SIMD within a
 * register". Four bytes (or two 16-bit lanes) are added in one 32-bit word, with the carries
 * kept out of neighbouring lanes by masking the top bit of each lane and restoring it with XOR.
 * Wrap-around is exactly NumPy's (the same bits for signed and unsigned), and the loops only see
 * Uint32Arrays, so they stay monomorphic. Measured on 4096² uint8: `u − v` 39 → 6 ms.
 *
 * Used when every array operand has the result's dtype, is C-contiguous, has the result's shape
 * and starts at the same byte offset modulo 4; otherwise the general engine runs.
 */
import type { NumericDType } from '../dtypes.js';
import { NdArray } from '../ndarray.js';
import type { Scalar } from '../promote.js';
import { shapesEqual } from '../shape.js';
import type { OutOptions } from './engine.js';

/** Lane masks: the low bits of every lane, by lane width in bytes. */
const LOW = { 1: 0x7f7f7f7f, 2: 0x7fff7fff } as const;
const HIGH = { 1: 0x80808080, 2: 0x80008000 } as const;
/** Multiplier that copies one lane value into every lane of a word. */
const SPLAT = { 1: 0x01010101, 2: 0x00010001 } as const;

function addWords(
  o: Uint32Array,
  oi: number,
  x: Uint32Array,
  xi: number,
  y: Uint32Array,
  yi: number,
  n: number,
  low: number,
  high: number,
): void {
  for (let k = 0; k < n; k++) {
    const p = x[xi + k]!;
    const q = y[yi + k]!;
    o[oi + k] = ((p & low) + (q & low)) ^ ((p ^ q) & high);
  }
}

function addWordsScalar(
  o: Uint32Array,
  oi: number,
  x: Uint32Array,
  xi: number,
  q: number,
  n: number,
  low: number,
  high: number,
): void {
  const ql = q & low;
  const qh = q & high;
  for (let k = 0; k < n; k++) {
    const p = x[xi + k]!;
    o[oi + k] = ((p & low) + ql) ^ ((p & high) ^ qh);
  }
}

function subWords(
  o: Uint32Array,
  oi: number,
  x: Uint32Array,
  xi: number,
  y: Uint32Array,
  yi: number,
  n: number,
  low: number,
  high: number,
): void {
  for (let k = 0; k < n; k++) {
    const p = x[xi + k]!;
    const q = y[yi + k]!;
    o[oi + k] = ((p | high) - (q & low)) ^ ((p ^ ~q) & high);
  }
}

function byteStart(a: NdArray): number {
  return a.data.byteOffset + a.offset * a.itemsize;
}

function words(a: NdArray): Uint32Array {
  return new Uint32Array(a.data.buffer, 0, Math.floor(a.data.buffer.byteLength / 4));
}

/**
 * `a + b` or `a − b` by words when the operands allow (see the module note), else `undefined`.
 * `b` may be a scalar; `a` must be an array.
 */
export function trySwar(
  op: 'add' | 'sub',
  a: NdArray | Scalar,
  b: NdArray | Scalar,
  dtype: NumericDType,
  options: OutOptions | undefined,
): NdArray | undefined {
  const width = dtype === 'uint8' || dtype === 'int8' ? 1 : dtype === 'uint16' || dtype === 'int16' ? 2 : 0;
  if (width === 0 || !(a instanceof NdArray) || a.dtype !== dtype || !a.isContiguous()) return undefined;
  const arrays = [a];
  if (b instanceof NdArray) {
    if (b.dtype !== dtype || !b.isContiguous() || !shapesEqual(a.shape, b.shape)) return undefined;
    arrays.push(b);
  } else if (typeof b !== 'number' || !Number.isInteger(b)) return undefined;
  const out =
    options?.out ?? new NdArray(new (a.data.constructor as new (n: number) => Uint8Array)(a.size), a.shape, { dtype });
  if (out.dtype !== dtype || !out.isContiguous() || !shapesEqual(out.shape, a.shape)) return undefined;
  arrays.push(out);
  const align = byteStart(a) % 4;
  if (arrays.some((x) => byteStart(x) % 4 !== align)) return undefined;
  // Shared memory in another layout would be read after being written: leave that to the engine.
  for (const x of arrays)
    if (x !== out && x.data.buffer === out.data.buffer && byteStart(x) !== byteStart(out)) return undefined;

  const n = a.size;
  const head = Math.min(n, ((4 - align) % 4) / width);
  const nWords = Math.floor(((n - head) * width) / 4);
  const tail = head + (nWords * 4) / width;
  const sign = op === 'add' ? 1 : -1;
  const ad = a.data as Uint8Array;
  const od = out.data as Uint8Array;
  const bd = b instanceof NdArray ? (b.data as Uint8Array) : undefined;
  // Lanes the words cannot cover (an unaligned start, a short end), element by element.
  const scalarAt = (i: number): void => {
    const y = bd === undefined ? (b as number) : (bd[b instanceof NdArray ? b.offset + i : 0] as number);
    od[out.offset + i] = (ad[a.offset + i] as number) + sign * y;
  };
  for (let i = 0; i < head; i++) scalarAt(i);
  for (let i = tail; i < n; i++) scalarAt(i);
  if (nWords > 0) {
    const at = (x: NdArray): number => (byteStart(x) + head * width) / 4;
    const low = LOW[width];
    const high = HIGH[width];
    if (b instanceof NdArray) {
      const kernel = op === 'add' ? addWords : subWords;
      kernel(words(out), at(out), words(a), at(a), words(b), at(b), nWords, low, high);
    } else {
      const lane = width === 1 ? 0xff : 0xffff;
      const q = (((sign * b) & lane) * SPLAT[width]) >>> 0;
      addWordsScalar(words(out), at(out), words(a), at(a), q, nWords, low, high);
    }
  }
  return out;
}
