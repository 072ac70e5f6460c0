/**
 * The one error class of the @ndimage packages, with a typed code.
 *
 * Every package throws {@link NdImageError}; callers branch on `code`, not on the message.
 */

/**
 * What went wrong, as a stable machine-readable code.
 *
 * - `ERR_INVALID_ARGUMENT`: an argument has a wrong value (negative sigma, unknown mode, non-integer size).
 * - `ERR_SHAPE`: shapes do not fit (broadcasting, `out` shape, reshape size, rank of weights).
 * - `ERR_DTYPE`: a dtype is unknown or not supported by this operation.
 * - `ERR_FORMAT`: bytes of a file or buffer are malformed (truncated, bad header, length mismatch).
 * - `ERR_LIMIT`: a size or time budget would be exceeded (decompression bomb, huge header).
 * - `ERR_UNSUPPORTED`: valid input that this library does not handle (a float16 `.npy`, say).
 * - `ERR_IO`: reading or writing a file failed.
 * - `ERR_ABORTED`: the caller aborted the operation through an `AbortSignal`.
 */
export type NdImageErrorCode =
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_SHAPE'
  | 'ERR_DTYPE'
  | 'ERR_FORMAT'
  | 'ERR_LIMIT'
  | 'ERR_UNSUPPORTED'
  | 'ERR_IO'
  | 'ERR_ABORTED';

/** Extra facts an error can carry; all optional. */
export interface NdImageErrorDetails {
  /** The argument the error is about (`sigma`, `shape`, `axis`). */
  argument?: string;
  /** For parsers: the byte offset where the problem was found. */
  byteOffset?: number;
  /** For file errors: the path involved. */
  path?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** Registered-symbol brand: the same symbol in every installed copy of this package. */
const MARKER = Symbol.for('@ndimage/NdImageError');

/**
 * The error every `@ndimage` function throws for bad input, with a {@link NdImageErrorCode}.
 *
 * Messages follow one form: what is wrong, the value given, what is expected:
 * ``invalid argument: `axis` must be an integer in [-2, 2); got 5``.
 *
 * Use {@link NdImageError.isInstance} rather than `instanceof` when two copies of
 * `@ndimage/core-array` may be installed side by side: it recognises errors from either copy.
 *
 * @example
 * ```ts
 * import { zeros, NdImageError } from '@ndimage/core-array';
 * try {
 *   zeros([2, -1]);
 * } catch (e) {
 *   if (NdImageError.isInstance(e)) console.log(e.code); // 'ERR_INVALID_ARGUMENT'
 * }
 * ```
 */
export class NdImageError extends Error {
  /** The stable code to branch on. */
  readonly code: NdImageErrorCode;
  /** The argument the error is about, when there is one. */
  readonly argument: string | undefined;
  /** For parsers: the byte offset of the problem. */
  readonly byteOffset: number | undefined;
  /** For file errors: the path involved. */
  readonly path: string | undefined;

  static {
    Object.defineProperty(NdImageError.prototype, MARKER, { value: true });
  }

  constructor(code: NdImageErrorCode, message: string, details: NdImageErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'NdImageError';
    this.code = code;
    this.argument = details.argument;
    this.byteOffset = details.byteOffset;
    this.path = details.path;
  }

  /**
   * True for an {@link NdImageError} from any installed copy of this package.
   *
   * @example
   * ```ts
   * NdImageError.isInstance(new NdImageError('ERR_SHAPE', 'x')); // true
   * NdImageError.isInstance(new Error('x'));                     // false
   * ```
   */
  static isInstance(value: unknown): value is NdImageError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

/**
 * Formats a value for an error message: numbers as typed, strings quoted, arrays bracketed,
 * long things shortened.
 *
 * @example
 * ```ts
 * describeValue([1, 2]); // '[1, 2]'
 * describeValue('x');    // "'x'"
 * ```
 */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = `'${value}'`;
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'number') text = Object.is(value, -0) ? '-0' : String(value);
  else if (Array.isArray(value)) text = `[${value.map(describeValue).join(', ')}]`;
  else if (ArrayBuffer.isView(value))
    text = `${value.constructor.name}(${(value as { length?: number }).length ?? value.byteLength})`;
  else if (value === null || value === undefined || typeof value === 'boolean') text = String(value);
  else if (typeof value === 'function') text = 'a function';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Builds the standard invalid-argument error: ``invalid argument: `name` must be EXPECTED; got VALUE``.
 *
 * @example
 * ```ts
 * throw invalidArgument('sigma', 'a finite number ≥ 0', -1);
 * // NdImageError: invalid argument: `sigma` must be a finite number ≥ 0; got -1
 * ```
 */
export function invalidArgument(name: string, expected: string, got: unknown): NdImageError {
  return new NdImageError(
    'ERR_INVALID_ARGUMENT',
    `invalid argument: \`${name}\` must be ${expected}; got ${describeValue(got)}`,
    { argument: name },
  );
}
