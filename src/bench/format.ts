// How figures print: times in ms or s, sizes in KB/MB/MiB (1024-based, as
// `npm run export` prints them), a summary as "median (min–max)".
import type { Summary } from './stats.ts';

export function time(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

export function mib(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MiB`;
}

/** "median (min–max)", or just the value for a single run. */
export function summary(s: Summary | undefined, unit: (n: number) => string): string {
  if (!s) return 'n/a';
  if (s.values.length === 1) return unit(s.median);
  return `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
}

/** Columns padded to the widest cell (plain text). */
export function alignTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

export function markdownTable(rows: string[][]): string[] {
  const [head, ...body] = rows;
  // Markdown drops leading spaces: a sub-row is marked with "· " instead.
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/^ {2}/, '· ');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)];
}
