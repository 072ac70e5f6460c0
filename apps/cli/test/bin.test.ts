/**
 * The built executable (dist/bin.js) as a shell runs it: exit codes, stdout/stderr, pipes,
 * --version and --help, and the completion scripts (checked by the shells that exist here).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readNpy } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { copyData, tempFolder } from './helpers.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const { at } = tempFolder('bin');
copyData('coins.png', at('coins.png'));
const ndimage = (args: string[], input?: Buffer) =>
  spawnSync(process.execPath, [BIN, ...args], { input, maxBuffer: 1 << 26, cwd: at('.') });

describe('the ndimage executable', () => {
  it('--version, --help and help for every command with an example', () => {
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
    expect(ndimage(['--version']).stdout.toString().trim()).toBe(version);
    const help = ndimage(['--help']);
    expect(help.status).toBe(0);
    for (const c of [
      'gaussian',
      'sobel',
      'prewitt',
      'derivative',
      'label',
      'count',
      'morph',
      'distance',
      'watershed',
      'denoise',
      'info',
      'convert',
      'demo',
      'completion',
    ]) {
      expect(help.stdout.toString()).toContain(c);
      const h = ndimage([c, '--help']);
      expect(h.status, c).toBe(0);
      expect(h.stdout.toString(), c).toMatch(/Examples?:\n {2}(ndimage|source) /);
    }
  });

  it('pipes: an image in, .npy out; the count on stdout; exit codes 0, 1 and 2 with one stderr line', () => {
    const piped = ndimage(['sobel', '-', '-', '--axis', '0', '--format', 'npy'], readFileSync(at('coins.png')));
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(readNpy(new Uint8Array(piped.stdout)).shape).toEqual([303, 384]);
    const count = ndimage(['count', 'coins.png', '--threshold', '100', '--open', '5x5']);
    expect(count.status).toBe(0);
    expect(count.stdout.toString()).toMatch(/^\d+\n$/);
    const usage = ndimage(['gaussian', 'coins.png', 'x.png', '--sigma', 'abc']);
    expect(usage.status).toBe(2);
    expect(usage.stderr.toString()).toBe(
      "ndimage: error: --sigma must be a number ≥ 0 or a comma list of them; got 'abc'\n",
    );
    const runtime = ndimage(['info', 'missing.png']);
    expect(runtime.status).toBe(1);
    expect(runtime.stderr.toString()).toBe('ndimage: error: missing.png: no such file\n');
    const debug = ndimage(['info', 'missing.png', '--debug']);
    expect(debug.stderr.toString()).toMatch(/^ndimage: error: missing\.png: no such file\n.*at /s);
  });

  it('a bad --dtype is a usage error naming the choices, and nothing is written', () => {
    const r = ndimage(['convert', 'coins.png', 'y.npy', '--dtype', 'float128']);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/^ndimage: error: .*float128.*\n$/);
    expect(ndimage(['info', 'y.npy']).status).toBe(1);
  });

  it('a reader that closes the pipe early (| head) ends the command quietly', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'convert', at('coins.png'), '-', '--format', 'npy'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // as `head` exits: the next write gets EPIPE
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('completion scripts for bash, zsh and fish', () => {
    const bash = ndimage(['completion', 'bash']).stdout.toString();
    expect(bash).toContain('complete -o filenames');
    expect(bash).toContain("'gaussian sobel prewitt");
    const shells = (s: string): boolean => spawnSync('sh', ['-c', `command -v ${s}`]).status === 0;
    if (shells('bash')) execFileSync('bash', ['-n'], { input: bash }); // syntax check
    const zsh = ndimage(['completion', 'zsh']).stdout.toString();
    expect(zsh).toContain('bashcompinit');
    if (shells('zsh')) execFileSync('zsh', ['-n'], { input: zsh });
    const fish = ndimage(['completion', 'fish']).stdout.toString();
    expect(fish).toContain(
      "complete -c ndimage -n '__fish_seen_subcommand_from denoise' -l method -x -a 'book fgp chambolle-pock chambolle2005'",
    );
    expect(ndimage(['completion', 'tcsh']).status).toBe(2);
  });
});
