// The dev server's discovery file: readable by its user only, found by the
// slides folder it serves, not used once its process is gone, removed only by
// the server that wrote it.
import { statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorLinkPath, readEditorLink, removeEditorLink, writeEditorLink } from '../../../src/project/editorLinkFile.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iur-editor-link-'));
});
afterAll(async () => {
  removeEditorLink(dir, 's3cret');
  await rm(dir, { recursive: true, force: true });
});

describe('the discovery file', () => {
  it('is 0600 in a 0700 folder, and read back for its slides folder while its process runs', async () => {
    const file = await writeEditorLink({ pid: process.pid, host: '127.0.0.1', port: 5173, secret: 's3cret' }, dir);
    expect(file).toBe(editorLinkPath(dir));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readEditorLink(dir)).toMatchObject({ pid: process.pid, port: 5173, secret: 's3cret' });
    expect(readEditorLink(path.join(dir, 'other'))).toBeUndefined();
  });

  it('is not used when its process is gone, nor removed by another server', async () => {
    await writeEditorLink({ pid: process.pid, host: '127.0.0.1', port: 5173, secret: 's3cret' }, dir);
    removeEditorLink(dir, 'not-mine');
    expect(readEditorLink(dir)).toBeDefined();
    const info = JSON.parse(JSON.stringify(readEditorLink(dir))) as { pid: number };
    writeFileSync(editorLinkPath(dir), JSON.stringify({ ...info, pid: 2 ** 22 + 1 }));
    expect(readEditorLink(dir)).toBeUndefined();
  });
});
