/**
 * Every format pair through `convert` (lossless ones give back the same pixels), and stdin/stdout:
 * `-` reads any format (recognised by its bytes) and writes the `--format` asked for.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type NdArray, readNpy, writeNpy } from '@ndimage/core-array';
import { gaussianFilter } from '@ndimage/filters';
import { imread } from '@ndimage/io-image';
import { loadmat } from '@ndimage/io-mat';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { copyData, run, tempFolder } from './helpers.js';

const { at } = tempFolder('formats');
copyData('coins.png', at('coins.png'));
const values = (a: NdArray): number[] => Array.from(a.toContiguous().data as ArrayLike<number>);

async function readAny(path: string): Promise<NdArray> {
  if (path.endsWith('.npy')) return readNpy(new Uint8Array(readFileSync(path)));
  if (path.endsWith('.mat')) return (await loadmat(path)).out as NdArray;
  return imread(path);
}

describe('convert: every pair of png, tiff, npy and mat', () => {
  const kinds = ['png', 'tif', 'npy', 'mat'];
  it.each(kinds.flatMap((a) => kinds.map((b) => [a, b] as const)))('%s → %s keeps the uint8 pixels', async (a, b) => {
    const from = at(`from.${a}`);
    if (a !== 'png') {
      const r = await run(['convert', at('coins.png'), from, '--force']);
      expect(r.code, r.err).toBe(0);
    }
    const src = a === 'png' ? at('coins.png') : from;
    const to = at(`pair-${a}-${b}.${b}`);
    const r = await run(['convert', src, to]);
    expect(r.code, r.err).toBe(0);
    const got = await readAny(to);
    const want = await imread(at('coins.png'));
    expect(got.shape).toEqual(want.shape);
    expect(got.dtype).toBe('uint8');
    expect(values(got)).toEqual(values(want));
  });

  it('lossy and other outputs: jpg, webp, gif, avif and pdf are written and read back at the right size', async () => {
    for (const ext of ['jpg', 'webp', 'gif', 'avif']) {
      const r = await run(['convert', at('coins.png'), at(`c.${ext}`)]);
      expect(r.code, r.err).toBe(0);
      expect((await imread(at(`c.${ext}`))).shape.slice(0, 2)).toEqual([303, 384]);
    }
    const pdf = await run(['convert', at('coins.png'), at('c.pdf')]);
    expect(pdf.code, pdf.err).toBe(0);
    expect(readFileSync(at('c.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('--dtype casts and --mode RGB makes three channels', async () => {
    expect((await run(['convert', at('coins.png'), at('f.npy'), '--dtype', 'float32'])).code).toBe(0);
    expect(readNpy(new Uint8Array(readFileSync(at('f.npy')))).dtype).toBe('float32');
    expect((await run(['convert', at('coins.png'), at('rgb.npy'), '--mode', 'RGB'])).code).toBe(0);
    expect(readNpy(new Uint8Array(readFileSync(at('rgb.npy')))).shape).toEqual([303, 384, 3]);
  });
});

describe('stdin and stdout', () => {
  it('an image on stdin, .npy on stdout, equal to the file route', async () => {
    const r = await run(['gaussian', '-', '-', '--sigma', '2', '--format', 'npy'], readFileSync(at('coins.png')));
    expect(r.code, r.err).toBe(0);
    const got = readNpy(new Uint8Array(r.bytes));
    expect(values(got)).toEqual(values(gaussianFilter((await imread(at('coins.png'))).astype('float64'), 2)));
  });

  it('.npy and .mat on stdin are recognised by their bytes; png and mat on stdout', async () => {
    const a = await imread(at('coins.png'));
    const png = await run(['convert', '-', '-', '--format', 'png'], writeNpy(a));
    expect(png.code, png.err).toBe(0);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const mat = await run(['convert', '-', '-', '--format', 'mat'], png.bytes);
    expect(mat.code, mat.err).toBe(0);
    writeFileSync(at('piped.mat'), mat.bytes);
    expect(values((await loadmat(at('piped.mat'))).out as NdArray)).toEqual(values(a));
    const info = await run(['info', '-', '--json'], mat.bytes);
    expect(JSON.parse(info.out)).toMatchObject({ shape: [303, 384], dtype: 'uint8' });
  });

  it('when stdout carries data, the report (count, iterations) goes to stderr', async () => {
    const labels = await run(['label', at('coins.png'), '-', '--threshold', '100', '--format', 'npy', '--json']);
    expect(labels.code, labels.err).toBe(0);
    expect(readNpy(new Uint8Array(labels.bytes)).dtype).toBe('int32');
    expect(JSON.parse(labels.err)).toEqual({ count: 161 });
    const counted = await run(['count', at('coins.png'), '-t', '100', '--labels', '-', '--format', 'npy']);
    expect(readNpy(new Uint8Array(counted.bytes)).shape).toEqual([303, 384]);
    expect(counted.err).toBe('161\n');
    const texture = await run(['denoise', at('coins.png'), at('u.png'), '--texture', '-', '--format', 'npy', '-q']);
    expect(readNpy(new Uint8Array(texture.bytes)).dtype).toBe('float64');
    expect(texture.err).toMatch(/^\d+ iterations\n$/);
  });

  it('refuses: stdout without --format, a terminal on stdout, an empty or missing stdin', async () => {
    const noFormat = await run(['convert', at('coins.png'), '-']);
    expect(noFormat).toMatchObject({ code: 2 });
    expect(noFormat.err).toContain('needs --format');
    const empty = await run(['info', '-'], new Uint8Array(0));
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('stdin is empty');
    const none = await run(['info', '-']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('stdin is a terminal');
    const err: string[] = [];
    const tty = await main(['convert', at('coins.png'), '-', '--format', 'png'], {
      stdout: { write: () => undefined, isTTY: true },
      stderr: { write: (t: string) => err.push(t) },
    });
    expect(tty).toBe(2);
    expect(err.join('')).toContain('stdout is a terminal');
  });
});
