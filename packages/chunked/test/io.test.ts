/**
 * The backends: Zarr v2/v3 written here read by zarrita and by zarr-python 2.13 (v2), v3
 * metadata and chunk bytes as the specification has them, OME-Zarr metadata read and written,
 * formats and chunk shapes kept from input to output, tiled TIFF read back by sharp and Pillow,
 * big TIFF/PNG read region by region, `.npy` read and written in place.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { array, readNpy, writeNpy } from '@ndimage/core-array';
import { gaussianFilter } from '@ndimage/filters';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { labelChunked, runChunked } from '../src/index.js';
import { createZarrSink, ImageSource, NpySource, openZarrSource } from '../src/internal.js';
import { expectSameBits, image, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const PY = '/usr/bin/python3';
/**
 * Whether Debian's Python has these modules, for the checks against the reference readers
 * (zarr-python, Pillow). A fresh machine with only Node skips those checks; CI installs the
 * modules (.ci/run) and, with CI set, a missing one is an error rather than a skip.
 */
const hasPython = (modules: string): boolean => {
  try {
    execFileSync(PY, ['-c', `import ${modules}`], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error(`CI: ${PY} lacks ${modules}; .ci/run installs python3-zarr and python3-pil`);
    return false;
  }
};
const hasZarrPython = hasPython('zarr, numpy');
const hasPillow = hasPython('PIL, numpy');

async function writeZarr(path: string, a: ReturnType<typeof image>, format: 2 | 3, chunks: number[], codec?: unknown) {
  const sink = await createZarrSink(path, { shape: a.shape, dtype: a.dtype, chunks, format, codec: codec as never });
  // Copy through the engine itself: a pure copy is gaussian with sigma 0.
  await runChunked({ name: 'gaussianFilter', sigma: 0 }, a, sink, { threads: 1 });
}

describe('Zarr', () => {
  it('v2 written here: zarrita reads it back, and so does zarr-python 2.13', async () => {
    const a = image([37, 29], 'uint16', 3);
    const p = join(tmp.dir, 'v2.zarr');
    await writeZarr(p, a, 2, [10, 8], { id: 'zlib', level: 1 });
    const meta = JSON.parse(readFileSync(join(p, '.zarray'), 'utf8'));
    expect(meta).toMatchObject({ zarr_format: 2, shape: [37, 29], chunks: [10, 8], dtype: '<u2', order: 'C' });
    const src = await openZarrSource({ kind: 'zarr', location: p });
    expectSameBits(await src.read({ start: [0, 0], stop: [37, 29] }), a, 'zarrita');
    if (hasZarrPython) {
      const out = join(tmp.dir, 'v2-from-python.npy');
      execFileSync(PY, [
        '-c',
        `import zarr, numpy; numpy.save(${JSON.stringify(out)}, zarr.open(${JSON.stringify(p)}, mode='r')[:])`,
      ]);
      expectSameBits(readNpy(new Uint8Array(readFileSync(out))), a, 'zarr-python');
    }
  });

  it('v3 written here: metadata and chunk bytes as the specification says', async () => {
    const a = image([21, 18], 'float64', 4);
    const p = join(tmp.dir, 'v3.zarr');
    await writeZarr(p, a, 3, [8, 8], { id: 'zstd', level: 1 });
    const meta = JSON.parse(readFileSync(join(p, 'zarr.json'), 'utf8'));
    expect(meta).toEqual({
      zarr_format: 3,
      node_type: 'array',
      shape: [21, 18],
      data_type: 'float64',
      chunk_grid: { name: 'regular', configuration: { chunk_shape: [8, 8] } },
      chunk_key_encoding: { name: 'default', configuration: { separator: '/' } },
      fill_value: 0,
      codecs: [
        { name: 'bytes', configuration: { endian: 'little' } },
        { name: 'zstd', configuration: { level: 1, checksum: false } },
      ],
      attributes: {},
    });
    // Chunk c/1/2 holds rows 8..15, cols 16..17 (an edge chunk: stored full size, 8×8, C order, little endian).
    const zstd = (await import('numcodecs/zstd')).default.fromConfig({ id: 'zstd', level: 1 });
    const bytes = await zstd.decode(new Uint8Array(readFileSync(join(p, 'c', '1', '2'))));
    expect(bytes.length).toBe(8 * 8 * 8);
    const v = new Float64Array(bytes.buffer, bytes.byteOffset, 64);
    expect(v[0]).toBe(a.get(8, 16));
    expect(v[1]).toBe(a.get(8, 17));
    expect(v[8]).toBe(a.get(9, 16));
    const src = await openZarrSource({ kind: 'zarr', location: p });
    expectSameBits(
      await src.read({ start: [3, 5], stop: [20, 18] }),
      a.slice([3, 20], [5, 18]).copy(),
      'zarrita region',
    );
  });

  it('an output keeps its input format, codec and chunk shape; chunks can be overridden', async () => {
    const a = image([30, 26], 'uint8', 5);
    for (const format of [2, 3] as const) {
      const inp = join(tmp.dir, `in${format}.zarr`);
      await writeZarr(inp, a, format, [9, 7], format === 2 ? { id: 'zlib', level: 3 } : { id: 'gzip', level: 2 });
      const out = join(tmp.dir, `out${format}.zarr`);
      await runChunked({ name: 'gaussianFilter', sigma: 2, mode: 'wrap' }, inp, out, { threads: 1 });
      const metaFile = format === 2 ? '.zarray' : 'zarr.json';
      const m = JSON.parse(readFileSync(join(out, metaFile), 'utf8'));
      expect(m.zarr_format).toBe(format);
      expect(format === 2 ? m.chunks : m.chunk_grid.configuration.chunk_shape).toEqual([9, 7]);
      if (format === 2) expect(m.compressor).toEqual({ id: 'zlib', level: 3 });
      else expect(m.codecs[1]).toEqual({ name: 'gzip', configuration: { level: 2 } });
      const got = await (await openZarrSource({ kind: 'zarr', location: out })).read({ start: [0, 0], stop: [30, 26] });
      expectSameBits(got, gaussianFilter(a, 2, { mode: 'wrap' }), `v${format} output`);
      const out2 = join(tmp.dir, `out${format}b.zarr`);
      await runChunked(
        { name: 'sobel', axis: 0 },
        inp,
        { kind: 'zarr', location: out2, format: format === 2 ? 3 : 2 },
        { chunks: [16, 16], threads: 1 },
      );
      expect(existsSync(join(out2, format === 2 ? 'zarr.json' : '.zarray'))).toBe(true);
    }
  });

  it('OME-Zarr: the full-resolution level is read; outputs carry multiscales metadata', async () => {
    const a = image([19, 23], 'uint8', 6);
    const p = join(tmp.dir, 'ome.zarr');
    const sink = await createZarrSink(p, {
      shape: a.shape,
      dtype: 'uint8',
      chunks: [8, 8],
      format: 2,
      ome: {
        axes: [
          { name: 'y', type: 'space' },
          { name: 'x', type: 'space' },
        ],
      },
    });
    await runChunked({ name: 'gaussianFilter', sigma: 0 }, a, sink, { threads: 1 });
    const attrs = JSON.parse(readFileSync(join(p, '.zattrs'), 'utf8'));
    expect(attrs.multiscales[0].datasets[0].path).toBe('0');
    const out = join(tmp.dir, 'ome-out.zarr');
    await runChunked({ name: 'medianFilter', size: 3 }, p, out, { threads: 1 });
    const outAttrs = JSON.parse(readFileSync(join(out, '.zattrs'), 'utf8'));
    expect(outAttrs.multiscales[0].axes).toEqual([
      { name: 'y', type: 'space' },
      { name: 'x', type: 'space' },
    ]);
    expect(existsSync(join(out, '0', '.zarray'))).toBe(true);
    if (hasZarrPython) {
      const r = execFileSync(PY, [
        '-c',
        `import zarr; g = zarr.open(${JSON.stringify(out)}, mode='r'); print(g.attrs['multiscales'][0]['version'], g['0'].shape)`,
      ])
        .toString()
        .trim();
      expect(r).toBe('0.4 (19, 23)');
    }
    // v3: OME-Zarr 0.5 keeps it in zarr.json attributes.ome.
    const p3 = join(tmp.dir, 'ome3.zarr');
    await runChunked(
      { name: 'gaussianFilter', sigma: 0 },
      a,
      { kind: 'zarr', location: p3, format: 3, ome: true },
      { threads: 1 },
    );
    const g3 = JSON.parse(readFileSync(join(p3, 'zarr.json'), 'utf8'));
    expect(g3.attributes.ome.multiscales[0].datasets[0].path).toBe('0');
    expectSameBits(
      await (await openZarrSource({ kind: 'zarr', location: p3 })).read({ start: [0, 0], stop: [19, 23] }),
      a,
      'ome v3',
    );
  });

  it('reads a Zarr store over HTTP (fetch), from a server on 127.0.0.1', async () => {
    const { createServer } = await import('node:http');
    const { readFile } = await import('node:fs/promises');
    const a = image([23, 19], 'int16', 15);
    const p = join(tmp.dir, 'served.zarr');
    await writeZarr(p, a, 3, [8, 8], { id: 'gzip', level: 1 });
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      const path = join(p, decodeURIComponent((req.url ?? '/').split('?')[0] as string));
      readFile(path).then(
        (b) => res.writeHead(200).end(b),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const url = `http://127.0.0.1:${port}/`;
      const r = await runChunked({ name: 'gaussianFilter', sigma: 1 }, url, undefined, { chunks: [8, 8], threads: 1 });
      expectSameBits(r.array!, gaussianFilter(a, 1), 'over http');
      expect(requests).toBeGreaterThan(9);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('reads arrays zarr-python wrote (Blosc, F order, bool)', async () => {
    if (!hasZarrPython) return;
    const p = join(tmp.dir, 'py.zarr');
    const pb = join(tmp.dir, 'pyb.zarr');
    const npy = join(tmp.dir, 'py.npy');
    execFileSync(PY, [
      '-c',
      `import zarr, numpy as np
a = (np.arange(35*27).reshape(35, 27) * 7919 % 251).astype(np.int16)
np.save(${JSON.stringify(npy)}, a)
z = zarr.open(${JSON.stringify(p)}, mode='w', shape=a.shape, chunks=(10, 6), dtype=a.dtype, order='F'); z[:] = a
b = zarr.open(${JSON.stringify(pb)}, mode='w', shape=a.shape, chunks=(8, 8), dtype=bool); b[:] = a % 3 == 0`,
    ]);
    const want = readNpy(new Uint8Array(readFileSync(npy)));
    const src = await openZarrSource({ kind: 'zarr', location: p });
    expect(src.codec).toMatchObject({ id: 'blosc' });
    expectSameBits(await src.read({ start: [0, 0], stop: [35, 27] }), want, 'F order blosc');
    const b = await openZarrSource({ kind: 'zarr', location: pb });
    expect(b.dtype).toBe('bool');
    expect((await b.read({ start: [0, 0], stop: [3, 3] })).dtype).toBe('bool');
    const r = await labelChunked({ kind: 'zarr', location: pb }, undefined, { threads: 1 });
    expect(r.count).toBeGreaterThan(0);
  });
});

describe('TIFF and images', () => {
  it('a tiled TIFF written here reads back through sharp and Pillow', async () => {
    const a = image([70, 45], 'uint8', 7);
    const p = join(tmp.dir, 'out.tif');
    await runChunked({ name: 'gaussianFilter', sigma: 1 }, a, p, { chunks: [32, 16], threads: 1 });
    const { data, info } = await sharp(p).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect([info.height, info.width, info.channels]).toEqual([70, 45, 1]);
    expectSameBits(array(new Uint8Array(data), { dtype: 'uint8' }).reshape([70, 45]), gaussianFilter(a, 1), 'sharp');
    const src = await ImageSource.open({ kind: 'image', path: p });
    expectSameBits(
      await src.read({ start: [10, 3], stop: [60, 44] }),
      gaussianFilter(a, 1).slice([10, 60], [3, 44]).copy(),
      'region',
    );
    if (hasPillow) {
      const pil = execFileSync(PY, [
        '-c',
        `from PIL import Image; im = Image.open(${JSON.stringify(p)}); print(im.size, im.mode, sum(im.getdata()))`,
      ])
        .toString()
        .trim();
      const sum = (gaussianFilter(a, 1).data as Uint8Array).reduce((s, v) => s + v, 0);
      expect(pil).toBe(`(45, 70) L ${sum}`);
    }
  });

  it('float32 and RGB TIFF outputs', async () => {
    const f = image([33, 20], 'float32', 8);
    const p = join(tmp.dir, 'f.tif');
    await runChunked(
      { name: 'gaussianFilter', sigma: 1.5 },
      f,
      { kind: 'tiff', path: p, compression: 'none' },
      { threads: 1 },
    );
    if (hasPillow) {
      const npy = join(tmp.dir, 'f.npy');
      execFileSync(PY, [
        '-c',
        `from PIL import Image; import numpy as np; np.save(${JSON.stringify(npy)}, np.asarray(Image.open(${JSON.stringify(p)})))`,
      ]);
      expectSameBits(readNpy(new Uint8Array(readFileSync(npy))), gaussianFilter(f, 1.5), 'float32 TIFF via Pillow');
    }
    const rgb = image([20, 24, 3], 'uint8', 9);
    const q = join(tmp.dir, 'rgb.tif');
    await runChunked({ name: 'gaussianFilter', sigma: [1, 1, 0] }, rgb, q, { threads: 1 });
    const src = await ImageSource.open({ kind: 'image', path: q });
    expect(src.shape).toEqual([20, 24, 3]);
    expectSameBits(await src.read({ start: [0, 0, 0], stop: [20, 24, 3] }), gaussianFilter(rgb, [1, 1, 0]), 'rgb');
  });

  it('big PNG read region by region equals the whole image', async () => {
    const a = image([150, 130], 'uint8', 10);
    const p = join(tmp.dir, 'big.png');
    await sharp(Buffer.from(a.data as Uint8Array), { raw: { width: 130, height: 150, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toFile(p);
    const r = await runChunked({ name: 'sobelMagnitude' }, p, undefined, { chunks: [64, 50], threads: 1 });
    const { OPERATIONS } = await import('../src/index.js');
    expectSameBits(r.array!, OPERATIONS.sobelMagnitude.run(a, { name: 'sobelMagnitude' }), 'png');
  });

  it('a JPEG read region by region equals its whole decode', async () => {
    const a = image([140, 120], 'uint8', 16);
    const p = join(tmp.dir, 'big.jpg');
    await sharp(Buffer.from(a.data as Uint8Array), { raw: { width: 120, height: 140, channels: 1 } })
      .toColourspace('b-w')
      .jpeg({ quality: 80 })
      .toFile(p);
    const whole = await sharp(p).toColourspace('b-w').raw().toBuffer();
    const r = await runChunked({ name: 'gaussianFilter', sigma: 0 }, p, undefined, { chunks: [48, 40], threads: 1 });
    expectSameBits(r.array!, array(new Uint8Array(whole), { dtype: 'uint8' }).reshape([140, 120]), 'jpeg');
  });

  it('writes atomically: a failing run leaves no output', async () => {
    const a = image([20, 20], 'uint8');
    const p = join(tmp.dir, 'fail.tif');
    const before = readdirSync(tmp.dir).length;
    await expect(runChunked({ name: 'binaryErosion', iterations: 0 }, a, p, { threads: 1 })).rejects.toMatchObject({
      code: 'ERR_UNSUPPORTED',
    });
    expect(existsSync(p)).toBe(false);
    expect(readdirSync(tmp.dir).length).toBe(before);
  });

  it('refuses to overwrite an output unless told', async () => {
    const a = image([10, 10], 'uint8');
    const p = join(tmp.dir, 'twice.zarr');
    await runChunked({ name: 'gaussianFilter', sigma: 1 }, a, p, { threads: 1 });
    await expect(runChunked({ name: 'gaussianFilter', sigma: 1 }, a, p, { threads: 1 })).rejects.toMatchObject({
      code: 'ERR_IO',
    });
    await runChunked({ name: 'gaussianFilter', sigma: 2 }, a, p, { threads: 1, overwrite: true });
  });
});

describe('.npy', () => {
  it('reads boxes and writes in place, memory-bounded', async () => {
    const a = image([41, 9, 5], 'int16', 11);
    const p = join(tmp.dir, 'a.npy');
    writeFileSync(p, writeNpy(a));
    const src = await NpySource.open(p);
    expectSameBits(
      await src.read({ start: [3, 2, 1], stop: [40, 9, 4] }),
      a.slice([3, 40], [2, 9], [1, 4]).copy(),
      'box',
    );
    await src.close();
    const out = join(tmp.dir, 'b.npy');
    await runChunked({ name: 'greyOpening', size: [3, 3, 3], mode: 'mirror' }, p, out, {
      chunks: [7, 4, 5],
      threads: 1,
    });
    const { greyOpening } = await import('@ndimage/morphology');
    expectSameBits(
      readNpy(new Uint8Array(readFileSync(out))),
      greyOpening(a, [3, 3, 3], { mode: 'mirror' }),
      'npy out',
    );
  });
});
