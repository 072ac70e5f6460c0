/**
 * The registry: every file command of `ndimage`, in the order `--help` lists them. A new command
 * is a module in this folder exporting a {@link CommandSpec}, and one line here.
 */
import type { CommandSpec } from './command.js';
import { convert } from './convert.js';
import { count } from './count.js';
import { denoise } from './denoise.js';
import { derivative } from './derivative.js';
import { distance } from './distance.js';
import { gaussian } from './gaussian.js';
import { prewitt, sobel } from './gradient.js';
import { info } from './info.js';
import { label } from './label.js';
import { morph } from './morph.js';
import { watershed } from './watershed.js';

export type { CommandSpec, Report } from './command.js';

/** Every file command. */
export const COMMANDS: readonly CommandSpec[] = [
  gaussian,
  sobel,
  prewitt,
  derivative,
  label,
  count,
  morph,
  distance,
  watershed,
  denoise,
  info,
  convert,
];

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

/** The command called `name`. */
export function commandNamed(name: string): CommandSpec {
  const c = byName.get(name);
  if (c === undefined) throw new Error(`no command '${name}'`);
  return c;
}
