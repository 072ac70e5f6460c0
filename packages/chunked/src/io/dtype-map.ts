/**
 * Element types between core-array, Zarr and typed arrays.
 */
import { type DType, NdImageError } from '@ndimage/core-array';

/** Zarr v3 data type names are core-array's own for every dtype we have. */
export function zarrDataType(dtype: DType): string {
  return dtype;
}

/** The Zarr v2 `dtype` string (little-endian) of a dtype. */
export function zarrV2DType(dtype: DType): string {
  const map: Record<DType, string> = {
    bool: '|b1',
    uint8: '|u1',
    int8: '|i1',
    uint16: '<u2',
    int16: '<i2',
    uint32: '<u4',
    int32: '<i4',
    uint64: '<u8',
    int64: '<i8',
    float32: '<f4',
    float64: '<f8',
    complex64: '<c8',
    complex128: '<c16',
  };
  return map[dtype];
}

/** core-array's dtype for a zarrita data type, or an error naming the store. */
export function fromZarrDataType(dt: string, where: string): DType {
  const ok: readonly string[] = [
    'bool',
    'uint8',
    'int8',
    'uint16',
    'int16',
    'uint32',
    'int32',
    'uint64',
    'int64',
    'float32',
    'float64',
  ];
  if (ok.includes(dt)) return dt as DType;
  throw new NdImageError(
    'ERR_UNSUPPORTED',
    `the Zarr array ${where} has data type ${dt}; supported are ${ok.join(', ')}`,
    {
      path: where,
    },
  );
}
