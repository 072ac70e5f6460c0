/**
 * Fuzzing: the SciPy corpus mutated thousands of times with a fixed seed — truncated anywhere,
 * bytes flipped, 32-bit words overwritten with huge, negative or zero values. Every outcome must be
 * a value or an NdImageError, within a 64 MB budget (a hang would reach the test timeout; nothing is timed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { NdImageError } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { loadmat } from '../src/index.js';

const dir = new URL('./fixtures/files/', import.meta.url);
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.mat') && !f.startsWith('big'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir)));

/** xorshift32: a fixed, reproducible stream. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const NASTY = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x10000, 8, 100000];

describe('fuzz', () => {
  it('3,000 mutations of the corpus end in values or NdImageErrors', async () => {
    const next = rng(20261126);
    let errors = 0;
    let values = 0;
    for (let run = 0; run < 3000; run++) {
      const base = corpus[Math.floor(next() * corpus.length)] as Buffer;
      let bytes = Uint8Array.from(base);
      const kind = Math.floor(next() * 3);
      if (kind === 0) bytes = bytes.subarray(0, Math.floor(next() * bytes.length));
      else if (kind === 1)
        for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
          const at = Math.floor(next() * bytes.length);
          bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(next() * 8));
        }
      else {
        const at = Math.floor(next() * Math.max(1, bytes.length - 4)) & ~3;
        new DataView(bytes.buffer).setUint32(at, NASTY[Math.floor(next() * NASTY.length)] as number, next() < 0.5);
      }
      // A hang would reach the test's timeout; memory is bounded by maxBytes.
      const outcome = await loadmat(bytes, { maxBytes: 64 << 20, onWarning: () => undefined }).catch((e: unknown) => e);
      if (outcome instanceof Error) {
        if (!(outcome instanceof NdImageError))
          throw new Error(`run ${run} (kind ${kind}) threw ${outcome.name}: ${outcome.message}`);
        errors++;
      } else values++;
    }
    expect(errors + values).toBe(3000);
    expect(errors).toBeGreaterThan(100);
  });
});
