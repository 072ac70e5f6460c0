/**
 * Replays test/fixtures-complex/manifest.json (written by NumPy through
 * tools/fixtures/core_array_complex.py): casts to and from complex64/complex128, element-wise
 * arithmetic and NumPy's promotion, the parts (real, imag, conj, angle, abs), reductions, `.npy`
 * files, and promote_types/result_type.
 *
 * Tolerances: casts, parts, `.npy`, add/sub/neg/conj and complex128 sums of contiguous runs are
 * exact; complex128 mul/div/square within 1e-15 (NumPy's SIMD loops may fuse), pow/abs/angle
 * within 1e-13 of the largest magnitude (libm's cpow, hypot, atan2 against JS Math); complex64
 * results, which NumPy computes in float32 and we in float64 rounded once, within 1e-6.
 * NumPy's float16 (angle of 8-bit integers) is float32 here, and its int64 results float64.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  angle,
  type ComplexOperand,
  conj,
  type DType,
  div,
  imag,
  mean,
  mul,
  NdArray,
  type NdArrayLike,
  neg,
  norm,
  pow,
  promoteTypes,
  type ReduceOptions,
  readNpy,
  real,
  resultType,
  square,
  std,
  sub,
  sum,
  variance,
  writeNpy,
} from '../src/index.js';
import { expectArrayClose, expectArrayEqual, loadNpyFixture } from '../src/testing/index.js';

interface Case {
  kind: string;
  id: string;
  op?: string;
  inputs?: string[];
  output?: string;
  params?: Record<string, unknown>;
  scalar?: unknown;
  scalarSide?: 'left' | 'right';
  view?: string;
  exact?: boolean;
  file?: string;
  roundtrip?: boolean;
  table?: Record<string, Record<string, string>>;
  checks?: { dtype: string; scalar: unknown; result: string }[];
}

const dir = new URL('./fixtures-complex/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { numpy: string; cases: Case[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));
const byKind = (kind: string): Case[] => manifest.cases.filter((c) => c.kind === kind);

function num(v: unknown): number | boolean {
  return v === 'nan' ? Number.NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number | boolean);
}
/** A manifest scalar: a number, a boolean or a `{ re, im }` value. */
function scalarOf(v: unknown): ComplexOperand {
  if (typeof v === 'object' && v !== null) {
    const c = v as { re: unknown; im: unknown };
    return { re: num(c.re) as number, im: num(c.im) as number };
  }
  return num(v);
}

/** NumPy's dtype as this library spells it. */
function ourDType(numpy: string): DType {
  if (numpy === 'int64' || numpy === 'uint64') return 'float64';
  if (numpy === 'float16') return 'float32';
  return numpy as DType;
}

const EXACT = new Set(['add', 'sub', 'neg', 'conj', 'real', 'imag']);

function compare(got: NdArray, expected: NdArray, op: string, id: string, numpyDType?: string): void {
  const want = ourDType(numpyDType ?? expected.dtype);
  expect(got.dtype, `${id}: dtype`).toBe(want);
  const single = want === 'complex64' || want === 'float32';
  if (EXACT.has(op) && !single) {
    expectArrayEqual(got, expected.astype(want), { label: id });
    return;
  }
  if (single && op === 'pow') {
    // NumPy's complex64 powers go through glibc's cpowf, all in float32: its results are off by
    // ~1e-5 relative (an exponent amplifies the error of log), and where they overflow float32,
    // the sign of the infinity follows that float32 angle. Compare to that accuracy.
    const finite = expected.astype('complex128');
    const f = finite.data as Float64Array;
    const g = got.astype('complex128').data as Float64Array;
    for (let i = 0; i < f.length; i++) {
      if (!Number.isFinite(f[i]!)) {
        expect(Number.isFinite(g[i]!), `${id}: element ${i >> 1} is not finite, as in NumPy`).toBe(false);
        f[i] = 0;
        g[i] = 0;
      }
    }
    expectArrayClose(new NdArray(g, got.shape, { dtype: 'complex128' }), finite, {
      rtol: 1e-4,
      relativeTo: 'max',
      label: id,
    });
    return;
  }
  if (single) {
    expectArrayClose(got, expected, { rtol: EXACT.has(op) ? 0 : 1e-6, atol: 0, relativeTo: 'max', label: id });
    return;
  }
  // pow: an exponent b amplifies the last-bit difference of log|a| (JS against glibc) by |b·log a|.
  const rtol = op === 'mul' || op === 'div' || op === 'square' ? 1e-15 : op === 'pow' ? 1e-12 : 1e-13;
  expectArrayClose(got, expected, { rtol, relativeTo: op === 'div' ? 'element' : 'max', label: id });
}

describe(`NumPy ${manifest.numpy} golden data for complex dtypes`, () => {
  it('has cases', () => {
    expect(manifest.cases.length).toBeGreaterThan(500);
  });

  describe('astype', () => {
    for (const c of byKind('astype')) {
      it(c.id, () => {
        const input = load(c.inputs![0]!);
        const p = c.params as { dtype: DType; casting?: 'clip' };
        expectArrayEqual(input.astype(p.dtype, { casting: p.casting }), load(c.output!), { label: c.id });
      });
    }
  });

  const binary: Record<string, (a: ComplexOperand, b: ComplexOperand) => NdArray> = { add, sub, mul, div, pow };
  const unary: Record<string, (a: NdArray) => NdArray> = {
    neg,
    square,
    abs,
    conj,
    real,
    imag,
    angle,
    angleDeg: (a) => angle(a, { deg: true }),
  };

  describe('element-wise', () => {
    for (const c of [...byKind('binary'), ...byKind('unary')]) {
      it(c.id, () => {
        const op = c.op!;
        const a = load(c.inputs![0]!);
        const expected = load(c.output!);
        let result: NdArray;
        if (c.kind === 'unary') result = unary[op]!(a);
        else if (c.scalar !== undefined) {
          const s = scalarOf(c.scalar);
          result = c.scalarSide === 'left' ? binary[op]!(s, a) : binary[op]!(a, s);
        } else result = binary[op]!(a, load(c.inputs![1]!));
        // NumPy's angle of 8-bit integers is float16, float32 here (the real suite's rule).
        const numpyDType =
          op === 'angle' && expected.dtype === 'float32' && a.dtype.endsWith('int8') ? 'float32' : undefined;
        compare(result, expected, op.startsWith('angle') ? 'angle' : op, c.id, numpyDType);
      });
    }
  });

  const reductions: Record<string, (a: NdArrayLike, o?: ReduceOptions & { ddof?: number }) => unknown> = {
    sum,
    mean,
    variance,
    std,
    norm,
  };

  describe('reductions', () => {
    for (const c of byKind('reduce')) {
      it(c.id, () => {
        let a = load(c.inputs![0]!);
        if (c.view === 'transpose') a = a.transpose();
        else if (c.view === 'reverse1') a = a.slice(null, [null, null, -1]);
        else if (c.view === 'step2') a = a.slice(null, null, [null, null, 2]);
        const p = c.params as { axis: number | number[] | null; keepdims?: boolean; ddof?: number };
        const result = reductions[c.op!]!(a, { axis: p.axis ?? undefined, keepdims: p.keepdims, ddof: p.ddof });
        const expected = load(c.output!);
        const got =
          result !== null && typeof result === 'object' && 're' in result
            ? ((): NdArray => {
                const z = result as { re: number; im: number };
                const out = expected.copy();
                out.set(...new Array<number>(expected.ndim).fill(0), z);
                return out;
              })()
            : typeof result === 'number'
              ? expected.copy().fill(result)
              : (result as NdArray);
        if (c.exact) {
          expectArrayEqual(got, expected, { label: `${c.id}: bit-exact pairwise sum` });
          return;
        }
        compare(got, expected, 'reduce', c.id);
      });
    }
  });

  describe('.npy files written by NumPy', () => {
    for (const c of byKind('npy')) {
      it(c.id, () => {
        const bytes = readFileSync(new URL(c.file!, dir));
        const a = readNpy(bytes);
        expectArrayEqual(a, load(c.output!), { label: c.id });
        if (c.roundtrip)
          expect(Buffer.from(writeNpy(a)).equals(bytes), `${c.id}: byte-identical to np.save`).toBe(true);
      });
    }
  });

  describe('promotion', () => {
    for (const c of byKind('promote')) {
      it(c.id, () => {
        for (const [a, row] of Object.entries(c.table!)) {
          for (const [b, r] of Object.entries(row)) {
            expect(promoteTypes(a as never, b as never), `${a} + ${b}`).toBe(ourDType(r));
          }
        }
      });
    }
    for (const c of byKind('result_type')) {
      it(c.id, () => {
        for (const k of c.checks!) {
          const got = resultType([k.dtype as never], [scalarOf(k.scalar) as never]);
          expect(got, `${k.dtype} with ${JSON.stringify(k.scalar)}`).toBe(ourDType(k.result));
        }
      });
    }
  });
});
