// Loads both faces of the bundled font before anything is measured (diagram
// labels, reveal.js layout): a browser only fetches a face once text needs it.
// The code font and KaTeX's faces too, for a deck that has them.
import { loadCodeMathFonts } from './codeMathFonts.ts';

const FAMILY = '"IUR Noto Sans SC"';

export async function loadFonts(): Promise<void> {
  const sample = document.body.textContent?.slice(0, 200) ?? '字';
  await Promise.all([
    document.fonts.load(`400 28px ${FAMILY}`, sample),
    document.fonts.load(`700 28px ${FAMILY}`, sample),
    loadCodeMathFonts(),
  ]).catch(() => []);
  await document.fonts.ready;
}
