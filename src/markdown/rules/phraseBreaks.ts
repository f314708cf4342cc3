// Core rule: Chinese line breaks at phrase boundaries in short display text —
// headings, the text of cards and table header cells — where a break inside a
// word (用户社|区, 源|代码) is most visible. BudouX (npm `budoux`, Google's
// phrase segmenter, its Simplified Chinese model) finds the phrases at parse
// time, each boundary kept to a word edge (onWordEdges), and a <wbr> marks
// it (a text's phrases are kept, as parses repeat); the theme sets these
// elements `word-break: keep-all`, so the browser breaks only there (and at
// spaces and punctuation). <wbr> is no character: the text of the PDF and the PowerPoint
// file is unchanged. Body paragraphs keep the normal break at any character.
import type { MarkdownIt, Token } from 'markdown-it';
import { simplifiedChineseParser } from '../budouxParser.ts';

const HAN = /\p{Script=Han}/u;
let words: Intl.Segmenter | undefined;

/**
 * Where each phrase boundary goes: BudouX's model cuts some words (万|一,
 * 以防万|一, 用户万|一忘), so a boundary that falls inside a word of the
 * dictionary segmentation (ICU's, through Intl.Segmenter, in Node as in the
 * browser) moves back to the start of that word. A break then always falls
 * between two words: 用户 / 万一, never 万 / 一.
 */
function onWordEdges(text: string, boundaries: number[]): number[] {
  words ??= new Intl.Segmenter('zh-Hans', { granularity: 'word' });
  const starts: number[] = [];
  for (const { index } of words.segment(text)) starts.push(index);
  starts.push(text.length);
  const moved = boundaries.map((b) => {
    const i = starts.findIndex((start) => start >= b);
    return starts[i] === b ? b : starts[i - 1];
  });
  return [...new Set(moved)].filter((b) => b > 0 && b < text.length).sort((a, b) => a - b);
}

/**
 * Phrases already found, by text. The same headings and cards come back on
 * every parse of the deck (the language server parses it on each keystroke),
 * and BudouX with the word segmentation was the largest part of a parse.
 */
const found = new Map<string, readonly string[]>();
const KEEP = 5000;
/** How many phrases were found by parsing (not given by addPhrases), so a cache knows when to write. */
let parsed = 0;

/** Every text's phrases known so far, for a cache to keep (src/markdown/phraseCache.ts). */
export function knownPhrases(): { entries: [string, readonly string[]][]; parsed: number } {
  return { entries: [...found], parsed };
}

/** Phrases found by an earlier run ([text, phrases] pairs): each is checked to put its text back together, then kept. */
export function addPhrases(entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [text, parts] = entry as unknown[];
    if (typeof text !== 'string' || !Array.isArray(parts) || !parts.every((p) => typeof p === 'string')) continue;
    if (parts.join('') === text && !found.has(text)) keep(text, Object.freeze([...parts]));
  }
}

/** Keeps a text's phrases, the oldest text forgotten when KEEP are kept. */
function keep(text: string, parts: readonly string[]): void {
  if (found.size >= KEEP) found.delete(found.keys().next().value ?? '');
  found.set(text, parts);
}

/** The text's phrases (the text itself when it holds no Chinese), cut only between words. */
export function phrases(text: string): readonly string[] {
  if (!HAN.test(text)) return [text];
  const known = found.get(text);
  if (known) return known;
  const boundaries: number[] = [];
  let at = 0;
  for (const phrase of simplifiedChineseParser().parse(text).slice(0, -1)) boundaries.push((at += phrase.length));
  const cuts = [0, ...onWordEdges(text, boundaries), text.length];
  const parts = Object.freeze(cuts.slice(1).map((end, i) => text.slice(cuts[i], end)));
  keep(text, parts);
  parsed++;
  return parts;
}

/** The inline's text tokens split at phrase boundaries, a <wbr> between two phrases. */
function markPhrases(inline: Token, TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): void {
  const out: Token[] = [];
  for (const child of inline.children ?? []) {
    const parts = child.type === 'text' ? phrases(child.content) : [];
    if (parts.length < 2) {
      out.push(child);
      continue;
    }
    parts.forEach((part, i) => {
      if (i > 0) {
        const wbr = new TokenClass('html_inline', '', 0);
        wbr.content = '<wbr>';
        out.push(wbr);
      }
      const text = new TokenClass('text', '', 0);
      text.content = part;
      text.level = child.level;
      out.push(text);
    });
  }
  inline.children = out;
}

export function phraseBreaksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('iur_phrase_breaks', (state) => {
    const tokens = state.tokens;
    // The levels of the card items the walk is inside.
    const cards: number[] = [];
    tokens.forEach((token, i) => {
      if (
        token.type === 'list_item_open' &&
        String(token.attrGet('class') ?? '')
          .split(' ')
          .includes('card')
      )
        cards.push(token.level);
      else if (token.type === 'list_item_close' && cards[cards.length - 1] === token.level) cards.pop();
      const next = tokens[i + 1];
      if (next?.type !== 'inline') return;
      if (token.type === 'heading_open' || token.type === 'th_open' || cards.length > 0) markPhrases(next, state.Token);
    });
  });
}
