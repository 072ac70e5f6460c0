/**
 * Labelling and fill holes across chunks against SciPy's whole-image answers
 * (tools/fixtures/chunked.py): checkerboard, spiral, comb, blobs (2-D, 3-D), float values, rings;
 * every chunk shape from 1 × n to a few elements, the cross and the full structure.
 */
import { readFileSync } from 'node:fs';
import { readNpy } from '@ndimage/core-array';
import { generateBinaryStructure, label } from '@ndimage/morphology';
import { describe, expect, it } from 'vitest';
import { fillHolesChunked, labelChunked } from '../src/index.js';
import { expectSameBits } from './helpers.js';

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as {
  cases: { kind: 'label' | 'fill'; input: string; connectivity: number; count?: number; expected: string }[];
};
const load = (f: string) => readNpy(new Uint8Array(readFileSync(new URL(f, dir))));

function chunkShapes(shape: readonly number[]): number[][] {
  const nd = shape.length;
  const out = [
    new Array<number>(nd).fill(2),
    new Array<number>(nd).fill(3),
    shape.map((n, k) => (k === 0 ? 1 : n)),
    shape.map((n, k) => (k === nd - 1 ? 1 : n)),
    shape.map((n) => Math.ceil(n / 2) + 1),
  ];
  if (nd === 2) out.push([5, 7], [1, 4]);
  return out;
}

describe('SciPy golden', () => {
  it('has cases', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(20);
  });
  for (const c of manifest.cases) {
    it(`${c.kind} ${c.input} connectivity ${c.connectivity}`, async () => {
      const a = load(c.input);
      const expected = load(c.expected);
      const structure = generateBinaryStructure(a.ndim, c.connectivity);
      for (const chunks of chunkShapes(a.shape)) {
        if (c.kind === 'label') {
          const r = await labelChunked(a, undefined, { chunks, structure, threads: 1 });
          expect(r.count, `count, chunks [${chunks}]`).toBe(c.count);
          expectSameBits(r.labels!, expected, `labels, chunks [${chunks}]`);
        } else {
          const r = await fillHolesChunked(a, undefined, { chunks, structure, threads: 1 });
          expectSameBits(r.array!, expected.astype('bool'), `fill, chunks [${chunks}]`);
        }
      }
    });
  }
});

describe('properties', () => {
  it('equals in-memory label on random images for random chunk shapes', async () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let t = 0; t < 25; t++) {
      const shape =
        rand() < 0.3
          ? [2 + Math.floor(rand() * 6), 2 + Math.floor(rand() * 7), 2 + Math.floor(rand() * 6)]
          : [1 + Math.floor(rand() * 30), 1 + Math.floor(rand() * 30)];
      const n = shape.reduce((a, b) => a * b, 1);
      const density = 0.3 + rand() * 0.4;
      const data = Array.from({ length: n }, () => (rand() < density ? 1 : 0));
      const { array } = await import('@ndimage/core-array');
      const a = array(data, { dtype: 'uint8' }).reshape(shape);
      const chunks = shape.map((s) => 1 + Math.floor(rand() * s));
      const structure = generateBinaryStructure(shape.length, 1 + Math.floor(rand() * shape.length));
      const whole = label(a, { structure });
      const r = await labelChunked(a, undefined, { chunks, structure, threads: 1 });
      expect(r.count).toBe(whole.count);
      expectSameBits(r.labels!, whole.labels, `shape [${shape}] chunks [${chunks}]`);
    }
  });
});

describe('threshold and pipelines', () => {
  it('labelChunked with a threshold equals label(input > value)', async () => {
    const { image } = await import('./helpers.js');
    const { greater, less } = await import('@ndimage/core-array');
    const a = image([31, 27], 'uint8', 21);
    for (const below of [false, true]) {
      const m = below ? less(a, 100) : greater(a, 150);
      const whole = label(m);
      const r = await labelChunked(a, undefined, {
        chunks: [6, 5],
        threads: 1,
        threshold: { value: below ? 100 : 150, below },
      });
      expect(r.count).toBe(whole.count);
      expectSameBits(r.labels!, whole.labels, `threshold below=${below}`);
    }
  });
  it('a pipeline (threshold, then opening) equals the two whole-image calls', async () => {
    const { image } = await import('./helpers.js');
    const { greater } = await import('@ndimage/core-array');
    const { binaryOpening } = await import('@ndimage/morphology');
    const { runChunked } = await import('../src/index.js');
    const a = image([40, 33], 'uint8', 22);
    const structure = Array.from({ length: 5 }, () => [1, 1, 1]);
    const r = await runChunked(
      {
        name: 'pipeline',
        steps: [
          { name: 'threshold', value: 120 },
          { name: 'binaryOpening', structure, iterations: 2 },
        ],
      },
      a,
      undefined,
      { chunks: [7, 6], threads: 1 },
    );
    expectSameBits(r.array!, binaryOpening(greater(a, 120), { structure, iterations: 2 }), 'pipeline');
  });
});
