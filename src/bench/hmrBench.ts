// The HMR figure: with the dev page open on a slide in the middle of the
// deck, save that slide's file (in the temporary copy) with a new word in its
// heading → the word visible in the current slide, the same slide still
// current. Timed in the page (a MutationObserver, then the next animation
// frame; the update's arrival on Vite's WebSocket for the server's share) and
// put on Node's clock.
import { setTimeout as sleep } from 'node:timers/promises';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer';
import type { DevSession } from './devSession.ts';
import { measureOffset, nodeNow, toNodeClock } from './pageClock.ts';
import { maybeSummarize, type Summary } from './stats.ts';

interface Target {
  h: number;
  v: number;
  file: string;
  line: number;
  title: string;
}

/** A slide in the middle of the deck with a title, and where it comes from. */
async function pickSlide(page: Page): Promise<Target> {
  const target = (await page.evaluate(`(() => {
    const all = Array.from(document.querySelectorAll('.reveal .slides section[data-file][data-title]'));
    const s = all[Math.floor(all.length / 2)];
    if (!s) return null;
    const i = window.Reveal.getIndices(s);
    return { h: i.h, v: i.v || 0, file: s.dataset.file, line: Number(s.dataset.line), title: s.dataset.title };
  })()`)) as Target | null;
  if (!target) throw new Error('no slide with a title to edit');
  return target;
}

/** The 0-based line of the slide's heading at or after its first line. */
function headingLine(lines: string[], from: number): number {
  for (let i = Math.max(0, from); i < lines.length; i++) if (/^#{1,6}\s/.test(lines[i])) return i;
  throw new Error('no heading in the slide to edit');
}

export interface HmrFigures {
  /** Save → changed text visible (the frame after the DOM change), ms. */
  visibleMs?: Summary;
  /** Save → DOM changed, ms. */
  domMs?: Summary;
  /** Save → the update message arrives in the page (the server's share), ms. */
  messageMs?: Summary;
  /** Whether the same slide stayed current in every run. */
  keptSlide: boolean;
  slide?: string;
  /** Largest uncertainty of the page/Node clock comparison, ms. */
  clockErrorMs?: number;
  failures: string[];
}

export async function benchHmr(
  session: DevSession,
  projectRoot: string,
  runs: number,
  warmups: number,
  timeoutMs: number,
  onRun?: (label: string, ms: number) => void,
): Promise<HmrFigures> {
  const { page } = session;
  const target = await pickSlide(page);
  await page.evaluate(`window.Reveal.slide(${target.h}, ${target.v})`);
  const file = path.resolve(projectRoot, target.file);
  const original = await readFile(file, 'utf8');
  const lines = original.split('\n');
  const at = headingLine(lines, target.line - 1);
  const visible: number[] = [];
  const dom: number[] = [];
  const message: number[] = [];
  const failures: string[] = [];
  let kept = true;
  let clockError = 0;
  try {
    for (let i = 0; i < warmups + runs; i++) {
      const marker = `BENCH${i}X${Math.random().toString(36).slice(2, 8)}`;
      const edited = [...lines];
      edited[at] = lines[at].replace(/^(#{1,6}\s+)/, `$1${marker} `);
      await page.evaluate(`(() => {
        const now = () => performance.timeOrigin + performance.now();
        const rec = (window.__benchHmr = { dom: 0, paint: 0, kept: false });
        window.__benchWs = 0;
        const obs = new MutationObserver(() => {
          const s = window.Reveal.getCurrentSlide();
          if (!s || !(s.textContent || '').includes(${JSON.stringify(marker)})) return;
          rec.dom = now();
          const idx = window.Reveal.getIndices();
          rec.kept = idx.h === ${target.h} && (idx.v || 0) === ${target.v};
          obs.disconnect();
          requestAnimationFrame(() => { rec.paint = now(); });
        });
        obs.observe(document.querySelector('.reveal .slides'), { childList: true, subtree: true, characterData: true });
      })()`);
      const clock = await measureOffset(page);
      const savedAt = nodeNow();
      await writeFile(file, edited.join('\n'));
      try {
        await page.waitForFunction('window.__benchHmr.paint > 0', { timeout: timeoutMs, polling: 50 });
      } catch {
        failures.push(`HMR run ${i}: the edit did not show within ${timeoutMs} ms`);
        continue;
      }
      const rec = (await page.evaluate('({ ...window.__benchHmr, ws: window.__benchWs })')) as {
        dom: number;
        paint: number;
        kept: boolean;
        ws: number;
      };
      const ms = toNodeClock(rec.paint, clock) - savedAt;
      onRun?.(i < warmups ? 'HMR (warm-up)' : 'HMR', ms);
      if (i < warmups) continue;
      kept &&= rec.kept;
      clockError = Math.max(clockError, clock.errorMs);
      visible.push(ms);
      dom.push(toNodeClock(rec.dom, clock) - savedAt);
      if (rec.ws > 0) message.push(toNodeClock(rec.ws, clock) - savedAt);
      await sleep(300); // let the watcher settle between saves
    }
  } finally {
    await writeFile(file, original);
  }
  return {
    visibleMs: maybeSummarize(visible),
    domMs: maybeSummarize(dom),
    messageMs: maybeSummarize(message),
    keptSlide: kept,
    slide: `${path.basename(file)}:${target.line} (slide ${target.h + 1}${target.v ? `.${target.v + 1}` : ''}, "${target.title}")`,
    clockErrorMs: visible.length > 0 ? Math.round(clockError * 10) / 10 : undefined,
    failures,
  };
}
