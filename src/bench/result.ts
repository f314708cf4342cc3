// The shape of one benchmark run, as written to .bench/latest.json.
import type { BuildFigures } from './buildBench.ts';
import type { DevFigures } from './devBench.ts';
import type { ExportFigures } from './exportBench.ts';
import type { FloorFigures } from './floorBench.ts';
import type { Machine } from './machine.ts';
import type { PageBytes } from './pageBytes.ts';
import type { WatchFigures } from './watchBench.ts';
import type { LspFigures } from './lspBench.ts';
import type { PresentFigures } from './presentBench.ts';
import type { HubFigures } from './hubBench.ts';

export interface DeckFigures {
  /** "talk" (slides/) or "10×" (the generated deck). */
  label: string;
  slidesDir: string;
  files: number;
  slides?: number;
  build?: BuildFigures;
  pageBytes?: PageBytes;
  export?: ExportFigures;
  /** Launch + print of the same print view frozen to static HTML (src/bench/floorBench.ts). */
  floor?: FloorFigures;
  /** The same export writing the PowerPoint file (the talk only). */
  pptx?: ExportFigures;
  dev?: DevFigures;
  watch?: WatchFigures;
  /** The language server in the largest slide file (the talk only). */
  lsp?: LspFigures;
  /** `present`'s server once built, idle (the talk only). */
  present?: PresentFigures;
  /** The live hub of `present --remote` under 100 and 300 followers (the talk only). */
  hub?: HubFigures;
  failures: string[];
}

export interface BenchResult {
  date: string;
  machine: Machine;
  runs: number;
  warmups: number;
  quick: boolean;
  decks: DeckFigures[];
  /** Wall time of the whole benchmark, s. */
  seconds: number;
}
