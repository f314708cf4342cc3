// The `?` (and F1) overlay in Chinese: reveal.js draws its own keyboard help
// with English text it does not let us configure, so when it opens we put
// our list of keys in its place (its frame, styles and Esc button stay).
import type { RevealApi } from 'reveal.js';
import { HELP, KEYS } from '../shared/pageWords.ts';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function helpHtml(): string {
  const rows = KEYS.map(([keys, action]) => `<tr><td>${escapeHtml(keys)}</td><td>${escapeHtml(action)}</td></tr>`).join('');
  return `<p class="title">${HELP.title}</p><table><thead><tr><th>${HELP.keys}</th><th>${HELP.action}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function useChineseKeyHelp(deck: RevealApi): void {
  deck.on('showhelp', () => {
    const overlay = deck.getRevealElement()?.querySelector('.r-overlay-help');
    const content = overlay?.querySelector('.r-overlay-help-content');
    if (!overlay || !content) return;
    content.innerHTML = helpHtml();
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', HELP.title);
    overlay.querySelector('.r-overlay-close')?.setAttribute('aria-label', HELP.close);
  });
}
