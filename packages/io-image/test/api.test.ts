/**
 * The API around the codecs: sources (paths, URLs, bytes, streams), limits, scaling policies,
 * formats (PDF included), atomic writes, colorizeLabels, and the errors of bad arguments.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { array, NdArray, NdImageError } from '@ndimage/core-array';
import { afterAll, describe, expect, it } from 'vitest';
import { colorizeLabels, imread, imreadWithInfo, imsave } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'io-image-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (f: string): string => new URL(`./fixtures/files/${f}`, import.meta.url).pathname;

async function rejects(p: Promise<unknown>, code: string, text?: string): Promise<NdImageError> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(NdImageError);
  expect((e as NdImageError).code).toBe(code);
  if (text !== undefined) expect((e as Error).message).toContain(text);
  return e as NdImageError;
}

describe('sources', () => {
  it('reads a path, a file: URL, bytes, an ArrayBuffer and a stream alike', async () => {
    const path = fixture('rgb.png');
    const a = await imread(path);
    const bytes = readFileSync(path);
    for (const source of [
      pathToFileURL(path),
      bytes,
      new Uint8Array(bytes),
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
      Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]),
    ]) {
      const b = await imread(source as never);
      expect(Array.from(b.data as Uint8Array)).toEqual(Array.from(a.data as Uint8Array));
    }
  });

  it('names a missing path, a folder, a bad source and an oversized stream', async () => {
    const e = await rejects(imread(join(dir, 'nope.png')), 'ERR_IO', 'nope.png');
    expect(e.path).toBe(join(dir, 'nope.png'));
    await rejects(imread(dir), 'ERR_IO', 'not a file');
    await rejects(imread(42 as never), 'ERR_INVALID_ARGUMENT', '`source`');
    await rejects(imread(Readable.from([Buffer.alloc(100)]), { maxBytes: 10 }), 'ERR_LIMIT', 'maxBytes');
    await rejects(imread(new Uint8Array(0)), 'ERR_FORMAT', 'empty');
  });

  it('a URL that is not file: is refused with a named error, not a raw TypeError', async () => {
    for (const url of ['https://example.com/photo.png', 'http://localhost/x.png', 'data:image/png;base64,AAAA']) {
      const e = await rejects(imread(new URL(url)), 'ERR_UNSUPPORTED', '`source`');
      expect(e.argument).toBe('source');
      expect(e.message).toContain(new URL(url).protocol);
    }
    await rejects(imread(new URL('file://remotehost/x.png')), 'ERR_UNSUPPORTED', 'not a local file');
    // A file: URL of a file that is not there: ERR_IO naming the path.
    const missing = pathToFileURL(join(dir, 'nope.png'));
    const e = await rejects(imread(missing), 'ERR_IO', join(dir, 'nope.png'));
    expect(e.path).toBe(join(dir, 'nope.png'));
  });

  it('an unknown option key is refused with a did-you-mean (`mod` for `mode`)', async () => {
    const e = await rejects(imread(fixture('rgb.png'), { mod: 'L' } as never), 'ERR_INVALID_ARGUMENT');
    expect(e.message).toContain("unknown key 'mod' (did you mean 'mode'?)");
    expect(e.argument).toBe('options.mod');
    await rejects(imsave({ format: 'png' }, array([[1]]), { scael: 'clip' } as never), 'ERR_INVALID_ARGUMENT', 'scale');
  });

  it('limitInputPixels guards against decompression bombs, and can be raised', async () => {
    await rejects(imread(fixture('rgb.png'), { limitInputPixels: 100 }), 'ERR_LIMIT', 'pixel limit');
    expect((await imread(fixture('rgb.png'), { limitInputPixels: 53 * 37 })).shape).toEqual([53, 37, 3]);
    await rejects(imread(fixture('rgb.png'), { limitInputPixels: -1 }), 'ERR_INVALID_ARGUMENT', 'limitInputPixels');
  });

  it('reports what the file says', async () => {
    const { info } = await imreadWithInfo(fixture('grey16.tif'));
    expect(info).toMatchObject({ format: 'tiff', width: 37, height: 53, channels: 1, depth: 16, isPalette: false });
    const p = await imreadWithInfo(fixture('palette.png'));
    expect(p.info.isPalette).toBe(true);
  });

  it('dtype casts without scaling, as np.array(im, dtype)', async () => {
    const a = await imread(fixture('grey.png'));
    const f = await imread(fixture('grey.png'), { dtype: 'float64' });
    expect(f.dtype).toBe('float64');
    expect(Array.from(f.data as Float64Array)).toEqual(Array.from(a.data as Uint8Array));
    await rejects(imread(fixture('grey.png'), { mode: 'CMYK' as never }), 'ERR_INVALID_ARGUMENT', '`mode`');
  });
});

describe('imsave', () => {
  const ramp = new NdArray(
    Float64Array.from({ length: 12 }, (_, i) => i / 11),
    [3, 4],
    { dtype: 'float64' },
  );

  it("scale: 'clip' rounds half to even and clamps; 'stretch' is SciPy's bytescale; 'none' refuses", async () => {
    const a = array([[-3, 0.5, 1.5, 2.5, 254.5, 300]]);
    const clipped = await imread(await imsave({ format: 'png' }, a, { scale: 'clip' }));
    expect(Array.from(clipped.data as Uint8Array)).toEqual([0, 0, 2, 2, 254, 255]);
    // SciPy ≥ 0.19 bytescale: [0, 0.5, 1, 0.25, 0.2] → [0, 128, 255, 64, 51].
    const s = await imread(await imsave({ format: 'png' }, array([[0, 0.5, 1, 0.25, 0.2]]), { scale: 'stretch' }));
    expect(Array.from(s.data as Uint8Array)).toEqual([0, 128, 255, 64, 51]);
    await rejects(imsave({ format: 'png' }, ramp, { scale: 'none' }), 'ERR_DTYPE', "scale: 'stretch' or 'clip'");
    await rejects(imsave({ format: 'png' }, array([[1, Number.NaN]])), 'ERR_INVALID_ARGUMENT', 'got NaN (at [0, 1])');
    await rejects(
      imsave({ format: 'png' }, array([[1, Number.NaN]]), { scale: 'clip' }),
      'ERR_INVALID_ARGUMENT',
      'got NaN (at [0, 1])',
    );
    // An infinite range cannot be stretched; clipping takes it to 255.
    await rejects(
      imsave({ format: 'png' }, array([[1, Number.POSITIVE_INFINITY]])),
      'ERR_INVALID_ARGUMENT',
      'Infinity',
    );
    const inf = await imread(
      await imsave({ format: 'png' }, array([[1, Number.POSITIVE_INFINITY]]), { scale: 'clip' }),
    );
    expect(Array.from(inf.data as Uint8Array)).toEqual([1, 255]);
    await rejects(imsave({ format: 'png' }, ramp, { scale: 'bytescale' as never }), 'ERR_INVALID_ARGUMENT', '`scale`');
  });

  it("by default non-uint8 data are stretched as the textbook's scipy.misc.imsave did: a [0, 1] image is not saved black", async () => {
    // scipy.misc.imsave(f, a) = toimage(a) = bytescale(a): 0 → 0, 1 → 255 (clipping gave 0 and 1).
    const unit = array([[0, 0.25, 0.5, 1]]);
    const byDefault = await imread(await imsave({ format: 'png' }, unit));
    expect(Array.from(byDefault.data as Uint8Array)).toEqual([0, 64, 128, 255]);
    const clipped = await imread(await imsave({ format: 'png' }, unit, { scale: 'clip' }));
    expect(Array.from(clipped.data as Uint8Array)).toEqual([0, 0, 0, 1]);
    // Integer data other than uint8 too (int16 from a Sobel filter, say): min..max to 0..255.
    const sobel = array([[-510, 0, 510]], { dtype: 'int16' });
    expect(Array.from((await imread(await imsave({ format: 'png' }, sobel))).data as Uint8Array)).toEqual([
      0, 128, 255,
    ]);
    // uint8 and bool are written as they are, whatever the policy (bytescale left uint8 alone).
    const u8 = array([[3, 7]], { dtype: 'uint8' });
    expect(Array.from((await imread(await imsave({ format: 'png' }, u8))).data as Uint8Array)).toEqual([3, 7]);
    // A constant image is 0, as bytescale gives it.
    expect(Array.from((await imread(await imsave({ format: 'png' }, array([[0.7, 0.7]])))).data as Uint8Array)).toEqual(
      [0, 0],
    );
  });

  it('bool writes 0/255, uint16 16-bit PNG, bitDepth widens and narrows', async () => {
    const b = await imread(await imsave({ format: 'png' }, array([[true, false]])));
    expect(Array.from(b.data as Uint8Array)).toEqual([255, 0]);
    const wide = await imread(await imsave({ format: 'png' }, array([[0, 255]], { dtype: 'uint8' }), { bitDepth: 16 }));
    expect(wide.dtype).toBe('uint16');
    expect(Array.from(wide.data as Uint16Array)).toEqual([0, 65535]);
    // uint16 data in PNG stay 16-bit by default; narrowed to 8 bits they are stretched, or clipped.
    const u16 = array([[10, 300]], { dtype: 'uint16' });
    expect(Array.from((await imread(await imsave({ format: 'png' }, u16))).data as Uint16Array)).toEqual([10, 300]);
    const narrow = await imread(await imsave({ format: 'png' }, u16, { bitDepth: 8 }));
    expect(Array.from(narrow.data as Uint8Array)).toEqual([0, 255]);
    const narrowClipped = await imread(await imsave({ format: 'png' }, u16, { bitDepth: 8, scale: 'clip' }));
    expect(Array.from(narrowClipped.data as Uint8Array)).toEqual([10, 255]);
    // JPEG holds 8 bits: stretched there by default (clipping would make 255 of 255 too); lossy, so within 8.
    const jpeg = await imread(await imsave({ format: 'jpeg' }, array([[0, 255, 65535]], { dtype: 'uint16' })));
    Array.from(jpeg.data as Uint8Array).forEach((v, k) => {
      expect(Math.abs(v - ([0, 1, 255][k] as number))).toBeLessThanOrEqual(8);
    });
    await rejects(imsave({ format: 'jpeg' }, ramp, { bitDepth: 16 }), 'ERR_INVALID_ARGUMENT', 'PNG or TIFF');
  });

  it('writes every format by extension, PDF included', async () => {
    const rgb = new NdArray(
      Uint8Array.from({ length: 8 * 6 * 3 }, (_, i) => (i * 37) % 256),
      [8, 6, 3],
      { dtype: 'uint8' },
    );
    for (const ext of ['png', 'jpg', 'jpeg', 'webp', 'tif', 'tiff', 'avif', 'gif']) {
      const path = join(dir, `out.${ext}`);
      await imsave(path, rgb);
      expect((await imread(path)).shape.slice(0, 2)).toEqual([8, 6]);
    }
    const pdf = join(dir, 'figure.pdf');
    await imsave(pdf, rgb);
    const text = readFileSync(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/MediaBox [0 0 6 8]');
    expect(text).toContain('/Subtype /Image');
  });

  it('refuses what it cannot write, naming it', async () => {
    await rejects(imsave(join(dir, 'x.bmp'), ramp), 'ERR_INVALID_ARGUMENT', 'x.bmp');
    await rejects(imsave({ format: 'bmp' as never }, ramp), 'ERR_INVALID_ARGUMENT', '`format`');
    await rejects(imsave({ format: 'png' }, array([1, 2, 3])), 'ERR_SHAPE', '[h, w]');
    await rejects(imsave({ format: 'png' }, new NdArray(new Uint8Array(0), [0, 4], { dtype: 'uint8' })), 'ERR_SHAPE');
    await rejects(
      imsave({ format: 'jpeg' }, new NdArray(new Uint8Array(16), [2, 2, 4], { dtype: 'uint8' })),
      'ERR_INVALID_ARGUMENT',
      'alpha',
    );
    // The message names the path asked for, not the hidden temporary file written first.
    const missing = join(dir, 'no-such-dir', 'x.png');
    const e = await rejects(imsave(missing, ramp), 'ERR_IO', missing);
    expect(e.message).toBe(`cannot write ${missing}: the folder ${join(dir, 'no-such-dir')} does not exist`);
    expect(e.path).toBe(missing);
  });

  it('writes atomically: a failed save leaves the existing file as it was, and no temporary file', async () => {
    const path = join(dir, 'keep.png');
    await imsave(path, ramp);
    const before = readFileSync(path);
    await rejects(imsave(path, array([[Number.NaN]])), 'ERR_INVALID_ARGUMENT');
    expect(readFileSync(path).equals(before)).toBe(true);
    // A directory in the way of the rename: the write fails after encoding, the temp file goes.
    const blocked = join(dir, 'blocked.png');
    mkdirSync(blocked);
    await rejects(imsave(blocked, ramp), 'ERR_IO', 'blocked.png');
    expect(statSync(blocked).isDirectory()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('colorizeLabels', () => {
  it('black background, a distinct colour per label, the same colour for the same label', () => {
    const labels = array([
      [0, 1, 2],
      [3, 1, 0],
    ]);
    const rgb = colorizeLabels(labels);
    expect(rgb.shape).toEqual([2, 3, 3]);
    expect(rgb.dtype).toBe('uint8');
    const px = (i: number, j: number) => rgb.index(i, j).toArray();
    expect(px(0, 0)).toEqual([0, 0, 0]);
    expect(px(0, 1)).toEqual(px(1, 1));
    const colours = new Set([px(0, 1), px(0, 2), px(1, 0)].map((c) => JSON.stringify(c)));
    expect(colours.size).toBe(3);
    expect(
      colorizeLabels(labels, { background: [255, 255, 255] })
        .index(0, 0)
        .toArray(),
    ).toEqual([255, 255, 255]);
    expect(() => colorizeLabels(array([[0.5]]))).toThrow(NdImageError);
    expect(() => colorizeLabels(array([1, 2]))).toThrow('2-D');
  });
});
