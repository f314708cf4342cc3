// Which written shapes each fragment step of a slide shows, and what the
// speaker notes say about it. A text body whose paragraphs all come in at
// one step is shown whole; one whose paragraphs come in at different steps
// (a list stepped item by item, a stacked body with a stepped paragraph) is
// shown paragraph by paragraph. Pictures, tables and a card's boxes are shown
// whole, and so is each box of a stepped code block (codeSteps.ts), the
// notes naming the lines it lights. animations.ts writes the result as the
// slide's timing tree.
import type { FragmentStep, Item, TextItem } from '../../shared/slideData.ts';
import type { StepFix, StepTarget } from './animations.ts';
import { linesSaid } from './codeSteps.ts';

/** An item as written, under the shape name it got. */
export interface NamedItem {
  item: Item;
  name: string;
  /** One box of a stepped code block: the slide step it comes in at (none: from the start) and the lines it lights. */
  codeStep?: { step?: number; lines: number[] };
}

const textOf = (item: TextItem, paragraphs: number[]): string =>
  paragraphs
    .map((i) =>
      item.paragraphs[i].runs
        .map((r) => r.text)
        .join('')
        .trim(),
    )
    .filter((t) => t !== '')
    .join(' ');

/** One step's targets, in the slide's order, and a description of what appears. */
function targetsOf(written: NamedItem[], step: number): { targets: StepTarget[]; said: string[] } {
  const targets: StepTarget[] = [];
  const said: string[] = [];
  for (const { item, name, codeStep } of written) {
    if (codeStep) {
      if (codeStep.step !== step) continue;
      targets.push({ name, kind: 'text' });
      said.push(linesSaid(codeStep.lines, item.kind === 'text' ? item.paragraphs.length : 0));
    } else if (item.kind === 'text') {
      const steps = item.paragraphs.map((p) => p.step);
      const mine = steps.flatMap((s, i) => (s === step ? [i] : []));
      if (mine.length === 0) continue;
      const whole = steps.every((s) => s === step);
      targets.push(whole ? { name, kind: 'text' } : { name, kind: 'text', paragraphs: mine });
      said.push(textOf(item, mine));
    } else if (item.step === step) {
      targets.push({ name, kind: item.kind });
      if (item.kind === 'picture' && item.role !== 'icon') said.push(item.alt ? `图片：${item.alt}` : '图片');
      if (item.kind === 'table') said.push('表格');
    }
  }
  return { targets, said };
}

/** At most `max` characters of a description, an ellipsis where it was cut. */
function short(text: string, max = 60): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** The slide's steps as animation targets, and a line per step for the notes ("第 1 步：…"). */
export function stepTargets(written: NamedItem[], steps: FragmentStep[]): { steps: StepFix[]; notes: string[] } {
  const fixes: StepFix[] = [];
  const notes: string[] = [];
  steps.forEach((step, i) => {
    const { targets, said } = targetsOf(written, i);
    if (targets.length === 0) return;
    fixes.push({ ...step, targets });
    notes.push(`第 ${fixes.length} 步：${short(said.filter((s) => s !== '').join('；')) || '图形'}`);
  });
  return { steps: fixes, notes };
}
