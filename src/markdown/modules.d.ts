// Type declarations for markdown-it plugins that ship none.
declare module 'markdown-it-container' {
  import type { PluginWithParams } from 'markdown-it';
  const container: PluginWithParams;
  export default container;
}
declare module 'markdown-it-cjk-breaks' {
  import type { PluginSimple } from 'markdown-it';
  const cjkBreaks: PluginSimple;
  export default cjkBreaks;
}
