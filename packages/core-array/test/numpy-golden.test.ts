/**
 * Replays every case of test/fixtures/manifest.json (written by NumPy through
 * tools/fixtures/core_array.py) against this package.
 *
 * Tolerances: integer and bool results, casts, roll/join and .npy are exact; float64 results of
 * IEEE-exact operations (+ − × ÷ √, min/max, abs) are exact; transcendental functions (JS `Math`
 * against glibc) within 1e-13; float32 results within 2 ulp-ish (rtol 3e-7); float32 sums and
 * means, which NumPy accumulates in float32 and we in float64, within 1e-5.
 *
 * Documented dtype substitutions are applied to NumPy's dtype before comparing: int64/uint64
 * results are float64 here, float16 results are float32 here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  arctan2,
  argmax,
  argmin,
  array,
  clip,
  concatenate,
  type DType,
  div,
  equal,
  exp,
  greater,
  greaterEqual,
  hypot,
  less,
  lessEqual,
  log,
  logicalAnd,
  logicalNot,
  logicalOr,
  max,
  maximum,
  mean,
  min,
  minimum,
  mul,
  type NdArray,
  type NdArrayLike,
  neg,
  norm,
  notEqual,
  type Operand,
  pow,
  RandomState,
  type ReduceOptions,
  random,
  randomNormal,
  readNpy,
  roll,
  sqrt,
  square,
  stack,
  std,
  sub,
  sum,
  variance,
  where,
  writeNpy,
} from '../src/index.js';
import { expectArrayClose, expectArrayEqual, loadNpyFixture } from '../src/testing/index.js';

interface Case {
  kind: string;
  id: string;
  op?: string;
  inputs?: string[];
  output?: string;
  outputs?: string[];
  params?: Record<string, unknown>;
  scalar?: number | boolean | string;
  scalarSide?: 'left' | 'right';
  view?: string;
  exact?: boolean;
  file?: string;
  roundtrip?: boolean;
  seed?: number;
  [key: string]: unknown;
}

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { numpy: string; cases: Case[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));
const byKind = (kind: string): Case[] => manifest.cases.filter((c) => c.kind === kind);
const scalarOf = (v: unknown): number | boolean =>
  v === 'nan' ? Number.NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number | boolean);

/** NumPy's result dtype as this library spells it (see the file comment). */
function ourDType(numpy: DType | string): DType {
  if (numpy === 'int64' || numpy === 'uint64') return 'float64';
  if (numpy === 'float16') return 'float32';
  return numpy as DType;
}

const EXACT_OPS = new Set(['add', 'sub', 'mul', 'div', 'sqrt', 'maximum', 'minimum', 'abs', 'neg', 'square']);

/** Compares a result with NumPy's, after the documented dtype substitutions. */
function compare(actual: NdArray | number, expected: NdArray, op: string, c: Case): void {
  const numpyDtype = (c.numpyDtype as string | undefined) ?? expected.dtype;
  const dtype = ourDType(numpyDtype);
  // A full reduction returns a JS number; give it the dtype the array form would have.
  let got = typeof actual === 'number' ? array(actual, { dtype }) : actual;
  if (typeof actual !== 'number') expect(got.dtype, `${c.id}: dtype`).toBe(dtype);
  const wasWide = expected.dtype === 'int64' || expected.dtype === 'uint64';
  const wasHalf = numpyDtype === 'float16';
  const exp64 = wasWide ? expected.astype('float64') : expected;
  if (dtype === 'float64' && !wasWide) {
    const rtol = EXACT_OPS.has(op)
      ? 0
      : op === 'sum' || op === 'mean' || op === 'variance' || op === 'std' || op === 'norm'
        ? 1e-12
        : 1e-13;
    expectArrayClose(got, exp64, {
      rtol,
      label: c.id,
      relativeTo: op === 'variance' || op === 'std' ? 'max' : 'element',
    });
  } else if (dtype === 'float32' || wasHalf) {
    // float16 overflows above 65504 where float32 does not: NumPy's Infinity there is expected.
    if (wasHalf) got = array(got.toArray() as number[], { dtype: 'float32' }).reshape(got.shape);
    if (wasHalf) got = where(greater(abs(got), 65504), mul(got, Infinity), got);
    const accumulated = ['sum', 'mean', 'variance', 'std', 'norm'].includes(op);
    const rtol = wasHalf ? 1e-3 : accumulated ? 1e-5 : EXACT_OPS.has(op) ? 0 : 3e-7;
    expectArrayClose(got, expected.astype('float64'), {
      rtol,
      atol: wasHalf ? 1e-3 : 0,
      label: c.id,
      relativeTo: accumulated ? 'max' : 'element',
    });
  } else if (wasWide) {
    // int64 in NumPy, float64 here: exact while the values fit in 53 bits.
    expectArrayClose(got, exp64, { rtol: 1e-15, label: c.id });
  } else {
    expectArrayEqual(got, expected, { label: c.id });
  }
}

describe(`NumPy ${manifest.numpy} golden data`, () => {
  it('has cases', () => {
    expect(manifest.cases.length).toBeGreaterThan(1000);
  });

  describe('astype', () => {
    for (const c of byKind('astype')) {
      it(c.id, () => {
        const input = load(c.inputs![0]!);
        const params = c.params as { dtype: DType; casting?: 'clip' | 'round' };
        expectArrayEqual(input.astype(params.dtype, { casting: params.casting }), load(c.output!), { label: c.id });
      });
    }
  });

  const binary: Record<string, (a: Operand, b: Operand) => NdArray> = {
    add,
    sub,
    mul,
    div,
    pow,
    maximum,
    minimum,
    hypot,
    arctan2,
    less,
    lessEqual,
    greater,
    greaterEqual,
    equal,
    notEqual,
    logicalAnd,
    logicalOr,
  };
  const unary: Record<string, (a: Operand) => NdArray> = { neg, abs, square, sqrt, exp, log, logicalNot };

  describe('element-wise', () => {
    for (const c of [...byKind('binary'), ...byKind('unary')]) {
      it(c.id, () => {
        const op = c.op!;
        const expected = load(c.output!);
        // Documented deviation: NumPy's int64 powers wrap around 2^64; float64 here does not.
        if (op === 'pow' && (expected.dtype === 'int64' || expected.dtype === 'uint64')) return;
        const a = load(c.inputs![0]!);
        let result: NdArray;
        if (c.kind === 'unary') result = unary[op]!(a);
        else if (c.scalar !== undefined) {
          const s = scalarOf(c.scalar);
          result = c.scalarSide === 'left' ? binary[op]!(s, a) : binary[op]!(a, s);
        } else result = binary[op]!(a, load(c.inputs![1]!));
        compare(result, expected, op, c);
      });
    }
    for (const c of byKind('where')) {
      it(c.id, () => {
        const [cond, x, y] = c.inputs!.map(load);
        const other: Operand = c.scalar === undefined ? y! : scalarOf(c.scalar);
        compare(where(cond!, x!, other), load(c.output!), 'where', c);
      });
    }
    for (const c of byKind('clip')) {
      it(c.id, () => {
        const p = c.params as { min: number | null; max: number | null };
        compare(clip(load(c.inputs![0]!), p.min, p.max), load(c.output!), 'clip', c);
      });
    }
  });

  const reductions: Record<string, (a: NdArrayLike, o?: ReduceOptions & { ddof?: number }) => NdArray | number> = {
    sum,
    mean,
    variance,
    std,
    min,
    max,
    norm,
    argmax: (a, o) => argmax(a, o as { axis?: number }),
    argmin: (a, o) => argmin(a, o as { axis?: number }),
  };

  describe('reductions', () => {
    for (const c of byKind('reduce')) {
      it(c.id, () => {
        let a = load(c.inputs![0]!);
        if (c.view === 'transpose') a = a.transpose();
        else if (c.view === 'reverse1') a = a.slice(null, [null, null, -1]);
        else if (c.view === 'step2') a = a.slice(null, null, [null, null, 2]);
        const p = c.params as { axis: number | number[] | null; keepdims?: boolean; ddof?: number };
        const options: ReduceOptions & { ddof?: number } = {
          axis: p.axis ?? undefined,
          keepdims: p.keepdims,
          ddof: p.ddof,
        };
        const result = reductions[c.op!]!(a, options);
        const expected = load(c.output!);
        if (c.exact) {
          expect(result, `${c.id}: bit-exact pairwise sum`).toBe(expected.item());
          return;
        }
        compare(result, expected, c.op!, c);
      });
    }
  });

  describe('roll, concatenate, stack', () => {
    for (const c of byKind('roll')) {
      it(c.id, () => {
        const p = c.params as { shift: number | number[]; axis: number | number[] | null };
        expectArrayEqual(roll(load(c.inputs![0]!), p.shift, p.axis ?? undefined), load(c.output!), { label: c.id });
      });
    }
    for (const c of [...byKind('concatenate'), ...byKind('stack')]) {
      it(c.id, () => {
        const arrays = c.inputs!.map(load);
        const axis = (c.params as { axis: number }).axis;
        const result = c.kind === 'stack' ? stack(arrays, axis) : concatenate(arrays, axis);
        expectArrayEqual(result, load(c.output!), { label: c.id });
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

  describe('random numbers equal NumPy legacy RandomState', () => {
    for (const c of byKind('random')) {
      it(c.id, () => {
        const [u, z, n] = c.outputs!.map(load);
        const rng = new RandomState(c.seed);
        expectArrayEqual(rng.random([3, 5]), u!);
        expectArrayClose(rng.standardNormal([7]), z!, { rtol: 1e-15 });
        expectArrayClose(rng.normal([2, 3], 10, 30), n!, { rtol: 1e-15 });
        expectArrayEqual(random([3, 5], { seed: c.seed }), u!);
      });
    }
    for (const c of byKind('random-summary')) {
      it(c.id, () => {
        const noise = randomNormal(c.shape as number[], { std: c.std as number, seed: c.seed });
        expect(noise.get(0, 0)).toBeCloseTo(c.first as number, 12);
        expect(noise.get(499, 499)).toBeCloseTo(c.last as number, 12);
        expect(sum(noise)).toBeCloseTo(c.sum as number, 6);
        expectArrayClose(noise.index(0), load(c.output!), { rtol: 1e-14 });
      });
    }
  });
});
