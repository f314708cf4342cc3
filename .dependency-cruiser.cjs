// The layering rules of src/, kept by dependency-cruiser
// (`npx depcruise src --config .dependency-cruiser.cjs`); `npm test` runs them
// (tests/unit/layering.test.ts). The data path goes one way:
//   markdown → deck → render → client (in the page) → export (Puppeteer),
// and in export/ the shared contract (format.ts) and the print view (print/)
// sit at the bottom, each format in its own folder above them.
// Type-only imports count (tsPreCompilationDeps): a circle through a type is
// still a circle for the reader.
const path = require('node:path');

/** The folders of export/ that each make one kind of output. */
const FORMATS = 'pdf|pptx|png|handout';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import circles anywhere in src/: a module must be readable (and loadable) before the ones that use it. ' +
        'Break a circle by moving what both sides share into a lower module (as export/format.ts does for the formats).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'model-stays-below-the-page',
      comment:
        'markdown/ and deck/ turn the slides into the Deck model; they know nothing of how it is rendered, shown, ' +
        'exported, served or run: never import render/, client/, export/, vite/ or cli/.',
      severity: 'error',
      from: { path: '^src/(markdown|deck)/' },
      to: { path: '^src/(render|client|export|vite|cli)/' },
    },
    {
      name: 'client-no-node-builtins',
      comment: 'client/ runs in the browser: it may not import a Node module (node:fs, path …), not even as a type.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-no-node-side-code',
      comment:
        'client/ runs in the browser: it may not import the Node side of src/ (vite/, builder/, browser/, export/, cli/, ' +
        'check/, bench/, font/, rehearsal/). Type-only imports are allowed: the bundler erases them, so no Node code ' +
        'reaches the page, and the two sides of a message share one type (liveUpdate.ts takes DeckUpdate from the Vite ' +
        'plugin that sends it).',
      severity: 'error',
      from: { path: '^src/client/' },
      to: {
        path: '^src/(vite|builder|browser|export|cli|check|bench|font|rehearsal)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-format-imports-another',
      comment:
        'Each export format (export/pdf, pptx, png) stands on the shared contract (export/format.ts) and the print view ' +
        '(export/print/), never on another format: what two formats share moves down into those.',
      severity: 'error',
      from: { path: '^src/export/(pdf|pptx|png)/' },
      to: { path: `^src/export/(${FORMATS})/`, pathNot: '^src/export/$1/' },
    },
    {
      name: 'handout-is-a-pdf-client',
      comment:
        "A handout is made from the PDF writer's printed pages: handout/ may use pdf/ (never the reverse, see " +
        'no-format-imports-another), but no other format.',
      severity: 'error',
      from: { path: '^src/export/handout/' },
      to: { path: '^src/export/(pptx|png)/' },
    },
    {
      name: 'contract-at-the-bottom',
      comment:
        'The contract (export/format.ts) and the print view (export/print/) are what every format builds on: they ' +
        'import no format, no watch session and none of the command modules above them.',
      severity: 'error',
      from: { path: '^src/export/(format\\.ts$|print/)' },
      to: { path: `^src/export/((${FORMATS}|watch)/|(formats|command|exportDeck|args)\\.ts$)` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(__dirname, 'src', 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
