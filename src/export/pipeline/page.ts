// The pipeline's page: the built deck in reveal.js's print view, laid out
// and checked by the deck doctor. The first time, or when the client shell or
// the font subset changed, the page loads the build (with the diagrams an
// earlier export drew, diagrams.ts); after that (--watch) the new slides go
// into the open page, only those that changed when the deck kept its shape
// (slidePatches.ts, src/client/watchPrint.ts): no new browser, no reload.
import type { Page } from 'puppeteer';
import type { Deck } from '../../deck/model.ts';
import { renderSlidesHtml } from '../../render/slidesHtml.ts';
import { plural } from '../../shared/plural.ts';
import type { Problem } from '../../shared/problem.ts';
import type { RenderOptions, ViewOptions } from '../contract.ts';
import { fitBitmaps } from '../print/fitBitmaps.ts';
import { openForPrint, type OpenedDeck } from '../print/printPage.ts';
import type { Progress } from '../progress.ts';
import type { Built } from './build.ts';
import { earlierDiagrams, type EarlierDiagrams } from './diagrams.ts';
import type { Session } from './session.ts';
import { slidePatches } from './slidePatches.ts';

export interface Shown {
  opened: OpenedDeck;
  /** What the page and its doctor found on the slides as laid out now. */
  findings: Problem[];
  /** How the deck got into the page: page opened, page reloaded, … changed in place. */
  how: string;
  /** When the page was loaded: the diagrams an earlier export drew. */
  diagrams?: EarlierDiagrams;
}

/** Every format reads the page after this: its bitmaps at most twice the pixels they fill (fitBitmaps.ts). */
async function fitPictures(page: Page, log?: (line: string) => void): Promise<void> {
  for (const line of (await fitBitmaps(page)).lines) log?.(`picture made smaller for the export: ${line}`);
}

/** Swaps a new deck's slides into the open print view; what the page finds on them, and how. */
async function swapIn(
  page: Page,
  before: Deck,
  after: Deck,
  options: RenderOptions,
  log?: (line: string) => void,
): Promise<{ findings: Problem[]; how: string }> {
  const html = renderSlidesHtml(after);
  // Only the slides that changed, in their pages, when the deck kept its shape; else all of them.
  const patches = slidePatches(before, after, options);
  let problems = patches
    ? await page.evaluate((h: string, p: typeof patches) => (window.__iurPatch ? window.__iurPatch(h, p) : null), html, patches)
    : null;
  let how = `${plural(patches?.length ?? 0, 'slide')} changed in place`;
  if (problems === null) {
    problems = await page.evaluate((h: string) => {
      if (!window.__iurReprint) throw new Error('the page takes no new slides');
      return window.__iurReprint(h);
    }, html);
    how = 'slides swapped in place';
  }
  // The page's own problems (diagrams) and the deck doctor on the slides as now laid out.
  const findings = [...problems, ...(await page.evaluate(() => window.__iurDeck?.inspectAll?.() ?? []))];
  await fitPictures(page, log);
  return { findings, how };
}

/** The print view of a session, kept open from one pass to the next. */
export class PrintView {
  private opened?: OpenedDeck;
  private shown?: { shellKey: string; font: string; deck: Deck };

  constructor(
    private readonly session: Session,
    private readonly log?: (line: string) => void,
  ) {}

  /** Shows the built deck: in place when only its slides changed, else loaded anew. Throws a DeckError when the page reports one. */
  async show(built: Built, view: ViewOptions, options: RenderOptions, progress: Progress): Promise<Shown> {
    const { opened, shown } = this;
    if (opened && shown?.shellKey === built.shellKey && shown.font === built.font) {
      return { opened, ...(await progress.time('swap', () => swapIn(opened.page, shown.deck, built.deck, options, this.log))) };
    }
    this.opened = undefined;
    const url = await this.session.url();
    const browser = await this.session.browser();
    const diagrams = await earlierDiagrams(built.deck, built.shellKey, browser);
    const loaded = await progress.time('page ready', () =>
      openForPrint(browser, {
        url,
        ...view,
        timeoutMs: options.timeoutMs,
        prerendered: diagrams.prerendered,
        slides: built.deck.slides.map((s) => s.pos),
        onRendered: (drawn, total) => progress.update(`slides rendered ${drawn}/${total}`, { transient: drawn < total }),
        log: this.log,
      }),
    );
    await fitPictures(loaded.page, this.log);
    this.opened = loaded;
    return { opened: loaded, findings: loaded.doctor, how: shown ? 'page reloaded' : 'page opened', diagrams };
  }

  /** What the page shows now: one that shows a broken deck lays the next one out whole. */
  settle(built: Built, findings: Problem[]): void {
    const broken = findings.some((p) => p.level === 'error');
    this.shown = { shellKey: built.shellKey, font: built.font, deck: broken ? { ...built.deck, slides: [] } : built.deck };
  }
}
