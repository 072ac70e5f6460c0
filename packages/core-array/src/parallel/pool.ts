/**
 * The worker pool behind `threads` (DESIGN §4): Node `worker_threads` sharing memory through
 * SharedArrayBuffers. Calls stay synchronous: the calling thread posts each worker its task,
 * wakes it through Atomics, computes its own band, then blocks in `Atomics.wait` until every
 * worker has signalled (Node allows blocking its main thread; browsers do not, so this is Node only).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { NdImageError } from '../errors.js';
import { builtFile, setThreadBackend, type ThreadBackend, type ThreadTask } from './registry.js';

/** Control words shared with each worker: [state (0 idle, 1 task posted), error flag]. */
const STATE = 0;
const FAILED = 1;

interface Slot {
  worker: Worker;
  port: MessagePort;
  control: Int32Array;
}

/** How long to wait for one task before declaring the worker lost. */
const TASK_TIMEOUT_MS = 10 * 60 * 1000;

class Pool implements ThreadBackend {
  readonly size: number;
  private readonly slots: Slot[] = [];

  constructor(size: number) {
    this.size = size;
    const script = builtFile(import.meta.url, './worker.js', '../../dist/parallel/worker.js');
    for (let i = 0; i < size - 1; i++) {
      const { port1, port2 } = new MessageChannel();
      const control = new Int32Array(new SharedArrayBuffer(8));
      const worker = new Worker(script, {
        workerData: { port: port2, control },
        transferList: [port2],
        execArgv: workerExecArgv(process.execArgv),
      });
      worker.unref();
      port1.unref();
      this.slots.push({ worker, port: port1, control });
    }
  }

  run(tasks: readonly ThreadTask[], local: (task: ThreadTask) => void): void {
    if (tasks.length > this.size)
      throw new NdImageError('ERR_INVALID_ARGUMENT', `${tasks.length} tasks for ${this.size} threads`);
    const used = this.slots.slice(0, tasks.length - 1);
    used.forEach((slot, i) => {
      slot.port.postMessage(tasks[i + 1]);
      Atomics.store(slot.control, FAILED, 0);
      Atomics.store(slot.control, STATE, 1);
      Atomics.notify(slot.control, STATE);
    });
    let localError: unknown;
    try {
      if (tasks[0] !== undefined) local(tasks[0]);
    } catch (e) {
      localError = e;
    }
    const errors: string[] = [];
    for (const slot of used) {
      const deadline = Date.now() + TASK_TIMEOUT_MS;
      while (Atomics.load(slot.control, STATE) !== 0) {
        Atomics.wait(slot.control, STATE, 1, 1000);
        if (Date.now() > deadline) throw new NdImageError('ERR_IO', 'a worker thread did not finish its task in time');
      }
      if (Atomics.load(slot.control, FAILED) !== 0) {
        const reply = receiveMessageOnPort(slot.port)?.message as { error?: string } | undefined;
        errors.push(reply?.error ?? 'unknown error');
      }
    }
    if (localError !== undefined) throw localError;
    if (errors.length > 0) throw new NdImageError('ERR_IO', `a worker thread failed: ${errors[0]}`);
  }

  close(): Promise<number[]> {
    return Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * The parent's Node flags minus the `@ndimage/source` export condition: workers run the built
 * JavaScript, and with that condition they would resolve sibling packages to TypeScript sources
 * (as a test runner's parent process does) that plain Node cannot load. For packages that start
 * their own workers too.
 *
 * @example
 * ```ts
 * workerExecArgv(['--conditions', '@ndimage/source', '--no-warnings']); // ['--no-warnings']
 * ```
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if ((a === '--conditions' || a === '-C') && argv[i + 1] === '@ndimage/source') {
      i++;
      continue;
    }
    if (a === '--conditions=@ndimage/source' || a === '-C=@ndimage/source') continue;
    out.push(a);
  }
  return out;
}

let pool: Pool | undefined;

/**
 * Starts the worker pool (once; later calls change nothing unless the count differs) and lets
 * functions with a `threads` option use it. Node only.
 *
 * @param threads total threads including the caller's @defaultValue `os.availableParallelism()`
 * @example
 * ```ts
 * import { enableThreads } from '@ndimage/core-array/parallel';
 * import { gaussianFilter } from '@ndimage/filters';
 * enableThreads();
 * gaussianFilter(image, 5, { threads: 'auto' }); // bit-identical to one thread, faster on large images
 * ```
 */
export function enableThreads(threads: number = availableParallelism()): number {
  const n = Math.max(1, Math.floor(threads));
  if (pool?.size !== n) {
    void pool?.close();
    pool = n > 1 ? new Pool(n) : undefined;
    setThreadBackend(pool);
  }
  return n;
}

/**
 * Stops the pool's workers; `threads` then runs on one thread again.
 */
export async function disableThreads(): Promise<void> {
  const p = pool;
  pool = undefined;
  setThreadBackend(undefined);
  await p?.close();
}
