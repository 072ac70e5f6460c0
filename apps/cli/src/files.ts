/**
 * Arrays in and out of files by extension: images through @ndimage/io-image, `.npy` exactly
 * (dtype and values both ways), `.mat` through @ndimage/io-mat (`--var` picks the variable).
 * `-` is stdin (recognised by its bytes) or stdout (the format from `--format`).
 * Writes refuse to overwrite without `--force`, refuse to write over the input, and are atomic.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { NdArray, NdImageError, readNpy, writeNpy } from '@ndimage/core-array';
import { writeFileAtomic } from '@ndimage/core-array/node';
import { type ImageFormat, imread, imsave, type Scale } from '@ndimage/io-image';
import { loadmat, savemat } from '@ndimage/io-mat';
import { UsageError } from './usage.js';

/** What a file holds, by extension. */
export type Kind = 'image' | 'npy' | 'mat';

/** Image extensions (and `--format` names) with the format sharp writes. */
const IMAGE: Record<string, ImageFormat | undefined> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  tif: 'tiff',
  tiff: 'tiff',
  avif: 'avif',
  gif: 'gif',
  pdf: 'pdf',
  svg: undefined, // read only
};

/** The `--format` names (for stdout and `--out-dir`). */
export const FORMATS: readonly string[] = [...Object.keys(IMAGE).filter((k) => k !== 'svg'), 'npy', 'mat'];

/** Where binary data come from and go: the process's streams in the bin, buffers in tests. */
export interface Streams {
  stdin?: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
}

/** The kind of a path (or of a `--format` name), or an error naming it. */
export function kindOf(path: string, format?: string): Kind {
  const ext = (path === '-' ? (format ?? '') : extname(path).slice(1)).toLowerCase();
  if (ext === 'npy') return 'npy';
  if (ext === 'mat') return 'mat';
  if (ext in IMAGE) return 'image';
  if (path === '-')
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      format === undefined
        ? 'writing to stdout (-) needs --format (png, jpg, npy, mat, …)'
        : `--format must be one of ${FORMATS.join(', ')}; got '${format}'`,
      { argument: 'format' },
    );
  throw new NdImageError(
    'ERR_INVALID_ARGUMENT',
    `${path}: unknown file type '${ext === '' ? '(none)' : `.${ext}`}' (images, .npy or .mat)`,
    // A name the command cannot use is a usage error (exit 2), like a bad flag.
    { argument: path },
  );
}

/** The kind of bytes read from stdin: .npy's magic, a MATLAB header, else an image. */
function sniff(bytes: Uint8Array): Kind {
  const head = Buffer.from(bytes.subarray(0, 6)).toString('latin1');
  if (head === '\x93NUMPY') return 'npy';
  if (head === 'MATLAB') return 'mat';
  return 'image';
}

/** Options of {@link readArray}. */
export interface ReadOptions {
  /** For .mat: the variable (default: the only numeric one). */
  variable?: string;
  /** For images: Pillow's mode ('L' grey, 'RGB'). */
  mode?: 'L' | 'RGB';
  /** Where `-` reads from. */
  streams?: Streams;
}

async function readStdin(streams: Streams | undefined): Promise<Uint8Array> {
  const stdin = streams?.stdin;
  if (stdin === undefined || stdin.isTTY === true)
    throw new NdImageError('ERR_INVALID_ARGUMENT', '-: stdin is a terminal; pipe a file into it', {
      argument: 'IN',
    });
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  const bytes = Buffer.concat(chunks);
  if (bytes.length === 0) throw new NdImageError('ERR_FORMAT', '-: stdin is empty', { path: '-' });
  return bytes;
}

/** Reads an array from a file, or from stdin for `-`. */
export async function readArray(path: string, o: ReadOptions = {}): Promise<NdArray> {
  return (await readSource(path, o)).array;
}

/** Reads an array and says what kind of data it was (stdin's kind comes from its bytes). */
export async function readSource(path: string, o: ReadOptions = {}): Promise<{ array: NdArray; kind: Kind }> {
  let bytes: Uint8Array | undefined;
  let kind: Kind;
  if (path === '-') {
    bytes = await readStdin(o.streams);
    kind = sniff(bytes);
  } else {
    kind = kindOf(path);
    if (!existsSync(path)) throw new NdImageError('ERR_IO', `${path}: no such file`, { path });
    if (statSync(path).isDirectory()) throw new NdImageError('ERR_IO', `${path}: is a folder, not a file`, { path });
  }
  const source = bytes ?? path;
  try {
    if (kind === 'image') return { kind, array: await imread(source, o.mode === undefined ? {} : { mode: o.mode }) };
    if (kind === 'npy') return { kind, array: readNpy(bytes ?? new Uint8Array(readFileSync(path))) };
    return { kind, array: pickVariable(path, await loadmat(source), o.variable) };
  } catch (e) {
    // Name the file in every message (the readers name paths, not stdin or .npy bytes).
    if (NdImageError.isInstance(e) && !e.message.includes(path))
      throw new NdImageError(e.code, `${path === '-' ? 'stdin' : path}: ${e.message}`, { path, cause: e });
    // fs errors (EACCES, EISDIR, …) are I/O errors on this file.
    if (!NdImageError.isInstance(e) && e instanceof Error && 'code' in e && typeof e.code === 'string')
      throw new NdImageError('ERR_IO', `${path}: cannot read (${e.code})`, { path, cause: e });
    throw e;
  }
}

/** What a non-array .mat value is, for messages (io-mat's values carry a `kind`; structs are plain objects). */
function describe(v: unknown): string {
  if (typeof v === 'string' || Array.isArray(v)) return 'text';
  if (v !== null && typeof v === 'object') {
    const kind = (v as { kind?: unknown }).kind;
    return typeof kind === 'string' ? (kind === 'struct' ? 'struct array' : kind) : 'struct';
  }
  return typeof v;
}

/** `--var`'s variable, or the only numeric one, or an error listing them. */
function pickVariable(path: string, vars: Record<string, unknown>, variable: string | undefined): NdArray {
  const numeric = Object.entries(vars).filter(([, v]) => v instanceof NdArray);
  const names = numeric.map(([n]) => n).join(', ');
  if (variable !== undefined) {
    const v = vars[variable];
    if (!(v instanceof NdArray))
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `${path}: no numeric variable '${variable}' (numeric variables: ${names || 'none'})`,
        { path, argument: 'var' },
      );
    return v;
  }
  if (numeric.length === 0)
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `${path}: no real numeric array to read (${
        Object.keys(vars).length === 0
          ? 'no variables'
          : `variables: ${Object.entries(vars)
              .map(([n, v]) => `${n} (${describe(v)})`)
              .join(', ')}`
      }); the commands take real numeric or logical arrays`,
      { path },
    );
  if (numeric.length > 1)
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `${path}: several numeric variables (${names}); pick one with --var`,
      { path, argument: 'var' },
    );
  return (numeric[0] as [string, NdArray])[1];
}

/** Options of {@link writeArray}. */
export interface WriteOptions {
  force?: boolean;
  /** For .mat: the variable name. */
  variable?: string;
  /** For images: how non-8-bit data become pixels. */
  scale?: Scale;
  /** Inputs the output must not overwrite. */
  inputs?: readonly string[];
  /** For `-`: the format written to stdout. */
  format?: string;
  /** Where `-` writes. */
  streams?: Streams;
}

/** Refuses an output that exists (without force), is an input, or lies in a missing folder. */
export function checkTarget(path: string, o: Pick<WriteOptions, 'force' | 'inputs'>): void {
  if (path === '-') return;
  const target = resolve(path);
  for (const input of o.inputs ?? []) {
    if (input !== '-' && existsSync(input) && existsSync(target) && realpathSync(input) === realpathSync(target))
      throw new UsageError(`${path}: the output is the input file; choose another name`);
  }
  if (existsSync(target) && o.force !== true)
    throw new NdImageError('ERR_IO', `${path}: exists (use --force to overwrite)`, { path });
  if (!existsSync(dirname(target)))
    throw new NdImageError('ERR_IO', `${path}: the folder ${dirname(path)} does not exist`, { path });
}

/** The encoded bytes of `a` in `kind` (and image `format`). */
async function encode(a: NdArray, kind: Kind, format: ImageFormat, o: WriteOptions): Promise<Uint8Array> {
  if (kind === 'image') return imsave({ format }, a, { scale: o.scale ?? 'clip' });
  if (kind === 'npy') return writeNpy(a);
  return savemat(null, { [o.variable ?? 'out']: a });
}

/** Writes an array to a file (safely, see the module comment) or to stdout for `-`. */
export async function writeArray(path: string, a: NdArray, o: WriteOptions = {}): Promise<void> {
  const kind = kindOf(path, o.format);
  checkTarget(path, o);
  const ext = (path === '-' ? (o.format as string) : extname(path).slice(1)).toLowerCase();
  const format = IMAGE[ext];
  if (kind === 'image' && format === undefined)
    throw new NdImageError('ERR_INVALID_ARGUMENT', `${path}: cannot write .${ext} images`, { argument: path });
  if (path === '-') {
    const stdout = o.streams?.stdout;
    if (stdout === undefined || stdout.isTTY === true)
      throw new NdImageError('ERR_INVALID_ARGUMENT', '-: stdout is a terminal; redirect it to a file or a pipe', {
        argument: 'OUT',
      });
    stdout.write(await encode(a, kind, format as ImageFormat, o));
    return;
  }
  await writeFileAtomic(path, await encode(a, kind, format as ImageFormat, o));
}
