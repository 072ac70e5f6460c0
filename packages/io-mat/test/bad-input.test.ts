/**
 * The MAT-file rows of the shared bad-input list (reference/bad-input.md, cases 2–21) that the
 * hostile set (hostile.test.ts) does not already hold: one small hand-built file per case in
 * test/fixtures/bad-input, made by tools/fixtures/io_mat_bad_input.py, which also recorded what
 * SciPy 1.10 does with each (named in every test's title). Every outcome is a value — with a
 * warning through `onWarning` wherever the file is lenient-readable but not what a MATLAB writer
 * makes — or an NdImageError with a code and the file's path; never a crash, a silent loss or a
 * guess. Work is bounded by what the reader counts (bytes present, children, inflated bytes).
 */
import { readFileSync } from 'node:fs';
import { type NdArray, NdImageError } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { loadmat, type MatSparse, type MatStructArray, whosmat } from '../src/index.js';

interface Entry {
  file: string;
  case: number;
  what: string;
  scipy: string;
  warnings?: string[];
}

const dir = new URL('./fixtures/bad-input/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { files: Entry[] };
const path = (f: string): string => new URL(f, dir).pathname;
type Vars = Record<string, unknown>;
/** An own property, read without the `__proto__` accessor. */
const own = (o: Vars, k: string): unknown => Object.getOwnPropertyDescriptor(o, k)?.value;
const value = (v: unknown): number[] => Array.from(((v as NdArray).toContiguous().data as Float64Array) ?? []);

/** What each file must give: an error code (and words of its message), or values and warnings. */
type Outcome =
  | { error: 'ERR_FORMAT' | 'ERR_LIMIT' | 'ERR_UNSUPPORTED'; text: string }
  | { check: (vars: Vars) => void; warns?: RegExp };

const AFTER = (vars: Vars): void => expect(value(vars.after)).toEqual([7]);

const EXPECTED: Record<string, Outcome> = {
  'bad_endian.mat': { error: 'ERR_FORMAT', text: "endian indicator 0x58 0x59, expected 'IM' or 'MI'" },
  'bad_version.mat': { error: 'ERR_FORMAT', text: 'unknown MAT version 0x0300' },
  'dims_overflow32.mat': { error: 'ERR_FORMAT', text: 'data size mismatch: 4294967296 values' },
  'dims_miuint32.mat': { error: 'ERR_FORMAT', text: 'dimension 2147483648' },
  'zlib_bad_data.mat': { error: 'ERR_FORMAT', text: 'zlib: invalid distance too far back' },
  'zlib_trailing_garbage.mat': {
    check: (v) => {
      expect(value(v.a)).toEqual([1]);
      AFTER(v);
    },
    warns: /8 bytes after the end of its zlib stream/,
  },
  'zlib_inflated_extra.mat': { error: 'ERR_FORMAT', text: 'inflates to 8 bytes more than its matrix' },
  'data_short.mat': { error: 'ERR_FORMAT', text: 'data size mismatch: 3 values need 24 bytes, the element has 16' },
  'data_long.mat': { error: 'ERR_FORMAT', text: 'data size mismatch: 2 values need 16 bytes, the element has 24' },
  'data_odd_bytes.mat': { error: 'ERR_FORMAT', text: 'data size mismatch: 2 values need 16 bytes, the element has 12' },
  'logical_sparse.mat': {
    check: (v) => {
      const s = v.ls as MatSparse;
      expect(s.logical).toBe(true);
      expect(s.toDense().dtype).toBe('bool');
      expect(s.toDense().toArray()).toEqual([
        [1, 0, 0],
        [0, 0, 1],
        [1, 0, 0],
      ]);
    },
  },
  'reserved_type_8.mat': { error: 'ERR_FORMAT', text: 'unknown data type 8' },
  'reserved_type_10.mat': { error: 'ERR_FORMAT', text: 'unknown data type 10' },
  'reserved_type_11.mat': { error: 'ERR_FORMAT', text: 'unknown data type 11' },
  'bad_class_42.mat': { error: 'ERR_FORMAT', text: 'unknown array class 42' },
  'object.mat': {
    check: (v) => {
      expect(Object.keys(v)).toEqual(['after']);
      AFTER(v);
    },
    warns: /variable 'obj' is a MATLAB object; skipped/,
  },
  'function_handle.mat': {
    check: (v) => {
      expect(Object.keys(v)).toEqual(['after']);
      AFTER(v);
    },
    warns: /variable 'fh' is a function handle or opaque object; skipped/,
  },
  'opaque.mat': {
    check: (v) => {
      expect(Object.keys(v)).toEqual(['after']);
      AFTER(v);
    },
    warns: /variable 'op' is a function handle or opaque object; skipped/,
  },
  'struct_fieldlen0_nonames.mat': { error: 'ERR_FORMAT', text: 'field-name length 0' },
  'struct_fieldlen_neg.mat': { error: 'ERR_FORMAT', text: 'field-name length -8' },
  'struct_fieldlen72.mat': { check: (v) => expect(value((v.s as Vars).abc)).toEqual([1]) },
  'name_proto.mat': {
    check: (v) => {
      expect(Object.keys(v)).toEqual(['__proto__', 'constructor', 's']);
      expect(value(own(v, '__proto__'))).toEqual([5]);
      expect(value(v.constructor)).toEqual([6]);
      const s = v.s as Vars;
      expect(Object.keys(s)).toEqual(['__proto__', 'constructor']);
      expect(value(own(s, '__proto__'))).toEqual([1]);
      expect(value(s.constructor)).toEqual([2]);
      expect(({} as Vars).constructor).toBe(Object); // nothing polluted
    },
  },
  'duplicate_fieldnames.mat': {
    // SciPy renames the second 'a' to '_1_a'; we keep the names as stored, in a MatStructArray.
    check: (v) => {
      const s = v.s as MatStructArray;
      expect(s.kind).toBe('struct');
      expect(s.fieldNames).toEqual(['a', 'b', 'a']);
      expect(s.elements[0]?.map(value)).toEqual([[1], [2], [3]]);
    },
  },
  'cell_missing_children.mat': { error: 'ERR_FORMAT', text: 'cell c claims 1000000 elements: 1000000 child' },
  'struct_missing_elements.mat': {
    error: 'ERR_FORMAT',
    text: 'struct s claims 1000000 elements of 1 field: 1000000 child elements',
  },
  'char_bad_utf8.mat': { check: (v) => expect(v.t).toBe('a\uFFFD\uFFFDb') },
  'char_utf8_truncated.mat': { check: (v) => expect(v.t).toBe('a\uFFFD') },
  'char_utf16_lone_surrogate.mat': { check: (v) => expect(v.t).toBe('a\uFFFDb') },
  'char_utf32_beyond.mat': { check: (v) => expect(v.t).toBe('a\uFFFD') },
  'name_nonascii.mat': {
    // Latin-1, as SciPy decodes names; MATLAB writes ASCII names only, so it is also said.
    check: (v) => expect(Object.keys(v)).toEqual(['café', 'cafÃ©']),
    warns: /variable name 'caf\\xe9' is not ASCII/,
  },
  'fieldname_utf8.mat': { check: (v) => expect(value((v.s as Vars).café)).toEqual([1]) },
  'fieldname_bad_utf8.mat': {
    check: (v) => expect(Object.keys(v.s as Vars)).toEqual(['caf\uFFFD']),
    warns: /field name 'caf\\xe9' is not valid UTF-8/,
  },
  'sparse_jc_decreasing.mat': { error: 'ERR_FORMAT', text: 'sparse jc is not non-decreasing' },
  'sparse_ir_out_of_range.mat': { error: 'ERR_FORMAT', text: 'sparse row index 5 outside 0…2' },
  'sparse_ir_negative.mat': { error: 'ERR_FORMAT', text: 'sparse row index -1 outside 0…2' },
  'sparse_jc_last_beyond.mat': { error: 'ERR_FORMAT', text: 'sparse ir holds 3 indices for 5 values' },
  'sparse_jc_first_nonzero.mat': { error: 'ERR_FORMAT', text: 'sparse jc must start at 0' },
  'sparse_nzmax_small.mat': { error: 'ERR_FORMAT', text: 'sparse nzmax 1 is less than the 3 values stored' },
  'sparse_data_short.mat': { error: 'ERR_FORMAT', text: 'sparse data holds 2 values for 3' },
  'duplicate_names.mat': {
    check: (v) => expect(value(v.x)).toEqual([2]),
    warns: /duplicate variable name 'x'; the last one is kept/,
  },
  'name_empty.mat': {
    // SciPy's name for it (MATLAB writes its function workspace without a name).
    check: (v) => {
      expect(Object.keys(v)).toEqual(['__function_workspace__', 'b']);
      expect(value(v.__function_workspace__)).toEqual([1]);
    },
  },
  'dims_30000.mat': { error: 'ERR_FORMAT', text: 'data size mismatch: 900000000 values' },
};

describe('bad input: MAT files (bad-input.md 2–21)', () => {
  it('every file of the set has an expectation, and every expectation a file', () => {
    expect(manifest.files.map((f) => f.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const entry of manifest.files) {
    const expected = EXPECTED[entry.file] as Outcome;
    it(`#${entry.case} ${entry.file}: ${entry.what} (SciPy: ${entry.scipy.slice(0, 70)})`, async () => {
      const warnings: string[] = [];
      const outcome = await loadmat(path(entry.file), { onWarning: (m) => warnings.push(m) }).catch((e: unknown) => e);
      if ('error' in expected) {
        expect(NdImageError.isInstance(outcome), String(outcome)).toBe(true);
        const e = outcome as NdImageError;
        expect(e.code).toBe(expected.error);
        expect(e.message).toContain(expected.text);
        expect(e.message).toContain(path(entry.file));
        if (e.code === 'ERR_FORMAT') expect(typeof e.byteOffset).toBe('number');
        return;
      }
      if (outcome instanceof Error) throw outcome;
      expected.check(outcome as Vars);
      if (expected.warns === undefined) expect(warnings).toEqual([]);
      else {
        expect(
          warnings.some((w) => expected.warns?.test(w)),
          warnings.join('\n'),
        ).toBe(true);
        expect(warnings.every((w) => w.includes(path(entry.file)))).toBe(true);
      }
    });
  }

  it('whosmat on every file: a list or an NdImageError, never another error', async () => {
    for (const entry of manifest.files) {
      const outcome = await whosmat(path(entry.file)).catch((e: unknown) => e);
      if (outcome instanceof Error) expect(NdImageError.isInstance(outcome), `${entry.file}: ${outcome}`).toBe(true);
    }
  });

  it('warnings default to process warnings of type MatWarning', async () => {
    const seen: string[] = [];
    const listener = (w: Error): void => {
      if (w.name === 'MatWarning') seen.push(w.message);
    };
    process.on('warning', listener);
    try {
      await loadmat(path('duplicate_names.mat'));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(seen.some((m) => m.includes("duplicate variable name 'x'"))).toBe(true);
  });
});

describe('bad input: a children count that no bytes back', () => {
  it('is refused from the count, before the first child is read or anything is allocated', async () => {
    // The cell claims 10⁶ children; each takes at least 8 bytes, and the element holds 0.
    const before = process.memoryUsage().arrayBuffers;
    const e = (await loadmat(path('cell_missing_children.mat')).catch((x: unknown) => x)) as NdImageError;
    expect(e.code).toBe('ERR_FORMAT');
    expect(e.message).toContain('need at least 8000000 bytes, but 0 remain');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1 << 20);
  });
});
