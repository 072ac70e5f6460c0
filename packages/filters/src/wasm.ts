/**
 * The WebAssembly SIMD kernels (DESIGN §4): `kernels.wasm`, built from wasm/kernels.wat.mjs and
 * shipped beside the JavaScript. In Node it is loaded synchronously on first use; elsewhere call
 * {@link loadWasmKernels} once. Without it (or with {@link setWasmKernels}(false)) the
 * TypeScript kernels run instead, with identical results (to the bit, but for the sign bit
 * of a NaN, which the processor sets as it likes).
 */
import { builtFile } from '@ndimage/core-array/internal';

/** The parts of the WebAssembly API used here (declared locally: the build targets no DOM lib). */
interface WasmApi {
  Module: new (bytes: ArrayBuffer | Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** The module's exports (pointers are byte offsets into `memory`). */
interface KernelExports {
  memory: { readonly buffer: ArrayBuffer };
  line_symmetric(buf: number, n: number, dst: number, fold: number, c: number, wc: number): void;
  line_antisymmetric(buf: number, n: number, dst: number, fold: number, c: number, wc: number): void;
  line_general(buf: number, n: number, dst: number, w: number, L: number): void;
  rows_symmetric(acc: number, cw: number, ptrs: number, fold: number, c: number, wc: number): void;
  rows_antisymmetric(acc: number, cw: number, ptrs: number, fold: number, c: number, wc: number): void;
  rows_general(acc: number, cw: number, ptrs: number, w: number, L: number): void;
  rows_max(acc: number, cw: number, ptrs: number, count: number): void;
  rows_min(acc: number, cw: number, ptrs: number, count: number): void;
  unif_vert_init(s: number, ptrs: number, count: number, P: number, w: number, size: number, round: number): void;
  unif_vert_step(s: number, inc: number, old: number, P: number, w: number, size: number, round: number): void;
  unif_running2(P: number, n: number, size: number, outA: number, outB: number): void;
  grad_diff_row(x: number, d: number, w: number, round: number): void;
  grad_diff_cols(a: number, b: number, c: number, d: number, w: number, round: number): void;
  grad_smooth_rows(a: number, c: number, b: number, o: number, w: number, centre: number): void;
  grad_smooth_shifted(d: number, o: number, w: number, centre: number): void;
  line_window_max(buf: number, n: number, dst: number, size: number): void;
  line_window_min(buf: number, n: number, dst: number, size: number): void;
  line_max(buf: number, n: number, dst: number, size: number, g: number, h: number): void;
  line_min(buf: number, n: number, dst: number, size: number, g: number, h: number): void;
}

const WASM_FILE: () => URL = () => builtFile(import.meta.url, './kernels.wasm', '../dist/kernels.wasm');

/**
 * The module's memory is 64 MiB from the start and never grown (growing detaches the old buffer,
 * which makes V8 add detach checks to every optimised typed-array loop in the process); a call
 * needing more scratch than that runs the TypeScript kernels.
 */
export const MAX_WASM_SCRATCH: number = 64 * 1024 * 1024;

let instance: KernelExports | null | undefined; // undefined: not tried yet; null: unavailable
let enabled = true;

function instantiate(bytes: ArrayBuffer | Uint8Array): KernelExports | null {
  const wa = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wa === undefined) return null;
  try {
    return new wa.Instance(new wa.Module(bytes), {}).exports as KernelExports;
  } catch {
    return null; // no WebAssembly SIMD here: the TypeScript kernels serve
  }
}

/** Node: read the file synchronously (through getBuiltinModule, so bundles stay browser-safe). */
function loadSync(): KernelExports | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(u: URL): Uint8Array } | undefined;
  if (fs === undefined) return null;
  try {
    return instantiate(fs.readFileSync(WASM_FILE()));
  } catch {
    return null;
  }
}

/** The kernels, when loaded and enabled. */
export function wasmKernels(): KernelExports | undefined {
  if (!enabled) return undefined;
  if (instance === undefined) instance = loadSync();
  return instance ?? undefined;
}

/**
 * Loads the WebAssembly kernels where they cannot be read synchronously (browsers, workers):
 * from `source` (a URL, or the bytes), by default `kernels.wasm` beside this module. Resolves to
 * whether they are in use; without them the TypeScript kernels run, with identical results.
 *
 * @example
 * ```ts
 * import { loadWasmKernels } from '@ndimage/filters';
 * const ready = loadWasmKernels(); // in a browser, once, before filtering (resolves to true when in use)
 * ```
 * @see {@link wasmKernelsActive}
 */
export async function loadWasmKernels(source?: URL | string | ArrayBuffer | Uint8Array): Promise<boolean> {
  if (instance) return enabled;
  // Node reads its own file synchronously (fetch cannot read file: URLs there).
  if (source === undefined) {
    instance = loadSync() ?? undefined;
    if (instance) return enabled;
  }
  let bytes: ArrayBuffer | Uint8Array;
  if (source instanceof ArrayBuffer || source instanceof Uint8Array) bytes = source;
  else {
    try {
      const response = await fetch(source ?? WASM_FILE());
      if (!response.ok) return false;
      bytes = await response.arrayBuffer();
    } catch {
      return false; // unreachable or unreadable: the TypeScript kernels serve
    }
  }
  instance = instantiate(bytes);
  return enabled && instance !== null;
}

/**
 * Turns the WebAssembly kernels off (`false`) or back on. Results do not change, only speed; off
 * is for comparisons and for environments that forbid WebAssembly.
 *
 * @example
 * ```ts
 * setWasmKernels(false); // TypeScript kernels only
 * setWasmKernels(true);  // back to WebAssembly
 * ```
 * @see {@link wasmKernelsActive}
 */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

/**
 * True when filters run on the WebAssembly kernels.
 *
 * @example
 * ```ts
 * wasmKernelsActive(); // true in Node
 * ```
 * @see {@link loadWasmKernels}
 */
export function wasmKernelsActive(): boolean {
  return wasmKernels() !== undefined;
}

/**
 * Lays out one call's scratch in the module's memory (from address 0: calls never nest, and each
 * thread has its own instance): float64 arrays of `f64` lengths, int32 arrays of `i32` lengths,
 * then byte arrays of `raw` lengths (with 16 bytes of slack), each 16-byte aligned. Returns views, valid until the next call; undefined when the
 * kernels are off or the scratch would be too large.
 */
export function wasmScratch(
  f64: readonly number[],
  i32: readonly number[] = [],
  raw: readonly number[] = [],
): { k: KernelExports; f64: Float64Array[]; i32: Int32Array[]; raw: Uint8Array[] } | undefined {
  const k = wasmKernels();
  if (k === undefined) return undefined;
  const align = (b: number): number => (b + 15) & ~15;
  let top = 16; // address 0 stays unused
  const at: number[] = [];
  for (const n of f64) {
    at.push(top);
    top = align(top + n * 8);
  }
  for (const n of i32) {
    at.push(top);
    top = align(top + n * 4);
  }
  for (const n of raw) {
    at.push(top);
    top = align(top + n + 16); // vector kernels may touch 16 bytes past the end
  }
  const buf = k.memory.buffer;
  if (top > Math.min(MAX_WASM_SCRATCH, buf.byteLength)) return undefined;
  return {
    k,
    f64: f64.map((n, i) => new Float64Array(buf, at[i], n)),
    i32: i32.map((n, i) => new Int32Array(buf, at[f64.length + i], n)),
    raw: raw.map((n, i) => new Uint8Array(buf, at[f64.length + i32.length + i], n)),
  };
}
