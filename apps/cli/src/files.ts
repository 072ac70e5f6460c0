/**
 * Arrays in and out of files by extension: images through @ndimage/io-image, `.npy` exactly
 * (dtype and values both ways), `.mat` through @ndimage/io-mat (`--var` picks the variable).
 * Writes refuse to overwrite without `--force`, refuse to write over the input, and are atomic.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { NdArray, NdImageError, readNpy, writeNpy } from '@ndimage/core-array';
import { imread, imsave, type Scale } from '@ndimage/io-image';
import { loadmat, savemat } from '@ndimage/io-mat';

/** What a file holds, by extension. */
export type Kind = 'image' | 'npy' | 'mat';

const IMAGE = new Set(['.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff', '.avif', '.gif', '.svg', '.pdf']);

/** The kind of a path, or a usage error naming it. */
export function kindOf(path: string): Kind {
  const ext = extname(path).toLowerCase();
  if (ext === '.npy') return 'npy';
  if (ext === '.mat') return 'mat';
  if (IMAGE.has(ext)) return 'image';
  throw new NdImageError(
    'ERR_INVALID_ARGUMENT',
    `${path}: unknown file type '${ext || '(none)'}' (images, .npy or .mat)`,
    { path },
  );
}

/** Options of {@link readArray}. */
export interface ReadOptions {
  /** For .mat: the variable (default: the only numeric one). */
  variable?: string;
  /** For images: Pillow's mode ('L' grey, 'RGB'). */
  mode?: 'L' | 'RGB';
}

/** Reads an array from a file. */
export async function readArray(path: string, o: ReadOptions = {}): Promise<NdArray> {
  const kind = kindOf(path);
  if (!existsSync(path)) throw new NdImageError('ERR_IO', `${path}: no such file`, { path });
  if (kind === 'image') return imread(path, o.mode === undefined ? {} : { mode: o.mode });
  if (kind === 'npy') {
    try {
      return readNpy(new Uint8Array(readFileSync(path)));
    } catch (e) {
      if (e instanceof NdImageError) throw new NdImageError(e.code, `${path}: ${e.message}`, { path, cause: e });
      throw e;
    }
  }
  const vars = await loadmat(path);
  const numeric = Object.entries(vars).filter(([, v]) => v instanceof NdArray);
  if (o.variable !== undefined) {
    const v = vars[o.variable];
    if (!(v instanceof NdArray))
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `${path}: no numeric variable '${o.variable}' (numeric variables: ${numeric.map(([n]) => n).join(', ') || 'none'})`,
        { path, argument: 'var' },
      );
    return v;
  }
  if (numeric.length !== 1)
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `${path}: ${numeric.length === 0 ? 'no numeric variable' : `several numeric variables (${numeric.map(([n]) => n).join(', ')})`}; pick one with --var`,
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
}

/** Writes an array to a file, safely (see the module comment). */
export async function writeArray(path: string, a: NdArray, o: WriteOptions = {}): Promise<void> {
  const kind = kindOf(path);
  const target = resolve(path);
  for (const input of o.inputs ?? []) {
    if (existsSync(input) && existsSync(target) && realpathSync(input) === realpathSync(target))
      throw new NdImageError('ERR_INVALID_ARGUMENT', `${path}: the output is the input file; choose another name`, {
        path,
      });
  }
  if (existsSync(target) && o.force !== true)
    throw new NdImageError('ERR_IO', `${path}: exists (use --force to overwrite)`, { path });
  if (!existsSync(dirname(target)))
    throw new NdImageError('ERR_IO', `${path}: the folder ${dirname(path)} does not exist`, { path });
  if (kind === 'image') {
    await imsave(target, a, { scale: o.scale ?? 'clip' });
    return;
  }
  const bytes = kind === 'npy' ? writeNpy(a) : await savemat(null, { [o.variable ?? 'out']: a });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new NdImageError('ERR_IO', `${path}: cannot write (${(e as Error).message})`, { path, cause: e });
  }
}
