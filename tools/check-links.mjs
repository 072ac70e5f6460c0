#!/usr/bin/env node
/**
 * Checks every relative link and image in the repository's Markdown files (READMEs, CHANGELOGs,
 * BENCHMARKS.md, docs/): the file it points to exists, and a `#heading` anchor into a Markdown
 * file names one of its headings. External links (http, mailto) are not fetched: CI has no
 * internet. Exits 1 listing the broken ones.
 *
 * Usage: node tools/check-links.mjs
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && !f.includes('node_modules/') && !f.startsWith('.changeset/'));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[`*_~]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

const anchorsOf = new Map();
function anchors(file) {
  if (!anchorsOf.has(file)) {
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    const seen = new Map();
    const set = new Set();
    for (const m of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
      const base = slug(m[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      set.add(n === 0 ? base : `${base}-${n}`);
    }
    anchorsOf.set(file, set);
  }
  return anchorsOf.get(file);
}

const broken = [];
let count = 0;
for (const file of files) {
  const path = join(root, file);
  // Links outside code blocks and inline code: [text](target) and ![alt](target).
  const text = readFileSync(path, 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
    count++;
    const [rel, anchor] = target.split('#');
    const dest = rel === '' ? path : resolve(dirname(path), decodeURIComponent(rel));
    if (!existsSync(dest)) {
      broken.push(`${file}: ${target} (no such file)`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && dest.endsWith('.md') && statSync(dest).isFile()) {
      if (!anchors(dest).has(anchor.toLowerCase())) broken.push(`${file}: ${target} (no heading #${anchor})`);
    }
  }
}
if (broken.length > 0) {
  console.error(`${broken.length} broken links of ${count}:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
console.log(`${count} relative links in ${files.length} Markdown files, all resolve.`);
