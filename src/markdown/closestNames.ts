// The names closest to a misspelt one, for "did you mean …?" messages:
// ranked by edit distance (optimal string alignment: a swap of two neighbouring
// letters counts one), then by a shared beginning, then alphabetically.

/** Edit distance with adjacent transpositions (`databse` → `database` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The `limit` names of `known` closest to `name`. */
export function closestNames(name: string, known: Iterable<string>, limit = 3): string[] {
  return Array.from(known, (k) => ({ k, d: editDistance(name, k), s: sharedStart(name, k) }))
    .sort((x, y) => x.d - y.d || y.s - x.s || (x.k < y.k ? -1 : x.k > y.k ? 1 : 0))
    .slice(0, limit)
    .map((x) => x.k);
}
