// The browser entry: loads the theme and font, draws the diagrams, starts
// reveal.js with its plugins, and keeps the deck live in dev.
import 'reveal.js/reveal.css';
import 'virtual:iur-font.css';
import 'virtual:iur-theme.css';
import Reveal, { type RevealConfig } from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import data from 'virtual:iur-deck';
import { prepareDiagrams, renderDiagrams } from './diagrams.ts';
import { loadFonts } from './fonts.ts';
import { composeDeck } from './compose.ts';
import { markDone, markShown } from './readiness.ts';
import './print/expose.ts';
import { revealOptions } from './revealOptions.ts';
import { acceptDeckUpdates, rememberServedSlides } from './liveUpdate.ts';
import { attachDoctor } from './doctor/attach.ts';
import { setUpPresenting } from './presenting.ts';
import { acceptPrintUpdates } from './watchPrint.ts';
import { setUpPen } from './pen/pen.ts';
import { finishPrintView } from './print/finish.ts';

async function start(): Promise<void> {
  // Dev: the slides as served, so a save swaps in only those that changed.
  rememberServedSlides();
  // Mermaid (when a diagram needs drawing) loads beside the font. Text must be
  // measured in the bundled font, so nothing is drawn before it is in.
  prepareDiagrams();
  await loadFonts();
  // Every slide composed in the bundled font, before reveal.js lays it out: the
  // same sizes on screen, in the print view and for the doctor.
  const composeStart = performance.now();
  composeDeck();
  performance.measure('iur:compose', { start: composeStart });
  const printing = /print-pdf/i.test(location.search);
  // The print view lays every slide out once: its diagrams must be there first.
  if (printing) await renderDiagrams();
  const options = { ...revealOptions(data, new URLSearchParams(location.search)), plugins: [Notes, Search, Zoom] };
  const deck = new Reveal(options as RevealConfig);
  // Tools that drive reveal.js decks (and our tests) look for window.Reveal.
  window.Reveal = deck;
  const pdfReady = printing ? new Promise<void>((resolve) => deck.on('pdf-ready', () => resolve())) : Promise.resolve();
  await deck.initialize();
  setUpPresenting(deck);
  setUpPen(deck, data?.annotations);
  if (!printing) {
    // On screen the first slide shows at once; diagrams are drawn (off-screen)
    // behind it, and the slide on screen is centred again once they are in.
    markShown();
    await renderDiagrams();
    deck.layout();
  }
  await pdfReady;
  // The tagged PDF's structure, and with `export --annotations` the pen's drawings.
  if (printing) finishPrintView(data?.annotations);
  if (printing) acceptPrintUpdates(deck, options as RevealConfig);
  acceptDeckUpdates(deck);
  // The link to the author's editor: dev only, so a build leaves it out with its module.
  if (import.meta.hot) void import('./editorLink.ts').then((m) => m.linkEditor(deck));
  attachDoctor(deck);
  // The slide reader serves the PowerPoint export, which opens the print view: loaded only there.
  if (printing) (await import('./slideData/attach.ts')).attachSlideReader();
  markDone();
}

start().catch((error: unknown) => {
  console.error(error);
  markDone();
});
