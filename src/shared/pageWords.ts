// Every word the presenting page writes, in Chinese, in one place: the key
// help (`?`), reveal.js's own controls, the speaker view, the rehearsal and the
// pen. The page shows them (src/client/); Node reads them all for the font
// subset (presentingText), so nothing here touches the DOM.

export const REHEARSAL = {
  key: 'R',
  help: '彩排计时：开始 ／ 结束',
  idle: '彩排计时：按 R 开始，再按 R 结束（只更新计时的幻灯片）；Shift + R 重新彩排（清空以前的计时）',
  running: '彩排中',
  freshKey: 'Shift + R',
  freshHelp: '重新彩排：清空以前的计时，从头开始',
  fresh: '重新彩排中',
  ended: '彩排结束',
  slide: '本张',
  total: '累计',
  planned: '计划',
  saved: '已保存到',
  saving: '正在保存…',
  local: '已存在本浏览器',
  download: '下载 rehearsal.json',
  failed: '保存失败：',
} as const;

/** Seconds as m:ss (h:mm:ss from an hour). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export const PEN = {
  key: 'P',
  help: '画笔：开 ／ 关（荧光笔、橡皮、清除本页在工具条上）',
  toolbar: '画笔工具',
  pen: '笔',
  highlighter: '荧光笔',
  eraser: '橡皮',
  colour: '颜色',
  clear: '清除本页',
  download: '下载 annotations.json',
  close: '关闭画笔（P）',
  closeMark: '×',
  savedFile: '已保存到',
  saving: '保存中…',
  failed: '未能保存：',
  savedBrowser: '已存在本浏览器；放进 slides/ 才能随幻灯片保留',
};

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

/** reveal.js's own controls: selector → attributes (`text` sets the text content). */
export const REVEAL_LABELS: [string, Record<string, string>][] = [
  ['.controls .navigate-left', { 'aria-label': '上一张' }],
  ['.controls .navigate-right', { 'aria-label': '下一张' }],
  ['.controls .navigate-up', { 'aria-label': '上方一张' }],
  ['.controls .navigate-down', { 'aria-label': '下方一张' }],
  ['.pause-overlay .resume-button', { text: '继续演示' }],
  ['.jump-to-slide-input', { placeholder: '跳到第几张', 'aria-label': '跳到第几张' }],
  ['.searchbox .searchinput', { placeholder: '搜索…', 'aria-label': '在幻灯片中搜索' }],
];

/** The speaker view's labels: selector → text. */
export const SPEAKER_LABELS: [string, string][] = [
  ['#upcoming-slide > .label', '下一张'],
  ['.speaker-controls-time .reset-button', '点击重置'],
  ['.speaker-controls-time .pacing-title', '节奏：本张剩余时间'],
  ['.speaker-controls-notes > .label', '备注'],
];

export const LAYOUTS: Record<string, string> = {
  default: '默认',
  wide: '宽屏',
  tall: '竖排',
  'notes-only': '仅备注',
};

export const SPEAKER = { time: '计时 ', layout: '布局：', title: '演讲者视图 · ' };

/** Every character of the words above, for the font subset. */
export function presentingText(): string {
  return [
    ...KEYS.flat(),
    ...Object.values(HELP),
    ...REVEAL_LABELS.flatMap(([, attrs]) => Object.values(attrs)),
    ...SPEAKER_LABELS.map(([, text]) => text),
    ...Object.values(LAYOUTS),
    ...Object.values(SPEAKER),
    ...Object.values(REHEARSAL),
    ...Object.values(PEN),
    '0123456789:-·/',
  ].join('');
}
