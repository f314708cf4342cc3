// A colour as it shows at some opacity over a solid ground: how the slide
// reader (src/client/slideData/code.ts) and the PowerPoint writer
// (src/export/pptx/codeSteps.ts) draw a code line dimmed by a step.
import type { Colour } from './slideData.ts';

/** `c` as it shows at `opacity` over `ground`. */
export function mix(c: Colour, ground: Colour, opacity: number): Colour {
  if (opacity >= 0.999) return c;
  const ch = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  const hex = [0, 2, 4]
    .map((i) =>
      Math.round(ch(c.hex, i) * opacity + ch(ground.hex, i) * (1 - opacity))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
  return { hex, alpha: c.alpha };
}
