// What the code fence's renderer asks of a highlighter, without naming Shiki:
// the fence rule (src/markdown/rules/code.ts) renders with whatever the deck's
// parse was handed (src/markdown/renderers.ts), and a parse handed none (a
// unit test, a deck whose grammar failed to load) still renders the code, in
// one colour.

/** One highlighted piece of a line: its text, its CSS colour, Shiki's font style bits (1 italic, 2 bold, 4 underline). */
export interface CodeToken {
  text: string;
  colour: string;
  fontStyle: number;
}

export interface CodeHighlighter {
  /** Whether a fence's language is one the highlighter knows (or plain text). */
  known(lang: string): boolean;
  /** Every language name it knows, for "did you mean …?". */
  names(): string[];
  /** The code's lines as tokens; an unknown language as one plain token a line. */
  tokens(code: string, lang: string): CodeToken[][];
}
