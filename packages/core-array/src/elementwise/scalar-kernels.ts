/**
 * Kernels for an array and a JS number (`a * 2.5`, `im < 128`): the number stays in a register
 * instead of being broadcast through a filled scratch line, which halves the time of these
 * common calls (measured on 4096² float64: `a < 0.5` 23.6 → 11.0 ms in isolation).
 * The tables map a two-array kernel to its variant for a scalar on the right or on the left.
 */
import type { BoolKernel, Kernel } from './engine.js';
import * as K from './kernels.js';

/** `o[oi + k] = f(a[ai + k], s)` for a float64 result. */
export type ScalarKernel = (o: Float64Array, oi: number, a: Float64Array, ai: number, s: number, n: number) => void;
/** The same with a 0/1 result written into a Uint8Array. */
export type ScalarBoolKernel = (o: Uint8Array, oi: number, a: Float64Array, ai: number, s: number, n: number) => void;

const addS: ScalarKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! + s;
};
const subS: ScalarKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! - s;
};
const rsubS: ScalarKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = s - a[ai + k]!;
};
const mulS: ScalarKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! * s;
};
const divS: ScalarKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! / s;
};
const rdivS: ScalarKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = s / a[ai + k]!;
};
const lessS: ScalarBoolKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = +(a[ai + k]! < s);
};
const lessEqualS: ScalarBoolKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = +(a[ai + k]! <= s);
};
const greaterS: ScalarBoolKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = +(a[ai + k]! > s);
};
const greaterEqualS: ScalarBoolKernel = (o, oi, a, ai, s, n) => {
  for (let k = 0; k < n; k++) o[oi + k] = +(a[ai + k]! >= s);
};

/** Variant for `kernel(array, scalar)`. */
export const SCALAR_RIGHT: ReadonlyMap<Kernel | BoolKernel, ScalarKernel | ScalarBoolKernel> = new Map<
  Kernel | BoolKernel,
  ScalarKernel | ScalarBoolKernel
>([
  [K.addK, addS],
  [K.subK, subS],
  [K.mulK, mulS],
  [K.divK, divS],
  [K.lessK, lessS],
  [K.lessEqualK, lessEqualS],
]);

/** Variant for `kernel(scalar, array)`, written with the array first. */
export const SCALAR_LEFT: ReadonlyMap<Kernel | BoolKernel, ScalarKernel | ScalarBoolKernel> = new Map<
  Kernel | BoolKernel,
  ScalarKernel | ScalarBoolKernel
>([
  [K.addK, addS],
  [K.subK, rsubS],
  [K.mulK, mulS],
  [K.divK, rdivS],
  [K.lessK, greaterS],
  [K.lessEqualK, greaterEqualS],
]);
