/**
 * SciPy reads what savemat writes: the files of test/fixtures/ours/ were written by this test
 * (`IO_MAT_WRITE_OURS=1 pnpm --filter @ndimage/io-mat exec vitest run test/ours.test.ts`) and read
 * back by scipy.io.loadmat in tools/fixtures/io_mat_readback.py, whose verdicts are committed in
 * ours/readback.json. Here every file must still be what savemat writes today (after the 116-byte
 * header text, which holds the date) and SciPy's verdict on it must be "ok".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { savemat } from '../src/index.js';
import { OURS } from './ours-values.js';

const dir = new URL('./fixtures/ours/', import.meta.url);
const write = process.env.IO_MAT_WRITE_OURS === '1';

describe('scipy.io.loadmat reads our files', () => {
  const verdicts = write
    ? {}
    : (JSON.parse(readFileSync(new URL('readback.json', dir), 'utf8')) as Record<string, string>);
  for (const [name, [variables, options]] of Object.entries(OURS)) {
    it(`${name}.mat`, async () => {
      const bytes = Buffer.from(await savemat(null, variables, options));
      const file = new URL(`${name}.mat`, dir);
      if (write) {
        writeFileSync(file, bytes);
        return;
      }
      const committed = readFileSync(file);
      const from = options.format === '4' ? 0 : 116;
      expect(bytes.subarray(from).equals(committed.subarray(from))).toBe(true);
      expect(verdicts[`${name}.mat`]).toBe('ok');
    });
  }
});
