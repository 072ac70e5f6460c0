/**
 * MAT v7.3 files: HDF5 with a 512-byte user block, read through h5wasm (the HDF5 C library compiled
 * to WebAssembly), which is an optional peer dependency loaded only when such a file is met.
 *
 * MATLAB's layout: each variable is a dataset (or a group, for structs and sparse matrices) named
 * after it, with a `MATLAB_class` attribute; dims are reversed relative to MATLAB (HDF5 is
 * row-major), so the data are MATLAB's column-major order as they stand; char is uint16 code
 * units; logical is uint8; complex a compound {real, imag}; an empty array stores its dims as data
 * with `MATLAB_empty`; cells are datasets of object references into `/#refs#`; a 1×1 struct is a
 * group of its fields; sparse is a group of `data`, `ir`, `jc` with `MATLAB_sparse` = rows.
 */
import { NdArray, NdImageError } from '@ndimage/core-array';
import { columnMajor, DTYPE_OF_CLASS_NAME } from './classes.js';
import { sparseOf } from './plain.js';
import type { MatCell, MatSparse, MatStruct, MatStructArray, MatValue } from './values.js';

/** The parts of h5wasm used here (declared locally: it is an optional peer dependency). */
interface H5Attr {
  value: unknown;
}
interface H5Entity {
  attrs: Record<string, H5Attr>;
}
interface H5Dataset extends H5Entity {
  shape: number[] | null;
  dtype: unknown;
  value: unknown;
}
interface H5Group extends H5Entity {
  keys(): string[];
  get(name: string): H5Dataset | H5Group | null;
}
interface H5File extends H5Group {
  dereference(ref: unknown): H5Dataset | H5Group | null;
  close(): void;
}
interface H5Module {
  ready: Promise<{ FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void } }>;
  File: new (path: string, mode: string) => H5File;
  Group: new (...args: never[]) => H5Group;
}

let module: Promise<H5Module> | undefined;

/** h5wasm, imported on first use; a clear error when it is not installed. */
async function h5(origin: string): Promise<H5Module> {
  module ??= import('h5wasm/node' as string).then((m: { default: H5Module }) => m.default);
  try {
    return await module;
  } catch (e) {
    module = undefined;
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `${origin} is a MAT v7.3 (HDF5) file; reading it needs the optional package h5wasm (npm install h5wasm)`,
      { cause: e },
    );
  }
}

let counter = 0;

/** The variables of a v7.3 file, in the file's order. */
export async function readV73(
  bytes: Uint8Array,
  origin: string,
  warn: (m: string) => void,
): Promise<[string, MatValue][]> {
  const h = await h5(origin);
  const { FS } = await h.ready;
  const name = `/ndimage-io-mat-${process.pid}-${counter++}.h5`;
  FS.writeFile(name, bytes);
  let file: H5File | undefined;
  try {
    try {
      file = new h.File(name, 'r');
    } catch (e) {
      throw new NdImageError('ERR_FORMAT', `${origin}: not a readable HDF5 file (${(e as Error).message})`, {
        cause: e,
      });
    }
    const out: [string, MatValue][] = [];
    try {
      for (const key of file.keys()) {
        if (key === '#refs#' || key === '#subsystem#') continue;
        const entity = file.get(key);
        if (entity === null) continue;
        const v = value(file, entity, h, `${origin}: ${key}`, warn, 0);
        if (v !== undefined) out.push([key, v]);
      }
    } catch (e) {
      // HDF5 errors from inside h5wasm (damaged structures) become format errors naming the file.
      if (NdImageError.isInstance(e)) throw e;
      throw new NdImageError('ERR_FORMAT', `${origin}: damaged HDF5 data (${(e as Error).message ?? e})`, { cause: e });
    }
    return out;
  } finally {
    file?.close();
    FS.unlink(name);
  }
}

const text = (a: H5Attr | undefined): string | undefined => {
  const v = a?.value;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join('');
  return undefined;
};

/** MATLAB dims from an HDF5 shape (reversed; at least 2). */
const dimsOf = (shape: number[] | null): number[] => {
  const d = [...(shape ?? [])].reverse();
  while (d.length < 2) d.push(1);
  return d;
};

function value(
  file: H5File,
  e: H5Dataset | H5Group,
  h: H5Module,
  where: string,
  warn: (m: string) => void,
  depth: number,
): MatValue | undefined {
  if (depth > 64) throw new NdImageError('ERR_LIMIT', `${where}: cells and structs nest deeper than 64`, {});
  const cls = text(e.attrs.MATLAB_class);
  const isGroup = typeof (e as H5Group).keys === 'function';
  if (isGroup) {
    const g = e as H5Group;
    if (e.attrs.MATLAB_sparse !== undefined) return sparse(g, cls, where);
    if (cls === 'struct' || cls === undefined) return struct(file, g, h, where, warn, depth);
    warn(`${where}: MATLAB class ${cls} is not read; skipped`);
    return undefined;
  }
  const d = e as H5Dataset;
  if (cls === undefined) {
    warn(`${where}: a dataset without MATLAB_class; skipped`);
    return undefined;
  }
  // An empty value stores its dims as data.
  if (Number(e.attrs.MATLAB_empty?.value ?? 0) === 1) {
    const dims = Array.from(d.value as ArrayLike<number | bigint>, Number);
    if (cls === 'char') return '';
    if (cls === 'cell') return { kind: 'cell', shape: dims, values: [] } satisfies MatCell;
    return new NdArray(new Float64Array(0), dims.length >= 2 ? dims : [0, 0], {
      dtype: DTYPE_OF_CLASS_NAME[cls] ?? 'float64',
    });
  }
  const dims = dimsOf(d.shape);
  if (cls === 'char') {
    const codes = Array.from(d.value as ArrayLike<number>);
    const rows = dims[0] as number;
    const cols = codes.length / Math.max(rows, 1);
    const row = (i: number): string => {
      let s = '';
      for (let j = 0; j < cols; j++) s += String.fromCharCode(codes[i + rows * j] as number);
      return s;
    };
    return rows <= 1 ? row(0) : Array.from({ length: rows }, (_, i) => row(i));
  }
  if (cls === 'cell') {
    const refs = d.value as unknown[];
    const values = refs.map((r, k) => {
      const target = file.dereference(r);
      if (target === null) throw new NdImageError('ERR_FORMAT', `${where}: cell element ${k} refers to nothing`, {});
      return (
        value(file, target, h, `${where}{${k}}`, warn, depth + 1) ??
        new NdArray(new Float64Array(0), [0, 0], { dtype: 'float64' })
      );
    });
    return { kind: 'cell', shape: dims, values } satisfies MatCell;
  }
  const dtype = DTYPE_OF_CLASS_NAME[cls];
  if (dtype === undefined) {
    warn(`${where}: MATLAB class ${cls} is not read; skipped`);
    return undefined;
  }
  const raw = d.value;
  if (Array.isArray(raw) && raw.length > 0 && Array.isArray(raw[0])) {
    // Complex: a compound {real, imag} read as [re, im] pairs.
    const pairs = raw as [number, number][];
    const re = new Float64Array(pairs.length);
    const im = new Float64Array(pairs.length);
    pairs.forEach(([a, b], k) => {
      re[k] = a;
      im[k] = b;
    });
    const t = dtype === 'float32' ? 'float32' : 'float64';
    const cast = (x: Float64Array) => (t === 'float32' ? Float32Array.from(x) : x);
    return { kind: 'complex', re: columnMajor(cast(re), dims, t), im: columnMajor(cast(im), dims, t) };
  }
  if (dtype === 'bool')
    return columnMajor(
      Uint8Array.from(raw as ArrayLike<number>, (v) => (v ? 1 : 0)),
      dims,
      'bool',
    );
  return columnMajor(raw as NdArray['data'], dims, dtype);
}

function struct(
  file: H5File,
  g: H5Group,
  h: H5Module,
  where: string,
  warn: (m: string) => void,
  depth: number,
): MatStruct | MatStructArray {
  const order = g.attrs.MATLAB_fields?.value;
  const fields = Array.isArray(order) ? order.map((f) => (Array.isArray(f) ? f.join('') : String(f))) : g.keys();
  const members = fields.map((f) => g.get(f));
  // A struct array stores each field as a dataset of references, one per element.
  const first = members[0] as H5Dataset | null | undefined;
  const isArray =
    first !== undefined &&
    first !== null &&
    typeof (first as unknown as H5Group).keys !== 'function' &&
    text(first.attrs.MATLAB_class) === undefined;
  if (!isArray) {
    const o: MatStruct = Object.create(null);
    fields.forEach((f, i) => {
      const m = members[i];
      if (m === null || m === undefined) return;
      const v = value(file, m, h, `${where}.${f}`, warn, depth + 1);
      if (v !== undefined) o[f] = v;
    });
    return o;
  }
  const dims = dimsOf(first.shape);
  const count = dims.reduce((a, b) => a * b, 1);
  const elements: MatValue[][] = Array.from({ length: count }, () => []);
  fields.forEach((f, i) => {
    const refs = (members[i] as H5Dataset).value as unknown[];
    refs.forEach((r, k) => {
      const target = file.dereference(r);
      (elements[k] as MatValue[])[i] =
        (target === null ? undefined : value(file, target, h, `${where}(${k}).${f}`, warn, depth + 1)) ??
        new NdArray(new Float64Array(0), [0, 0], { dtype: 'float64' });
    });
  });
  return { kind: 'struct', shape: dims, fieldNames: fields, elements };
}

function sparse(g: H5Group, cls: string | undefined, where: string): MatSparse {
  const m = Number(g.attrs.MATLAB_sparse?.value);
  const jcD = g.get('jc') as H5Dataset | null;
  const irD = g.get('ir') as H5Dataset | null;
  const dataD = g.get('data') as H5Dataset | null;
  if (jcD === null) throw new NdImageError('ERR_FORMAT', `${where}: sparse matrix without jc`, {});
  const jc = Int32Array.from(jcD.value as ArrayLike<number | bigint>, Number);
  const n = jc.length - 1;
  const ir = irD === null ? new Int32Array(0) : Int32Array.from(irD.value as ArrayLike<number | bigint>, Number);
  const logical = cls === 'logical';
  const raw = dataD === null ? [] : (dataD.value as ArrayLike<number> | [number, number][]);
  let data: Float64Array;
  let imag: Float64Array | undefined;
  if (Array.isArray(raw) && raw.length > 0 && Array.isArray(raw[0])) {
    data = Float64Array.from(raw as [number, number][], (p) => p[0]);
    imag = Float64Array.from(raw as [number, number][], (p) => p[1]);
  } else data = Float64Array.from(raw as ArrayLike<number>, (v) => (logical ? (v ? 1 : 0) : v));
  return sparseOf({ shape: [m, n], ir, jc, data, imag, logical });
}
