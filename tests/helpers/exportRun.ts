// Runs `npm run export`'s command in-process (exportCommand), capturing what
// it prints on standard output and standard error: for tests that read its
// messages beside the files it writes.
import { vi } from 'vitest';
import { exportCommand } from '../../src/export/command.ts';

export interface ExportRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runExport(args: string[]): Promise<ExportRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.join(' ')}\n`;
  });
  const errWrite = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await exportCommand(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    errWrite.mockRestore();
  }
}
