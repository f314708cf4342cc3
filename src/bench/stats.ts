// Statistics for the benchmark: the median, min and max of a set of runs
// (the median resists the odd slow run on a noisy machine).

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every measured run, in the order taken (warm-ups excluded). */
  values: number[];
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summary of no values');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values: [...values] };
}

/** A summary, or undefined when nothing was measured (a step that could not run). */
export function maybeSummarize(values: readonly number[]): Summary | undefined {
  return values.length === 0 ? undefined : summarize(values);
}

/** The p-th percentile (0–100) by nearest rank: the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}
