// Types of the virtual modules served by the iur-deck Vite plugin.
declare module 'virtual:iur-deck' {
  // import() rather than an import declaration: an ambient module may not import by a relative name.
  const data: import('../shared/clientData.ts').ClientData | null;
  export default data;
}
declare module 'virtual:iur-theme.css';
declare module 'virtual:iur-font.css';
