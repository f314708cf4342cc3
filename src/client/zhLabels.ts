// Chinese names for reveal.js's own controls (arrows, pause button, the
// jump-to-slide and search boxes), which it writes in English with no option
// to change them. Some appear only when first used, so this also watches the
// reveal element for them.
import type { RevealApi } from 'reveal.js';
import { REVEAL_LABELS } from '../shared/pageWords.ts';

function apply(root: HTMLElement): void {
  for (const [selector, attrs] of REVEAL_LABELS) {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
      for (const [name, value] of Object.entries(attrs)) {
        if (name === 'text') {
          if (el.textContent !== value) el.textContent = value;
        } else if (el.getAttribute(name) !== value) {
          el.setAttribute(name, value);
        }
      }
    }
  }
}

export function useChineseLabels(deck: RevealApi): void {
  const root = deck.getRevealElement();
  if (!root) return;
  apply(root);
  new MutationObserver(() => apply(root)).observe(root, { childList: true });
}
