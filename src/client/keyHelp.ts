// The `?` (and F1) overlay in Chinese: reveal.js draws its own keyboard help
// with English text it does not let us configure, so when it opens we put
// our list of keys in its place (its frame, styles and Esc button stay).
import type { RevealApi } from 'reveal.js';
import { REHEARSAL } from './rehearsalText.ts';
import { PEN } from './pen/penText.ts';

/** [keys, action], in the order a presenter needs them. */
export const KEYS: [string, string][] = [
  ['→ ／ 空格 ／ N ／ PageDown', '下一步（下一项或下一张）'],
  ['← ／ Shift + 空格 ／ PageUp', '上一步'],
  ['↑ ／ ↓', '同一节内的上一张 ／ 下一张'],
  ['Home ／ End', '第一张 ／ 最后一张'],
  ['Alt + 方向键', '跳过逐项显示'],
  ['G', '跳到第几张（输入页码）'],
  ['O ／ Esc', '总览全部幻灯片'],
  ['S', '演讲者视图：备注、下一张、计时'],
  [REHEARSAL.key, REHEARSAL.help],
  [PEN.key, PEN.help],
  [REHEARSAL.freshKey, REHEARSAL.freshHelp],
  ['Ctrl + Shift + F', '搜索'],
  ['Alt + 点击', '放大 ／ 还原（Linux：Ctrl + 点击）'],
  ['F', '全屏（Esc 退出）'],
  ['B ／ .', '黑屏暂停，再按一次继续'],
  ['? ／ F1', '显示 ／ 关闭本帮助'],
  ['手指左右滑动', '触摸屏上翻页'],
];

export const HELP = { title: '快捷键', keys: '按键', action: '功能', close: '关闭帮助（Esc）' };

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
