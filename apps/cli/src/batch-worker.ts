/**
 * A batch worker thread: runs jobs (jobs.ts) for the main thread, one file at a time, and posts
 * back the report or the error (message, exit code, stack). Every path posts, so the batch never
 * waits for a task that died.
 */
import { parentPort } from 'node:worker_threads';
import type { Task, TaskResult } from './batch.js';
import { JOBS } from './jobs.js';
import { exitCodeOf } from './usage.js';

parentPort?.on('message', async (task: Task) => {
  let result: TaskResult;
  try {
    const job = JOBS[task.command];
    if (job === undefined) throw new Error(`no job '${task.command}'`);
    result = { ok: true, report: await job(task.input, task.output, task.options, {}) };
  } catch (e) {
    result = {
      ok: false,
      message: e instanceof Error ? e.message : String(e),
      code: exitCodeOf(e),
      stack: e instanceof Error ? e.stack : undefined,
    };
  }
  parentPort?.postMessage(result);
});
