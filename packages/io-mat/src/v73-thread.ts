/**
 * Runs the v7.3 reader on a worker thread with a time limit (see v73-worker.ts): a damaged HDF5
 * file that sends the HDF5 library into an endless loop becomes an `ERR_LIMIT` error instead of a
 * hung process.
 */
import { Worker } from 'node:worker_threads';
import { NdImageError, type NdImageErrorCode } from '@ndimage/core-array';
import { builtFile } from '@ndimage/core-array/internal';
import { workerExecArgv } from '@ndimage/core-array/parallel';
import { fromPlain, type Plain } from './plain.js';
import type { MatValue } from './values.js';

const WORKER = (): URL => builtFile(import.meta.url, './v73-worker.js', '../dist/v73-worker.js');

/** The variables of a v7.3 file, read on a worker within `timeLimitMs`. */
export function readV73Threaded(
  bytes: Uint8Array,
  origin: string,
  warn: (m: string) => void,
  timeLimitMs: number,
): Promise<[string, MatValue][]> {
  return new Promise((resolve, reject) => {
    // Without the source export condition a test runner may have: the worker runs built JavaScript.
    const worker = new Worker(WORKER(), { execArgv: workerExecArgv(process.execArgv) });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new NdImageError(
          'ERR_LIMIT',
          `${origin}: reading the v7.3 (HDF5) file took longer than ${timeLimitMs} ms; stopped`,
          {},
        ),
      );
    }, timeLimitMs);
    worker.once(
      'message',
      (m: { vars?: [string, Plain][]; error?: { code: string; message: string }; warnings: string[] }) => {
        clearTimeout(timer);
        void worker.terminate();
        for (const w of m.warnings) warn(w);
        if (m.error) reject(new NdImageError(m.error.code as NdImageErrorCode, m.error.message, {}));
        else resolve((m.vars ?? []).map(([n, p]) => [n, fromPlain(p)]));
      },
    );
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(new NdImageError('ERR_FORMAT', `${origin}: the v7.3 reader failed (${e.message})`, { cause: e }));
    });
    worker.postMessage({ bytes, origin });
  });
}
