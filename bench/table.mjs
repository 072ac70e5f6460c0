/**
 * Printing for the bench:scipy scripts: a Markdown table (for BENCHMARKS.md) or aligned columns.
 */

/** Milliseconds with three significant digits or so. */
export const fmt = (v) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));

/** theirs / ours as "1.23×" (above 1×: we are faster). */
export const ratio = (theirs, us) => (theirs === undefined || us === undefined ? '—' : `${(theirs / us).toFixed(2)}×`);

/** Prints `meta`, then the table; `legend` closes the plain form. */
export function printTable(meta, header, rows, { markdown, legend }) {
  console.log(meta);
  if (markdown) {
    console.log('');
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    return;
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(legend);
}
