/**
 * Checks shared by the denoisers: iteration limits, progress callbacks, abort signals, precision.
 */
import { NdImageError } from '@ndimage/core-array';
import { checkInteger, checkOneOf, invalidArgument } from '@ndimage/core-array/internal';

/** Options every solver takes. */
export interface RunOptions {
  /** Stop after this many iterations whatever the stopping rule says (so no input can hang). */
  maxIterations?: number;
  /**
   * Called after every iteration the stopping rule is evaluated, with the iteration count, the
   * quantity tested (the book's RMS change, or the relative duality gap) and, for `denoiseTv`,
   * the objective E(u) reached.
   */
  onProgress?: (iteration: number, value: number, objective?: number) => void;
  /** Aborts the run (checked every iteration): the call throws `NdImageError` `ERR_ABORTED`. */
  signal?: AbortSignal;
}

/** The checked run options. */
export interface Run {
  maxIterations: number;
  onProgress?: (iteration: number, value: number, objective?: number) => void;
  signal?: AbortSignal;
}

/** Reads `maxIterations`, `onProgress` and `signal`, with `defaultMax` iterations by default. */
export function readRun(o: RunOptions, defaultMax: number): Run {
  const maxIterations =
    o.maxIterations === undefined ? defaultMax : checkInteger(o.maxIterations, 'maxIterations', { min: 1 });
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function')
    throw invalidArgument('onProgress', 'a function', o.onProgress);
  const signal = o.signal;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean'))
    throw invalidArgument('signal', 'an AbortSignal', signal);
  return { maxIterations, onProgress: o.onProgress, signal };
}

/** Throws `ERR_ABORTED` when the run's signal has fired. */
export function checkAborted(run: Run, what: string): void {
  if (run.signal?.aborted) {
    throw new NdImageError('ERR_ABORTED', `${what} was aborted`, { argument: 'signal', cause: run.signal.reason });
  }
}

/** A positive finite number (`> 0`, at most `max`). */
export function positive(value: unknown, name: string, max: number = Number.POSITIVE_INFINITY): number {
  // An open lower bound, which checkFiniteNumber's closed ranges cannot say.
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max)
    throw invalidArgument(
      name,
      `a finite number ${max === Number.POSITIVE_INFINITY ? '> 0' : `in (0, ${max}]`}`,
      value,
    );
  return value;
}

/**
 * The error for a pixel that is NaN or ±Infinity: the solvers have no value for it (the textbook's
 * loop stops after one iteration, skimage's spreads the NaN over the whole image). `at` is where.
 */
export function notFinite(name: string, value: number, at: readonly number[]): NdImageError {
  const e = invalidArgument(name, 'finite at every pixel', value);
  e.message += ` (at [${at.join(', ')}])`;
  return e;
}

/** Working precision of a solver: float64 (the default), or float32 (half the memory traffic). */
export type Precision = 'float64' | 'float32';

/** Reads `precision`. */
export function readPrecision(value: unknown): Precision {
  return checkOneOf(value ?? 'float64', 'precision', ['float64', 'float32']);
}
