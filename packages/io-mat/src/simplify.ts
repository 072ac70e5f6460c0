/**
 * SciPy's `squeeze_me` and `simplify_cells` on loaded values: unit dimensions dropped (a 1×1
 * numeric array becomes a number), and with `simplifyCells` cells become JavaScript arrays and
 * structs plain objects (struct arrays: arrays of objects).
 */
import { NdArray } from '@ndimage/core-array';
import type { MatCell, MatStruct, MatStructArray, MatValue } from './values.js';

/** What squeezed / simplified values may be, besides MatValues. */
export type Simplified = MatValue | number | bigint | boolean | Simplified[] | { [k: string]: Simplified };

const isKind = (v: unknown, kind: string): boolean =>
  v !== null && typeof v === 'object' && !(v instanceof NdArray) && (v as { kind?: unknown }).kind === kind;

/** Drops unit dimensions; 1×1 numeric and logical arrays become scalars. */
function squeezeArray(a: NdArray): NdArray | number | bigint | boolean {
  if (a.size === 1) {
    const x = a.reshape([]).item() as number | bigint;
    return a.dtype === 'bool' ? Boolean(x) : x;
  }
  return a.shape.includes(1) ? a.squeeze() : a;
}

/** Applies squeeze_me (and simplify_cells) to one value. */
export function simplify(v: MatValue, cells: boolean): Simplified {
  if (v instanceof NdArray) return squeezeArray(v);
  if (typeof v === 'string' || Array.isArray(v)) return v;
  if (isKind(v, 'complex')) {
    const c = v as { kind: 'complex'; re: NdArray; im: NdArray };
    return c.re.size === 1
      ? { kind: 'complex', re: c.re.reshape([]), im: c.im.reshape([]) }
      : { kind: 'complex', re: c.re.squeeze(), im: c.im.squeeze() };
  }
  if (isKind(v, 'sparse')) return v;
  if (isKind(v, 'cell')) {
    const c = v as MatCell;
    const values = c.values.map((x) => simplify(x, cells));
    if (cells) return values.length === 1 ? (values[0] as Simplified) : values;
    return { kind: 'cell', shape: c.shape.filter((n) => n !== 1), values: values as MatValue[] };
  }
  if (isKind(v, 'struct')) {
    const s = v as MatStructArray;
    const elements = s.elements.map((row) => row.map((x) => simplify(x, cells)));
    if (cells) {
      const objects = elements.map((row) => {
        const o: { [k: string]: Simplified } = Object.create(null);
        s.fieldNames.forEach((f, i) => {
          o[f] = row[i] as Simplified;
        });
        return o;
      });
      return objects.length === 1 ? (objects[0] as Simplified) : objects;
    }
    return {
      kind: 'struct',
      shape: s.shape.filter((n) => n !== 1),
      fieldNames: s.fieldNames,
      elements: elements as MatValue[][],
    };
  }
  // A plain 1×1 struct object.
  const o: { [k: string]: Simplified } = Object.create(null);
  for (const [k, x] of Object.entries(v as MatStruct)) o[k] = simplify(x, cells);
  return o;
}
