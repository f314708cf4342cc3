// Every word the pen shows (toolbar, key help, save state), in one place:
// read in Node for the font subset (src/client/presentingText.ts).
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
