/**
 * A worker thread of the chunk pool: runs each job it is posted (one at a time) with
 * {@link runJob} and posts back the result, moving typed arrays instead of copying them.
 */
import { parentPort } from 'node:worker_threads';
import { type ChunkJob, JobContext, runJob } from './job.js';
import { packResult } from './transfer.js';

const ctx = new JobContext();
const port = parentPort;
if (port === null) throw new Error('worker.js runs as a worker thread');

port.on('message', async (msg: { id: number; job?: ChunkJob; close?: boolean }) => {
  if (msg.close) {
    await ctx.close().catch(() => undefined);
    port.postMessage({ id: msg.id, closed: true });
    return;
  }
  try {
    const result = await runJob(msg.job as ChunkJob, ctx);
    const [packed, transfer] = packResult(result);
    port.postMessage({ id: msg.id, result: packed }, transfer);
  } catch (e) {
    const err = e as { code?: string; message?: string; stack?: string };
    port.postMessage({ id: msg.id, error: { code: err.code, message: err.message ?? String(e), stack: err.stack } });
  }
});
