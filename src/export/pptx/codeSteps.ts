// A code block whose lit lines change with its steps ({1|2-3|all}) as one
// box per step, for the PowerPoint file: each box the block as that step
// shows it (the lines it does not light mixed into the block's background, as
// the theme dims them), filled with that background so that each covers the
// one before. writePptx.ts stacks them in one place; the first shows from the
// start and each next one comes in at its step's click (stepTargets.ts), so
// the file lights the lines the deck does, click by click.
import type { TextItem } from '../../shared/slideData.ts';
import { mix } from '../../shared/colourMix.ts';

/** One step of a code block: the block as it shows then, and the slide step (none: from the start) it comes in at. */
export interface CodeStepBox {
  item: TextItem;
  /** 0: the block as it shows at once; k: its k-th step. */
  index: number;
  /** The slide's fragment step the box comes in at; none: shown from the start. */
  step?: number;
  /** Lines lit (1-based). */
  lines: number[];
}

/** The boxes of a code block, one per step; a block without steps is itself, as read. */
export function codeStepBoxes(item: TextItem): CodeStepBox[] {
  const code = item.code;
  if (!code?.dim || code.steps.length < 2) return [{ item, index: 0, lines: [] }];
  const { opacity, ground } = code.dim;
  return code.steps.map((s, index) => {
    const lit = new Set(s.lines);
    const paragraphs = item.paragraphs.map((p, i) =>
      lit.has(i + 1) ? p : { ...p, runs: p.runs.map((r) => ({ ...r, colour: mix(r.colour, ground, opacity) })) },
    );
    return { item: { ...item, paragraphs }, index, step: index === 0 ? undefined : s.step, lines: s.lines };
  });
}

/** The lit lines as the notes say them: "代码第 2–3 行", "代码第 1、4–6 行", "全部代码行". */
export function linesSaid(lines: number[], total: number): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  if (sorted.length === 0) return '代码不亮任何行';
  if (total > 0 && sorted.length >= total && sorted[0] === 1 && sorted[sorted.length - 1] === total) return '全部代码行';
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  return `代码第 ${runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join('、')} 行`;
}
