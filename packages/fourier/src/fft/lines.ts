/**
 * The lines of an n-d array along one axis, in blocks of up to `V` lines. Blocks follow the C
 * order of the other axes, so the lines of a block are neighbours in memory whenever the axis
 * is not the last one: their elements at one index along the axis lie side by side, and a
 * column pass reads whole cache lines (this is where the column transforms of an image gain
 * most over one line at a time).
 */

/** Calls `fn(bases, count)` per block: `bases[k][v]` is line v's first element in operand k. */
export function forEachBlock(
  shape: readonly number[],
  axis: number,
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  V: number,
  fn: (bases: readonly Int32Array[] | readonly Float64Array[], count: number) => void,
): void {
  const nd = shape.length;
  const others: number[] = [];
  for (let d = 0; d < nd; d++) if (d !== axis) others.push(d);
  let lines = 1;
  for (const d of others) lines *= shape[d] as number;
  if (lines === 0 || (shape[axis] as number) === 0) return;
  const ops = strides.length;
  const bases = strides.map(() => new Float64Array(V));
  const idx = new Array<number>(others.length).fill(0);
  const pos = offsets.slice();
  for (let start = 0; start < lines; start += V) {
    const count = Math.min(V, lines - start);
    for (let v = 0; v < count; v++) {
      for (let k = 0; k < ops; k++) (bases[k] as Float64Array)[v] = pos[k] as number;
      // odometer over the other axes, last fastest
      for (let t = others.length - 1; t >= 0; t--) {
        const d = others[t] as number;
        const c = (idx[t] as number) + 1;
        if (c < (shape[d] as number)) {
          idx[t] = c;
          for (let k = 0; k < ops; k++) pos[k] = (pos[k] as number) + ((strides[k] as readonly number[])[d] as number);
          break;
        }
        idx[t] = 0;
        for (let k = 0; k < ops; k++)
          pos[k] = (pos[k] as number) - ((strides[k] as readonly number[])[d] as number) * (c - 1);
      }
    }
    fn(bases, count);
  }
}
