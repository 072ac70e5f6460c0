/** `ndimage label`: label connected objects (scipy.ndimage.label) and print the count. */
import { labelChunked } from '@ndimage/chunked';
import { box, label as labelObjects } from '@ndimage/morphology';
import { objectRank, runOptions, thresholdOf } from '../chunked.js';
import { type ChunkedJob, type CommandSpec, examples, type Job } from './command.js';
import { type ObjectFlags, objectFlags } from './objects.js';
import { connectivity, countReport, mask, writeLabels } from './shared.js';

const job: Job<ObjectFlags> = async (input, out, o, ctx) => {
  const m = await mask(input, o, ctx);
  const { labels, count } = labelObjects(m, { structure: connectivity(m, o.connectivity) });
  await writeLabels(out as string, labels, o, ctx, input);
  return countReport(count);
};

/** Chunk by chunk: int32 labels numbered exactly as on the whole image, written as Zarr, TIFF or .npy. */
const chunked: ChunkedJob<ObjectFlags> = async (input, out, o, ctx) => {
  const nd = await objectRank(input);
  const structure = o.connectivity === 2 ? box(new Array<number>(nd).fill(3)) : undefined;
  const threshold = thresholdOf(o);
  const r = await labelChunked(input, out, {
    ...runOptions(o, ctx),
    ...(structure === undefined ? {} : { structure }),
    ...(threshold === undefined ? {} : { threshold }),
  });
  return countReport(r.count);
};

export const label: CommandSpec = {
  name: 'label',
  output: 'writes',
  scale: 'none (a colour per object in images; int32 labels in .npy/.mat)',
  job,
  chunked,
  define: (c) =>
    objectFlags(
      c
        .usage('IN OUT [--threshold T [--below]] [--connectivity 1|2] [options]')
        .description('label connected objects (scipy.ndimage.label), print the count; image outputs in colour'),
    )
      .option('--json', 'print the count as JSON')
      .addHelpText(
        'after',
        examples(
          '  ndimage label coins.png labels.png --threshold 100\n  ndimage label mask.npy labels.npy\n  ndimage label scan.tif labels.zarr --threshold 100 --chunk 2048',
        ),
      ),
};
