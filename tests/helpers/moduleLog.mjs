// Preloaded into a command (node --import …) by the tests that check which
// packages a command loads: every module the command resolves through
// import (ESM loader hooks, moduleLogHooks.mjs) and every module in
// require()'s cache when it exits, one file URL or path a line, appended to
// the file named by MODULE_LOG ("{pid}" in it is replaced by the process's
// PID, so a command and the child processes it starts each log on their own).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.MODULE_LOG?.replace('{pid}', String(process.pid));
if (file) {
  register('./moduleLogHooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    appendFileSync(file, Object.keys(require.cache).join('\n') + '\n');
  });
}
