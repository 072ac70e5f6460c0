/**
 * sharp (and PDFKit) load on first use: importing the package does not load libvips, so programs
 * that only colour labels, or a CLI printing its help, start ~0.13 s sooner. Checked in a fresh
 * Node process on the built package, through the shared libraries the process has loaded.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const PNG = fileURLToPath(new URL('./data/coins.png', import.meta.url));

describe('lazy codecs', () => {
  it('importing the package loads no libvips; the first imread does', () => {
    const script = `
      const loaded = () => process.report.getReport().sharedObjects.some((s) => /vips/.test(s));
      const io = await import(${JSON.stringify(DIST)});
      const before = loaded();
      io.colorizeLabels([[0, 1]]);
      const afterColorize = loaded();
      await io.imread(${JSON.stringify(PNG)});
      console.log(JSON.stringify([before, afterColorize, loaded()]));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([false, false, true]);
  });
});
