// For running Vite directly (`npx vite`, `npx vite build`); the npm scripts go
// through src/cli, which uses the same configuration. IUR_SLIDES picks the deck.
import { deckViteConfig } from './src/vite/config.ts';

export default deckViteConfig({ slidesDir: process.env.IUR_SLIDES ?? 'slides' });
