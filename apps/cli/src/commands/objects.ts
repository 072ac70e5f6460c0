/** The flags of the commands that find objects: a threshold and the connectivity. */
import type { Command } from 'commander';
import { type Common, integer, number } from '../options.js';
import type { ThresholdFlags } from './shared.js';

/** Flags of label and count. */
export type ObjectFlags = Common & ThresholdFlags & { connectivity: number };

/** Adds `--threshold`, `--below` and `--connectivity`. */
export const objectFlags = (c: Command): Command =>
  thresholdFlags(c).option(
    '--connectivity <n>',
    '1 (4-neighbours) or 2 (8-neighbours)',
    integer('--connectivity', 1, 2),
    1,
  );

/** Adds `--threshold` and `--below`. */
export const thresholdFlags = (c: Command): Command =>
  c
    .option(
      '-t, --threshold <t>',
      'objects are pixels above T (below with --below); needed for a photo',
      number('--threshold'),
    )
    .option('--below', 'objects are pixels below the threshold');
