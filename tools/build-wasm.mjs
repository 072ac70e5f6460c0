#!/usr/bin/env node
/**
 * Compiles a package's WebAssembly text to a `.wasm` file: `node build-wasm.mjs <in.wat.mjs> <out.wasm>`.
 * The input is an ES module whose default export is the WAT text (so variants can be generated
 * from one template). wabt (the WebAssembly Binary Toolkit, compiled to JS) does the assembling.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import wabtInit from 'wabt';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: build-wasm.mjs <in.wat.mjs> <out.wasm>');
  process.exit(2);
}
const text = (await import(pathToFileURL(resolve(input)).href)).default;
const wabt = await wabtInit();
let mod;
try {
  mod = wabt.parseWat(input, text, { simd: true });
  mod.validate();
} catch (e) {
  // wabt's own stack points into its minified bundle; the message has the WAT line and column.
  console.error(`${input}: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const { buffer } = mod.toBinary({ write_debug_names: false });
mod.destroy();
if (!WebAssembly.validate(buffer)) throw new Error(`${output}: this Node cannot validate the module`);
mkdirSync(dirname(resolve(output)), { recursive: true });
writeFileSync(output, buffer);
console.log(`${output}: ${buffer.length} bytes`);
