// The Chromium floor of the PDF export: what launching Chromium and printing
// the same deck costs when there is nothing else to do. The deck's print view
// is built and laid out once, as the export lays it out (untimed), and frozen
// to static HTML beside its built files: the document as laid out, its
// scripts removed, the style rules the page holds written into its <style>
// elements, no crossorigin (file:// has no origin). Each timed run then launches Chromium as the export does
// (src/browser/launch.ts), opens that file, prints it with the export's
// page.pdf options (src/export/pdf/printDeck.ts) and closes Chromium.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer';
import { launchBrowser } from '../browser/launch.ts';
import { buildDeck } from '../builder/buildDeck.ts';
import { serveDir } from '../builder/staticServer.ts';
import type { Deck } from '../deck/model.ts';
import { PRINT_PDF_OPTIONS } from '../export/pdf/printDeck.ts';
import { fitBitmaps } from '../export/print/fitBitmaps.ts';
import { printPlan } from '../export/print/pages.ts';
import { openForPrint } from '../export/print/printPage.ts';
import type { PrintPlan } from '../shared/printView.ts';
import type { FigureOptions } from './args.ts';
import { maybeSummarize, type Summary } from './stats.ts';

export interface FloorFigures {
  runs: number;
  /** Launch + open the static file + print + close, per run. */
  wallMs?: Summary;
  stagesMs: Record<string, Summary>;
  /** Pages of the floor's PDF (the export's must match: the same work). */
  pages?: number;
  pdfBytes?: number;
  /** The frozen page, its size. */
  htmlBytes?: number;
  failures: string[];
}

export interface FrozenDeck {
  /** The static page: beside the built deck's files, so its relative URLs resolve. */
  file: string;
  deck: Deck;
  htmlBytes: number;
}

/**
 * In the page: the laid-out document as static HTML. Scripts go (nothing
 * needs to run), and each <style> gets the rules its sheet holds now, which
 * includes any a script inserted without touching its text.
 */
function frozenHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const sheets = Array.from(document.querySelectorAll('style'), (s) => s.sheet);
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    Array.from(clone.querySelectorAll('style')).forEach((style, i) => {
      const rules = sheets[i]?.cssRules;
      if (rules) style.textContent = Array.from(rules, (r) => r.cssText).join('\n');
    });
    for (const sheet of document.adoptedStyleSheets) {
      const style = document.createElement('style');
      style.textContent = Array.from(sheet.cssRules, (r) => r.cssText).join('\n');
      clone.querySelector('head')?.append(style);
    }
    clone.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((e) => e.remove());
    // A file:// page has no origin to share: a CORS request for its stylesheet fails.
    clone.querySelectorAll('[crossorigin]').forEach((e) => e.removeAttribute('crossorigin'));
    return `<!doctype html>\n${clone.outerHTML}`;
  });
}

/**
 * Builds the deck into `outDir`, lays out its print view in Chromium as the
 * export does (the page draws its diagrams itself: this is untimed), applies
 * the export's default print plan, and writes the page as `frozen.html`.
 */
export async function freezeDeck(slidesDir: string, outDir: string, timeoutMs: number): Promise<FrozenDeck> {
  await mkdir(outDir, { recursive: true });
  const built = await buildDeck({ slidesDir, outDir, quiet: true, verifyDiagrams: false });
  const server = await serveDir(outDir);
  const browser = await launchBrowser({ timeout: timeoutMs });
  try {
    const opened = await openForPrint(browser, {
      url: `${server.url}index.html`,
      fragments: false,
      annotations: false,
      timeoutMs,
      slides: built.deck.slides.map((s) => s.pos),
    });
    await fitBitmaps(opened.page);
    const plan = printPlan(built.deck, null, false);
    await opened.page.evaluate((p: PrintPlan) => {
      const prepare = window.__iurDeck?.preparePrint;
      if (!prepare) throw new Error('the page has no print plan (window.__iurDeck.preparePrint)');
      return prepare(p);
    }, plan);
    const canvases = await opened.page.evaluate(() => document.querySelectorAll('canvas').length);
    if (canvases > 0) throw new Error(`the print view has ${canvases} <canvas>: static HTML would print them blank`);
    const html = await frozenHtml(opened.page);
    const file = path.join(outDir, 'frozen.html');
    await writeFile(file, html);
    return { file, deck: built.deck, htmlBytes: Buffer.byteLength(html) };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

/** One timed run: launch, open the static page, print it, close. Returns the PDF and the stages in ms. */
export async function printFrozen(file: string, timeoutMs: number): Promise<{ pdf: Uint8Array; stages: Record<string, number> }> {
  const stages: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = now - t;
    t = now;
  };
  const browser = await launchBrowser({ timeout: timeoutMs });
  try {
    lap('launch');
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: timeoutMs });
    lap('open');
    const pdf = await page.pdf({ ...PRINT_PDF_OPTIONS, timeout: timeoutMs });
    lap('print');
    return { pdf, stages };
  } finally {
    await browser.close();
    lap('close');
  }
}

export interface FloorBenchOptions extends FigureOptions {
  /** Scratch folder for the frozen deck and its PDF. */
  outDir: string;
}

export async function benchFloor(o: FloorBenchOptions): Promise<FloorFigures> {
  const failures: string[] = [];
  let frozen: FrozenDeck;
  try {
    frozen = await freezeDeck(o.slidesDir, path.join(o.outDir, 'frozen'), o.timeoutMs);
  } catch (error) {
    return {
      runs: 0,
      stagesMs: {},
      failures: [`floor: freezing the print view: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const walls: number[] = [];
  const stages = new Map<string, number[]>();
  let last: Uint8Array | undefined;
  for (let i = 0; i < o.warmups + o.runs; i++) {
    const warm = i < o.warmups;
    const started = performance.now();
    try {
      const run = await printFrozen(frozen.file, o.timeoutMs);
      const ms = performance.now() - started;
      o.onRun?.(warm ? 'floor (warm-up)' : 'floor', ms);
      last = run.pdf;
      if (warm) continue;
      walls.push(ms);
      for (const [stage, v] of Object.entries(run.stages)) stages.set(stage, [...(stages.get(stage) ?? []), v]);
    } catch (error) {
      failures.push(`floor: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  let pages: number | undefined;
  if (last) {
    const pdfFile = path.join(o.outDir, 'floor.pdf');
    await writeFile(pdfFile, last);
    pages = (await PDFDocument.load(await readFile(pdfFile), { updateMetadata: false })).getPageCount();
  }
  const stagesMs: Record<string, Summary> = {};
  for (const [stage, values] of stages) stagesMs[stage] = maybeSummarize(values) as Summary;
  return {
    runs: walls.length,
    wallMs: maybeSummarize(walls),
    stagesMs,
    pages,
    pdfBytes: last?.byteLength,
    htmlBytes: frozen.htmlBytes,
    failures,
  };
}
