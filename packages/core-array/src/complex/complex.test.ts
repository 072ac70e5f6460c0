import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  angle,
  array,
  asarray,
  concatenate,
  conj,
  div,
  equal,
  full,
  imag,
  less,
  max,
  maximum,
  mean,
  mul,
  NdArray,
  neg,
  ones,
  pow,
  readNpy,
  real,
  roll,
  sqrt,
  square,
  stack,
  sub,
  sum,
  writeNpy,
  zeros,
} from '../index.js';
import { expectArrayClose, expectArrayEqual, expectNdImageError } from '../testing/index.js';

const z = (re: number, im: number) => ({ re, im });

describe('complex arrays: layout and values', () => {
  it('holds interleaved parts, with strides and offset in complex elements', () => {
    const a = new NdArray(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]), [2, 2], { dtype: 'complex128' });
    expect(a.size).toBe(4);
    expect(a.strides).toEqual([2, 1]);
    expect(a.itemsize).toBe(16);
    expect(a.get(1, 0)).toEqual(z(5, 6));
    expect(a.toArray()).toEqual([
      [z(1, 2), z(3, 4)],
      [z(5, 6), z(7, 8)],
    ]);
    expect(String(a)).toBe('NdArray<complex128>[2, 2] [[1+2j, 3+4j], [5+6j, 7+8j]]');
    expect(a.index(null, 1).toArray()).toEqual([z(3, 4), z(7, 8)]);
    expect(a.transpose().get(0, 1)).toEqual(z(5, 6));
    expect(a.slice([null, null, -1]).index(0).toArray()).toEqual([z(5, 6), z(7, 8)]);
    expect(a.index(1, 1).item()).toEqual(z(7, 8));
  });

  it('checks the layout against the element count, not the float count', () => {
    expectNdImageError(
      () => new NdArray(new Float64Array(6), [4], { dtype: 'complex128' }),
      'ERR_SHAPE',
      /3 complex128 elements/,
    );
    expect(new NdArray(new Float32Array(6), [3], { dtype: 'complex64' }).size).toBe(3);
    expectNdImageError(() => new NdArray(new Float32Array(4) as never, [2], { dtype: 'complex128' }), 'ERR_DTYPE');
  });

  it('set, fill and full take complex values, numbers and booleans', () => {
    const a = zeros([2, 3], { dtype: 'complex64' });
    a.set(0, 1, z(1.5, -2));
    a.set(1, 2, 3);
    expect(a.toArray()).toEqual([
      [z(0, 0), z(1.5, -2), z(0, 0)],
      [z(0, 0), z(0, 0), z(3, 0)],
    ]);
    a.index(null, [0, 3, 2]).fill(z(7, 8));
    expect(a.toArray()).toEqual([
      [z(7, 8), z(1.5, -2), z(7, 8)],
      [z(7, 8), z(0, 0), z(7, 8)],
    ]);
    expect(full([2], z(1, 1), { dtype: 'complex128' }).toArray()).toEqual([z(1, 1), z(1, 1)]);
    expect(ones([1], { dtype: 'complex128' }).toArray()).toEqual([z(1, 0)]);
    // A complex value stored in a real array keeps its real part (NumPy, with a ComplexWarning).
    const r = zeros([2]);
    r.set(0, z(4, 5) as never);
    expect(r.toArray()).toEqual([4, 0]);
    expectNdImageError(() => a.set(0, 0, 'x' as never), 'ERR_INVALID_ARGUMENT', /re, im/);
  });

  it('array() builds complex128 from { re, im } values; asarray() wraps complex layouts without a copy', () => {
    const a = array([
      [z(1, 2), 3],
      [4, z(0, -1)],
    ]);
    expect(a.dtype).toBe('complex128');
    expect(a.toArray()).toEqual([
      [z(1, 2), z(3, 0)],
      [z(4, 0), z(0, -1)],
    ]);
    expect(array(z(1, 2)).shape).toEqual([]);
    const data = new Float64Array([1, 2, 3, 4]);
    const wrapped = asarray({ data, shape: [2], dtype: 'complex128' });
    expect(wrapped.data).toBe(data);
    expect(wrapped.toArray()).toEqual([z(1, 2), z(3, 4)]);
    // A bare Float64Array asked to be complex is converted value by value, as NumPy's asarray.
    expect(asarray(data, { dtype: 'complex128' }).toArray()).toEqual([z(1, 0), z(2, 0), z(3, 0), z(4, 0)]);
  });

  it('copy, roll, concatenate and stack move both parts', () => {
    const a = array([z(1, 2), z(3, 4), z(5, 6)]);
    expect(a.slice([null, null, -1]).copy().toArray()).toEqual([z(5, 6), z(3, 4), z(1, 2)]);
    expect(roll(a, 1).toArray()).toEqual([z(5, 6), z(1, 2), z(3, 4)]);
    const joined = concatenate([a, array([7, 8], { dtype: 'float32' })]);
    expect(joined.dtype).toBe('complex128');
    expect(joined.toArray()).toEqual([z(1, 2), z(3, 4), z(5, 6), z(7, 0), z(8, 0)]);
    expect(concatenate([array([1], { dtype: 'complex64' }), array([1], { dtype: 'int32' })]).dtype).toBe('complex128');
    expect(stack([a, a]).shape).toEqual([2, 3]);
  });

  it('writes and reads .npy <c16 and <c8, from views too', () => {
    const a = array([
      [z(1, -1), z(2, -2)],
      [z(3, -3), z(4, -4)],
    ]).astype('complex64');
    const t = readNpy(writeNpy(a.transpose()));
    expect(t.dtype).toBe('complex64');
    expect(t.toArray()).toEqual(a.transpose().toArray());
    const bytes = writeNpy(a.astype('complex128').index(null, 1));
    expect(new TextDecoder().decode(bytes.subarray(10, 30))).toContain("'<c16'");
    expect(readNpy(bytes).toArray()).toEqual([z(2, -2), z(4, -4)]);
  });
});

describe('complex arithmetic', () => {
  it('promotes as NumPy: complex64 with int16 stays complex64, with int32 or float64 becomes complex128', () => {
    const c = array([z(1, 1)]).astype('complex64');
    expect(add(c, array([1], { dtype: 'int16' })).dtype).toBe('complex64');
    expect(add(c, array([1], { dtype: 'int32' })).dtype).toBe('complex128');
    expect(add(c, array([1])).dtype).toBe('complex128');
    expect(mul(c, 2.5).dtype).toBe('complex64');
    expect(mul(array([1], { dtype: 'float32' }), z(0, 1)).dtype).toBe('complex64');
    expect(mul(array([1], { dtype: 'uint8' }), z(0, 1)).dtype).toBe('complex128');
  });

  it('computes with out=, in place, and refuses a real out', () => {
    const a = array([z(1, 2), z(3, 4)]);
    const out = zeros([2], { dtype: 'complex128' });
    expect(mul(a, z(0, 1), { out })).toBe(out);
    expect(out.toArray()).toEqual([z(-2, 1), z(-4, 3)]);
    add(a, a, { out: a });
    expect(a.toArray()).toEqual([z(2, 4), z(6, 8)]);
    expectNdImageError(() => add(a, 1, { out: zeros([2]) }), 'ERR_DTYPE', /complex128 result/);
    // reading a reversed view of out while writing out: the input is copied first
    const b = array([z(1, 0), z(2, 0), z(3, 0)]);
    add(b, b.slice([null, null, -1]), { out: b });
    expect(b.toArray()).toEqual([z(4, 0), z(4, 0), z(4, 0)]);
  });

  it('divides by zero and by infinity as NumPy (Smith’s method)', () => {
    const r = div(array([z(1, 1), z(0, 2), z(1, 0)]), array([z(0, 0), z(0, 0), z(Infinity, 0)]));
    const v = r.toArray() as { re: number; im: number }[];
    expect(v[0]).toEqual(z(Infinity, Infinity));
    expect(Number.isNaN(v[1]!.re)).toBe(true);
    expect(v[1]!.im).toBe(Infinity);
    expect(v[2]!.re).toBe(0);
  });

  it('powers: exact for small integers, 0 ** x as NumPy', () => {
    expect(pow(array([z(0, 1)]), 2).toArray()).toEqual([z(-1, 0)]);
    expect(pow(array([z(1, 1)]), 4).toArray()).toEqual([z(-4, 0)]);
    expect(pow(array([z(0, 0)]), 0).toArray()).toEqual([z(1, 0)]);
    expect(pow(array([z(0, 0)]), 0.5).toArray()).toEqual([z(0, 0)]);
    const nan = pow(array([z(0, 0)]), z(1, 1)).item() as { re: number; im: number };
    expect(Number.isNaN(nan.re) && Number.isNaN(nan.im)).toBe(true);
  });

  it('abs, angle, real, imag, conj', () => {
    const a = array([z(3, -4), z(-1, 0), z(0, 2)]);
    expect(abs(a).toArray()).toEqual([5, 1, 2]);
    expect(abs(a.astype('complex64')).dtype).toBe('float32');
    expect(angle(a).toArray()).toEqual([Math.atan2(-4, 3), Math.PI, Math.PI / 2]);
    expect(angle(array([-2, 3], { dtype: 'int8' })).toArray()).toEqual([Math.fround(Math.PI), 0]);
    expect(conj(a).toArray()).toEqual([z(3, 4), z(-1, -0), z(0, -2)]);
    expect(conj(array([true])).dtype).toBe('int8');
    expect(square(a).get(2)).toEqual(z(-4, 0));
    expect(neg(a).get(0)).toEqual(z(-3, 4));
  });

  it('real and imag are views: writing them writes the array', () => {
    const a = array([z(1, 2), z(3, 4)]);
    real(a).set(0, 10);
    imag(a).fill(-1);
    expect(a.toArray()).toEqual([z(10, -1), z(3, -1)]);
    expect(real(a).data).toBe(a.data);
    const r = array([1, 2], { dtype: 'int16' });
    expect(real(r)).toBe(r);
    expect(imag(r).toArray()).toEqual([0, 0]);
    expect(imag(r).dtype).toBe('int16');
    // a view of a view: every other element's imaginary part
    const big = array([z(0, 1), z(0, 2), z(0, 3), z(0, 4)]);
    expect(imag(big.slice([null, null, 2])).toArray()).toEqual([1, 3]);
  });

  it('functions without a complex version refuse complex input with ERR_DTYPE', () => {
    const a = array([z(1, 1)]);
    expectNdImageError(() => maximum(a, a), 'ERR_DTYPE', /real numbers only/);
    expectNdImageError(() => less(a, 1), 'ERR_DTYPE', /real numbers only/);
    expectNdImageError(() => equal(a, 1), 'ERR_DTYPE');
    expectNdImageError(() => sqrt(a), 'ERR_DTYPE');
    expectNdImageError(() => max(a), 'ERR_DTYPE', /real numbers only/);
    expectNdImageError(() => less(array([1]), z(1, 0) as never), 'ERR_DTYPE');
  });

  it('sum and mean give { re, im } over all axes, complex arrays along axes', () => {
    const a = array([
      [z(1, 2), z(3, 4)],
      [z(5, 6), z(7, 8)],
    ]);
    expect(sum(a)).toEqual(z(16, 20));
    expect(mean(a)).toEqual(z(4, 5));
    expect(sum(a, { axis: 0 }).toArray()).toEqual([z(6, 8), z(10, 12)]);
    expect(mean(a.astype('complex64'), { axis: 1, keepdims: true }).dtype).toBe('complex64');
  });
});

describe('complex arithmetic equals the real formulas on the parts (any layout)', () => {
  /** A complex array of shape [rows, cols] with seeded values, as a (possibly strided) view. */
  const arrayArb = fc
    .record({
      rows: fc.integer({ min: 1, max: 5 }),
      cols: fc.integer({ min: 1, max: 9 }),
      seed: fc.integer(),
      view: fc.constantFrom('plain', 'transpose', 'reverse', 'step'),
      single: fc.boolean(),
    })
    .map(({ rows, cols, seed, view, single }) => {
      const base = zeros([rows * 2, cols * 2], { dtype: single ? 'complex64' : 'complex128' });
      const d = base.data;
      let s = seed >>> 0;
      for (let i = 0; i < d.length; i++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        d[i] = (s / 2 ** 32) * 20 - 10;
      }
      const v =
        view === 'transpose'
          ? base.transpose()
          : view === 'reverse'
            ? base.slice([null, null, -1])
            : view === 'step'
              ? base.slice([null, null, 2], [1, null, 2])
              : base;
      return v.slice([0, rows], [0, cols]);
    });

  it('a·b, a/b, a+b, a−b', () => {
    fc.assert(
      fc.property(arrayArb, arrayArb, (a, b0) => {
        const b = b0.slice([0, 1]); // broadcast one row against many
        const cols = Math.min(a.shape[1]!, b.shape[1]!);
        const x = a.slice(null, [0, cols]).astype('complex128');
        const y = b.slice(null, [0, cols]).astype('complex128');
        const [xr, xi, yr, yi] = [real(x), imag(x), real(y), imag(y)];
        const prod = mul(x, y);
        expectArrayEqual(real(prod), sub(mul(xr, yr), mul(xi, yi)));
        expectArrayEqual(imag(prod), add(mul(xr, yi), mul(xi, yr)));
        expectArrayEqual(real(add(x, y)), add(xr, yr));
        expectArrayEqual(imag(sub(x, y)), sub(xi, yi));
        // (x / y) · y ≈ x
        expectArrayClose(mul(div(x, y), y), x, { rtol: 1e-12, atol: 1e-12 });
        // |x|² = x · conj(x)
        expectArrayClose(mul(x, conj(x)), mul(abs(x), abs(x)), { rtol: 1e-13, atol: 1e-13 });
      }),
      { numRuns: 200 },
    );
  });

  it('sum over any axis equals the sums of the parts', () => {
    fc.assert(
      fc.property(arrayArb, fc.constantFrom(0, 1), (a, axis) => {
        const s = sum(a, { axis });
        const tol = { rtol: a.dtype === 'complex64' ? 1e-6 : 1e-14, atol: 1e-9 };
        expectArrayClose(real(s), sum(real(a), { axis }), tol);
        expectArrayClose(imag(s), sum(imag(a), { axis }), tol);
      }),
      { numRuns: 200 },
    );
  });
});
