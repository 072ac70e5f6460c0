/**
 * MatValues as structured-cloneable data, to cross from the v7.3 worker thread: an `NdArray`
 * becomes its typed array, shape, strides, offset and dtype; a `MatSparse` loses `toDense` (rebuilt
 * on arrival); everything else is plain data already.
 */
import { type DType, NdArray } from '@ndimage/core-array';
import type { MatSparse, MatValue } from './values.js';

/** Structured-cloneable form of a MatValue. */
export type Plain = unknown;

/** A MatValue made cloneable. */
export function toPlain(v: MatValue): Plain {
  if (v instanceof NdArray)
    return { __nd: true, data: v.data, shape: [...v.shape], strides: [...v.strides], offset: v.offset, dtype: v.dtype };
  if (typeof v === 'string' || Array.isArray(v)) return v;
  const kind = (v as { kind?: string }).kind;
  if (kind === 'complex') {
    const c = v as { re: NdArray; im: NdArray };
    return { kind, re: toPlain(c.re), im: toPlain(c.im) };
  }
  if (kind === 'cell') {
    const c = v as { shape: number[]; values: MatValue[] };
    return { kind, shape: c.shape, values: c.values.map(toPlain) };
  }
  if (kind === 'struct') {
    const s = v as { shape: number[]; fieldNames: string[]; elements: MatValue[][] };
    return { kind, shape: s.shape, fieldNames: s.fieldNames, elements: s.elements.map((r) => r.map(toPlain)) };
  }
  if (kind === 'sparse') {
    const s = v as MatSparse;
    return { kind, shape: s.shape, ir: s.ir, jc: s.jc, data: s.data, imag: s.imag, logical: s.logical };
  }
  const o: Record<string, Plain> = {};
  for (const [k, x] of Object.entries(v as Record<string, MatValue>)) o[k] = toPlain(x);
  return { __object: true, entries: Object.entries(o) };
}

/** The MatValue back from its cloneable form. */
export function fromPlain(p: Plain): MatValue {
  if (typeof p === 'string' || Array.isArray(p)) return p as string | string[];
  const x = p as Record<string, unknown>;
  if (x.__nd === true)
    return new NdArray(x.data as NdArray['data'], x.shape as number[], {
      strides: x.strides as number[],
      offset: x.offset as number,
      dtype: x.dtype as DType,
    });
  if (x.__object === true) {
    const o: Record<string, MatValue> = Object.create(null);
    for (const [k, v] of x.entries as [string, Plain][]) o[k] = fromPlain(v);
    return o;
  }
  switch (x.kind) {
    case 'complex':
      return { kind: 'complex', re: fromPlain(x.re) as NdArray, im: fromPlain(x.im) as NdArray };
    case 'cell':
      return { kind: 'cell', shape: x.shape as number[], values: (x.values as Plain[]).map(fromPlain) };
    case 'struct':
      return {
        kind: 'struct',
        shape: x.shape as number[],
        fieldNames: x.fieldNames as string[],
        elements: (x.elements as Plain[][]).map((r) => r.map(fromPlain)),
      };
    default:
      return sparseOf(x as unknown as Omit<MatSparse, 'toDense' | 'kind'>);
  }
}

/** A MatSparse with its toDense. */
export function sparseOf(s: Omit<MatSparse, 'toDense' | 'kind'>): MatSparse {
  const { shape, ir, jc, data, imag, logical } = s;
  const [m, n] = shape;
  return {
    kind: 'sparse',
    shape,
    ir,
    jc,
    data,
    imag,
    logical,
    toDense(): NdArray {
      if (imag !== undefined && !logical) {
        // complex128, the imaginary parts beside the real ones (SciPy's toarray() of a complex matrix)
        const z = new Float64Array(2 * m * n);
        for (let j = 0; j < n; j++)
          for (let k = jc[j] as number; k < (jc[j + 1] as number); k++) {
            const at = 2 * ((ir[k] as number) * n + j);
            z[at] = data[k] as number;
            z[at + 1] = imag[k] as number;
          }
        return new NdArray(z, [m, n], { dtype: 'complex128' });
      }
      const out = logical ? new Uint8Array(m * n) : new Float64Array(m * n);
      for (let j = 0; j < n; j++)
        for (let k = jc[j] as number; k < (jc[j + 1] as number); k++)
          out[(ir[k] as number) * n + j] = data[k] as number;
      return new NdArray(out, [m, n], { dtype: logical ? 'bool' : 'float64' });
    },
  };
}
