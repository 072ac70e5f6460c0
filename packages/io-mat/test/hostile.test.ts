/**
 * Hostile files (test/fixtures/hostile, made by tools/fixtures/io_mat.py): truncations, lying tag
 * lengths, dimension bombs and overflows, negative dimensions, a zip bomb, a bad checksum, field-
 * name lengths of 0 and 100000, cells nested 2000 deep, unknown data types, broken level-4
 * headers. Every outcome is a value or an NdImageError (ERR_FORMAT / ERR_LIMIT / ERR_UNSUPPORTED,
 * with the byte offset for format errors) — never a crash, a hang, or a silent guess (SciPy loads
 * some of these: dims [−1, 3] as 1×3, a struct with field-name length 100000 as an empty struct,
 * and it crashes with SIGSEGV on an unknown data type inside a variable). Work is bounded by what
 * the reader counts (bytes present, bytes inflated, nesting depth), never by a clock.
 */
import { readFileSync } from 'node:fs';
import { NdImageError } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { loadmat } from '../src/index.js';

interface Hostile {
  file: string;
  what?: string;
  scipy: string;
}

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { hostile: Hostile[] };

/** Files whose bytes are consistent (only large): loaded, but limits apply. */
const CONSISTENT = ['hostile/zip_bomb_50MB.mat'];

describe('hostile MAT files', () => {
  for (const h of manifest.hostile) {
    it(`${h.file} (SciPy: ${h.scipy.slice(0, 60)})`, async () => {
      const path = new URL(h.file, dir).pathname;
      const outcome = await loadmat(path, { onWarning: () => undefined }).catch((e: unknown) => e);
      if (CONSISTENT.includes(h.file)) {
        expect(outcome).not.toBeInstanceOf(Error);
        // With a budget below its inflated size, the bomb is refused when inflation reaches the
        // budget: memory grows by about the budget (1 MiB), not by the 50 MB it would inflate to.
        const before = process.memoryUsage().arrayBuffers;
        const limited = await loadmat(path, { maxBytes: 1 << 20 }).catch((e: unknown) => e);
        const grown = process.memoryUsage().arrayBuffers - before;
        expect(limited).toBeInstanceOf(NdImageError);
        expect((limited as NdImageError).code).toBe('ERR_LIMIT');
        expect((limited as NdImageError).message).toContain('inflates to more than maxBytes (1048576)');
        expect(grown).toBeLessThan(8 << 20);
        return;
      }
      expect(outcome).toBeInstanceOf(NdImageError);
      const e = outcome as NdImageError;
      expect(['ERR_FORMAT', 'ERR_LIMIT', 'ERR_UNSUPPORTED']).toContain(e.code);
      expect(e.message).toContain(path);
      if (e.code === 'ERR_FORMAT' && h.file !== 'hostile/empty.mat') expect(typeof e.byteOffset).toBe('number');
    });
  }
});

describe('dims that no data back', () => {
  it('a struct array without fields cannot claim 10⁸ elements', async () => {
    const { savemat } = await import('../src/index.js');
    const bytes = await savemat(null, { s: {} });
    // header 128 + miMATRIX tag 8 + array flags 16 + dims tag 8: the dims start at byte 160.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect([view.getInt32(160, true), view.getInt32(164, true)]).toEqual([1, 1]);
    view.setInt32(164, 100_000_000, true);
    // Refused from the header, before any allocation: the process's array-buffer memory does not
    // grow by anything near the 800 MB that 10⁸ doubles would take.
    const before = process.memoryUsage().arrayBuffers;
    const e = await loadmat(bytes).catch((x: unknown) => x);
    expect((e as NdImageError).code).toBe('ERR_LIMIT');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  });
});
