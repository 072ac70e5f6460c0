#!/usr/bin/env node
/**
 * Checks the API reference that `pnpm run docs` (TypeDoc) writes: every public function and
 * class of every package has an `@example` and a `@see` naming what it corresponds to (the SciPy,
 * NumPy, Pillow or MATLAB function), and every exported interface and type alias has a summary;
 * and no name is exported by two packages unless it is listed, with its reason, in CLASHES_KEPT.
 * Prints what is missing and exits 1 when anything is.
 *
 * Usage: pnpm run docs && node tools/check-api-docs.mjs
 */
import { readFileSync } from 'node:fs';

const api = JSON.parse(readFileSync(new URL('../docs/api/api.json', import.meta.url), 'utf8'));
// TypeDoc's reflection kinds.
const KIND = { Module: 2, Function: 64, Class: 128, Interface: 256, TypeAlias: 2097152, Variable: 32 };

const tags = (comment) => new Set((comment?.blockTags ?? []).map((t) => t.tag));
const hasSummary = (comment) => (comment?.summary ?? []).some((p) => p.text.trim() !== '');

const missing = [];
let checked = 0;
for (const pkg of api.children ?? []) {
  for (const r of pkg.children ?? []) {
    const where = `${pkg.name}: ${r.name}`;
    if (r.kind === KIND.Function) {
      checked++;
      // The comment sits on the first signature (overloads share it).
      const comment = r.signatures?.find((s) => s.comment)?.comment ?? r.comment;
      const t = tags(comment);
      if (!hasSummary(comment)) missing.push(`${where}: no summary`);
      if (!t.has('@example')) missing.push(`${where}: no @example`);
      if (!t.has('@see')) missing.push(`${where}: no @see (the SciPy/NumPy name)`);
    } else if (r.kind === KIND.Class) {
      checked++;
      if (!hasSummary(r.comment)) missing.push(`${where}: no summary`);
      if (!tags(r.comment).has('@example')) missing.push(`${where}: no @example`);
    } else if (r.kind === KIND.Interface || r.kind === KIND.TypeAlias || r.kind === KIND.Variable) {
      checked++;
      if (!hasSummary(r.comment)) missing.push(`${where}: no summary`);
    }
  }
}
// Names a user importing two packages would see twice. Each one kept has its reason.
const CLASHES_KEPT = {
  // SciPy's measurement names (scipy.ndimage.sum/mean/…) beside NumPy's reductions; they differ
  // (labels, index) and SciPy users meet both as ndimage.mean and numpy.mean. Import one under
  // another name, or the package as a namespace: import * as ndi from '@ndimage/morphology'.
  sum: 'morphology’s scipy.ndimage.sum vs core-array’s numpy.sum',
  mean: 'morphology’s scipy.ndimage.mean vs core-array’s numpy.mean',
  variance: 'morphology’s scipy.ndimage.variance vs core-array’s numpy.var',
  minimum: 'morphology’s scipy.ndimage.minimum vs core-array’s numpy.minimum',
  maximum: 'morphology’s scipy.ndimage.maximum vs core-array’s numpy.maximum',
  square: 'morphology’s structure square(n) (skimage.morphology.square) vs core-array’s numpy.square',
};
const owners = new Map();
for (const pkg of api.children ?? [])
  for (const r of pkg.children ?? []) owners.set(r.name, [...(owners.get(r.name) ?? []), pkg.name]);
for (const [name, pkgs] of owners)
  if (pkgs.length > 1 && !(name in CLASHES_KEPT)) missing.push(`${name}: exported by ${pkgs.join(' and ')}`);

if (missing.length > 0) {
  console.error(`API reference: ${missing.length} gaps in ${checked} exports:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`API reference: ${checked} exports, each documented (functions with an @example and a @see).`);
