/**
 * Progress on stderr (stdout carries results: counts, JSON, piped arrays). On a terminal a
 * cli-progress bar that redraws in place; otherwise plain lines — one per finished file, and
 * iteration progress at most once a second — so logs stay readable; nothing with `--quiet`.
 */
import cliProgress from 'cli-progress';

/** What a command reports while it works. */
export interface Progress {
  /** A batch of `total` files begins. */
  start(total: number): void;
  /** One file is done (`label` names it, and says if it failed). */
  file(label: string): void;
  /** Iteration `iteration` of a long operation, with its stopping measure (error or gap). */
  iteration(iteration: number, value: number): void;
  /** Clears the bar (results are printed after it). */
  stop(): void;
}

/** The stream progress goes to; `isTTY` and `columns` decide how. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const QUIET: Progress = { start() {}, file() {}, iteration() {}, stop() {} };

/**
 * The progress display for `stream`: a bar on a terminal, lines otherwise, nothing when `quiet`.
 *
 * @example
 * ```ts
 * const p = progressFor(process.stderr, { quiet: false, what: 'denoise' });
 * p.iteration(10, 0.5); // "denoise: iteration 10, 0.5" (in place on a terminal)
 * p.stop();
 * ```
 */
export function progressFor(stream: ProgressStream, o: { quiet?: boolean; what: string }): Progress {
  if (o.quiet) return QUIET;
  return stream.isTTY === true ? barProgress(stream as NodeJS.WritableStream, o.what) : lineProgress(stream, o.what);
}

function lineProgress(stream: ProgressStream, what: string): Progress {
  let total = 0;
  let done = 0;
  let last = performance.now();
  return {
    start(n) {
      total = n;
    },
    file(label) {
      done++;
      stream.write(`ndimage: [${done}/${total}] ${label}\n`);
    },
    iteration(it, value) {
      const now = performance.now();
      if (now - last < 1000) return;
      last = now;
      stream.write(`ndimage: ${what}: iteration ${it}, ${value.toPrecision(4)}\n`);
    },
    stop() {},
  };
}

function barProgress(stream: NodeJS.WritableStream, what: string): Progress {
  let bar: cliProgress.SingleBar | undefined;
  const make = (format: string): cliProgress.SingleBar =>
    new cliProgress.SingleBar(
      { stream, format, clearOnComplete: true, hideCursor: true, fps: 10 },
      cliProgress.Presets.shades_classic,
    );
  return {
    start(n) {
      bar = make(`${what} {bar} {value}/{total} files | {label}`);
      bar.start(n, 0, { label: '' });
    },
    file(label) {
      bar?.increment(1, { label });
    },
    iteration(it, value) {
      if (bar === undefined) {
        bar = make(`${what}: iteration {value} | {measure} | {duration_formatted}`);
        bar.start(Number.MAX_SAFE_INTEGER, 0, { measure: '' });
      }
      bar.update(it, { measure: value.toPrecision(4) });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
