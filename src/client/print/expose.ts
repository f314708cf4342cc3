// Puts the print view's page-side code on window.__iurDeck, where the exporter
// calls it (src/export/): printStatus() while it waits for the deck,
// preparePrint(plan) before the PDF is printed, slidePlaces(keys) before the
// PNG screenshots. Set when the script starts, so the status answers while
// the deck is still loading.
import '../readiness.ts';
import { pageStatus, type PageStatus } from './pageStatus.ts';
import { preparePrint, type PrintedPage, type PrintPlan, type SlideKey } from './printPlan.ts';
import { slidePlaces, type SlidePlace } from './slidePlaces.ts';

declare module '../readiness.ts' {
  interface DeckStatus {
    /** How far the page got (print view). */
    printStatus?: () => PageStatus;
    /** Applies the print plan; what each printed page shows. */
    preparePrint?: (plan: PrintPlan) => PrintedPage[];
    /** The first page of each slide asked for, in document coordinates. */
    slidePlaces?: (keys: SlideKey[]) => SlidePlace[];
  }
}

const status = window.__iurDeck;
if (status) {
  status.printStatus = () => pageStatus();
  status.preparePrint = (plan) => preparePrint(plan);
  status.slidePlaces = (keys) => slidePlaces(keys);
}
