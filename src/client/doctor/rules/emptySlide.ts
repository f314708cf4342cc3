// An empty slide: no text the audience sees and no picture, diagram or media
// (a `---` too many, or content that went into the notes).
import { slideText, type Rule } from '../context.ts';

export const emptySlide: Rule = (ctx) => {
  const hasMedia = ctx.section.querySelector('svg, img, video, canvas, iframe, figure') !== null;
  return slideText(ctx.section).trim() || hasMedia ? [] : [{ level: 'warning', message: 'empty slide' }];
};
