// `npm run bench`: runs every figure on the talk and on the 10× deck, prints
// the table (and notes: machine, method, anything that could not be measured),
// writes the JSON. Progress goes to stderr, the table to stdout.
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../browser/launch.ts';
import { BENCH_HELP, parseBenchArgs, type BenchOptions, type FigureOptions } from './args.ts';
import { writeScaledDeck } from './bigDeck.ts';
import { benchBuild } from './buildBench.ts';
import { benchDev } from './devBench.ts';
import { benchExport } from './exportBench.ts';
import { benchFloor } from './floorBench.ts';
import { benchWatch } from './watchBench.ts';
import { benchLsp } from './lspBench.ts';
import { benchPresent } from './presentBench.ts';
import { benchHub } from './hubBench.ts';
import { alignTable, markdownTable, time } from './format.ts';
import { describeMachine, loadNow } from './machine.ts';
import { bytesToFirstSlide } from './pageBytes.ts';
import { notes, tableCells } from './report.ts';
import type { BenchResult, DeckFigures } from './result.ts';
import { stopAll } from './spawnTree.ts';
import { PROJECT_ROOT } from '../project/paths.ts';

const TIMEOUT_MS = 10 * 60_000;

const say = (line: string) => process.stderr.write(`${line}\n`);
const onRun = (deck: string) => (label: string, ms: number) => say(`  [${deck}] ${label}: ${time(ms)}`);
const why = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/**
 * Runs `work` with a Chromium of the bench's own, closed afterwards: none may
 * run beside an export, whose tree's PSS would share Chromium's pages with it
 * and so look smaller than it is.
 */
async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser({ timeout: 120_000 });
  try {
    return await work(browser);
  } finally {
    await browser.close().catch(() => {});
  }
}

async function benchDeck(label: string, slidesDir: string, devCopy: string, scratch: string, o: BenchOptions): Promise<DeckFigures> {
  const files = (await readdir(slidesDir)).filter((n) => n.endsWith('.md')).length;
  const figures: DeckFigures = { label, slidesDir: path.relative(PROJECT_ROOT, slidesDir) || '.', files, failures: [] };
  const common = { projectRoot: PROJECT_ROOT, runs: o.runs, warmups: o.warmups, timeoutMs: TIMEOUT_MS, onRun: onRun(label) };
  const outDir = path.join(scratch, label === 'talk' ? 'talk-out' : 'big-out');
  await mkdir(outDir, { recursive: true });

  say(`[${label}] build …`);
  figures.build = await benchBuild({ ...common, slidesDir, outDir });
  figures.failures.push(...figures.build.failures);
  if (figures.build.distBytes !== undefined) {
    const distDir = figures.build.distDir;
    figures.pageBytes = await withBrowser((browser) => bytesToFirstSlide(browser, distDir, 120_000)).catch((e: unknown) => {
      figures.failures.push(`bytes for slide 1: ${why(e)}`);
      return undefined;
    });
  }

  say(`[${label}] export …`);
  figures.export = await benchExport({ ...common, slidesDir, outDir });
  figures.failures.push(...figures.export.failures);
  figures.slides = figures.export.pages;

  say(`[${label}] Chromium floor (the print view frozen to static HTML) …`);
  figures.floor = await benchFloor({ ...common, slidesDir, outDir });
  figures.failures.push(...figures.floor.failures);
  if (figures.floor.pages !== undefined && figures.floor.pages !== figures.export.pages)
    figures.failures.push(
      `floor: its PDF has ${figures.floor.pages} pages, the export's ${figures.export.pages ?? '?'}: not the same work`,
    );

  if (label === 'talk') {
    say(`[${label}] export to PowerPoint …`);
    figures.pptx = await benchExport({ ...common, slidesDir, outDir, outName: 'deck.pptx' });
    figures.failures.push(...figures.pptx.failures.map((f) => `pptx ${f}`));
  }
  say(`[${label}] export --watch …`);
  figures.watch = await benchWatch({ ...common, slidesDir: devCopy, outDir });
  figures.failures.push(...figures.watch.failures);

  if (label === 'talk') {
    say(`[${label}] present …`);
    figures.present = await benchPresent({ ...common, slidesDir: devCopy, timeoutMs: 120_000 });
    figures.failures.push(...figures.present.failures);
  }
  say(`[${label}] dev …`);
  figures.dev = await withBrowser((browser) => benchDev({ ...common, slidesDir: devCopy, browser, timeoutMs: 120_000 }));
  figures.failures.push(...figures.dev.failures, ...(figures.dev.hmr?.failures ?? []));
  if (label === 'talk') await editorFigures(figures, { ...common, slidesDir: devCopy, timeoutMs: 120_000 });
  if (label === 'talk') {
    // On the copy: `present --fresh` starts a new talk, and the talk's own saved position is the speaker's.
    say(`[${label}] present --remote: 100 and 300 followers …`);
    figures.hub = await benchHub({ ...common, slidesDir: devCopy, timeoutMs: 120_000 });
    figures.failures.push(...figures.hub.failures);
  }
  return figures;
}

/** The language server's figures, on the copy dev edits (the talk only: one file is typed in). */
async function editorFigures(figures: DeckFigures, o: FigureOptions): Promise<void> {
  say(`[${figures.label}] editor (language server) …`);
  figures.lsp = await withBrowser((browser) => benchLsp({ ...o, browser }));
  figures.failures.push(...figures.lsp.failures);
}

async function main(argv: string[]): Promise<number> {
  let o: BenchOptions | 'help';
  try {
    o = parseBenchArgs(argv);
  } catch (error) {
    console.error(`bench: ${why(error)}`);
    return 1;
  }
  if (o === 'help') {
    console.log(BENCH_HELP);
    return 0;
  }
  if (
    !(await stat(o.slidesDir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    console.error(`bench: --slides ${o.slidesDir}: no such folder (see --help)`);
    return 1;
  }
  const started = performance.now();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'iur-bench-'));
  const cleanUp = async () => {
    await stopAll();
    await rm(scratch, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`bench: ${signal}, stopping what it started …`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    let version: string;
    try {
      version = await withBrowser((browser) => browser.version());
    } catch (error) {
      console.error(`bench: cannot start Chromium: ${why(error)}`);
      return 1;
    }
    const machine = describeMachine(version);
    say(
      `bench: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadStart.join(' ')}; ${o.quick ? 'quick' : `${o.runs} runs + ${o.warmups} warm-up`}`,
    );

    // The talk (or --slides): the folder itself for build and export (read only); a copy for dev, whose files HMR edits.
    const talkSlides = path.resolve(o.slidesDir);
    const talkCopy = path.join(scratch, 'talk-slides');
    await cp(talkSlides, talkCopy, { recursive: true });
    const decks: DeckFigures[] = [await benchDeck('talk', talkSlides, talkCopy, scratch, o)];
    if (o.scale) {
      const bigSlides = path.join(scratch, 'big-slides');
      await writeScaledDeck(talkSlides, bigSlides, 10);
      decks.push(await benchDeck('10×', bigSlides, bigSlides, scratch, o));
    }

    const result: BenchResult = {
      date: new Date().toISOString(),
      machine: { ...machine, loadEnd: loadNow() },
      runs: o.runs,
      warmups: o.warmups,
      quick: o.quick,
      decks,
      seconds: Math.round((performance.now() - started) / 1000),
    };
    const cells = tableCells(result);
    console.log('');
    console.log(alignTable(cells).join('\n'));
    console.log('');
    console.log(notes(result).join('\n'));

    const json = path.resolve(PROJECT_ROOT, o.json);
    await mkdir(path.dirname(json), { recursive: true });
    const text = `${JSON.stringify(result, null, 2)}\n`;
    await writeFile(json, text);
    await writeFile(path.join(path.dirname(json), `bench-${result.date.replace(/[:.]/g, '-')}.json`), text);
    await writeFile(json.replace(/\.json$/, '') + '.md', [...markdownTable(cells), '', ...notes(result)].join('\n') + '\n');
    say(`bench: ${path.relative(PROJECT_ROOT, json)} written (${result.seconds} s)`);
    const measured = decks.some((d) => d.export?.wallMs || d.build?.warmMs || d.dev?.startMs);
    return measured ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
