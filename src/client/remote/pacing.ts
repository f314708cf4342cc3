// The pacing on the phone, as the speaker view counts it: each slide has a
// time — its rehearsed data-timing, or what the front matter's duration
// leaves spread evenly over the slides without one — and the talk is on pace
// while the elapsed time is within the times of the slides so far.

/** Seconds per slide: rehearsed where known, else the rest of `totalSeconds` shared out (undefined: no plan at all). */
export function slideSeconds(rehearsed: (number | undefined)[], totalSeconds: number | undefined): number[] | undefined {
  const known = rehearsed.filter((t): t is number => t !== undefined);
  const missing = rehearsed.length - known.length;
  if (missing === rehearsed.length && !totalSeconds) return undefined;
  const left = totalSeconds ? Math.max(0, totalSeconds - known.reduce((a, b) => a + b, 0)) : 0;
  const each = missing > 0 ? left / missing : 0;
  return rehearsed.map((t) => t ?? each);
}

export interface Pace {
  /** Seconds left for the current slide to stay on plan (negative: behind by that much). */
  slideLeft: number;
  /** The planned length of the whole talk. */
  planned: number;
}

export function pace(seconds: number[], current: number, elapsed: number): Pace {
  const until = seconds.slice(0, current + 1).reduce((a, b) => a + b, 0);
  return { slideLeft: until - elapsed, planned: seconds.reduce((a, b) => a + b, 0) };
}
