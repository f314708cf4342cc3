// The per-file environment markdown-it rules read and write while parsing:
// which file is being parsed, and the problems its rules found.
import type { Problem } from '../shared/problem.ts';
import type { Roots } from '../project/contain.ts';
import type { CodeHighlighter } from './code/tokens.ts';
import type { MathRenderer } from './math/formula.ts';

export interface ParseEnv {
  [key: string | symbol]: unknown;
  /** File name as shown to users (relative to the working directory). */
  file: string;
  /** Problems found by rules, in source order. */
  problems: Problem[];
  /** Absolute folder of the file, to resolve relative image paths; none: images are not checked. */
  dir?: string;
  /** Real paths of the folders the deck may read below (src/project/contain.ts); default: from `dir`. */
  roots?: Roots;
  /** Turns an image's absolute path into the URL the page uses. */
  assetUrl?: (absolute: string) => string;
  /** Highlights code fences (Shiki); none: code renders uncoloured (src/markdown/renderers.ts loads it for a deck with code). */
  code?: CodeHighlighter;
  /** Renders formulas (KaTeX); none: a formula renders as its TeX. */
  math?: MathRenderer;
  /** Each formula typeset, as the math rule rendered it (1-based line): the deck model's `formulas`. */
  formulas?: { line: number; tex: string; display: boolean }[];
}

/**
 * The environment of a deck's parse, as a rule reads it from markdown-it's
 * state (markdown-it types it as anything); undefined when the Markdown is
 * rendered without one (no file to report problems for).
 */
export function envOf(state: { env: unknown }): ParseEnv | undefined {
  const env = state.env as Partial<ParseEnv> | null | undefined;
  return Array.isArray(env?.problems) ? (env as ParseEnv) : undefined;
}

export function report(env: ParseEnv, line0: number, message: string, level: Problem['level'] = 'error'): void {
  env.problems.push({ pos: { file: env.file, line: line0 + 1 }, level, message });
}
