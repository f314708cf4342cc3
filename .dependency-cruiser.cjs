// The layering rules of src/, kept by dependency-cruiser
// (`npx depcruise src --config .dependency-cruiser.cjs`); `npm test` runs them
// (tests/unit/layering.test.ts). Imports point down, never up:
//   cli/                                         the command line: starts the commands
//   export/ check/ present/ lsp/                 the commands (export: contract and print view at its bottom;
//                                                lsp/, the language server, runs export's pipeline for its layout check)
//   browser/ builder/ vite/                      Chromium, the static build, the dev server
//   render/ diagrams/ font/                      HTML, diagrams, the font subset
//   deck/ ← markdown/ ← rehearsal/ annotations/  the model, parsed from the slides
//   project/ ← process/                          the project's files; the command's process
//   shared/                                      what the page and Node both use
// and, beside them, client/ (the page) on shared/ alone; vscode/ (the VS Code
// extension, packaged on its own) on shared/ alone; bench/ and shots/
// (tools) use product code, never the reverse.
// Type-only imports count (tsPreCompilationDeps): a circle or an upward arrow
// through a type is still one for the reader.
const path = require('node:path');

/** The folders of export/ that each make one kind of output. */
const FORMATS = 'pdf|pptx|png|handout';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import circles anywhere in src/: a module must be readable (and loadable) before the ones that use it. ' +
        'Break a circle by moving what both sides share into a lower module (as export/contract.ts does for the formats).',
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
      name: 'client-only-on-shared',
      comment:
        'client/ is the page: besides its own files it imports only shared/ (and browser libraries), not even a type ' +
        'from the Node side. What the page and Node both use lives in shared/ (DeckUpdate, Problem, SlideData …).',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^src/', pathNot: '^src/(client|shared)/' },
    },
    {
      name: 'node-never-imports-the-page',
      comment:
        'Node code (everything in src/ but client/) may not import client/: page and Node code meet only in shared/. ' +
        "The font subset once read the page's words from client/; they are shared/pageWords.ts now.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/client/' },
      to: { path: '^src/client/' },
    },
    {
      name: 'shared-stands-alone',
      comment:
        'shared/ runs in the page and in Node: it imports nothing else of src/, and no Node module (not even a type), ' +
        'so both sides can use all of it.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in the page too: no node:fs, path …',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'markdown-below-deck',
      comment:
        'markdown/ turns one file into HTML and problems; deck/ makes the model from what it returns. A Markdown rule ' +
        'that imported deck/ (the outline placeholder, the file checks) made the two one tangle: what a rule needs from ' +
        'below lives in project/ (files) or shared/ (Problem), and what deck/ needs from a rule it imports from markdown/.',
      severity: 'error',
      from: { path: '^src/markdown/' },
      to: { path: '^src/deck/' },
    },
    {
      name: 'browser-below-export',
      comment:
        'browser/ starts and watches Chromium for every command that uses it (export, check, the benchmark): it knows ' +
        "nothing of an export. Its errors and clean-up are its own (crashSignal.ts) or the process's (process/).",
      severity: 'error',
      from: { path: '^src/browser/' },
      to: { path: '^src/export/' },
    },
    {
      name: 'files-and-process-at-the-bottom',
      comment:
        "project/ (the project's files, read and written safely; where store/ and cache/ went) stands on process/ and " +
        'shared/ alone, and process/ (arguments, failures, temporaries, exit clean-up) on shared/ alone: every layer ' +
        "writes through them, so they import no layer (the stale-partials clean-up once imported the browser's " +
        'temp-folder code: store → browser).',
      severity: 'error',
      from: { path: '^src/(project|process)/' },
      to: { path: '^src/', pathNot: '^src/(project/|process/|shared/)' },
    },
    {
      name: 'process-below-project',
      comment: 'process/ is the lowest Node layer: project/ writes its temporaries through it, never the reverse.',
      severity: 'error',
      from: { path: '^src/process/' },
      to: { path: '^src/project/' },
    },
    {
      name: 'cli-at-the-top',
      comment:
        'cli/ starts the commands (export, check, present, build, dev, new); nothing imports it back. What every ' +
        'command shares (arguments, failures, exit codes, output names and safety) lives below, in process/, project/ ' +
        'and shared/: export/ once imported cli/args, cli/errors, cli/plural and cli/outputSafety (export → cli).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'lsp-is-a-command',
      comment:
        'lsp/ is the language server, a command like export/ and check/: cli/ starts it (and the benchmark measures it); ' +
        'no other layer imports it. What it shares with the page, the dev server or the VS Code extension (the custom ' +
        'methods, the editor link) lives in shared/editorLink.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|lsp|bench)/' },
      to: { path: '^src/lsp/' },
    },
    {
      name: 'vscode-extension-stands-alone',
      comment:
        'vscode/ is the VS Code extension: bundled into its own .vsix, it runs in VS Code, not in the project, and starts ' +
        "the project's language server as a process. It imports only shared/ (the custom LSP methods), and nothing imports it.",
      severity: 'error',
      from: { path: '^src/vscode/' },
      to: { path: '^src/', pathNot: '^src/(vscode|shared)/' },
    },
    {
      name: 'nothing-imports-the-extension',
      comment: 'vscode/ is packaged on its own (npm run package:vscode): no product code depends on it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/vscode/' },
      to: { path: '^src/vscode/' },
    },
    {
      name: 'tools-out-of-the-product',
      comment:
        'bench/ (the benchmark) and shots/ (the README pictures) are tools that drive the product; no product code ' +
        'imports them, so they can change without touching what a presenter runs.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(bench|shots)/' },
      to: { path: '^src/(bench|shots)/' },
    },
    {
      name: 'no-format-imports-another',
      comment:
        'Each export format (export/pdf, pptx, png) stands on the shared contract (export/contract.ts) and the print view ' +
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
        'The contract (export/contract.ts) and the print view (export/print/) are what every format builds on: they ' +
        'import no format, not the pipeline and none of the command modules above them.',
      severity: 'error',
      from: { path: '^src/export/(contract\\.ts$|print/)' },
      to: { path: `^src/export/((${FORMATS}|pipeline)/|(registry|command|exportDeck|watch|args)\\.ts$)` },
    },
    {
      name: 'formats-below-the-pipeline',
      comment:
        'The pipeline (export/pipeline/: build, page, doctor gate, write) runs a format through its contract; a format ' +
        'never reaches back into the pipeline or the commands that run it (exportDeck.ts, watch.ts).',
      severity: 'error',
      from: { path: `^src/export/(${FORMATS})/` },
      to: { path: '^src/export/(pipeline/|(registry|command|exportDeck|watch)\\.ts$)' },
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
