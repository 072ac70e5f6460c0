/**
 * Hostile files (test/fixtures/hostile, made by tools/fixtures/io_image.py): every file Pillow
 * refuses is refused here too, with NdImageError (ERR_FORMAT, or ERR_LIMIT for the 30000×30000
 * header) naming the path, quickly and without a crash. Two that Pillow loads are refused here on
 * purpose: PNGs whose compressed data ends before the rows the header promises, which Pillow
 * fills with zeros — inventing pixels is a silent wrong result. The three whose pixel data is
 * intact or undetectably damaged (a wrong IDAT checksum, a missing IEND, flipped bytes inside a
 * JPEG scan) load here too, to Pillow's pixels (the JPEG within its decoder tolerance).
 */
import { readFileSync } from 'node:fs';
import { NdImageError } from '@ndimage/core-array';
import { loadNpyFixture } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import { imread } from '../src/index.js';

interface Hostile {
  file: string;
  what: string;
  pillow: string;
  array?: string;
}

const dir = new URL('./fixtures/', import.meta.url);
/** PNGs with fewer rows of data than their header declares: Pillow zero-fills them, we refuse. */
const SHORT_DATA = ['hostile/large_3000x3000.png', 'hostile/short_stream.png'];
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { hostile: Hostile[] };

describe('hostile files', () => {
  for (const h of manifest.hostile) {
    const path = new URL(h.file, dir).pathname;
    const refused = h.pillow !== 'loaded' || SHORT_DATA.includes(h.file);
    if (!refused) {
      it(`${h.file} loads as Pillow loads it (${h.what})`, async () => {
        const a = await imread(path);
        const e = loadNpyFixture(new URL(h.array as string, dir));
        expect(a.shape).toEqual(e.shape);
        const x = a.toContiguous().data as Uint8Array;
        const y = e.toContiguous().data as Uint8Array;
        let worst = 0;
        for (let k = 0; k < x.length; k++) worst = Math.max(worst, Math.abs((x[k] as number) - (y[k] as number)));
        expect(worst).toBeLessThanOrEqual(h.file.endsWith('.jpg') ? 3 : 0);
      });
    } else {
      it(`${h.file} is refused (${h.what}; Pillow: ${h.pillow.slice(0, 60)})`, async () => {
        const error = await imread(path).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NdImageError);
        const code = (error as NdImageError).code;
        expect(code).toBe(h.file.includes('30000') ? 'ERR_LIMIT' : 'ERR_FORMAT');
        expect((error as NdImageError).message).toContain(path);
        expect((error as NdImageError).path).toBe(path);
        // The same bytes from memory: the same refusal, naming the buffer.
        const fromBytes = await imread(readFileSync(path)).catch((e: unknown) => e);
        expect(fromBytes).toBeInstanceOf(NdImageError);
      });
    }
  }
});
