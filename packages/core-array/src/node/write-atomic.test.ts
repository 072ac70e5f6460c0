import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NdImageError } from '../errors.js';
import { writeFileAtomic } from './write-atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'core-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes, replaces, and leaves no temporary file', async () => {
    const path = join(dir, 'a.bin');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    await writeFileAtomic(path, new Uint8Array([4]));
    expect([...readFileSync(path)]).toEqual([4]);
    expect(readdirSync(dir)).toEqual(['a.bin']);
  });

  it('fails with ERR_IO naming the path: a missing folder, or a target it cannot replace (left as it was)', async () => {
    const missing = join(dir, 'no-such-folder', 'b.bin');
    const e = await writeFileAtomic(missing, new Uint8Array([1])).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NdImageError);
    expect((e as NdImageError).code).toBe('ERR_IO');
    expect((e as NdImageError).message).toContain(missing);
    // The path the caller gave, not the hidden temporary file beside it.
    expect((e as NdImageError).message).not.toMatch(/\.b\.bin\.[0-9a-f]+\.tmp/);
    expect((e as NdImageError).message).toBe(
      `cannot write ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist`,
    );
    // A non-empty folder where the file should go: the temporary file is written, the rename fails.
    const target = join(dir, 'folder');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'old');
    const replaced = await writeFileAtomic(target, new Uint8Array([1])).catch((err: unknown) => err);
    expect((replaced as NdImageError).message).toContain(`cannot write ${target}`);
    expect((replaced as NdImageError).message).not.toMatch(/\.folder\.[0-9a-f]+\.tmp/);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['a.bin', 'folder']);
  });
});
