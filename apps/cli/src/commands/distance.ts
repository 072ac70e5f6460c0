/** `ndimage distance`: the distance of each object pixel to the background (EDT or chamfer). */
import type { NdArray } from '@ndimage/core-array';
import { max } from '@ndimage/core-array';
import { distanceTransformCdt, distanceTransformEdt } from '@ndimage/morphology';
import { kindOf } from '../files.js';
import { type Common, numbers, oneOf } from '../options.js';
import { UsageError } from '../usage.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { thresholdFlags } from './objects.js';
import { mask, type ThresholdFlags, write } from './shared.js';

const METRICS = ['euclidean', 'chessboard', 'taxicab'] as const;

type Flags = Common &
  ThresholdFlags & { metric: (typeof METRICS)[number]; sampling?: number | number[]; indices?: string };

const job: Job<Flags> = async (input, out, o, ctx) => {
  if (o.sampling !== undefined && o.metric !== 'euclidean')
    throw new UsageError(`--sampling is for --metric euclidean; got --metric ${o.metric}`);
  if (o.indices !== undefined && kindOf(o.indices, undefined) === 'image')
    throw new UsageError(`--indices writes an index array: give a .npy or .mat file; got '${o.indices}'`);
  const m = await mask(input, o, ctx);
  const wantIndices = o.indices !== undefined;
  let distances: NdArray;
  let indices: NdArray | undefined;
  if (o.metric === 'euclidean') {
    const r = distanceTransformEdt(m, { sampling: o.sampling, returnIndices: wantIndices });
    distances = 'indices' in r ? (r.distances as NdArray) : r;
    indices = 'indices' in r ? r.indices : undefined;
  } else {
    const r = distanceTransformCdt(m, { metric: o.metric, returnIndices: wantIndices });
    distances = 'indices' in r ? (r.distances as NdArray) : r;
    indices = 'indices' in r ? r.indices : undefined;
  }
  await write(out as string, distances, o, ctx, [input], 'stretch');
  if (indices !== undefined)
    await write(o.indices as string, indices, { ...o, format: undefined }, ctx, [input], 'none');
  const largest = distances.size === 0 ? 0 : Number(max(distances));
  return { text: `largest distance ${largest}`, json: { maxDistance: largest } };
};

export const distance: CommandSpec = {
  name: 'distance',
  output: 'writes',
  scale: 'stretch (the largest distance is white)',
  job,
  define: (c) =>
    thresholdFlags(
      c
        .usage(
          'IN OUT [--threshold T [--below]] [--metric euclidean|chessboard|taxicab] [--indices FILE.npy] [options]',
        )
        .description(
          'distance of each object pixel to the nearest background pixel (scipy.ndimage.distance_transform_edt, …_cdt)',
        )
        .option(
          '--metric <m>',
          'euclidean (exact, float64), chessboard or taxicab (steps, int32)',
          oneOf('--metric', METRICS),
          'euclidean',
        )
        .option(
          '--sampling <s>',
          'pixel spacing, one number or one per axis (euclidean only)',
          numbers('--sampling', 0),
        )
        .option(
          '--indices <file>',
          'also write the nearest background pixel of each pixel (.npy/.mat, int32, [ndim, …shape])',
        )
        .option('--json', 'print the largest distance as JSON'),
    ).addHelpText(
      'after',
      examples(
        '  ndimage distance coins.png dist.png --threshold 100\n  ndimage distance mask.npy dist.npy --metric taxicab --indices nearest.npy',
      ),
    ),
};
