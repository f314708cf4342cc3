// The rehearsal's words in the speaker view and the key help (Chinese), kept
// apart from its code so the font subset (presentingText.ts, in Node) can read them.
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
