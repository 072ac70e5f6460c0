/**
 * Opening Zarr stores through zarrita: a folder (Node's file system) or an http(s) URL (fetch,
 * read only), the metadata read as stored (format, codec, OME-Zarr multiscales) and the array
 * opened by zarrita.
 */
import { NdImageError } from '@ndimage/core-array';
import FileSystemStore from '@zarrita/storage/fs';
import * as zarr from 'zarrita';
import { useNodeCodecs } from './node-codecs.js';
import type { ZarrCodec } from './types.js';

/** A store zarrita can read (and, for folders, write). */
export type ZarrStore = FileSystemStore | zarr.FetchStore;

/** Whether a location is read over HTTP. */
function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Opens the store at a folder or URL. */
export function openStore(location: string): ZarrStore {
  if (typeof location !== 'string' || location === '') {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `a Zarr location must be a folder or URL; got ${JSON.stringify(location)}`,
      {
        argument: 'location',
      },
    );
  }
  useNodeCodecs();
  return isUrl(location) ? new zarr.FetchStore(location) : new FileSystemStore(location);
}

/** Absolute store path of `name` under `dir` ('/' based, as zarrita's keys). */
export function storeKey(dir: string, name: string): `/${string}` {
  const parts = `${dir}/${name}`.split('/').filter((p) => p !== '' && p !== '.');
  return `/${parts.join('/')}`;
}

/** Reads and parses a JSON document of the store, or undefined when absent. */
export async function readJson(
  store: ZarrStore,
  key: `/${string}`,
  location: string,
): Promise<Record<string, unknown> | undefined> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await store.get(key);
  } catch (cause) {
    throw new NdImageError('ERR_IO', `cannot read ${key} of the Zarr store ${location}: ${(cause as Error).message}`, {
      cause,
      path: location,
    });
  }
  if (bytes === undefined) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    return v as Record<string, unknown>;
  } catch (cause) {
    throw new NdImageError('ERR_FORMAT', `${key} of the Zarr store ${location} is not valid JSON metadata`, {
      cause,
      path: location,
    });
  }
}

/** What the metadata of a Zarr array says, as stored. */
export interface ZarrArrayInfo {
  format: 2 | 3;
  /** Store path of the array. */
  path: `/${string}`;
  codec: ZarrCodec;
}

/** An OME-Zarr multiscale description (the first one of a group). */
export interface OmeMultiscale {
  version?: string;
  axes?: unknown[];
  datasets: { path: string; coordinateTransformations?: unknown[] }[];
  name?: string;
}

/**
 * Finds the array at `path`: an array's metadata, or a group whose OME-Zarr `multiscales` names the
 * array of `level`.
 */
export async function locateArray(
  store: ZarrStore,
  location: string,
  path = '',
  level = 0,
): Promise<ZarrArrayInfo & { ome?: OmeMultiscale }> {
  const v2 = await readJson(store, storeKey(path, '.zarray'), location);
  if (v2 !== undefined) return { format: 2, path: storeKey(path, ''), codec: v2Codec(v2.compressor) };
  const v3 = await readJson(store, storeKey(path, 'zarr.json'), location);
  if (v3 !== undefined && v3.node_type === 'array')
    return { format: 3, path: storeKey(path, ''), codec: v3Codec(v3.codecs) };
  // A group: OME-Zarr 0.4 keeps multiscales in .zattrs (v2), 0.5 in zarr.json attributes.ome (v3).
  let multiscales: unknown;
  if (v3 !== undefined) {
    const attrs = (v3.attributes ?? {}) as Record<string, unknown>;
    multiscales = (attrs.ome as Record<string, unknown> | undefined)?.multiscales ?? attrs.multiscales;
  } else {
    const attrs = await readJson(store, storeKey(path, '.zattrs'), location);
    multiscales = attrs?.multiscales;
    if (attrs === undefined && (await readJson(store, storeKey(path, '.zgroup'), location)) === undefined) {
      throw new NdImageError('ERR_IO', `no Zarr array or group at ${location}${path === '' ? '' : ` (path ${path})`}`, {
        path: location,
      });
    }
  }
  const ms = Array.isArray(multiscales) ? (multiscales[0] as OmeMultiscale | undefined) : undefined;
  if (ms === undefined || !Array.isArray(ms.datasets) || ms.datasets.length === 0) {
    throw new NdImageError(
      'ERR_FORMAT',
      `${location}${path === '' ? '' : `/${path}`} is a Zarr group without OME-Zarr multiscales: name the array with \`path\``,
      { path: location },
    );
  }
  const ds = ms.datasets[level];
  if (ds === undefined || typeof ds.path !== 'string') {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`level\` must be below ${ms.datasets.length} (the OME-Zarr levels of ${location}); got ${level}`,
      { argument: 'level' },
    );
  }
  const inner = await locateArray(store, location, `${path}/${ds.path}`, 0);
  return { ...inner, ome: ms };
}

function v2Codec(c: unknown): ZarrCodec {
  if (c === null || c === undefined || typeof c !== 'object') return null;
  const id = (c as { id?: unknown }).id;
  if (id === 'zlib' || id === 'gzip' || id === 'zstd' || id === 'blosc' || id === 'lz4')
    return { ...(c as object), id };
  return null;
}

function v3Codec(codecs: unknown): ZarrCodec {
  if (!Array.isArray(codecs)) return null;
  for (const c of codecs as { name?: unknown; configuration?: Record<string, unknown> }[]) {
    if (c.name === 'gzip' || c.name === 'zstd' || c.name === 'blosc') return { ...(c.configuration ?? {}), id: c.name };
  }
  return null;
}

/** Opens the array of `info` with zarrita. */
export async function openZarrArray(
  store: ZarrStore,
  info: ZarrArrayInfo,
  location: string,
): Promise<zarr.Array<zarr.DataType, ZarrStore>> {
  try {
    const at = zarr.root(store).resolve(info.path);
    return info.format === 2 ? await zarr.open.v2(at, { kind: 'array' }) : await zarr.open.v3(at, { kind: 'array' });
  } catch (cause) {
    throw new NdImageError(
      'ERR_FORMAT',
      `cannot open the Zarr array at ${location}${info.path}: ${(cause as Error).message}`,
      {
        cause,
        path: location,
      },
    );
  }
}
