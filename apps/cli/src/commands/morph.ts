/** `ndimage morph OPERATION`: binary erosion, dilation, opening, closing, hole filling. */
import { binaryClosing, binaryDilation, binaryErosion, binaryFillHoles, binaryOpening } from '@ndimage/morphology';
import { type Common, integer } from '../options.js';
import { UsageError } from '../usage.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { thresholdFlags } from './objects.js';
import { mask, structureOf, type ThresholdFlags, write } from './shared.js';

const OPERATIONS = {
  erode: binaryErosion,
  dilate: binaryDilation,
  open: binaryOpening,
  close: binaryClosing,
} as const;

type Flags = Common &
  ThresholdFlags & {
    operation: string;
    structure: string;
    iterations: number;
    borderValue: number;
  };

const job: Job<Flags> = async (input, out, o, ctx) => {
  if (o.operation !== 'fill-holes' && !(o.operation in OPERATIONS))
    throw new UsageError(`morph: unknown operation '${o.operation}' (erode, dilate, open, close, fill-holes)`);
  const structureFor = structureOf(o.structure);
  const m = await mask(input, o, ctx);
  const structure = await structureFor(m.ndim);
  const r =
    o.operation === 'fill-holes'
      ? binaryFillHoles(m, { structure })
      : OPERATIONS[o.operation as keyof typeof OPERATIONS](m, {
          structure,
          iterations: o.iterations,
          borderValue: o.borderValue,
        });
  await write(out as string, r, o, ctx, [input], 'clip');
  return undefined;
};

export const morph: CommandSpec = {
  name: 'morph',
  output: 'writes',
  scale: 'clip',
  leading: [{ name: 'operation', description: 'erode, dilate, open, close or fill-holes' }],
  job,
  define: (c) =>
    thresholdFlags(
      c
        .usage('erode|dilate|open|close|fill-holes IN OUT [options]')
        .description('binary morphology (scipy.ndimage.binary_erosion, …_dilation, …_opening, …_closing, …_fill_holes)')
        .option('--structure <s>', "HxW box, 'cross', or a .npy file", '3x3')
        .option('--iterations <n>', 'passes', integer('--iterations', 1), 1)
        .option('--border-value <v>', '0 or 1', integer('--border-value', 0, 1), 0),
    ).addHelpText('after', examples('  ndimage morph open mask.png opened.png --structure 9x5 --iterations 2')),
};
