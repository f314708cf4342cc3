// alive(): a process killed but not yet reaped by its parent (a zombie) is not
// alive, so the next command removes its temporary folders at once.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { alive } from '../../../src/process/temporaries.ts';

describe('alive', () => {
  it('is true for a running process and false for a zombie', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    const pid = child.pid ?? 0;
    expect(alive(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
    // Keep the event loop busy so Node cannot reap it: it stays a zombie meanwhile.
    const start = Date.now();
    while (Date.now() - start < 300) {
      /* wait without yielding */
    }
    expect(alive(pid)).toBe(false);
    await new Promise((resolve) => child.once('exit', resolve));
    expect(alive(pid)).toBe(false);
  });
});
