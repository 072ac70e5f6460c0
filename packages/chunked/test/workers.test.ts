/**
 * The worker pool: the same results on 2 threads as on one and as the whole-image call, outputs
 * written by the workers (Zarr, .npy) or handed back (TIFF, memory), progress reported, errors
 * from a worker surfaced with their code. Workers run the built package (`pnpm build` first).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNpy } from '@ndimage/core-array';
import { gaussianFilter } from '@ndimage/filters';
import { label, objectStats } from '@ndimage/morphology';
import { afterAll, describe, expect, it } from 'vitest';
import { labelChunked, objectStatsChunked, type Progress, runChunked } from '../src/index.js';
import { openZarrSource } from '../src/internal.js';
import { expectSameBits, image, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('on 2 worker threads', () => {
  const a = image([64, 53], 'uint8', 12);
  const inp = join(tmp.dir, 'in.npy');
  writeFileSync(inp, writeNpy(a));

  it('map: Zarr written by the workers, progress reported', async () => {
    const out = join(tmp.dir, 'g.zarr');
    const seen: Progress[] = [];
    const r = await runChunked({ name: 'gaussianFilter', sigma: 2.5, mode: 'nearest' }, inp, out, {
      chunks: [16, 20],
      threads: 2,
      onProgress: (p) => seen.push(p),
    });
    expect(r.chunkCount).toBe(12);
    expect(seen.map((p) => p.done)).toEqual([...Array(12).keys()].map((i) => i + 1));
    expect(seen.every((p) => p.total === 12 && p.etaMs >= 0)).toBe(true);
    const got = await (await openZarrSource({ kind: 'zarr', location: out })).read({ start: [0, 0], stop: [64, 53] });
    expectSameBits(got, gaussianFilter(a, 2.5, { mode: 'nearest' }), 'workers');
  });

  it('map: results handed back to the caller (in memory, TIFF)', async () => {
    const r = await runChunked({ name: 'medianFilter', size: 5, mode: 'wrap' }, inp, undefined, {
      chunks: [10, 10],
      threads: 2,
    });
    const { medianFilter } = await import('@ndimage/filters');
    expectSameBits(r.array!, medianFilter(a, 5, { mode: 'wrap' }), 'memory');
    await runChunked({ name: 'sobel' }, inp, join(tmp.dir, 's.tif'), { chunks: [16, 16], threads: 2 });
  });

  it('label and objectStats across chunks', async () => {
    const b = image([60, 47], 'bool', 13);
    const p = join(tmp.dir, 'b.npy');
    writeFileSync(p, writeNpy(b));
    const out = join(tmp.dir, 'lab.zarr');
    const r = await labelChunked(p, out, { chunks: [7, 9], threads: 2 });
    const whole = label(b);
    expect(r.count).toBe(whole.count);
    const got = await (await openZarrSource({ kind: 'zarr', location: out })).read({ start: [0, 0], stop: [60, 47] });
    expectSameBits(got, whole.labels, 'labels');
    const v = image([60, 47], 'uint16', 14);
    const vp = join(tmp.dir, 'v.npy');
    writeFileSync(vp, writeNpy(v));
    const stats = await objectStatsChunked(out, vp, { chunks: [13, 11], threads: 2 });
    expect(stats).toEqual(objectStats(whole.labels, v));
  });

  it('a worker error keeps its code', async () => {
    await expect(
      runChunked({ name: 'gaussianFilter', sigma: 1 }, join(tmp.dir, 'missing.npy'), undefined, { threads: 2 }),
    ).rejects.toMatchObject({ code: 'ERR_IO' });
  });
});
