// The doctor's word on formulas the PowerPoint file cannot keep editable:
// each formula of the deck converted as the PowerPoint export converts it
// (src/export/pptx/omml.ts); one it has no equation for is a warning at its
// line (the file will hold its picture). Loaded only for a deck with formulas.
import type { Deck } from '../deck/model.ts';
import type { Problem } from '../shared/problem.ts';

export async function equationProblems(deck: Deck): Promise<Problem[]> {
  if (!deck.formulas) return [];
  const { formulaOmml } = await import('../export/pptx/omml.ts');
  const problems: Problem[] = [];
  for (const formula of deck.formulas ?? []) {
    const result = formulaOmml(formula.tex, formula.display, { size: 28, colour: '000000' });
    if ('error' in result)
      problems.push({
        pos: { file: formula.file, line: formula.line },
        level: 'warning',
        message: `formula: the PowerPoint file will hold it as a picture, not an editable equation (${result.error})`,
      });
  }
  return problems;
}
