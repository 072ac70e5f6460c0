/**
 * Batch mode: folders, globs and file lists with --out-dir, run on worker threads (the built
 * dist/batch-worker.js), results equal to one file at a time, failures reported per file.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNpy } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { runTasks } from '../src/batch.js';
import { copyData, run, tempFolder } from './helpers.js';

const { at } = tempFolder('batch');
mkdirSync(at('in'));
copyData('coins.png', at('in/coins.png'));
copyFileSync(new URL('../assets/camera.png', import.meta.url), at('in/camera.png'));
copyFileSync(new URL('../assets/astronaut.png', import.meta.url), at('in/astronaut.png'));
writeFileSync(at('in/notes.txt'), 'not an image, ignored in a folder');

describe('batch', () => {
  it('a folder with --out-dir (2 threads) equals the files done one by one', async () => {
    mkdirSync(at('out'));
    const r = await run([
      'gaussian',
      at('in'),
      '--out-dir',
      at('out'),
      '--sigma',
      '2',
      '--format',
      'npy',
      '--jobs',
      '2',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(at('out')).sort()).toEqual(['astronaut.npy', 'camera.npy', 'coins.npy']);
    // Plain progress lines on a non-terminal stderr: one per file.
    expect(r.err.trim().split('\n')).toHaveLength(3);
    expect(r.err).toMatch(/^ndimage: \[1\/3\] /);
    for (const name of ['astronaut', 'camera', 'coins']) {
      const one = await run(['gaussian', at(`in/${name}.png`), at(`${name}-one.npy`), '--sigma', '2']);
      expect(one.code, one.err).toBe(0);
      expect(readFileSync(at(`out/${name}.npy`)).equals(readFileSync(at(`${name}-one.npy`)))).toBe(true);
    }
  });

  it('a quoted glob, --quiet; existing outputs are refused before any work', async () => {
    mkdirSync(at('glob'));
    const pattern = join(at('in'), 'c*.png');
    const r = await run(['sobel', pattern, '-o', at('glob'), '--magnitude', '-q']);
    expect(r).toMatchObject({ code: 0, err: '', out: '' });
    expect(readdirSync(at('glob')).sort()).toEqual(['camera.png', 'coins.png']);
    const again = await run(['sobel', pattern, '-o', at('glob'), '--magnitude']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists (use --force');
    expect((await run(['sobel', pattern, '-o', at('glob'), '--magnitude', '--force', '-q'])).code).toBe(0);
  });

  it('count and info on several inputs print one line per file, or one JSON array', async () => {
    const c = await run(['count', at('in/coins.png'), at('in/camera.png'), '--threshold', '100', '-q']);
    expect(c.code, c.err).toBe(0);
    const lines = c.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/coins\.png: \d+$/);
    const j = await run(['count', at('in'), '--threshold', '100', '--json', '-q']);
    const counts = JSON.parse(j.out) as { file: string; count: number }[];
    expect(counts.map((x) => x.file.split('/').pop())).toEqual(['astronaut.png', 'camera.png', 'coins.png']);
    const single = await run(['count', at('in/coins.png'), '--threshold', '100']);
    expect(counts[2]?.count).toBe(Number(single.out));
    const info = await run(['info', at('in'), '--json', '-q']);
    expect((JSON.parse(info.out) as { shape: number[] }[]).map((x) => x.shape.length)).toEqual([3, 2, 2]);
  });

  it('a failing file is reported, the others are written, the exit code is 1', async () => {
    mkdirSync(at('mixed'));
    mkdirSync(at('mixed-out'));
    copyData('coins.png', at('mixed/good.png'));
    writeFileSync(at('mixed/bad.png'), 'this is not a PNG');
    const r = await run(['gaussian', at('mixed'), '-o', at('mixed-out'), '--sigma', '1', '-q']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ndimage: error: .*bad\.png/);
    expect(r.err).toContain('1 of 2 files failed');
    expect(readdirSync(at('mixed-out'))).toEqual(['good.png']);
  });

  it('usage errors: several inputs without --out-dir, a missing --out-dir, clashing names, --texture', async () => {
    const cases: [string[], string][] = [
      [['gaussian', at('in/coins.png'), at('in/camera.png'), at('x.png'), '--sigma', '1'], 'takes IN OUT'],
      [['gaussian', at('in'), '-o', at('nope'), '--sigma', '1'], 'no such folder'],
      [
        [
          'gaussian',
          at('in/coins.png'),
          at('mixed/good.png'),
          at('mixed/../in/coins.png'),
          '-o',
          at('out'),
          '--sigma',
          '1',
          '--force',
        ],
        'would both be written',
      ],
      [['denoise', at('in'), '-o', at('out'), '--texture', at('t.png')], '--texture takes one input'],
      [['count', at('in'), '-o', at('out')], 'unknown option'],
      [['gaussian', join(at('in'), '*.jpeg'), '-o', at('out'), '--sigma', '1'], 'no files match'],
    ];
    for (const [argv, text] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(text);
    }
    expect(existsSync(at('x.png'))).toBe(false);
  });

  it('worker threads take files, with results equal to this thread’s', async () => {
    // This thread does the first file only, so the workers must take the rest however busy the
    // machine is (no race between this thread and the workers' start-up).
    const inputs = ['camera', 'astronaut', 'coins', 'camera'].map((n) => at(`in/${n}.png`));
    const tasks = inputs.map((input) => ({
      command: 'denoise',
      input,
      output: undefined as string | undefined,
      options: { method: 'fgp', tvWeight: 20, maxIterations: 30, json: true },
    }));
    const quiet = { start() {}, file() {}, iteration() {}, stop() {} };
    // denoise needs an output: .npy files in a folder per run.
    for (const [k, dirName] of ['w2', 'w1'].entries()) {
      mkdirSync(at(dirName));
      tasks.forEach((t, i) => {
        t.output = at(`${dirName}/${i}.npy`);
      });
      const results = await runTasks(tasks, {
        jobs: k === 0 ? 2 : 1,
        progress: quiet,
        ...(k === 0 ? { hereAtMost: 1 } : {}),
      });
      expect(results.every((r) => r.ok)).toBe(true);
      if (k === 0) expect(results.slice(1).every((r) => r.thread !== undefined)).toBe(true);
      else expect(results.every((r) => r.thread === undefined)).toBe(true);
    }
    for (let i = 0; i < tasks.length; i++)
      expect(readFileSync(at(`w2/${i}.npy`)).equals(readFileSync(at(`w1/${i}.npy`)))).toBe(true);
  });

  it('one large file’s denoise uses the worker pool, bit-identical to one thread', async () => {
    const flags = ['--method', 'fgp', '--tv-weight', '20', '--max-iterations', '40', '-q'];
    const pool = await run(['denoise', at('in/camera.png'), at('pool.npy'), ...flags, '--jobs', '2']);
    const one = await run(['denoise', at('in/camera.png'), at('one.npy'), ...flags, '--jobs', '1']);
    expect(pool.code, pool.err).toBe(0);
    expect(one.code, one.err).toBe(0);
    expect(readFileSync(at('pool.npy')).equals(readFileSync(at('one.npy')))).toBe(true);
  });

  it('--jobs 1 runs in this thread with the same results', async () => {
    mkdirSync(at('one'));
    const r = await run([
      'gaussian',
      at('in'),
      '-o',
      at('one'),
      '--sigma',
      '2',
      '--format',
      'npy',
      '--jobs',
      '1',
      '-q',
    ]);
    expect(r.code, r.err).toBe(0);
    for (const f of readdirSync(at('one')))
      expect(readNpy(new Uint8Array(readFileSync(at(`one/${f}`)))).toArray()).toEqual(
        readNpy(new Uint8Array(readFileSync(at(`out/${f}`)))).toArray(),
      );
  });
});
