// Puts the doctor on the page: `window.__iurDeck.inspectAll()` for
// `npm run check` and `npm run export` (in the print view),
// `window.__iurDeck.inspect()` for the slide on screen (the look test), and in
// dev a check of each slide as it comes on screen, reported to the terminal
// and, for errors, to Vite's overlay. Each reads the layout only once the fonts
// have settled (settle.ts).
import type { RevealApi } from 'reveal.js';
import { DEV_EVENT, type DoctorReport } from '../../shared/devChannel.ts';
import { inspectCurrent, inspectSlide } from './inspect.ts';
import { SLIDE_WIDTH } from './context.ts';
import { smallestLabelPx } from './rules/diagramLabels.ts';
import { layoutSettled } from './settle.ts';

export function attachDoctor(deck: RevealApi): void {
  const status = window.__iurDeck;
  if (status) {
    // In the print view (?print-pdf) every slide is laid out at once: no navigation needed.
    status.inspectAll = async () => {
      await layoutSettled();
      return Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section[data-file]')).flatMap((s) => inspectSlide(s));
    };
    // For a caller that has waited for the page itself (the look test): at once.
    status.inspect = () => inspectCurrent(deck);
    status.diagramLabels = () => {
      const section = deck.getCurrentSlide() as HTMLElement | undefined;
      const frame = document.querySelector('.reveal .slides')?.getBoundingClientRect();
      if (!section || !frame) return [];
      return Array.from(section.querySelectorAll<SVGSVGElement>('figure.mermaid-diagram > svg')).flatMap((svg) => {
        const px = smallestLabelPx(svg, frame.width / SLIDE_WIDTH);
        return px === undefined ? [] : [px];
      });
    };
  }
  const hot = import.meta.hot;
  if (!hot) return;
  const run = async () => {
    await layoutSettled();
    const slide = deck.getCurrentSlide() as HTMLElement | undefined;
    const problems = inspectCurrent(deck);
    for (const p of problems) console.warn(`${p.pos.file}:${p.pos.line}: ${p.level}: ${p.message}`);
    hot.send(DEV_EVENT.doctor, { slide: slide?.id ?? '', problems } satisfies DoctorReport);
  };
  const runSoon = () => void run();
  deck.on('slidechanged', runSoon);
  document.addEventListener('iur:deck-updated', runSoon);
  runSoon();
}
