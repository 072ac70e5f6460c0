import { describe, expect, it } from 'vitest';
import { main, VERSION } from './main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } },
    out,
    err,
  };
}

describe('ndimage command skeleton', () => {
  it('prints the version', async () => {
    const c = capture();
    expect(await main(['--version'], c.io)).toBe(0);
    expect(c.out.join('')).toBe(`${VERSION}\n`);
  });

  it('prints help with --help and exits 0', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/^Usage: ndimage/);
  });

  it('prints help and exits 2 without arguments', async () => {
    const c = capture();
    expect(await main([], c.io)).toBe(2);
    expect(c.out.join('')).toMatch(/Usage/);
  });

  it('rejects an unknown command with one error line', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err).toEqual(["ndimage: error: unknown command 'frobnicate' (see 'ndimage --help')\n"]);
  });
});
