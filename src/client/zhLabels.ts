// Chinese names for reveal.js's own controls (arrows, pause button, the
// jump-to-slide and search boxes), which it writes in English with no option
// to change them. Some appear only when first used, so this also watches the
// reveal element for them.
import type { RevealApi } from 'reveal.js';

/** selector → attributes (`text` sets the text content). */
export const LABELS: [string, Record<string, string>][] = [
  ['.controls .navigate-left', { 'aria-label': '上一张' }],
  ['.controls .navigate-right', { 'aria-label': '下一张' }],
  ['.controls .navigate-up', { 'aria-label': '上方一张' }],
  ['.controls .navigate-down', { 'aria-label': '下方一张' }],
  ['.pause-overlay .resume-button', { text: '继续演示' }],
  ['.jump-to-slide-input', { placeholder: '跳到第几张', 'aria-label': '跳到第几张' }],
  ['.searchbox .searchinput', { placeholder: '搜索…', 'aria-label': '在幻灯片中搜索' }],
];

function apply(root: HTMLElement): void {
  for (const [selector, attrs] of LABELS) {
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
