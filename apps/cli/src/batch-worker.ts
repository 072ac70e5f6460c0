/**
 * A batch worker thread: after its imports it posts 'ready'; given the task list and the shared
 * counter, it takes files from the counter until none is left, runs each job (jobs.ts) and posts
 * the result (or the error's message, exit code and stack), then 'done'. Every path posts, so the
 * batch never waits for a file that failed.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { runTask, type Task, type WorkerMessage } from './batch.js';

const post = (m: WorkerMessage): void => parentPort?.postMessage(m);

parentPort?.on('message', async ({ tasks, counter }: { tasks: Task[]; counter: Int32Array }) => {
  for (let i = Atomics.add(counter, 0, 1); i < tasks.length; i = Atomics.add(counter, 0, 1)) {
    const result = await runTask(tasks[i] as Task);
    post({ index: i, result: { ...result, thread: threadId } });
  }
  post('done');
});

// The imports above (sharp, the packages) take a few hundred ms; the main thread works meanwhile.
post('ready');
