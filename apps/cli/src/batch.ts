/**
 * Batch mode: several inputs (files, folders or globs) processed in parallel on worker threads,
 * one file per worker at a time, with the outputs named after the inputs in `--out-dir`.
 * Results come back in input order; a failed file is reported and the others go on.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtFile } from '@ndimage/core-array/internal';
import { workerExecArgv } from '@ndimage/core-array/parallel';
import { glob, isDynamicPattern } from 'tinyglobby';
import { commandNamed, type Report } from './commands/index.js';
import { kindOf } from './files.js';
import type { Common } from './options.js';
import type { Progress } from './progress.js';
import { exitCodeOf, UsageError } from './usage.js';

/** One file's work, as sent to a worker (plain data). */
export interface Task {
  command: string;
  input: string;
  output: string | undefined;
  options: Common & Record<string, unknown>;
}

/** What a worker sends back. */
export type TaskResult = (
  | { ok: true; report: Report | undefined }
  | { ok: false; message: string; code: 1 | 2; stack?: string }
) & {
  /** The worker thread's id that did it (absent: the main thread). */
  thread?: number;
};

const known = (file: string): boolean => {
  try {
    kindOf(file);
    return true;
  } catch {
    return false;
  }
};

/**
 * The input files of `patterns`: files as given, folders as the images/.npy/.mat files directly
 * in them, globs (quoted so the shell leaves them) expanded by tinyglobby; each sorted.
 */
export async function expandInputs(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of patterns) {
    if (p === '-') throw new UsageError('stdin (-) cannot be one of several inputs');
    if (existsSync(p) && statSync(p).isDirectory()) {
      const inDir = readdirSync(p)
        .filter((f) => known(f) && statSync(join(p, f)).isFile())
        .sort()
        .map((f) => join(p, f));
      if (inDir.length === 0) throw new UsageError(`${p}: no images, .npy or .mat files in this folder`);
      files.push(...inDir);
    } else if (!existsSync(p) && isDynamicPattern(p)) {
      const matched = (await glob(p, { onlyFiles: true, expandDirectories: false })).sort();
      if (matched.length === 0) throw new UsageError(`no files match '${p}'`);
      files.push(...matched);
    } else files.push(p);
  }
  return files;
}

/** Output paths in `outDir`: each input's name, with the extension of `format` if given. */
export function planOutputs(inputs: readonly string[], outDir: string, format: string | undefined): string[] {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory())
    throw new UsageError(`--out-dir ${outDir}: no such folder`);
  const seen = new Map<string, string>();
  return inputs.map((input) => {
    const name = basename(input, extname(input));
    const out = join(outDir, `${name}${format === undefined ? extname(input) : `.${format}`}`);
    const other = seen.get(out);
    if (other !== undefined) throw new UsageError(`${other} and ${input} would both be written to ${out}`);
    seen.set(out, input);
    return out;
  });
}

/**
 * A worker costs ~0.3 s of a core to start (its imports: sharp and the packages); sharing R ms of
 * work with it saves about R/2 on two cores. Measured (bench/cli-batch-compare.mjs): sixteen
 * 512² blurs (R ≈ 0.6 s) ran 10 % slower with a worker, eight 2048² blurs (R ≈ 1.6 s) 1.3× faster.
 */
const WORKERS_PAY_MS = 800;

/** Options of {@link runTasks}. */
export interface RunOptions {
  /** Threads, this one included @defaultValue os.availableParallelism() */
  jobs?: number;
  progress: Progress;
  /**
   * Most files this thread does itself (then it only waits for the workers, which start whatever
   * the first file's time). For tests, which need the workers to take files whatever the
   * machine's speed. @defaultValue no limit
   */
  hereAtMost?: number;
}

/**
 * Runs the tasks on this thread and `jobs − 1` worker threads, and returns their results in the
 * tasks' order.
 *
 * This thread does the first file; if the rest of the batch at that pace is worth more than
 * starting workers ({@link WORKERS_PAY_MS}), the workers start. Every thread takes the next file
 * from one shared counter (Atomics), so a worker never waits for this thread (busy with its own
 * file) to hand it work, and joins as soon as its imports have loaded.
 */
export async function runTasks(tasks: readonly Task[], o: RunOptions): Promise<TaskResult[]> {
  const results: (TaskResult | undefined)[] = new Array(tasks.length).fill(undefined);
  const label = (t: Task, r: TaskResult): string =>
    `${t.input}${t.output === undefined ? '' : ` → ${t.output}`}${r.ok ? '' : ' (failed)'}`;
  const finish = (i: number, r: TaskResult): void => {
    results[i] = r;
    o.progress.file(label(tasks[i] as Task, r));
  };
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const threads = Math.min(o.jobs ?? availableParallelism(), tasks.length);
  o.progress.start(tasks.length);
  const lanes: Promise<void>[] = [];
  const here = async (): Promise<void> => {
    let decided = threads <= 1;
    let done = 0;
    const limit = o.hereAtMost ?? Number.POSITIVE_INFINITY;
    for (
      let i = Atomics.add(counter, 0, 1);
      i < tasks.length;
      i = done < limit ? Atomics.add(counter, 0, 1) : tasks.length
    ) {
      done++;
      const t0 = performance.now();
      finish(i, await runTask(tasks[i] as Task));
      if (!decided) {
        // Workers only when the rest of the batch, at the first file's pace, outweighs starting them.
        decided = true;
        const left = tasks.length - Atomics.load(counter, 0);
        if (left * (performance.now() - t0) > WORKERS_PAY_MS || o.hereAtMost !== undefined)
          for (let k = 1; k < threads; k++) lanes.push(workerLane(tasks, counter, finish));
      }
      // Let the workers' results (and progress) through between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await here();
    await Promise.all(lanes);
  } finally {
    o.progress.stop();
  }
  // A task whose worker died while on it has no result.
  return results.map(
    (r, i) => r ?? { ok: false, message: `${tasks[i]?.input}: the worker thread stopped while on this file`, code: 1 },
  );
}

/** What a worker posts: 'ready' after its imports, a result per file, 'done' when the counter runs out. */
export type WorkerMessage = 'ready' | 'done' | { index: number; result: TaskResult };

/** One worker thread's share: start it, give it the task list and the counter, collect results. */
function workerLane(
  tasks: readonly Task[],
  counter: Int32Array,
  finish: (i: number, r: TaskResult) => void,
): Promise<void> {
  const worker = new Worker(builtFile(import.meta.url, './batch-worker.js', '../dist/batch-worker.js'), {
    execArgv: workerExecArgv(process.execArgv),
  });
  return new Promise<void>((resolve) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m === 'ready') {
        if (Atomics.load(counter, 0) >= tasks.length) void worker.terminate();
        else worker.postMessage({ tasks, counter });
      } else if (m === 'done') void worker.terminate();
      else finish(m.index, m.result);
    });
    // A crash ends this lane; the others go on taking files from the counter.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve());
  });
}

/** Runs one task's job; its error becomes a result (message, exit code, stack). Here and in the workers. */
export async function runTask(t: Task): Promise<TaskResult> {
  try {
    return { ok: true, report: await commandNamed(t.command).job(t.input, t.output, t.options, {}) };
  } catch (e) {
    return {
      ok: false,
      message: e instanceof Error ? e.message : String(e),
      code: exitCodeOf(e),
      stack: e instanceof Error ? e.stack : undefined,
    };
  }
}
