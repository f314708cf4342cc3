// The fonts of code and formulas: the bundled monospace font and the KaTeX
// faces a deck ships only when it has code or formulas (their @font-face rules
// are in <style id="iur-code-math">). A browser fetches a face only when text
// needs it, which a slide off screen never does, so they are loaded before
// anything is measured, as the Chinese font is (fonts.ts). Dev puts the CSS
// in, or takes it out, when a save adds the first code block or formula.
import { CODE_MATH_STYLE_ID } from '../shared/devChannel.ts';

const FAMILIES = /^["']?(IUR JetBrains Mono|KaTeX_)/;

/** Loads every declared face of the code font and KaTeX (a build declares only those its formulas use). */
export async function loadCodeMathFonts(): Promise<void> {
  const faces: FontFace[] = [];
  document.fonts.forEach((face) => {
    if (FAMILIES.test(face.family) && face.status === 'unloaded') faces.push(face);
  });
  await Promise.all(faces.map((face) => face.load().catch(() => face)));
}

/** Puts `css` in the page's code-and-formula style ('' removes it); true when it changed. */
export function setCodeMathCss(css: string | undefined): boolean {
  if (css === undefined) return false;
  let style = document.getElementById(CODE_MATH_STYLE_ID);
  if ((style?.textContent ?? '') === css) return false;
  if (!css) {
    style?.remove();
    return true;
  }
  if (!style) {
    style = document.createElement('style');
    style.id = CODE_MATH_STYLE_ID;
    document.head.appendChild(style);
  }
  style.textContent = css;
  return true;
}
