/**
 * Strided iteration without per-element callbacks: the outer axes are walked with an odometer,
 * and a callback gets one inner run (a start offset per operand, a length, a stride per operand)
 * at a time. Kernels then loop over the run with plain integer indices.
 */

/**
 * Called once per inner run. `offsets[k]` is operand k's first element, `strides[k]` its step.
 * The `offsets` array is reused between calls: read it, don't keep it.
 */
export type RunCallback = (offsets: readonly number[], length: number, strides: readonly number[]) => void;

/** A shape with operands' strides after merging axes that can be walked as one. */
interface CoalescedLayout {
  shape: number[];
  strides: number[][];
}

/**
 * Drops axes of length 1 and merges neighbouring axes that every operand steps through
 * contiguously (stride[i] = stride[i+1] · shape[i+1]), so a C-contiguous array becomes one run.
 */
function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): CoalescedLayout {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let axis = 0; axis < shape.length; axis++) {
    const n = shape[axis] as number;
    if (n === 1) continue;
    const last = outShape.length - 1;
    let mergeable = last >= 0;
    if (mergeable) {
      for (let k = 0; k < strides.length; k++) {
        const prev = outStrides[k] as number[];
        if ((prev[last] as number) !== ((strides[k] as readonly number[])[axis] as number) * n) {
          mergeable = false;
          break;
        }
      }
    }
    if (mergeable) {
      outShape[last] = (outShape[last] as number) * n;
      for (let k = 0; k < strides.length; k++) {
        (outStrides[k] as number[])[last] = (strides[k] as readonly number[])[axis] as number;
      }
    } else {
      outShape.push(n);
      for (let k = 0; k < strides.length; k++)
        (outStrides[k] as number[]).push((strides[k] as readonly number[])[axis] as number);
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Walks every element of `shape` for several operands at once, one inner run per callback.
 * Nothing is called for an empty shape; a 0-d shape gives one run of length 1.
 *
 * @example
 * ```ts
 * // a 2×3 C-contiguous array and its transpose's strides
 * forEachRun([2, 3], [[3, 1], [1, 2]], [0, 0], (off, n, st) => console.log(off, n, st));
 * // [0, 0] 3 [1, 2]
 * // [3, 1] 3 [1, 2]
 * ```
 * @see numpy.nditer (external_loop)
 */
export function forEachRun(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  fn: RunCallback,
): void {
  for (const n of shape) if (n === 0) return;
  const plan = coalesce(shape, strides);
  const nops = strides.length;
  const nd = plan.shape.length;
  const pos = offsets.slice();
  if (nd === 0) {
    fn(pos, 1, new Array<number>(nops).fill(0));
    return;
  }
  const inner = plan.shape[nd - 1] as number;
  const innerStrides = plan.strides.map((s) => s[nd - 1] as number);
  if (nd === 1) {
    fn(pos, inner, innerStrides);
    return;
  }
  const counter = new Array<number>(nd - 1).fill(0);
  for (;;) {
    fn(pos, inner, innerStrides);
    let axis = nd - 2;
    for (; axis >= 0; axis--) {
      const len = plan.shape[axis] as number;
      const c = (counter[axis] as number) + 1;
      if (c < len) {
        counter[axis] = c;
        for (let k = 0; k < nops; k++) pos[k] = (pos[k] as number) + ((plan.strides[k] as number[])[axis] as number);
        break;
      }
      counter[axis] = 0;
      for (let k = 0; k < nops; k++) {
        pos[k] = (pos[k] as number) - ((plan.strides[k] as number[])[axis] as number) * (len - 1);
      }
    }
    if (axis < 0) return;
  }
}

/**
 * Advances a C-order multi-index in place: the last axis fastest, wrapping to all zeros after
 * the last element. For loops that need the index itself (window offsets, positions); loops over
 * data should use {@link forEachRun}.
 *
 * @example
 * ```ts
 * const idx = [0, 2];
 * nextIndex(idx, [2, 3]); // idx is now [1, 0]
 * ```
 */
export function nextIndex(idx: number[], shape: readonly number[]): void {
  for (let k = shape.length - 1; k >= 0; k--) {
    idx[k] = (idx[k] as number) + 1;
    if ((idx[k] as number) < (shape[k] as number)) return;
    idx[k] = 0;
  }
}
