/**
 * Batch mode: several inputs (files, folders or globs) processed in parallel on worker threads,
 * one file per worker at a time, with the outputs named after the inputs in `--out-dir`.
 * Results come back in input order; a failed file is reported and the others go on.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtFile } from '@ndimage/core-array';
import { workerExecArgv } from '@ndimage/core-array/parallel';
import { glob, isDynamicPattern } from 'tinyglobby';
import { kindOf } from './files.js';
import { JOBS, type Report } from './jobs.js';
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
export type TaskResult =
  | { ok: true; report: Report | undefined }
  | { ok: false; message: string; code: 1 | 2; stack?: string };

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

/** Options of {@link runTasks}. */
export interface RunOptions {
  /** Worker threads @defaultValue os.availableParallelism() */
  jobs?: number;
  progress: Progress;
}

/**
 * Runs the tasks, in parallel on worker threads when there are several (and `jobs` > 1), and
 * returns their results in the tasks' order.
 */
export async function runTasks(tasks: readonly Task[], o: RunOptions): Promise<TaskResult[]> {
  const results: TaskResult[] = new Array(tasks.length);
  const label = (t: Task, r: TaskResult): string =>
    `${t.input}${t.output === undefined ? '' : ` → ${t.output}`}${r.ok ? '' : ' (failed)'}`;
  o.progress.start(tasks.length);
  const workers = Math.min(o.jobs ?? availableParallelism(), tasks.length);
  try {
    if (workers <= 1) {
      for (const [i, t] of tasks.entries()) {
        results[i] = await runHere(t);
        o.progress.file(label(t, results[i] as TaskResult));
      }
    } else {
      let next = 0;
      const lane = async (): Promise<void> => {
        let worker = startWorker();
        try {
          while (next < tasks.length) {
            const i = next++;
            const t = tasks[i] as Task;
            const r = await runOn(worker, t);
            results[i] = r.result;
            if (r.dead) worker = startWorker();
            o.progress.file(label(t, r.result));
          }
        } finally {
          await worker.terminate();
        }
      };
      await Promise.all(Array.from({ length: workers }, lane));
    }
  } finally {
    o.progress.stop();
  }
  return results;
}

async function runHere(t: Task): Promise<TaskResult> {
  try {
    return { ok: true, report: await (JOBS[t.command] as (typeof JOBS)[string])(t.input, t.output, t.options, {}) };
  } catch (e) {
    return {
      ok: false,
      message: e instanceof Error ? e.message : String(e),
      code: exitCodeOf(e),
      stack: e instanceof Error ? e.stack : undefined,
    };
  }
}

function startWorker(): Worker {
  return new Worker(builtFile(import.meta.url, './batch-worker.js', '../dist/batch-worker.js'), {
    execArgv: workerExecArgv(process.execArgv),
  });
}

/** Sends `t` to `worker`; a worker that crashes fails the task (and is replaced by the caller). */
function runOn(worker: Worker, t: Task): Promise<{ result: TaskResult; dead: boolean }> {
  return new Promise((resolve) => {
    const done = (result: TaskResult, dead: boolean): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ result, dead });
    };
    const onMessage = (r: TaskResult): void => done(r, false);
    const onError = (e: Error): void => done({ ok: false, message: `${t.input}: ${e.message}`, code: 1 }, true);
    const onExit = (code: number): void =>
      done({ ok: false, message: `${t.input}: the worker stopped (exit code ${code})`, code: 1 }, true);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(t);
  });
}
