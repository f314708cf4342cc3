// The parse-level check of a deck, as `check` makes it before any browser:
// the deck's files read through loadDeck (the editor's texts in place of
// those on disk), parsed once by the one markdown-it instance with all its
// rules, the front matter and the theme checked, and each Mermaid diagram
// parsed (diagramCheck.ts). The same tokens give the Chinese-text findings
// at their characters (textFindings.ts) and the outline (symbols.ts reads the
// model). A new rule of the parser reports here with no change.
import path from 'node:path';
import { loadDeck } from '../deck/loadDeck.ts';
import type { Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';
import { diagramProblems } from './diagramCheck.ts';
import { textFindings, type TextFinding } from './textFindings.ts';

export interface DeckParse {
  dir: string;
  deck: Deck;
  /** As `check` says them (file relative to the working folder, 1-based line). */
  problems: Problem[];
  /** Each file's text as parsed, by absolute path. */
  texts: Map<string, string>;
  /** Each file's Chinese-text findings, by absolute path. */
  findings: Map<string, TextFinding[]>;
}

/** The absolute path of a problem's file. */
export function problemPath(p: Problem): string {
  return path.resolve(p.pos.file);
}

export async function parseCheck(dir: string, editing: ReadonlyMap<string, string>): Promise<DeckParse> {
  const texts = new Map<string, string>();
  const findings = new Map<string, TextFinding[]>();
  const { deck, problems } = await loadDeck(dir, {
    texts: editing,
    onTokens: (source, tokens) => {
      const file = source.absolute ?? path.resolve(source.file);
      texts.set(file, source.text);
      findings.set(file, textFindings(source.text, tokens));
    },
  });
  const diagrams = await diagramProblems(deck.slides.flatMap((s) => s.diagrams));
  return { dir, deck, problems: [...problems, ...diagrams], texts, findings };
}
