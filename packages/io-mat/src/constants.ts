/**
 * The MAT-file format's numbers, once, for the readers (`v5.ts`, `v4.ts`, `classes.ts`) and the
 * writers (`savemat.ts`, `save-v4.ts`) alike — as SciPy keeps them in `_mio5_params.py`. The facts
 * are MathWorks' "MAT-File Format" (R2019b) and the shared reference `mat-format.md` (a.1–a.5).
 */
import type { DType } from '@ndimage/core-array';

/** Level-5 data types: the `type` field of a data element's tag (miINT8 … miUTF32). */
export const MI = {
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  SINGLE: 7,
  DOUBLE: 9,
  INT64: 12,
  UINT64: 13,
  /** A variable, a cell element or a struct field. */
  MATRIX: 14,
  /** One zlib stream holding one miMATRIX (MAT v7). */
  COMPRESSED: 15,
  UTF8: 16,
  UTF16: 17,
  UTF32: 18,
} as const;

/** The numeric data types: bytes per value and the dtype of a value stored in that type. */
export const MI_NUMERIC: Readonly<Partial<Record<number, { size: number; dtype: DType }>>> = {
  [MI.INT8]: { size: 1, dtype: 'int8' },
  [MI.UINT8]: { size: 1, dtype: 'uint8' },
  [MI.INT16]: { size: 2, dtype: 'int16' },
  [MI.UINT16]: { size: 2, dtype: 'uint16' },
  [MI.INT32]: { size: 4, dtype: 'int32' },
  [MI.UINT32]: { size: 4, dtype: 'uint32' },
  [MI.SINGLE]: { size: 4, dtype: 'float32' },
  [MI.DOUBLE]: { size: 8, dtype: 'float64' },
  [MI.INT64]: { size: 8, dtype: 'int64' },
  [MI.UINT64]: { size: 8, dtype: 'uint64' },
};

/** The data type each numeric dtype is stored as (bool: miUINT8, as MATLAB stores logicals). */
export const MI_OF_DTYPE: Readonly<Partial<Record<DType, number>>> = {
  ...Object.fromEntries(Object.entries(MI_NUMERIC).map(([mi, spec]) => [spec?.dtype, Number(mi)])),
  bool: MI.UINT8,
};

/** Level-5 array classes: the class byte of the array flags (mxCELL_CLASS … mxOPAQUE_CLASS). */
export const MX = {
  CELL: 1,
  STRUCT: 2,
  OBJECT: 3,
  CHAR: 4,
  SPARSE: 5,
  DOUBLE: 6,
  SINGLE: 7,
  INT8: 8,
  UINT8: 9,
  INT16: 10,
  UINT16: 11,
  INT32: 12,
  UINT32: 13,
  INT64: 14,
  UINT64: 15,
  /** A function handle (undocumented by MathWorks). */
  FUNCTION: 16,
  /** An opaque object: classdef objects, strings, the function workspace. */
  OPAQUE: 17,
} as const;

/** Bits of the array flags' flags byte. */
export const FLAG = {
  COMPLEX: 0x08,
  GLOBAL: 0x04,
  LOGICAL: 0x02,
} as const;

/**
 * The array-flags subelement that starts every miMATRIX: 8 bytes of miUINT32, word 0 holding the
 * class (bits 0–7) and the flags byte (bits 8–15), word 1 the sparse nzmax.
 */
export const ARRAY_FLAGS = { BYTES: 8, CLASS_MASK: 0xff, FLAGS_SHIFT: 8 } as const;

/** Word 0 of the array flags for a class and flags. */
export const arrayFlagsWord = (cls: number, flags: number): number => cls | (flags << ARRAY_FLAGS.FLAGS_SHIFT);

/** The 128-byte level-5 header. */
export const HEADER = {
  /** Bytes in the header; the first data element starts here. */
  LENGTH: 128,
  /** Bytes of descriptive text (then the subsystem data offset). */
  TEXT: 116,
  /** Where the 8-byte subsystem data offset starts. */
  SUBSYSTEM: 116,
  /** Where the 16-bit version starts. */
  VERSION_AT: 124,
  /** Where the endian indicator starts ('IM' little-endian, 'MI' big-endian). */
  ENDIAN_AT: 126,
  /** Version of level-5 files (v5, v6, v7). */
  VERSION_5: 0x0100,
  /** Version written by v7.3 (HDF5) files in their user block. */
  VERSION_73: 0x0200,
  /** The characters of the endian indicator: 'I' and 'M'. */
  I: 0x49,
  M: 0x4d,
} as const;

/** Bytes of a long tag; a small data element takes the same 8 bytes with up to 4 bytes of data. */
export const TAG_BYTES = 8;

/**
 * The small data element: one 32-bit word `(nbytes << 16) | type` (so its upper 16 bits are not
 * zero, which tells it from a long tag), then up to 4 bytes of data in the same 8 bytes.
 */
export const SMALL = { MAX_BYTES: 4, SHIFT: 16, TYPE_MASK: 0xffff, DATA_AT: 4 } as const;
/** Every uncompressed data element ends on a multiple of this. */
export const ALIGN = 8;

/** Offset of HDF5's signature in a v7.3 file (after the 512-byte user block), and the signature. */
export const HDF5 = { AT: 512, SIGNATURE: [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a] } as const;

/**
 * Level 4: the matrix header's `type` is M·1000 + O·100 + P·10 + T — M the number format (0 IEEE
 * little-endian, 1 IEEE big-endian), O zero, P the precision, T the matrix type.
 */
export const V4 = {
  /** Bytes of a matrix header: type, rows, cols, imaginary flag, name length (five int32). */
  HEADER_BYTES: 20,
  /** The largest `type` a readable level-4 matrix has (M = 1, P = 5, T = 2: 1052 — bounded above by 5000). */
  MAX_TYPE: 5000,
  /** T: a full numeric matrix. */
  FULL: 0,
  /** T: text (character codes). */
  TEXT: 1,
  /** T: sparse, as (row, column, value) triplets. */
  SPARSE: 2,
  /** P of double, single, int32, int16, uint16, uint8 (the dtype a value of that precision reads as). */
  PRECISION: {
    0: { size: 8, dtype: 'float64' },
    1: { size: 4, dtype: 'float32' },
    2: { size: 4, dtype: 'int32' },
    3: { size: 2, dtype: 'int16' },
    4: { size: 2, dtype: 'uint16' },
    5: { size: 1, dtype: 'uint8' },
  } as Readonly<Record<number, { size: number; dtype: DType }>>,
} as const;

/** Level-4 precision digit P of each dtype level 4 can hold (bool as uint8). */
export const V4_PRECISION_OF_DTYPE: Readonly<Partial<Record<DType, number>>> = {
  ...Object.fromEntries(Object.entries(V4.PRECISION).map(([p, spec]) => [spec.dtype, Number(p)])),
  bool: 5,
};
