/**
 * End to end through `main` (the bin's code) on temporary files: every command on images, .npy
 * and .mat, results equal to the library calls, and the failures — missing files, bad flags,
 * existing outputs, missing folders — each a non-zero exit with one line and no file left behind.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { array, greater, mul, random, readNpy, writeNpy } from '@ndimage/core-array';
import { gaussianFilter } from '@ndimage/filters';
import { imread } from '@ndimage/io-image';
import { loadmat, savemat } from '@ndimage/io-mat';
import { label } from '@ndimage/morphology';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

const dir = mkdtempSync(join(tmpdir(), 'ndimage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (f: string): string => join(dir, f);
copyFileSync(new URL('./data/coins.png', import.meta.url), at('coins.png'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('commands', () => {
  it('gaussian on .npy keeps SciPy’s dtype and equals the library call', async () => {
    const a = mul(random([20, 30], { seed: 1 }), 255).astype('uint8');
    writeFileSync(at('a.npy'), writeNpy(a));
    const r = await run('gaussian', at('a.npy'), at('g.npy'), '--sigma', '2');
    expect(r).toMatchObject({ code: 0, err: '' });
    const g = readNpy(new Uint8Array(readFileSync(at('g.npy'))));
    expect(g.dtype).toBe('uint8');
    expect(Array.from(g.data as Uint8Array)).toEqual(Array.from(gaussianFilter(a, 2).data as Uint8Array));
  });

  it('gaussian, sobel, prewitt and derivative on an image write images', async () => {
    for (const args of [
      ['gaussian', at('coins.png'), at('blur.png'), '--sigma', '3'],
      ['sobel', at('coins.png'), at('sobel.png'), '--magnitude'],
      ['prewitt', at('coins.png'), at('prewitt.png'), '--axis', '0'],
      ['derivative', at('coins.png'), at('dx.png'), '--sigma', '2', '--axis', '1'],
    ]) {
      const r = await run(...(args as string[]));
      expect(r.code, r.err).toBe(0);
      expect((await imread(args[2] as string)).shape).toEqual([303, 384]);
    }
  });

  it('label and count: the textbook’s object count, stable', async () => {
    const r = await run('label', at('coins.png'), at('labels.npy'), '--threshold', '100', '--json');
    expect(r.code, r.err).toBe(0);
    const { count } = JSON.parse(r.out) as { count: number };
    const grey = await imread(at('coins.png'));
    const expected = label(greater(grey, 100)).count;
    expect(count).toBe(expected);
    const c = await run('count', at('coins.png'), '--threshold', '100', '--open', '3x3', '--iterations', '2');
    expect(c.code).toBe(0);
    expect(Number(c.out)).toBeGreaterThan(0);
    expect(Number(c.out)).toBeLessThanOrEqual(count);
  });

  it('count on coins.png with the documented flags gives SciPy’s count', async () => {
    // scipy.ndimage 1.10: label(binary_opening(im > 100, ones((9, 5)), iterations=2))[1] == 31,
    // with ones((5, 5)): 30; label(im > 100) alone: 161, with ones((3, 3)) connectivity: 100
    // (im = array(Image.open('coins.png').convert('L')), measured with Debian's python3-scipy).
    const count = async (...flags: string[]): Promise<number> => {
      const r = await run('count', at('coins.png'), '--threshold', '100', ...flags);
      expect(r.code, r.err).toBe(0);
      return Number(r.out);
    };
    expect(await count('--open', '9x5', '--iterations', '2')).toBe(31);
    expect(await count('--open', '5x5', '--iterations', '2')).toBe(30);
    expect(await count()).toBe(161);
    expect(await count('--connectivity', '2')).toBe(100);
    const labelled = await run('count', at('coins.png'), '--threshold', '100', '--labels', at('count-labels.npy'));
    expect(readNpy(new Uint8Array(readFileSync(at('count-labels.npy')))).dtype).toBe('int32');
    expect(labelled.out).toBe('161\n');
  });

  it.skipIf(!existsSync('/proc/self/mem'))(
    'a file that cannot be read (even by root) is a runtime error naming it',
    async () => {
      // /proc/self/mem exists but every read of it from offset 0 fails (EIO), whoever runs the tests.
      for (const ext of ['npy', 'png', 'mat']) {
        symlinkSync('/proc/self/mem', at(`unreadable.${ext}`));
        const r = await run('info', at(`unreadable.${ext}`));
        expect(r.code).toBe(1);
        expect(r.err.trim().split('\n')).toHaveLength(1);
        expect(r.err).toContain(`unreadable.${ext}`);
      }
    },
  );

  it.skipIf(process.getuid?.() === 0)('an unreadable file is a runtime error naming it', async () => {
    writeFileSync(at('locked.npy'), writeNpy(array([1, 2])));
    chmodSync(at('locked.npy'), 0);
    const r = await run('info', at('locked.npy'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ndimage: error: .*locked\.npy/);
  });

  it('morph and denoise', async () => {
    expect(
      (await run('morph', 'open', at('coins.png'), at('open.png'), '--threshold', '100', '--structure', '9x5')).code,
    ).toBe(0);
    expect((await run('morph', 'fill-holes', at('coins.png'), at('filled.png'), '--threshold', '100')).code).toBe(0);
    const d = await run('denoise', at('coins.png'), at('rof.png'), '--texture', at('texture.png'), '--json');
    expect(d.code, d.err).toBe(0);
    expect(JSON.parse(d.out).iterations).toBeGreaterThan(0);
    expect(existsSync(at('texture.png'))).toBe(true);
  });

  it('.mat in and out; info; convert', async () => {
    await savemat(at('in.mat'), {
      im: array([
        [1, 2],
        [3, 4],
      ]),
    });
    expect((await run('gaussian', at('in.mat'), at('out.mat'), '--sigma', '1', '--out-var', 'blur')).code).toBe(0);
    expect(Object.keys(await loadmat(at('out.mat')))).toEqual(['blur']);
    const info = await run('info', at('in.mat'));
    expect(info.out).toContain('im  2×2  double');
    const i2 = await run('info', at('coins.png'), '--json');
    expect(JSON.parse(i2.out)).toMatchObject({ shape: [303, 384], dtype: 'uint8' });
    expect((await run('convert', at('coins.png'), at('coins.npy'))).code).toBe(0);
    expect(readNpy(new Uint8Array(readFileSync(at('coins.npy')))).shape).toEqual([303, 384]);
  });
});

describe('failures', () => {
  it('each exits non-zero with one line naming the problem, and leaves no file', async () => {
    const before = new Set(readdirSync(dir));
    const cases: [string[], number, string][] = [
      [['gaussian', at('missing.png'), at('x.png'), '--sigma', '1'], 1, 'missing.png: no such file'],
      [['gaussian', at('coins.png'), at('x.png'), '--sigma', '-1'], 2, '--sigma must be a number ≥ 0'],
      [['gaussian', at('coins.png'), at('x.png'), '--sigma', 'abc'], 2, "got 'abc'"],
      [['morph', 'open', at('coins.png'), at('x.png'), '--structure', '0x5'], 2, '--structure must be HxW'],
      [['gaussian', at('coins.png'), at('blur.png'), '--sigma', '1'], 1, 'exists (use --force'],
      [['gaussian', at('coins.png'), at('nope/x.png'), '--sigma', '1'], 1, 'does not exist'],
      [['gaussian', at('coins.png'), at('coins.png'), '--sigma', '1', '--force'], 2, 'the output is the input'],
      // A missing flag points to the command's own help, where its flags are listed.
      [
        ['gaussian', at('coins.png'), at('x.png')],
        2,
        "'-s, --sigma <s>' not specified (see 'ndimage gaussian --help')",
      ],
      // The library's option names become the flags typed.
      [
        ['gaussian', at('coins.png'), at('x.png'), '--sigma', '1,1,1'],
        2,
        'invalid argument: --sigma must be one value or a list of 2',
      ],
      [['denoise', at('coins.png'), at('x.png'), '--tv-weight', '0'], 2, '--tv-weight'],
      [['denoise', at('coins.png'), at('x.png'), '--tv-weight', '0', '--method', 'fgp'], 2, '--tv-weight'],
      // A grey photo is not a mask: without --threshold it would be one object.
      [['count', at('coins.png')], 2, 'coins.png is not a mask (its values run from 1 to 252); give --threshold T'],
      [['label', at('coins.png'), at('x.png')], 2, 'is not a mask'],
      [['morph', 'open', at('coins.png'), at('x.png')], 2, 'is not a mask'],
      [['gaussian', at('in.mat'), at('x.npy'), '--sigma', '1', '--var', 'nope'], 1, "no numeric variable 'nope'"],
      [['frobnicate'], 2, "unknown command 'frobnicate'"],
      [
        ['convert', at('text.mat'), at('x.npy')],
        1,
        'no real numeric array to read (variables: name (text), z (complex))',
      ],
      [['gaussian', at('coins.png'), at('x.xyz'), '--sigma', '1'], 2, "x.xyz: unknown file type '.xyz'"],
      [['convert', at('coins.png'), at('x.svg')], 2, 'x.svg: cannot write .svg images'],
      [['morph', 'open', at('coins.png'), at('x.png'), '--cval', '3'], 2, "unknown option '--cval' (Did you mean"],
      [['count', at('coins.png'), '--mode', 'nearest'], 2, 'nearest is a boundary mode; count has none'],
      [
        ['gaussian', at('coins.png'), at('x.png'), '--sigma', '1', '--mode', 'bogus'],
        2,
        '--mode must be an image mode',
      ],
    ];
    writeFileSync(at('corrupt.png'), Buffer.from('not a png at all'));
    await savemat(at('text.mat'), { name: 'coins', z: { kind: 'complex', re: array([1]), im: array([2]) } });
    cases.push([['info', at('corrupt.png')], 1, 'corrupt.png']);
    for (const [args, code, text] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^ndimage: error: /);
      expect(r.err).toContain(text);
    }
    const after = readdirSync(dir).filter((f) => !before.has(f) && !['corrupt.png', 'text.mat'].includes(f));
    expect(after).toEqual([]);
  });

  it('--force overwrites', async () => {
    expect((await run('gaussian', at('coins.png'), at('blur.png'), '--sigma', '1', '--force')).code).toBe(0);
  });
});
