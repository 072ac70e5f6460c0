/**
 * Huge pages for large arrays, without the user setting anything. On Linux with glibc, a fresh
 * 32 MB array costs ~100 ms of page faults in 4 KB pages (measured on the project's 2-core VM:
 * ~12 µs a page); with glibc's `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` malloc asks for
 * transparent huge pages and the same array costs 3–11 ms. A process cannot turn the tunable on
 * for itself (glibc reads it at start-up), so when a command is about to read a large input the
 * `ndimage` executable runs itself once more with the tunable set, and passes its exit code on.
 * Small inputs (and `--help`, `--version`) stay in this process: a second start costs ~40 ms.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';

/** Inputs from this size on (bytes, all files of the command line together) pay for the restart. */
export const HUGE_PAGES_FROM: number = 8 << 20;

const TUNABLE = 'glibc.malloc.hugetlb=1';

/** True when this process runs on glibc (the tunable means nothing to musl or other systems). */
function onGlibc(): boolean {
  if (process.platform !== 'linux') return false;
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return typeof header?.glibcVersionRuntime === 'string';
}

/** Total size of the command line's arguments that name existing files or folders (folders count as large). */
function inputBytes(argv: readonly string[]): number {
  let total = 0;
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    try {
      const s = statSync(a);
      total += s.isDirectory() ? HUGE_PAGES_FROM : s.size;
    } catch {
      // not a file: a flag value, a command, an output to be written
    }
    if (total >= HUGE_PAGES_FROM) break;
  }
  return total;
}

/**
 * Runs the command again in a child with huge pages on, when it is worth it and not done yet;
 * resolves to the child's exit code, or `undefined` to carry on in this process.
 * `NDIMAGE_HUGE_PAGES=0` turns this off.
 */
export async function withHugePages(argv: readonly string[], script: string): Promise<number | undefined> {
  const tunables = process.env.GLIBC_TUNABLES ?? '';
  if (tunables.includes('glibc.malloc.hugetlb') || process.env.NDIMAGE_HUGE_PAGES === '0') return undefined;
  if (!onGlibc() || inputBytes(argv) < HUGE_PAGES_FROM) return undefined;
  const env = { ...process.env, GLIBC_TUNABLES: tunables === '' ? TUNABLE : `${tunables}:${TUNABLE}` };
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward(signal));
  return new Promise((resolve) => {
    child.on('error', () => resolve(undefined)); // could not start: carry on here
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128 + signalNumber(signal))));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1, SIGKILL: 9 } as Record<string, number>)[signal] ?? 1;
}
