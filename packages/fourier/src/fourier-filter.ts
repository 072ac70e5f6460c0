/**
 * What the four Fourier-domain filters share, as SciPy's `ni_fourier.c`: per-axis tables of
 * factors over the FFT frequencies (0, 1, …, ⌈n/2⌉ − 1, −⌊n/2⌋, …, −1 for a complex transform;
 * 0 … m − 1 along the axis of a real transform of length `n`), output arrays resolved as
 * SciPy's `_get_output_fourier`, and the per-element walk.
 */
import { asarray, type DType, isComplexDType, NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import {
  allocate,
  checkFiniteNumber,
  checkInteger,
  describeValue,
  invalidArgument,
  normalizeAxis,
} from '@ndimage/core-array/internal';

/** Options shared by the Fourier filters. */
export interface FourierFilterOptions {
  /**
   * Negative: the input is the result of a complex FFT along every axis. Zero or more: along
   * `axis` it is the result of a real FFT (`rfft`) of a signal of length `n`, so its frequencies
   * there are 0 … m − 1 only.
   * @defaultValue -1
   */
  n?: number;
  /** The axis of the real transform (used when `n` ≥ 0). @defaultValue -1 */
  axis?: number;
  /**
   * Where the result goes: a dtype, or an array of the input's shape (which is returned).
   * @defaultValue the input's dtype for complex64, complex128 and float32, else float64
   *   (`fourierShift`: complex64 for complex64, else complex128)
   */
  output?: DType | NdArray;
}

/** The dtypes a filter may write. */
const REAL_OUT: readonly DType[] = ['float32', 'float64', 'complex64', 'complex128'];
const COMPLEX_OUT: readonly DType[] = ['complex64', 'complex128'];

/** A validated call: the input, the output, the real-transform length (or −1) and axis. */
export interface FilterCall {
  input: NdArray;
  output: NdArray;
  n: number;
  axis: number;
}

/** SciPy's `_normalize_sequence`: one finite number per axis, or one for all. */
export function perAxis(value: unknown, ndim: number, name: string): number[] {
  if (typeof value === 'number') return new Array<number>(ndim).fill(checkFiniteNumber(value, name));
  if (!Array.isArray(value)) throw invalidArgument(name, 'a finite number or one per axis', value);
  if (value.length !== ndim) {
    throw invalidArgument(name, `a finite number or ${ndim} of them (one per axis)`, value);
  }
  return value.map((v, i) => checkFiniteNumber(v, `${name}[${i}]`));
}

/** Checks input and options and makes (or checks) the output array. */
export function prepareFilter(input: NdArrayLike, options: FourierFilterOptions, complexOnly: boolean): FilterCall {
  const a = asarray(input);
  if (a.ndim === 0) {
    throw new NdImageError('ERR_SHAPE', 'a 0-d array has no frequencies to filter', { argument: 'input' });
  }
  const n = checkInteger(options.n ?? -1, 'n');
  const axis = normalizeAxis(options.axis ?? -1, a.ndim, 'axis');
  const allowed = complexOnly ? COMPLEX_OUT : REAL_OUT;
  const complexIn = isComplexDType(a.dtype);
  let output: NdArray;
  const o = options.output;
  if (o instanceof NdArray) {
    if (o.ndim !== a.ndim || o.shape.some((d, i) => d !== a.shape[i])) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`output\` has shape ${describeValue([...o.shape])}; the input has ${describeValue([...a.shape])}`,
        { argument: 'output' },
      );
    }
    output = o;
  } else {
    let dtype: DType;
    if (o === undefined) {
      if (complexOnly) dtype = a.dtype === 'complex64' ? 'complex64' : 'complex128';
      else dtype = a.dtype === 'complex64' || a.dtype === 'complex128' || a.dtype === 'float32' ? a.dtype : 'float64';
    } else dtype = o;
    if (!allowed.includes(dtype)) {
      throw new NdImageError('ERR_DTYPE', `\`output\` must be one of ${allowed.join(', ')}; got ${describeValue(o)}`, {
        argument: 'output',
      });
    }
    output = new NdArray(allocate(dtype, a.size), a.shape, { dtype });
  }
  if (!allowed.includes(output.dtype) || (complexIn && !isComplexDType(output.dtype))) {
    throw new NdImageError(
      'ERR_DTYPE',
      `\`output\` of dtype ${output.dtype} cannot hold the result for input of dtype ${a.dtype} (allowed: ${allowed.filter((d) => !complexIn || isComplexDType(d)).join(', ')})`,
      { argument: 'output' },
    );
  }
  // Integer and bool inputs are read as float64 (exact), as SciPy reads them as C numbers;
  // the kernels then see only Float32/Float64Arrays.
  const input64 = complexIn || a.dtype === 'float32' || a.dtype === 'float64' ? a : a.astype('float64');
  return { input: input64, output, n, axis };
}

/** The length SciPy uses for axis k: n along the real-transform axis when n ≥ 0, else the axis length. */
export function lengthOf(call: FilterCall, k: number): number {
  return k === call.axis && call.n >= 0 ? call.n : (call.input.shape[k] as number);
}

/**
 * Fills `table[j]` with f(frequency of index j) along axis k: 0 … m − 1 on the real-transform
 * axis, else 0 … ⌈m/2⌉ − 1 then −⌊m/2⌋ … −1 (m the axis length).
 */
export function frequencyTable(call: FilterCall, k: number, f: (kk: number) => number): Float64Array {
  const m = call.input.shape[k] as number;
  const table = new Float64Array(m);
  if (k === call.axis && call.n >= 0) {
    for (let kk = 0; kk < m; kk++) table[kk] = f(kk);
  } else {
    let j = 0;
    for (let kk = 0; kk < Math.floor((m + 1) / 2); kk++) table[j++] = f(kk);
    for (let kk = -Math.floor(m / 2); kk < 0; kk++) table[j++] = f(kk);
  }
  return table;
}

/**
 * Calls `row(inAt, inStep, outAt, outStep, length, outer, index)` for every line along the last
 * axis, in C order: element offsets and steps of input and output, and `index` of the line's
 * position along each other axis (reused: read, don't keep).
 */
export function forEachRow(
  call: FilterCall,
  row: (inAt: number, inStep: number, outAt: number, outStep: number, length: number, index: readonly number[]) => void,
): void {
  const { input, output } = call;
  const nd = input.ndim;
  if (input.size === 0) return;
  if (nd === 0) {
    row(input.offset, 1, output.offset, 1, 1, []);
    return;
  }
  const last = nd - 1;
  const len = input.shape[last] as number;
  const idx = new Array<number>(last).fill(0);
  let ia = input.offset;
  let oa = output.offset;
  for (;;) {
    row(ia, input.strides[last] as number, oa, output.strides[last] as number, len, idx);
    let k = last - 1;
    for (; k >= 0; k--) {
      const c = (idx[k] as number) + 1;
      if (c < (input.shape[k] as number)) {
        idx[k] = c;
        ia += input.strides[k] as number;
        oa += output.strides[k] as number;
        break;
      }
      idx[k] = 0;
      ia -= (input.strides[k] as number) * (c - 1);
      oa -= (output.strides[k] as number) * (c - 1);
    }
    if (k < 0) return;
  }
}

/**
 * output = input · factor, with the factor a product of per-axis tables formed in SciPy's order,
 * ((1·t₀[i₀])·t₁[i₁])·…, so results agree to the last bit. `tables[k]` undefined is a factor 1
 * (SciPy skips axes of length 1).
 */
export function multiplyByTables(call: FilterCall, tables: readonly (Float64Array | undefined)[]): NdArray {
  const { input, output } = call;
  const nd = input.ndim;
  const inC = isComplexDType(input.dtype);
  const outC = isComplexDType(output.dtype);
  const src = input.data as Float64Array;
  const dst = output.data as Float64Array;
  const inner = nd > 0 ? tables[nd - 1] : undefined;
  forEachRow(call, (ia, is, oa, os, len, idx) => {
    let outer = 1;
    for (let k = 0; k < idx.length; k++) {
      const t = tables[k];
      if (t !== undefined) outer *= t[idx[k] as number] as number;
    }
    if (inC) scaleComplexRow(dst, oa, os, src, ia, is, len, outer, inner);
    else if (outC) scaleRealToComplexRow(dst, oa, os, src, ia, is, len, outer, inner);
    else scaleRealRow(dst, oa, os, src, ia, is, len, outer, inner);
  });
  return output;
}

function scaleComplexRow(
  dst: Float64Array,
  oa: number,
  os: number,
  src: Float64Array,
  ia: number,
  is: number,
  len: number,
  outer: number,
  t: Float64Array | undefined,
): void {
  for (let j = 0; j < len; j++) {
    const f = t === undefined ? outer : outer * (t[j] as number);
    const s = 2 * (ia + j * is);
    const d = 2 * (oa + j * os);
    dst[d] = src[s]! * f;
    dst[d + 1] = src[s + 1]! * f;
  }
}

function scaleRealToComplexRow(
  dst: Float64Array,
  oa: number,
  os: number,
  src: Float64Array,
  ia: number,
  is: number,
  len: number,
  outer: number,
  t: Float64Array | undefined,
): void {
  for (let j = 0; j < len; j++) {
    const f = t === undefined ? outer : outer * (t[j] as number);
    const d = 2 * (oa + j * os);
    dst[d] = f * src[ia + j * is]!;
    dst[d + 1] = 0;
  }
}

function scaleRealRow(
  dst: Float64Array,
  oa: number,
  os: number,
  src: Float64Array,
  ia: number,
  is: number,
  len: number,
  outer: number,
  t: Float64Array | undefined,
): void {
  for (let j = 0; j < len; j++) {
    const f = t === undefined ? outer : outer * (t[j] as number);
    dst[oa + j * os] = f * src[ia + j * is]!;
  }
}

/** output[row] = input[row] · factors[0 … len) (one row, any dtypes the filters allow). */
export function applyRow(
  call: FilterCall,
  ia: number,
  is: number,
  oa: number,
  os: number,
  len: number,
  factors: Float64Array,
): void {
  const src = call.input.data as Float64Array;
  const dst = call.output.data as Float64Array;
  if (isComplexDType(call.input.dtype)) {
    for (let j = 0; j < len; j++) {
      const f = factors[j] as number;
      const s = 2 * (ia + j * is);
      const d = 2 * (oa + j * os);
      dst[d] = src[s]! * f;
      dst[d + 1] = src[s + 1]! * f;
    }
  } else if (isComplexDType(call.output.dtype)) {
    for (let j = 0; j < len; j++) {
      const d = 2 * (oa + j * os);
      dst[d] = (factors[j] as number) * src[ia + j * is]!;
      dst[d + 1] = 0;
    }
  } else {
    for (let j = 0; j < len; j++) dst[oa + j * os] = (factors[j] as number) * src[ia + j * is]!;
  }
}
