// The doctor's word on formulas the PowerPoint file cannot keep editable:
// each formula of the deck converted as the PowerPoint export converts it
// (src/export/pptx/omml.ts); one it has no equation for is a warning at its
// line (the file will hold its picture). Loaded only for a deck with formulas.
import type { Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';

const FORMULA = /<(?:span|div) class="math (math-display|math-inline)" data-line="(\d+)" role="img" aria-label="([^"]*)"/g;
const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export async function equationProblems(deck: Deck): Promise<Problem[]> {
  if (!deck.math) return [];
  const { formulaOmml } = await import('../export/pptx/omml.ts');
  const problems: Problem[] = [];
  for (const slide of deck.slides) {
    for (const [, kind, line, label] of slide.html.matchAll(FORMULA)) {
      const result = formulaOmml(unescape(label), kind === 'math-display', { size: 28, colour: '000000' });
      if ('error' in result)
        problems.push({
          pos: { file: slide.pos.file, line: Number(line) },
          level: 'warning',
          message: `formula: the PowerPoint file will hold it as a picture, not an editable equation (${result.error})`,
        });
    }
  }
  return problems;
}
