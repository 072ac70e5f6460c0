/**
 * The chunk pool: worker threads each running one chunk job at a time. Workers read and write
 * their own chunks (so decoding, computing and encoding all run in parallel); the calling thread
 * only hands out jobs and gathers what comes back.
 */
import { Worker } from 'node:worker_threads';
import { builtFile } from '@ndimage/core-array/internal';
import { workerExecArgv } from '@ndimage/core-array/parallel';
import type { ChunkJob, JobResult } from './job.js';
import { unpackError, unpackResult } from './transfer.js';

interface Pending {
  resolve(r: JobResult): void;
  reject(e: unknown): void;
}

/** A fixed set of worker threads. */
export class ChunkPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(readonly size: number) {
    const script = builtFile(import.meta.url, './worker.js', '../dist/worker.js');
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { execArgv: workerExecArgv(process.execArgv) });
      w.on('message', (m: { id: number; result?: unknown; error?: { code?: string; message: string } }) => {
        const p = this.pending.get(m.id);
        if (p === undefined) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(unpackError(m.error));
        else p.resolve(m.result === undefined ? ({ kind: 'written' } as JobResult) : unpackResult(m.result));
      });
      w.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(w);
    }
  }

  /** Runs a job on worker `k` (each lane of the caller keeps to its own worker, for its chunk cache). */
  run(job: ChunkJob, k: number): Promise<JobResult> {
    const w = this.workers[k % this.workers.length] as Worker;
    const id = this.nextId++;
    return new Promise<JobResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, job });
    });
  }

  /** Lets each worker close its files, then stops the threads. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const id = this.nextId++;
        await Promise.race([
          new Promise<unknown>((resolve) => {
            this.pending.set(id, { resolve, reject: resolve });
            w.postMessage({ id, close: true });
          }),
          new Promise((r) => setTimeout(r, 5000).unref()),
        ]);
        this.pending.delete(id);
        await w.terminate();
      }),
    );
  }
}
