/**
 * The thread that reads v7.3 files: h5wasm runs the HDF5 C library, and on a damaged file that
 * code can loop forever, which JavaScript cannot interrupt — so it runs here, and the calling
 * thread terminates this worker when it takes longer than the time limit.
 */
import { parentPort } from 'node:worker_threads';
import { NdImageError } from '@ndimage/core-array';
import { toPlain } from './plain.js';
import { readV73 } from './v73.js';

parentPort?.on('message', async (m: { bytes: Uint8Array; origin: string }) => {
  const warnings: string[] = [];
  try {
    const vars = await readV73(m.bytes, m.origin, (w) => warnings.push(w));
    parentPort?.postMessage({ vars: vars.map(([n, v]) => [n, toPlain(v)]), warnings });
  } catch (e) {
    const err = NdImageError.isInstance(e)
      ? { code: e.code, message: e.message }
      : { code: 'ERR_FORMAT', message: `${m.origin}: ${(e as Error).message}` };
    parentPort?.postMessage({ error: err, warnings });
  }
});
