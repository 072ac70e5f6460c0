/**
 * Chunked == whole image, bit for bit: every operation, every boundary mode, sizes that are not
 * multiples of the chunk, 1 × n chunks, chunks smaller than the halo, and 3-D arrays.
 */
import type { NdArray } from '@ndimage/core-array';
import { denoise } from '@ndimage/rof';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, type Operation, runChunked } from '../src/index.js';
import { expectSameBits, image } from './helpers.js';

const MODES = [
  'reflect',
  'constant',
  'nearest',
  'mirror',
  'wrap',
  'grid-mirror',
  'grid-constant',
  'grid-wrap',
] as const;

/** The whole-image call the engine replaces. */
function whole(op: Operation, a: NdArray): NdArray {
  return OPERATIONS[op.name].run(a, op);
}

async function check(op: Operation, a: NdArray, chunks: number[], what: string): Promise<void> {
  const { array } = await runChunked(op, a, undefined, { chunks, threads: 1 });
  expectSameBits(array as NdArray, whole(op, a), `${what} chunks [${chunks}]`);
}

const LAYOUTS: { shape: number[]; chunks: number[][] }[] = [
  {
    shape: [23, 17],
    chunks: [
      [5, 4],
      [1, 17],
      [23, 1],
      [7, 16],
    ],
  },
  {
    shape: [7, 9, 6],
    chunks: [
      [3, 4, 5],
      [2, 9, 1],
    ],
  },
];

const FILTERS: Operation[] = [
  { name: 'gaussianFilter', sigma: 1.5 },
  { name: 'gaussianFilter', sigma: 3 }, // radius 12: far more than the chunks
  { name: 'gaussianFilter', sigma: 1.2, order: 1, output: 'float64' },
  { name: 'gaussianGradientMagnitude', sigma: 1 },
  { name: 'gaussianLaplace', sigma: 1, output: 'float64' },
  { name: 'sobel', axis: 0 },
  { name: 'sobel', axis: -1, output: 'float64' },
  { name: 'prewitt', axis: 1 },
  { name: 'sobelMagnitude' },
  { name: 'laplace' },
  { name: 'uniformFilter', size: 5 },
  { name: 'uniformFilter', size: 4, origin: 1 },
  { name: 'minimumFilter', size: 5 },
  { name: 'maximumFilter', size: 4, origin: -1 },
  { name: 'medianFilter', size: 4 },
  { name: 'rankFilter', rank: 2, size: 3 },
  { name: 'greyOpening', size: 5 },
  { name: 'greyClosing', size: 3 },
  { name: 'morphologicalGradient', size: 3 },
  { name: 'whiteTophat', size: 4 },
  { name: 'greyDilation', size: 2 },
];

describe.each(LAYOUTS)('shape $shape', ({ shape, chunks }) => {
  const u8 = image(shape, 'uint8');
  const f64 = image(shape, 'float64', 2);
  for (const base of FILTERS) {
    for (const mode of MODES) {
      const op = { ...base, mode, cval: 7 } as Operation;
      it(`${base.name} ${JSON.stringify(base).slice(0, 60)} mode ${mode}`, async () => {
        for (const c of chunks) {
          await check(op, u8, c, 'uint8');
          // Running sums of float data depend on where a line starts: see the README (uniform on floats).
          if (base.name !== 'uniformFilter') await check(op, f64, c, 'float64');
        }
      });
    }
  }
  it('per-axis modes (separable filters)', async () => {
    const modes = shape.map((_, k) => MODES[(k * 3 + 1) % MODES.length]);
    for (const name of ['gaussianFilter', 'uniformFilter', 'sobel'] as const) {
      const op = { name, sigma: 2, size: 3, mode: modes, cval: -3 } as Operation;
      if (name !== 'gaussianFilter') delete (op as { sigma?: number }).sigma;
      if (name !== 'uniformFilter') delete (op as { size?: number }).size;
      for (const c of chunks) await check(op, u8, c, name);
    }
  });
});

describe('binary morphology', () => {
  const layouts: [number[], number[][]][] = [
    [
      [29, 23],
      [
        [6, 5],
        [1, 23],
        [29, 2],
      ],
    ],
    [[9, 8, 7], [[4, 3, 5]]],
  ];
  for (const [shape, chunkList] of layouts) {
    const b = image(shape, 'bool', 3);
    const nd = shape.length;
    const ops: Operation[] = [
      { name: 'binaryErosion' },
      { name: 'binaryDilation', iterations: 3 },
      { name: 'binaryDilation', borderValue: 1 },
      { name: 'binaryOpening', iterations: 2 },
      { name: 'binaryClosing', iterations: 2 },
      { name: 'binaryClosing', pad: true },
      {
        name: 'binaryErosion',
        origin: nd === 2 ? [1, 0] : 1,
        structure:
          nd === 2
            ? [
                [1, 1, 1],
                [1, 1, 1],
                [0, 1, 0],
              ]
            : undefined,
      },
    ];
    if (nd === 2)
      ops.push({ name: 'binaryOpening', structure: new Array(9).fill(new Array(5).fill(1)), iterations: 2 });
    for (const op of ops) {
      it(`${JSON.stringify(op).slice(0, 80)} on [${shape}]`, async () => {
        const clean = Object.fromEntries(Object.entries(op).filter(([, v]) => v !== undefined)) as Operation;
        for (const c of chunkList) await check(clean, b, c, op.name);
      });
    }
  }
});

describe('ROF (the book, fixed iterations)', () => {
  it("the fixed-iteration run is the book's denoise stopped after as many iterations", () => {
    const f = image([21, 19], 'float64', 4);
    const book = denoise(f, { maxIterations: 6, tolerance: 1e-300, tvWeight: 30 });
    expect(book.iterations).toBe(6);
    expectSameBits(whole({ name: 'denoise', iterations: 6, tvWeight: 30 }, f), book.u, 'denoise');
  });
  it('equals the whole-image run with the same iterations', async () => {
    const f = image([21, 19], 'float64', 4);
    for (const c of [
      [5, 6],
      [21, 3],
      [1, 19],
    ])
      await check({ name: 'denoise', iterations: 6, tvWeight: 30 }, f, c, 'denoise');
  });
  it('on uint8 input (the book passes uint8)', async () => {
    await check({ name: 'denoise', iterations: 4 }, image([16, 13], 'uint8', 5), [6, 5], 'denoise uint8');
  });
});
