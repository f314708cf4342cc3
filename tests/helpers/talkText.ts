// The talk's own text (tests/fixtures/talk/original.txt) as the exports must
// carry it: each source line cut into the pieces that must appear (cells of a
// table row, a bold label and its body), typo fixes applied, compared without
// white space. Shared by the PDF and the PowerPoint tests of the talk.
import { readFileSync } from 'node:fs';

export const original = readFileSync('tests/fixtures/talk/original.txt', 'utf8');
export const reordered = new Set((JSON.parse(readFileSync('tests/fixtures/talk/reordered.json', 'utf8')) as { lines: string[] }).lines);
const corrections = JSON.parse(readFileSync('tests/fixtures/talk/corrections.json', 'utf8')) as Record<string, string>;

/** Text without white space or list/heading markup, as pdftotext and the source both reduce to. */
export function normal(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The pieces of one source line that must be in the export (cells of a table row, label and body). */
export function segments(line: string): string[] {
  let l = line.trim();
  for (const [typo, fixed] of Object.entries(corrections)) l = l.replace(typo, fixed);
  l = l
    .replace(/^#+\s*/, '')
    .replace(/^[-*]\s+/, '')
    .replace(/^\d+\.\s+/, '')
    .replace(/^[IVX]+\.\s+/, (m) => (l.startsWith('I. 产业') ? m : ''))
    .replace(/^[■◆●✓]\s*/u, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
  return (
    l
      .split(/\t|\*\*([^*]+：)\*\*|\*\*/)
      .filter((s): s is string => typeof s === 'string')
      .map((s) =>
        s
          .replace(/^[◆■●✓]+/u, '')
          .replace(/^[IVX]+\.\s*/, '')
          .trim(),
      )
      .map((s) => s.replace(/^\d+\s+(?=方式)/, ''))
      // A short label before a full-width colon (特征一：…, 模式：…) may become a card's heading: label and text are checked apart.
      .flatMap((s) => {
        const label = /^([^：，。（]{1,6}：)(.+)$/u.exec(s);
        return label ? [label[1], label[2]] : [s];
      })
      .filter((s) => s !== '' && s !== '—' && s !== '---' && s !== '-' && s !== '.....')
  );
}

/** The talk's pieces missing from `text` (already normal()). */
export function missingLines(text: string): string[] {
  return (
    original
      .split('\n')
      .flatMap(segments)
      // A bold label that became a table's row header loses its colon.
      .filter((s) => !text.includes(normal(s)) && !(s.endsWith('：') && text.includes(normal(s.slice(0, -1)))))
  );
}
