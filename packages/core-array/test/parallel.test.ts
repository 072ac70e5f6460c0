/**
 * The worker pool: tasks run on other threads over shared memory, synchronously, and errors
 * come back. (Workers load the built files, so this needs `pnpm build` first; `pnpm test` builds.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { zeros } from '../src/index.js';
import { bands, disableThreads, enableThreads, shared, threadBackend, threadCount } from '../src/parallel/index.js';
import { workerExecArgv } from '../src/parallel/pool.js';

const taskModule = new URL('./fixtures-parallel/fill-band.mjs', import.meta.url).href;

afterAll(() => disableThreads());

describe('thread pool', () => {
  it('without a pool, threads: "auto" is one thread and a count is refused', () => {
    expect(threadCount('auto', 1e8)).toBe(1);
    expect(() => threadCount(2, 1e8)).toThrow(/enableThreads/);
    expect(() => threadCount(0, 1e8)).toThrow(/`threads`/);
  });

  it('runs tasks on workers over shared memory, synchronously', () => {
    expect(enableThreads(2)).toBe(2);
    expect(threadBackend()?.size).toBe(2);
    expect(threadCount('auto', 1e8)).toBe(2);
    expect(threadCount('auto', 10)).toBe(1);
    const out = shared(new Float64Array(1000));
    const tasks = bands(out.length, 2).map(([start, end]) => ({
      module: taskModule,
      fn: 'fillBand',
      args: { out, start, end },
    }));
    const local: number[] = [];
    threadBackend()?.run(tasks, (t) => {
      local.push(1);
      const { start, end } = t.args as { start: number; end: number };
      for (let i = start; i < end; i++) out[i] = i * 2;
    });
    expect(local).toEqual([1]);
    expect(Array.from(out)).toEqual(Array.from({ length: 1000 }, (_, i) => i * 2));
  });

  it('reports a failing task as an NdImageError, and stays usable', () => {
    enableThreads(2);
    const tasks = [
      { module: taskModule, fn: 'fillBand', args: {} },
      { module: taskModule, fn: 'fails', args: {} },
    ];
    expect(() => threadBackend()?.run(tasks, () => undefined)).toThrow(/a worker thread failed: Error: deliberate/);
    const out = shared(new Float64Array(4));
    threadBackend()?.run(
      [
        { module: taskModule, fn: 'fillBand', args: {} },
        { module: taskModule, fn: 'fillBand', args: { out, start: 0, end: 4 } },
      ],
      () => undefined,
    );
    expect(Array.from(out)).toEqual([0, 2, 4, 6]);
  });

  it('shares typed arrays by copying them into shared memory once', () => {
    const a = zeros([3]).data;
    const s = shared(a);
    expect(s.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared(s)).toBe(s);
  });

  it('workers drop the source export condition (they run the built files)', () => {
    expect(
      workerExecArgv(['--conditions', '@ndimage/source', '--conditions', 'node', '-C=@ndimage/source', '--x']),
    ).toEqual(['--conditions', 'node', '--x']);
  });
});
