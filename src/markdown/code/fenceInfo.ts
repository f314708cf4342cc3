// Reads a code fence's info string as Slidev and reveal.js write it: the
// language, then brace groups for line numbers (`{lineNumbers}`), marked lines
// (`{2,4-5}`) and steps through lines (`{1|2-3|all}`). Pure: no markdown-it,
// no Shiki; the fence rule (src/markdown/rules/code.ts) takes the groups out
// of the info before markdown-it-attrs reads braces as attributes.

export interface FenceOptions {
  /** The language as written (lower case), '' for none. */
  lang: string;
  lineNumbers: boolean;
  /**
   * The lines lit at each step, 1-based; `null` for every line. One entry:
   * lines marked once; several: steps, the first shown at once, each next one
   * a fragment. Empty: no marking.
   */
  steps: (number[] | null)[];
  /** What could not be read, for a warning at the fence's line. */
  problems: string[];
}

/** A word of a brace group iur-deck reads: `lineNumbers`, or line ranges and steps (`1|2-3|all`). */
const OWN_WORD = /^(?:lineNumbers|(?:all|[\d,-]+)(?:\|(?:all|[\d,-]+))*)$/i;
const RANGES = /^(?:all|\d+(?:-\d+)?(?:\s*,\s*\d+(?:-\d+)?)*)$/i;

/** True for the content of a brace group this module reads (so markdown-it-attrs does not). */
export function isOwnGroup(content: string): boolean {
  const words = content.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  return words.every((w) => OWN_WORD.test(w));
}

/** Splits a fence's info into the part markdown-it-attrs may read and the brace groups that are ours. */
export function takeOwnGroups(info: string): { rest: string; groups: string[] } {
  const groups: string[] = [];
  const rest = info.replace(/\{([^{}]*)\}/g, (all, content: string) => {
    if (!isOwnGroup(content)) return all;
    groups.push(content.trim());
    return '';
  });
  return { rest: rest.replace(/\s+/g, ' ').trim(), groups };
}

function readRanges(spec: string, lines: number, problems: string[]): number[] | null {
  const text = spec.trim();
  if (/^all$/i.test(text)) return null;
  if (!RANGES.test(text)) {
    problems.push(`cannot read the lines «${text}» (write them as 2,4-5 or all)`);
    return [];
  }
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b = a] = part.split('-').map((n) => Number(n.trim()));
    if (a < 1 || b < a || b > lines) {
      problems.push(`lines «${part.trim()}» are not in the block's ${lines} line${lines === 1 ? '' : 's'}`);
    }
    for (let n = Math.max(1, a); n <= Math.min(b, lines); n++) out.add(n);
  }
  return [...out].sort((x, y) => x - y);
}

/** The fence's options, from its language (the info without our groups) and our brace groups. */
export function readFence(lang: string, groups: string[], lines: number): FenceOptions {
  const options: FenceOptions = { lang: lang.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '', lineNumbers: false, steps: [], problems: [] };
  for (const group of groups) {
    for (const word of group.split(/\s+/).filter(Boolean)) {
      if (/^lineNumbers$/i.test(word)) {
        options.lineNumbers = true;
        continue;
      }
      if (options.steps.length > 0) {
        options.problems.push(`a second set of marked lines «${word}» (one set per block: {1|2-3|all})`);
        continue;
      }
      options.steps = word.split('|').map((step) => readRanges(step, lines, options.problems));
    }
  }
  return options;
}
