/**
 * Parsers for flag values, each naming its flag in the usage error it throws, and the option
 * types the jobs receive. Parsed options are plain data (numbers, strings, arrays) so a batch can
 * send them to worker threads unchanged.
 */
import { MODES, type Mode } from '@ndimage/filters';
import type { Scale } from '@ndimage/io-image';
import { UsageError } from './usage.js';

/** `--mode` values: Pillow's image modes and SciPy's boundary modes share the flag. */
export interface ModeFlag {
  /** Read images as grey ('L', Pillow's formula) or colour ('RGB'). */
  image?: 'L' | 'RGB';
  /** The filters' boundary mode (SciPy's `mode=`). */
  boundary?: Mode;
}

/** Options every file command understands. */
export interface Common {
  force?: boolean;
  var?: string;
  outVar?: string;
  scale?: Scale;
  mode?: ModeFlag;
  cval?: number;
  format?: string;
  quiet?: boolean;
}

/**
 * `--mode` may be given twice: once for the image mode (`L`, `RGB`) and once for the boundary
 * mode (`reflect`, `nearest`, …). The two vocabularies do not overlap, so one flag serves both,
 * as the issue's command lines write them.
 */
export function modeFlag(value: string, previous: ModeFlag | undefined): ModeFlag {
  const next = { ...previous };
  if (value === 'L' || value === 'RGB') next.image = value;
  else if ((MODES as readonly string[]).includes(value)) next.boundary = value as Mode;
  else
    throw new UsageError(
      `--mode must be an image mode (L, RGB) or a boundary mode (${MODES.join(', ')}); got '${value}'`,
    );
  return next;
}

/** A number, or a comma list of numbers (one per axis), at least `min`. */
export function numbers(flag: string, min: number = Number.NEGATIVE_INFINITY): (v: string) => number | number[] {
  return (v) => {
    const parts = v.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
    if (parts.some((x) => !Number.isFinite(x) || x < min))
      throw new UsageError(
        `${flag} must be a number${min > Number.NEGATIVE_INFINITY ? ` ≥ ${min}` : ''} or a comma list of them; got '${v}'`,
      );
    return parts.length === 1 ? (parts[0] as number) : parts;
  };
}

/** One finite number. */
export function number(flag: string, min: number = Number.NEGATIVE_INFINITY): (v: string) => number {
  return (v) => {
    const x = v.trim() === '' ? Number.NaN : Number(v);
    if (!Number.isFinite(x) || x < min)
      throw new UsageError(`${flag} must be a number${min > Number.NEGATIVE_INFINITY ? ` ≥ ${min}` : ''}; got '${v}'`);
    return x;
  };
}

/** An integer at least `min`. */
export function integer(flag: string, min: number, max: number = Number.POSITIVE_INFINITY): (v: string) => number {
  return (v) => {
    const x = v.trim() === '' ? Number.NaN : Number(v);
    if (!Number.isInteger(x) || x < min || x > max)
      throw new UsageError(
        `${flag} must be an integer ${max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `from ${min} to ${max}`}; got '${v}'`,
      );
    return x;
  };
}

/** One of `choices`. */
export function oneOf<T extends string>(flag: string, choices: readonly T[]): (v: string) => T {
  return (v) => {
    if (!(choices as readonly string[]).includes(v))
      throw new UsageError(`${flag} must be ${choices.join(', ')}; got '${v}'`);
    return v as T;
  };
}

/** `H×W` sizes from '9x5' (also '9X5' and '9×5'), each ≥ 1. */
export function sizes(flag: string): (v: string) => [number, number] {
  return (v) => {
    const m = /^(\d+)[xX×](\d+)$/.exec(v.trim());
    if (m === null || Number(m[1]) < 1 || Number(m[2]) < 1)
      throw new UsageError(`${flag} must be HxW with positive sizes (like 9x5); got '${v}'`);
    return [Number(m[1]), Number(m[2])];
  };
}

/** The scale policies of `--scale`. */
export const SCALES: readonly Scale[] = ['clip', 'stretch', 'none'];
