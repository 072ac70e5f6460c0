/**
 * "Did you mean …?" for misspelt names: the closest known name by edit distance, when it is
 * close enough to be a likely typo (at most a third of the name's letters differ), or a known
 * name that begins with the given one or the other way round (`output` for `out`).
 */

/** Levenshtein distance between two short strings (option names, modes). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * The known name closest to `given`, or `undefined` when none is a plausible typo of it.
 * Case is ignored when comparing (`Mode` suggests `mode`).
 *
 * @example
 * ```ts
 * didYouMean('iteration', ['iterations', 'mask']); // 'iterations'
 * didYouMean('xyz', ['iterations', 'mask']);       // undefined
 * ```
 */
export function didYouMean(given: string, known: readonly string[]): string | undefined {
  const g = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(g, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(g.length, 3) / 3));
  if (bestDistance <= allowed) return best;
  if (g.length < 3) return undefined;
  return known.find((k) => {
    const l = k.toLowerCase();
    return l.startsWith(g) || g.startsWith(l);
  });
}
