/** `ndimage label`: label connected objects (scipy.ndimage.label) and print the count. */
import { label as labelObjects } from '@ndimage/morphology';
import { type CommandSpec, examples, type Job } from './command.js';
import { type ObjectFlags, objectFlags } from './objects.js';
import { connectivity, countReport, mask, writeLabels } from './shared.js';

const job: Job<ObjectFlags> = async (input, out, o, ctx) => {
  const m = await mask(input, o, ctx);
  const { labels, count } = labelObjects(m, { structure: connectivity(m, o.connectivity) });
  await writeLabels(out as string, labels, o, ctx, input);
  return countReport(count);
};

export const label: CommandSpec = {
  name: 'label',
  output: 'writes',
  scale: 'none (a colour per object in images; int32 labels in .npy/.mat)',
  job,
  define: (c) =>
    objectFlags(
      c
        .usage('IN OUT [--threshold T [--below]] [--connectivity 1|2] [options]')
        .description('label connected objects (scipy.ndimage.label), print the count; image outputs in colour'),
    )
      .option('--json', 'print the count as JSON')
      .addHelpText(
        'after',
        examples('  ndimage label coins.png labels.png --threshold 100\n  ndimage label mask.npy labels.npy'),
      ),
};
