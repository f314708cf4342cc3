// Type declarations for markdown-it plugins that ship none. A plugin is typed
// by its shape (it takes any markdown-it instance), which `md.use` accepts.
declare module 'markdown-it-container' {
  const container: (md: unknown, name: string, options?: unknown) => void;
  export default container;
}
declare module 'markdown-it-cjk-breaks' {
  const cjkBreaks: (md: unknown) => void;
  export default cjkBreaks;
}
declare module 'markdown-it-texmath' {
  const texmath: (md: unknown, options?: { engine?: unknown; delimiters?: string | string[] }) => void;
  export default texmath;
}
