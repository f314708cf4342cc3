// `npm run package:vscode [-- --out FILE]`: the VS Code extension as a .vsix,
// offline: extension.ts bundled by esbuild with vscode-languageclient (VS
// Code itself provides `vscode`), beside this folder's package.json and
// README.md, packed by @vscode/vsce 3.9 (its 4.x needs Node 22) with no
// dependency lookup (the bundle holds them). Written to
// dist-vscode/iur-deck-<version>.vsix unless --out says otherwise. A
// development tool: vsce is a devDependency and nothing else loads it.
// (This folder's package.json is the extension's, without "type": this file
// runs as CommonJS.)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { createVSIX } from '@vscode/vsce';

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  const manifest = JSON.parse(readFileSync(path.join(HERE, 'package.json'), 'utf8')) as { name: string; version: string };
  if (values.help) {
    console.log('Usage: npm run package:vscode [-- --out FILE.vsix]   (default: dist-vscode/<name>-<version>.vsix)');
    return 0;
  }
  const out = path.resolve(values.out ?? path.join(ROOT, 'dist-vscode', `${manifest.name}-${manifest.version}.vsix`));
  const work = mkdtempSync(path.join(os.tmpdir(), 'iur-vsix-'));
  try {
    await build({
      entryPoints: [path.join(HERE, 'extension.ts')],
      outfile: path.join(work, 'extension.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      minify: true,
      logLevel: 'warning',
    });
    for (const name of ['package.json', 'README.md']) cpSync(path.join(HERE, name), path.join(work, name));
    mkdirSync(path.dirname(out), { recursive: true });
    await createVSIX({ cwd: work, packagePath: out, dependencies: false, allowMissingRepository: true, skipLicense: true });
    // Relative when below the working folder, else the whole path (as every command names a file it wrote).
    const rel = path.relative(process.cwd(), out);
    console.log(`package:vscode: ${rel && !rel.startsWith('..') ? rel : out} written`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`package:vscode: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
