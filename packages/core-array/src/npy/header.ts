/**
 * The `.npy` header: a Python dict literal such as
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
 * Parsed by a small recursive-descent reader for the literal subset NumPy writes (never `eval`),
 * with a depth limit, so a hostile header is an error, not a hang or a crash.
 */
import { DTYPE_INFO, type DType } from '../dtypes.js';
import { NdImageError } from '../errors.js';

/** A parsed Python literal. */
type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/** The three fields of a `.npy` header, checked. */
export interface NpyHeader {
  dtype: DType;
  littleEndian: boolean;
  fortranOrder: boolean;
  shape: number[];
}

const MAX_DEPTH = 8;

function formatError(message: string, byteOffset?: number): NdImageError {
  return new NdImageError('ERR_FORMAT', `invalid .npy header: ${message}`, { byteOffset });
}

/** Reads a Python literal from `text`; positions in errors are offsets in the header text. */
class LiteralReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): PyValue {
    const v = this.value(0);
    this.skipSpace();
    if (this.pos !== this.text.length)
      throw formatError(`unexpected ${JSON.stringify(this.text[this.pos])} after the dict`);
    return v;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  private value(depth: number): PyValue {
    if (depth > MAX_DEPTH) throw formatError(`nesting deeper than ${MAX_DEPTH}`);
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.dict(depth);
    if (c === '(' || c === '[') return this.sequence(depth, c === '(' ? ')' : ']');
    if (c === "'" || c === '"') return this.string(c);
    const word = /^(True|False|None|-?\d+L?)/.exec(this.text.slice(this.pos, this.pos + 32));
    if (!word) throw formatError(`unexpected ${c === undefined ? 'end' : JSON.stringify(c)} at offset ${this.pos}`);
    this.pos += (word[0] as string).length;
    const w = word[0] as string;
    if (w === 'True') return true;
    if (w === 'False') return false;
    if (w === 'None') return null;
    const n = Number(w.endsWith('L') ? w.slice(0, -1) : w);
    if (!Number.isSafeInteger(n)) throw formatError(`integer ${w} is too large`);
    return n;
  }

  private string(quote: string): string {
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.text[this.pos++];
      if (c === undefined) throw formatError('unterminated string');
      if (c === quote) return out;
      if (c === '\\') {
        const e = this.text[this.pos++];
        if (e === undefined) throw formatError('unterminated string');
        out += e;
      } else out += c;
    }
  }

  private sequence(depth: number, close: string): PyValue[] {
    const items: PyValue[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return items;
      }
      items.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c !== close) throw formatError(`expected ',' or '${close}' at offset ${this.pos}`);
    }
  }

  private dict(depth: number): { [key: string]: PyValue } {
    const out: { [key: string]: PyValue } = Object.create(null);
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const key = this.value(depth + 1);
      if (typeof key !== 'string') throw formatError('dict keys must be strings');
      this.skipSpace();
      if (this.text[this.pos] !== ':') throw formatError(`expected ':' at offset ${this.pos}`);
      this.pos++;
      if (Object.hasOwn(out, key)) throw formatError(`duplicate key '${key}'`);
      out[key] = this.value(depth + 1);
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c !== '}') throw formatError(`expected ',' or '}' at offset ${this.pos}`);
    }
  }
}

const DESCR_KINDS: Readonly<Record<string, DType>> = {
  b1: 'bool',
  u1: 'uint8',
  i1: 'int8',
  u2: 'uint16',
  i2: 'int16',
  u4: 'uint32',
  i4: 'int32',
  u8: 'uint64',
  i8: 'int64',
  f4: 'float32',
  f8: 'float64',
  c8: 'complex64',
  c16: 'complex128',
};

/** Parses and checks the header text of a `.npy` file. */
export function parseNpyHeader(text: string): NpyHeader {
  const dict = new LiteralReader(text).parse();
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) throw formatError('the header is not a dict');
  const keys = Object.keys(dict).sort();
  if (keys.join() !== 'descr,fortran_order,shape') {
    throw formatError(`expected the keys descr, fortran_order, shape; got ${keys.join(', ') || 'none'}`);
  }
  const { descr, fortran_order: fortran, shape } = dict as Record<string, PyValue>;
  if (typeof descr !== 'string') {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      'unsupported .npy dtype: structured arrays (a descr list) are not supported',
    );
  }
  const m = /^([<>|=])([a-zA-Z]\d*)$/.exec(descr);
  const dtype = m ? DESCR_KINDS[m[2] as string] : undefined;
  if (!m || dtype === undefined) {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `unsupported .npy dtype '${descr}': supported are bool, (u)int8/16/32/64, float32, float64, complex64, complex128`,
    );
  }
  if (m[1] === '|' && DTYPE_INFO[dtype].itemsize > 1) throw formatError(`descr '${descr}' has no byte order`);
  if (typeof fortran !== 'boolean') throw formatError('fortran_order must be True or False');
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw formatError('shape must be a tuple of integers ≥ 0');
  }
  return { dtype, littleEndian: m[1] !== '>', fortranOrder: fortran, shape: shape as number[] };
}

const DESCR_OF: Readonly<Record<DType, string>> = {
  bool: 'b1',
  uint8: 'u1',
  int8: 'i1',
  uint16: 'u2',
  int16: 'i2',
  uint32: 'u4',
  int32: 'i4',
  uint64: 'u8',
  int64: 'i8',
  float32: 'f4',
  float64: 'f8',
  complex64: 'c8',
  complex128: 'c16',
};

/** The header dict NumPy writes, in NumPy's exact text (keys sorted, Python reprs, growth spaces). */
export function formatNpyHeader(
  dtype: DType,
  littleEndian: boolean,
  fortranOrder: boolean,
  shape: readonly number[],
): string {
  const order = DTYPE_INFO[dtype].itemsize === 1 ? '|' : littleEndian ? '<' : '>';
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let text = `{'descr': '${order}${DESCR_OF[dtype]}', 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${tuple}, }`;
  // NumPy ≥ 1.23 leaves room to grow the first (C) or last (Fortran) axis in place: 21 digits.
  if (shape.length > 0) {
    const growth = String(shape[fortranOrder ? shape.length - 1 : 0]);
    text += ' '.repeat(Math.max(0, 21 - growth.length));
  }
  return text;
}
