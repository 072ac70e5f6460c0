/**
 * A chain of box minimum/maximum filters on one uint8 image, kept in the WebAssembly module's
 * memory from the first pass to the last: the image is copied in once, every pass runs as two
 * whole-image kernel calls (down the columns, along the rows), and the result is copied out once.
 * Binary morphology with rectangular structures is such a chain (an opening with `iterations: 2`
 * is four passes), and per-pass copies and per-row calls were most of its time.
 */
import { asarray, castInto, NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import { checkOptions, describeValue, optionKeys } from '@ndimage/core-array/internal';
import { maximumFilter, minimumFilter } from './min-max-filter.js';
import { wasmScratch } from './wasm.js';

const BOX_PASS_KEYS = optionKeys<BoxPass>({ minimum: true, size: true, origin: true, cval: true });

/** One pass of {@link boxExtremumSequence}. */
export interface BoxPass {
  /** `true` for the minimum (erosion), `false` for the maximum (dilation). */
  minimum: boolean;
  /** Box size `[rows, columns]`, each ≥ 1. */
  size: readonly [number, number];
  /** Shift of the box per axis, −(n//2) ≤ origin ≤ (n−1)//2 (SciPy's `origin`). @defaultValue [0, 0] */
  origin?: readonly [number, number];
  /** Value outside the image (mode `'constant'`), an integer 0…255. @defaultValue 0 */
  cval?: number;
}

type Kernels = Record<string, (...args: number[]) => void>;

/** Bytes of padding right of each row: the widest right reach, and at least one vector of overrun. */
const VECTOR = 16;

/**
 * Runs `passes` one after another on a 2-D uint8 image: each the minimum or maximum over a box
 * with `mode: 'constant'`. Equal to chaining {@link minimumFilter}/{@link maximumFilter} calls,
 * and faster, since the image stays in the WebAssembly kernels' memory between passes (without
 * the kernels, or for an image too large for their memory, it is that chain).
 *
 * @throws NdImageError `ERR_DTYPE` for an input that is not uint8, `ERR_SHAPE` for one that is not
 *   2-D or an `output` of another shape or dtype, `ERR_INVALID_ARGUMENT` for a bad size, origin or cval.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const im = array([[0, 1, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 1, 1, 0]], { dtype: 'uint8' });
 * // An opening with a 1×3 box: erode, then dilate.
 * boxExtremumSequence(im, [
 *   { minimum: true, size: [1, 3] },
 *   { minimum: false, size: [1, 3] },
 * ]).toArray(); // [[0, 1, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 1, 1, 0]]
 * ```
 * @see scipy.ndimage.minimum_filter / maximum_filter with `size`, `mode='constant'`, `cval`, `origin`, applied in turn
 */
export function boxExtremumSequence(input: NdArrayLike, passes: readonly BoxPass[], output?: NdArray): NdArray {
  const a = asarray(input);
  if (a.dtype !== 'uint8')
    throw new NdImageError('ERR_DTYPE', `\`input\` must be uint8; got ${a.dtype}`, { argument: 'input' });
  if (a.ndim !== 2)
    throw new NdImageError('ERR_SHAPE', `\`input\` must be 2-D; got shape ${describeValue([...a.shape])}`, {
      argument: 'input',
    });
  if (!Array.isArray(passes))
    throw new NdImageError('ERR_INVALID_ARGUMENT', `\`passes\` must be an array; got ${describeValue(passes)}`, {
      argument: 'passes',
    });
  const checked = passes.map((p, i) => checkPass(p, i));
  if (output !== undefined) {
    if (
      !(output instanceof NdArray) ||
      output.dtype !== 'uint8' ||
      output.ndim !== 2 ||
      output.shape.some((n, k) => n !== a.shape[k])
    )
      throw new NdImageError('ERR_SHAPE', `\`output\` must be a uint8 array of shape ${describeValue([...a.shape])}`, {
        argument: 'output',
      });
  }
  const [h, w] = a.shape as [number, number];
  const result = output ?? new NdArray(new Uint8Array(h * w), [h, w], { dtype: 'uint8' });
  if (h * w === 0) return result;
  if (!inKernelMemory(a, h, w, checked, result)) {
    // The chain of filters: the same values, a pass at a time.
    let cur: NdArray = a;
    for (const p of checked) {
      const f = p.minimum ? minimumFilter : maximumFilter;
      cur = f(cur, [...p.size], { mode: 'constant', cval: p.cval, origin: [...p.origin] });
    }
    castInto(cur === a ? a.copy() : cur, result);
  }
  return result;
}

interface Pass {
  minimum: boolean;
  size: [number, number];
  origin: [number, number];
  cval: number;
}

function checkPass(p: BoxPass, i: number): Pass {
  const name = `passes[${i}]`;
  const o = checkOptions(p, BOX_PASS_KEYS, name);
  const bad = (what: string, v: unknown): never => {
    throw new NdImageError('ERR_INVALID_ARGUMENT', `\`${name}.${what}\` is invalid; got ${describeValue(v)}`, {
      argument: name,
    });
  };
  if (typeof o.minimum !== 'boolean') bad('minimum', o.minimum);
  const size = o.size as readonly number[];
  if (!Array.isArray(size) || size.length !== 2 || !size.every((n) => Number.isInteger(n) && n >= 1)) bad('size', size);
  const origin = o.origin ?? [0, 0];
  if (
    !Array.isArray(origin) ||
    origin.length !== 2 ||
    !origin.every(
      (v, k) => Number.isInteger(v) && v >= -((size[k] as number) >> 1) && v <= ((size[k] as number) - 1) >> 1,
    )
  )
    bad('origin', origin);
  const cval = o.cval ?? 0;
  if (!Number.isInteger(cval) || cval < 0 || cval > 255) bad('cval', cval);
  return {
    minimum: o.minimum as boolean,
    size: [size[0] as number, size[1] as number],
    origin: [origin[0], origin[1]] as [number, number],
    cval,
  };
}

/**
 * The chain in the kernels' memory: two images with a row stride (a multiple of 16) and padding
 * columns either side, plus a row of cval for the rows outside. Returns false when the kernels are
 * off or the images do not fit.
 */
function inKernelMemory(a: NdArray, h: number, w: number, passes: Pass[], out: NdArray): boolean {
  let leftPad = 0;
  let rightPad = VECTOR;
  for (const p of passes) {
    const left = (p.size[1] >> 1) + p.origin[1];
    leftPad = Math.max(leftPad, left);
    rightPad = Math.max(rightPad, p.size[1] - 1 - left);
  }
  const stride = (leftPad + w + rightPad + VECTOR - 1) & ~(VECTOR - 1);
  // Vector loads of the last row may reach a box width past the end.
  const slack = rightPad + 2 * VECTOR;
  const s = wasmScratch([], [], [h * stride + slack, h * stride + slack, stride]);
  if (s === undefined) return false;
  const k = s.k as unknown as Kernels;
  const bufs = [s.raw[0] as Uint8Array, s.raw[1] as Uint8Array];
  const cvalRow = s.raw[2] as Uint8Array;
  const L = leftPad;
  // In: row by row into the padded layout.
  const src = a.data as Uint8Array;
  const rowStep = a.strides[0] as number;
  const colStep = a.strides[1] as number;
  let cur = 0;
  for (let r = 0; r < h; r++) {
    const at = a.offset + r * rowStep;
    const to = r * stride + L;
    const dst = bufs[0] as Uint8Array;
    if (colStep === 1) dst.set(src.subarray(at, at + w), to);
    else for (let c = 0; c < w; c++) dst[to + c] = src[at + c * colStep] as number;
  }
  for (const p of passes) {
    const op = p.minimum ? 'min' : 'max';
    if (p.size[0] > 1) {
      cvalRow.fill(p.cval);
      const run = k[`box_rows_u8_${op}`] as (...args: number[]) => void;
      const left = (p.size[0] >> 1) + p.origin[0];
      run(
        (bufs[cur] as Uint8Array).byteOffset,
        (bufs[1 - cur] as Uint8Array).byteOffset,
        h,
        stride,
        p.size[0],
        left,
        cvalRow.byteOffset,
      );
      cur = 1 - cur;
    }
    if (p.size[1] > 1) {
      const run = k[`box_cols_u8_${op}`] as (...args: number[]) => void;
      const left = (p.size[1] >> 1) + p.origin[1];
      run(
        (bufs[cur] as Uint8Array).byteOffset,
        (bufs[1 - cur] as Uint8Array).byteOffset,
        h,
        stride,
        L,
        w,
        p.size[1],
        left,
        p.cval,
      );
      cur = 1 - cur;
    }
  }
  // Out: the pixels of each row.
  const from = bufs[cur] as Uint8Array;
  const o = out.data as Uint8Array;
  const oRow = out.strides[0] as number;
  const oCol = out.strides[1] as number;
  for (let r = 0; r < h; r++) {
    const at = r * stride + L;
    const to = out.offset + r * oRow;
    if (oCol === 1) o.set(from.subarray(at, at + w), to);
    else for (let c = 0; c < w; c++) o[to + c * oCol] = from[at + c] as number;
  }
  return true;
}
