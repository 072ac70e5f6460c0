/**
 * Boundary modes: how a line is extended past its ends. SciPy's names; the `grid-*` names are
 * synonyms in the filters (`grid-mirror` = `reflect`, `grid-wrap` = `wrap`,
 * `grid-constant` = `constant`).
 */
import { invalidArgument } from '@ndimage/core-array/internal';

/** Every boundary mode name SciPy's filters accept. */
export type Mode =
  | 'reflect'
  | 'constant'
  | 'nearest'
  | 'mirror'
  | 'wrap'
  | 'grid-mirror'
  | 'grid-constant'
  | 'grid-wrap';

/** The five distinct behaviours behind the mode names. */
export type BoundaryMode = 'reflect' | 'constant' | 'nearest' | 'mirror' | 'wrap';

const SYNONYMS: Readonly<Record<Mode, BoundaryMode>> = {
  reflect: 'reflect',
  'grid-mirror': 'reflect',
  constant: 'constant',
  'grid-constant': 'constant',
  nearest: 'nearest',
  mirror: 'mirror',
  wrap: 'wrap',
  'grid-wrap': 'wrap',
};

/** All accepted names, for messages. */
export const MODES: readonly Mode[] = Object.keys(SYNONYMS) as Mode[];

/**
 * Resolves a mode name to its behaviour, or throws naming the argument.
 *
 * @example
 * ```ts
 * boundaryMode('grid-wrap'); // 'wrap'
 * boundaryMode('edge');      // throws: `mode` must be one of 'reflect', 'constant', …
 * ```
 */
export function boundaryMode(mode: unknown, name = 'mode'): BoundaryMode {
  if (typeof mode === 'string' && Object.hasOwn(SYNONYMS, mode)) return SYNONYMS[mode as Mode];
  throw invalidArgument(name, `one of ${MODES.map((m) => `'${m}'`).join(', ')}`, mode);
}

/**
 * One mode per axis from a single mode or a list (whose length must be the number of axes).
 *
 * @example
 * ```ts
 * modesPerAxis('wrap', 2);             // ['wrap', 'wrap']
 * modesPerAxis(['reflect', 'wrap'], 2); // ['reflect', 'wrap']
 * ```
 */
export function modesPerAxis(mode: Mode | readonly Mode[] | undefined, ndim: number, name = 'mode'): BoundaryMode[] {
  if (mode === undefined) return new Array<BoundaryMode>(ndim).fill('reflect');
  if (Array.isArray(mode)) {
    if (mode.length !== ndim) throw invalidArgument(name, `one mode or a list of ${ndim} (one per axis)`, mode);
    return mode.map((m, i) => boundaryMode(m, `${name}[${i}]`));
  }
  return new Array<BoundaryMode>(ndim).fill(boundaryMode(mode, name));
}

/**
 * A single mode, for the filters that take no per-axis list (n-D correlate, median, rank,
 * min/max with a footprint), as SciPy.
 */
export function singleMode(mode: Mode | readonly Mode[] | undefined, name = 'mode'): BoundaryMode {
  if (mode === undefined) return 'reflect';
  if (Array.isArray(mode)) throw invalidArgument(name, 'a single mode for this filter (no per-axis list)', mode);
  return boundaryMode(mode, name);
}

/**
 * Where index `k` of a line of length `n` reads from, for `k` outside [0, n): an index in
 * [0, n), or −1 for `constant` (the caller uses cval). Any distance works: for kernels longer
 * than the line the extension repeats periodically, as SciPy's line path does.
 *
 * @example
 * ```ts
 * // [a b c d] extended by 3: reflect gives c b a | a b c d | d c b
 * [-3, -2, -1].map((k) => mapIndex(k, 4, 'reflect')); // [2, 1, 0]
 * [4, 5, 6].map((k) => mapIndex(k, 4, 'mirror'));     // [2, 1, 0]
 * ```
 */
export function mapIndex(k: number, n: number, mode: BoundaryMode): number {
  if (k >= 0 && k < n) return k;
  switch (mode) {
    case 'constant':
      return -1;
    case 'nearest':
      return k < 0 ? 0 : n - 1;
    case 'wrap':
      return ((k % n) + n) % n;
    case 'reflect': {
      const p = 2 * n;
      const m = ((k % p) + p) % p;
      return m < n ? m : p - 1 - m;
    }
    case 'mirror': {
      if (n === 1) return 0;
      const p = 2 * n - 2;
      const m = ((k % p) + p) % p;
      return m < n ? m : p - m;
    }
  }
}

/**
 * Fills the `left` samples before and `right` samples after `buf[left .. left + n)` by the mode.
 *
 * @example
 * ```ts
 * const buf = new Float64Array([0, 0, 1, 2, 3, 0, 0]);
 * extendLine(buf, 2, 3, 2, 'wrap', 0); // buf is [2, 3, 1, 2, 3, 1, 2]
 * ```
 */
export function extendLine(
  buf: Float64Array,
  left: number,
  n: number,
  right: number,
  mode: BoundaryMode,
  cval: number,
): void {
  if (mode === 'constant') {
    buf.fill(cval, 0, left);
    buf.fill(cval, left + n, left + n + right);
    return;
  }
  for (let k = 1; k <= left; k++) buf[left - k] = buf[left + mapIndex(-k, n, mode)]!;
  for (let k = 0; k < right; k++) buf[left + n + k] = buf[left + mapIndex(n + k, n, mode)]!;
}
