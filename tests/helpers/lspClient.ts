// Test helper: the LSP client on vscode-jsonrpc that the benchmark times the
// language server with (src/bench/lspClient.ts), for the end-to-end tests.
export * from '../../src/bench/lspClient.ts';
