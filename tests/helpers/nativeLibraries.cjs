// Preloaded into a command (NODE_OPTIONS=--require …) by the tests that check
// what it loads: when the process exits, it writes the native libraries it had
// loaded (Node's diagnostic report) as one line, `NATIVE-LIBRARIES: [...]`,
// to standard error, for the test to read.
'use strict';
process.on('exit', () => {
  const libraries = process.report.getReport().sharedObjects;
  require('node:fs').writeSync(2, `\nNATIVE-LIBRARIES: ${JSON.stringify(libraries)}\n`);
});
