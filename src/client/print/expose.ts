// Puts the print view's page-side code on window.__iurDeck, where the exporter
// calls it (src/export/): printStatus() while it waits for the deck,
// preparePrint(plan) before the PDF is printed, slidePlaces(keys) before the
// PNG screenshots. Set when the script starts, so the status answers while
// the deck is still loading.
import '../readiness.ts';
import { pageStatus } from './pageStatus.ts';
import { preparePrint } from './printPlan.ts';
import { slidePlaces } from './slidePlaces.ts';

const status = window.__iurDeck;
if (status) {
  status.printStatus = () => pageStatus();
  status.preparePrint = (plan) => preparePrint(plan);
  status.slidePlaces = (keys) => slidePlaces(keys);
}
