/**
 * Run-length encoding of a binary image by rows: the primitive under connected-component labelling
 * (@ndimage/morphology's `label` joins these runs row to row). On the WebAssembly kernels it finds
 * 16 pixels' boundaries per vector instruction; the TypeScript twin, 4 per step with bit tricks.
 */
import { NdImageError } from '@ndimage/core-array';
import { describeValue } from '@ndimage/core-array/internal';
import { MAX_WASM_SCRATCH, wasmScratch } from './wasm.js';

/** The runs of {@link rowRuns}. */
export interface RowRuns {
  /**
   * Start and end (exclusive) column of every run, in raster order: run k is
   * `[bounds[2k], bounds[2k + 1])`. May be longer than needed; the runs end at `rowStart[h]`.
   */
  bounds: Int32Array;
  /** `rowStart[r]` is the index in `bounds` of row r's first boundary (h + 1 entries; `rowStart[h]` is the total). */
  rowStart: Int32Array;
}

type RunBounds = (src: number, h: number, w: number, rowFirst: number, dst: number) => number;

/**
 * The runs of true pixels of each row of an `h`×`w` binary image (C order; a pixel is the low bit
 * of its byte, so 0/1 and bool data read as expected). Pass last call's `bounds` as `reuse` to
 * avoid reallocating; it is grown when too short.
 *
 * @throws NdImageError `ERR_SHAPE` when `h`×`w` is not the image's length.
 * @example
 * ```ts
 * const { bounds, rowStart } = rowRuns(Uint8Array.of(0, 1, 1, 0, 1, 1, 1, 0, 0, 1), 2, 5);
 * Array.from(bounds.subarray(0, rowStart[2])); // [1, 3, 4, 5, 0, 2, 4, 5]
 * Array.from(rowStart);                        // [0, 4, 8]
 * ```
 * @see scipy.ndimage.label (whose first step this is, there done pixel by pixel)
 */
export function rowRuns(bits: Uint8Array, h: number, w: number, reuse?: Int32Array): RowRuns {
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < 0 || w < 0 || h * w !== bits.length) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`h\` × \`w\` must be the image's length ${bits.length}; got ${describeValue(h)} × ${describeValue(w)}`,
      { argument: 'h' },
    );
  }
  const rowStart = new Int32Array(h + 1);
  let bounds = reuse ?? new Int32Array(1024);
  if (h * w === 0) return { bounds, rowStart };
  const done = wasmRuns(bits, h, w, rowStart, bounds);
  if (done !== undefined) return { bounds: done, rowStart };
  let m = 0;
  const words =
    w % 4 === 0 && bits.byteOffset % 4 === 0
      ? new Uint32Array(bits.buffer, bits.byteOffset, bits.length >> 2)
      : undefined;
  let dense = false;
  for (let r = 0; r < h; r++) {
    rowStart[r] = m;
    // A row of w pixels has at most w + 1 boundaries (+ 3 slots the dense scan may write past).
    if (bounds.length < m + w + 4) bounds = grow(bounds, Math.max(2 * bounds.length, m + w + 4));
    const base = r * w;
    let prev = 0;
    let c = 0;
    if (words !== undefined) {
      // Four pixels at a time: byte k differs from byte k − 1 (byte −1: the previous word's last)
      // where bit 8k of t is set.
      const first = base >> 2;
      const stop = first + (w >> 2);
      if (dense) {
        // Many boundaries (the row above had more than one per 16 pixels): no branch on the data.
        // The 4 change bits gathered into a nibble index tables of their positions; all four
        // slots are written and m advances by the number of changes.
        for (let i = first; i < stop; i++) {
          const word = words[i] as number;
          const t = (word ^ ((word << 8) | prev)) & ONES;
          prev = word >>> 24;
          const nib = (Math.imul(t, GATHER) >>> 24) & 15;
          const at = (i - first) << 2;
          const b = nib << 2;
          bounds[m] = at + (SLOTS[b] as number);
          bounds[m + 1] = at + (SLOTS[b + 1] as number);
          bounds[m + 2] = at + (SLOTS[b + 2] as number);
          bounds[m + 3] = at + (SLOTS[b + 3] as number);
          m += CHANGES[nib] as number;
        }
      } else {
        // Few boundaries: a word without a change costs one (well-predicted) test.
        for (let i = first; i < stop; i++) {
          const word = words[i] as number;
          let t = (word ^ ((word << 8) | prev)) & ONES;
          if (t === 0) continue;
          prev = word >>> 24;
          const at = (i - first) << 2;
          do {
            bounds[m++] = at + ((31 - Math.clz32(t & -t)) >> 3);
            t &= t - 1;
          } while (t !== 0);
        }
      }
      c = w;
    }
    // Byte by byte without branches on the data: every position is written, the count advances
    // only where the value changes.
    for (; c < w; c++) {
      const v = (bits[base + c] as number) & 1;
      bounds[m] = c;
      m += v ^ prev;
      prev = v;
    }
    bounds[m] = w;
    m += prev & 1;
    dense = m - (rowStart[r] as number) > w >> 4;
  }
  rowStart[h] = m;
  return { bounds, rowStart };
}

/**
 * The scan on the kernels, in strips of rows that fit their memory: each strip's bytes copied in,
 * its boundaries copied out. Undefined when the kernels are off.
 */
function wasmRuns(
  bits: Uint8Array,
  h: number,
  w: number,
  rowStart: Int32Array,
  reuse: Int32Array,
): Int32Array | undefined {
  // Per row: w bytes in, at most w + 1 boundaries (4 bytes each) out, one row start.
  const perRow = w + 4 * (w + 2) + 4;
  const rows = Math.min(h, Math.floor((MAX_WASM_SCRATCH - 4096) / perRow));
  if (rows < 1) return undefined;
  const s = wasmScratch([], [rows + 1, rows * (w + 1)], [rows * w]);
  if (s === undefined) return undefined;
  const run = (s.k as unknown as Record<string, RunBounds>).run_bounds_u8 as RunBounds;
  const first = s.i32[0] as Int32Array;
  const found = s.i32[1] as Int32Array;
  const src = s.raw[0] as Uint8Array;
  let bounds = reuse;
  let m = 0;
  for (let r0 = 0; r0 < h; r0 += rows) {
    const n = Math.min(rows, h - r0);
    src.set(bits.subarray(r0 * w, (r0 + n) * w));
    const count = run(src.byteOffset, n, w, first.byteOffset, found.byteOffset);
    if (bounds.length < m + count) bounds = grow(bounds, Math.max(2 * bounds.length, m + count));
    bounds.set(found.subarray(0, count), m);
    for (let r = 0; r < n; r++) rowStart[r0 + r] = m + (first[r] as number);
    m += count;
  }
  rowStart[h] = m;
  return bounds;
}

/** Four pixels of 1 (little-endian bytes of one word). */
const ONES = 0x01010101;

/**
 * Multiplying a word whose set bits are among 0, 8, 16, 24 by this moves them to bits 24…27
 * (bit 8k to 24 + k; the other products land elsewhere without carries).
 */
const GATHER = 0x01020408;

/** For each nibble of change bits: how many are set, and their positions (4 slots each). */
const CHANGES = new Int32Array(16);
const SLOTS = new Int32Array(64);
for (let nib = 0; nib < 16; nib++) {
  for (let k = 0; k < 4; k++) if ((nib >> k) & 1) SLOTS[4 * nib + (CHANGES[nib] as number)++] = k;
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
