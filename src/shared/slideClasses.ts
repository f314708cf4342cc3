// The classes an author writes on a slide's title (`## 标题 {.dense}`) or a
// block (`- 一项 {.fragment}`), with what each does: the composer's overrides
// (src/client/composeRules.ts), the doctor's marks (src/client/doctor/), and
// reveal.js's fragment. One list for the page that obeys them and the editor
// that completes them (src/lsp/).

/** The composer's overrides, on the slide's title heading or its <section>. */
export const OVERRIDES = ['dense', 'roomy', 'statement'] as const;
export type Override = (typeof OVERRIDES)[number];

/** The class that marks a slide meant to be only its heading, set in the middle. */
export const TITLE_ONLY = 'title-only';

export interface SlideClass {
  name: string;
  doc: string;
}

export const SLIDE_CLASSES: readonly SlideClass[] = [
  { name: 'dense', doc: 'On the title: keep the base body size (28 px, 24 px if that overflows); never step up.' },
  { name: 'roomy', doc: 'On the title: step the body up the scale (to 32 px) whenever it fits.' },
  { name: 'statement', doc: 'On the title: set the body as a statement, 40 px, centred over the accent rule.' },
  { name: TITLE_ONLY, doc: 'On the title: a slide meant to be only its heading, set in the middle.' },
  { name: 'fragment', doc: 'On a block or list item: shown one step at a time (reveal.js fragment).' },
];
