/**
 * Job results across threads: arrays travel as their typed-array buffers (moved, not copied)
 * and are rebuilt on the other side.
 */
import { type DType, NdArray, NdImageError, type NdImageErrorCode } from '@ndimage/core-array';
import type { JobResult } from './job.js';

type Buf = { buffer: ArrayBufferLike };

/** A result made postable, with the buffers to transfer. */
export function packResult(r: JobResult): [unknown, ArrayBuffer[]] {
  const t: ArrayBuffer[] = [];
  const add = (x: Buf | undefined) => {
    if (x !== undefined && x.buffer instanceof ArrayBuffer && !t.includes(x.buffer)) t.push(x.buffer);
  };
  if (r.kind === 'core') {
    const c = r.core.toContiguous();
    const data = c.offset === 0 && c.data.length === c.size ? c.data : c.data.slice(c.offset, c.offset + c.size);
    add(data as Buf);
    return [{ kind: 'core', data, shape: [...c.shape], dtype: c.dtype }, t];
  }
  if (r.kind === 'scan') {
    add(r.scan.first);
    for (const f of r.scan.faces) add(f);
  }
  if (r.kind === 'stats') {
    for (const v of Object.values(r.stats)) if (ArrayBuffer.isView(v)) add(v as Buf);
  }
  return [r, t];
}

/** Rebuilds a posted result. */
export function unpackResult(p: unknown): JobResult {
  const r = p as { kind: string; data?: unknown; shape?: number[]; dtype?: DType };
  if (r.kind === 'core')
    return { kind: 'core', core: new NdArray(r.data as never, r.shape as number[], { dtype: r.dtype }) };
  return p as JobResult;
}

/** Rebuilds a posted error (an NdImageError keeps its code). */
export function unpackError(e: { code?: string; message: string }): Error {
  if (typeof e.code === 'string' && e.code.startsWith('ERR_'))
    return new NdImageError(e.code as NdImageErrorCode, e.message);
  return new NdImageError('ERR_IO', `a chunk worker failed: ${e.message}`);
}
