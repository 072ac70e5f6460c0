/**
 * Bad input gets a clear NdImageError with a code, before anything is written: unknown
 * operations and options, global options, bad chunk shapes, missing and corrupt files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labelChunked, runChunked } from '../src/index.js';
import { NpySource, openZarrSource } from '../src/internal.js';
import { image, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const a = image([12, 10], 'uint8');
const one = { threads: 1 };

describe('arguments', () => {
  it('an unknown operation lists the names', async () => {
    await expect(runChunked({ name: 'gaussian' } as never, a)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
      message: expect.stringContaining('gaussianFilter'),
    });
  });
  it("an operation's bad option is the in-memory function's error, before any output exists", async () => {
    const out = join(tmp.dir, 'never.zarr');
    await expect(runChunked({ name: 'gaussianFilter', sigma: -1 }, a, out, one)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(runChunked({ name: 'gaussianFilter', sigma: 1, mdoe: 'wrap' }, a, out, one)).rejects.toThrow(/mode/);
    await expect(runChunked({ name: 'medianFilter', size: 3, mode: 'edge' }, a, out, one)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });
  it('unknown run options are refused with a suggestion', async () => {
    await expect(runChunked({ name: 'sobel' }, a, undefined, { chunk: 4 } as never)).rejects.toThrow(/chunks/);
    await expect(labelChunked(a, undefined, { strucutre: 1 } as never)).rejects.toThrow(/structure/);
  });
  it('chunk shapes and thread counts are checked', async () => {
    await expect(runChunked({ name: 'sobel' }, a, undefined, { chunks: [0, 4], threads: 1 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(runChunked({ name: 'sobel' }, a, undefined, { chunks: [4, 4, 4], threads: 1 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
    await expect(runChunked({ name: 'sobel' }, a, undefined, { threads: 0 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
  });
  it('global options are refused, not approximated', async () => {
    await expect(runChunked({ name: 'binaryDilation', iterations: -1 }, a, undefined, one)).rejects.toMatchObject({
      code: 'ERR_UNSUPPORTED',
    });
    await expect(runChunked({ name: 'binaryErosion', mask: a }, a, undefined, one)).rejects.toMatchObject({
      code: 'ERR_UNSUPPORTED',
    });
    await expect(runChunked({ name: 'denoise' }, a, undefined, one)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    });
  });
  it('work chunks must be whole output chunks', async () => {
    const { MemorySink } = await import('../src/index.js');
    const sink = new MemorySink([12, 10], 'uint8', [4, 4]);
    await expect(runChunked({ name: 'sobel' }, a, sink, { chunks: [6, 4], threads: 1 })).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
      argument: 'chunks',
    });
    await runChunked({ name: 'sobel' }, a, sink, { chunks: [8, 12], threads: 1 });
  });
  it('labelling needs a 3×…×3 structure', async () => {
    await expect(
      labelChunked(a, undefined, {
        structure: [
          [1, 1],
          [1, 1],
        ],
        threads: 1,
      }),
    ).rejects.toMatchObject({ code: 'ERR_SHAPE' });
  });
  it('outputs that cannot be written', async () => {
    await expect(runChunked({ name: 'sobel' }, a, join(tmp.dir, 'x.png'), one)).rejects.toMatchObject({
      code: 'ERR_UNSUPPORTED',
    });
    await expect(runChunked({ name: 'sobel' }, a, 'https://example.invalid/x.zarr', one)).rejects.toMatchObject({
      code: 'ERR_UNSUPPORTED',
    });
    await expect(
      runChunked({ name: 'sobel' }, image([3, 4, 5], 'uint8'), join(tmp.dir, 'x.tif'), one),
    ).rejects.toMatchObject({ code: 'ERR_SHAPE' });
  });
});

describe('files', () => {
  it('a missing input names the path', async () => {
    await expect(runChunked({ name: 'sobel' }, join(tmp.dir, 'none.npy'), undefined, one)).rejects.toMatchObject({
      code: 'ERR_IO',
      message: expect.stringContaining('none.npy'),
    });
    await expect(runChunked({ name: 'sobel' }, join(tmp.dir, 'none.zarr'), undefined, one)).rejects.toMatchObject({
      code: 'ERR_IO',
    });
  });
  it('corrupt Zarr metadata is ERR_FORMAT', async () => {
    const p = join(tmp.dir, 'bad.zarr');
    mkdirSync(p);
    writeFileSync(join(p, '.zarray'), '{not json');
    await expect(openZarrSource({ kind: 'zarr', location: p })).rejects.toMatchObject({ code: 'ERR_FORMAT' });
    const g = join(tmp.dir, 'group.zarr');
    mkdirSync(g);
    writeFileSync(join(g, '.zgroup'), '{"zarr_format": 2}');
    await expect(openZarrSource({ kind: 'zarr', location: g })).rejects.toMatchObject({ code: 'ERR_FORMAT' });
  });
  it('a truncated or foreign .npy is ERR_FORMAT', async () => {
    const p = join(tmp.dir, 'short.npy');
    const { writeNpy } = await import('@ndimage/core-array');
    const bytes = writeNpy(image([20, 20], 'float64'));
    writeFileSync(p, bytes.subarray(0, bytes.length - 100));
    await expect(NpySource.open(p)).rejects.toMatchObject({ code: 'ERR_FORMAT' });
    const q = join(tmp.dir, 'foreign.npy');
    writeFileSync(q, 'hello world, not numpy');
    await expect(NpySource.open(q)).rejects.toMatchObject({ code: 'ERR_FORMAT' });
  });
});
