// Byte counts for the benchmark: a folder's total, and the files in it whose
// names end a given way (the font subset's .woff2 files).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function filesUnder(dir: string): Promise<{ file: string; bytes: number }[]> {
  const out: { file: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push({ file: path.relative(dir, full), bytes: (await stat(full)).size });
  }
  return out;
}

export async function dirBytes(dir: string): Promise<number> {
  return (await filesUnder(dir)).reduce((s, f) => s + f.bytes, 0);
}

export async function bytesEndingWith(dir: string, suffix: string): Promise<{ bytes: number; files: number }> {
  const files = (await filesUnder(dir)).filter((f) => f.file.endsWith(suffix));
  return { bytes: files.reduce((s, f) => s + f.bytes, 0), files: files.length };
}
