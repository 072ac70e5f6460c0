/**
 * Test helpers: a temporary folder per test file, and `run` — the bin's `main` with captured
 * streams (stdout text and bytes, stderr) and an optional stdin.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import { main } from '../src/main.js';

/** A fresh temporary folder, removed after the file's tests; `at(name)` is a path in it. */
export function tempFolder(prefix: string): { dir: string; at: (f: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), `ndimage-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, at: (f) => join(dir, f) };
}

/** Copies a test image (test/data) into `to`. */
export function copyData(name: string, to: string): void {
  copyFileSync(new URL(`./data/${name}`, import.meta.url), to);
}

/** What a run printed and returned. */
export interface Run {
  code: number;
  out: string;
  bytes: Buffer;
  err: string;
}

/** Runs the command with `argv`; `stdin` bytes are piped in when given. */
export async function run(argv: string[], stdin?: Uint8Array): Promise<Run> {
  const out: Buffer[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: { write: (t: string | Uint8Array) => out.push(Buffer.from(t)) },
    stderr: { write: (t: string) => err.push(t) },
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
  });
  const bytes = Buffer.concat(out);
  return { code, out: bytes.toString('utf8'), bytes, err: err.join('') };
}
