// The outline of a file in the editor: its part (a file is one part of the
// talk) and under it each slide, numbered as the deck counts them, with its
// title, from the Deck model of the last parse (parts and slides carry their
// lines).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Deck } from '../deck/model.ts';

const UNTITLED = '（无标题）';

export function documentSymbols(deck: Deck, sameFile: (file: string) => boolean, lineCount: number): DocumentSymbol[] {
  const part = deck.parts.find((p) => sameFile(p.file));
  if (!part) return [];
  const last = Math.max(0, lineCount - 1);
  const clamp = (line: number) => Math.min(Math.max(0, line), last);
  const children: DocumentSymbol[] = deck.slides
    .filter((s) => s.part === part.index)
    .map((s) => {
      const start = clamp(s.pos.line - 1);
      const end = Math.max(start, clamp(s.endLine - 1));
      return {
        name: `${s.index + 1} ${s.title || UNTITLED}`,
        detail: [s.layout, s.v > 0 ? `${s.h + 1}.${s.v + 1}` : ''].filter(Boolean).join(' '),
        kind: s.v > 0 ? SymbolKind.Field : SymbolKind.Class,
        range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } },
        selectionRange: { start: { line: start, character: 0 }, end: { line: start, character: 0 } },
      };
    });
  return [
    {
      name: part.title || UNTITLED,
      detail: part.marker,
      kind: SymbolKind.Namespace,
      range: { start: { line: 0, character: 0 }, end: { line: last, character: 0 } },
      selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      children,
    },
  ];
}
