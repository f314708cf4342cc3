#!/usr/bin/env node
// @ts-check
// `iur-deck-lsp`, package.json's bin: the language server (src/lsp/command.ts)
// over standard input and output, started as `iur-deck lsp` is
// (bin.mjs), for editors to run as `node src/cli/lsp.mjs`.
process.argv.splice(2, 0, 'lsp');
await import('./bin.mjs');
