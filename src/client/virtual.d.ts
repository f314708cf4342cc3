// Types of the virtual modules served by the iur-deck Vite plugin.
declare module 'virtual:iur-deck' {
  import type { ClientData } from '../render/clientData.ts';
  const data: ClientData | null;
  export default data;
}
declare module 'virtual:iur-theme.css';
declare module 'virtual:iur-font.css';
