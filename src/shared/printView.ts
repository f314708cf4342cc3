// What Node and the print view tell each other about the printed pages: the
// plan Node makes (src/export/print/pages.ts) and the page applies
// (src/client/print/printPlan.ts), what each printed page shows, how far the
// page got while Node waits, where each slide's page sits (PNG screenshots),
// and which slides a save changed (export --watch). Plain data.

/** A slide as the page knows it: the data-file and data-line of its <section>. */
export type SlideKey = string;

export interface PrintPlan {
  /** Slides to print (`file:line`); null: all. */
  keep: SlideKey[] | null;
  /** Add a notes page after each printed slide that has speaker notes. */
  notes: boolean;
  /** Heading of a notes page per slide: number and title. */
  labels: Record<SlideKey, string>;
  /** reveal.js links (`#/3`, `#/3/1`) → the slide they go to. */
  links: Record<string, SlideKey>;
}

export interface PrintedPage {
  key: SlideKey;
  /** slide: its first page; step: a further fragment step; notes: its notes page. */
  kind: 'slide' | 'step' | 'notes';
}

/** How far the print view got (src/client/print/pageStatus.ts), read by the exporter while it waits. */
export interface PageStatus {
  state: string;
  /** Slides (sections with data-file) and how many have every diagram drawn. */
  slides: number;
  drawn: number;
  fonts: string;
  /** reveal.js print view laid out (its .pdf-page elements exist). */
  printLayout: boolean;
  /** Undrawn diagrams: the slide's and the fence's place. */
  undrawn: { file: string; line: number; figureLine: number }[];
}

/** The first page of a slide in the print view (src/client/print/slidePlaces.ts). */
export interface SlidePlace {
  key: SlideKey;
  /** Document coordinates of the page's top left, CSS px. */
  x: number;
  y: number;
}

/** A slide to change in place (export --watch): its 0-based index; `attributesOnly` when only its place in the file moved. */
export interface SlidePatch {
  index: number;
  attributesOnly: boolean;
}
